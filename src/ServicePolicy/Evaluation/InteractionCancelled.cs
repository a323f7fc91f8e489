// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The interaction was cancelled (withdrawn, spam, duplicate): every open cycle ends, cancelled or, when already past its deadline, breached. No fact may follow it.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class InteractionCancelled : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of cancellation.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public InteractionCancelled(Instant at)
        : base(at)
    {
    }
}
