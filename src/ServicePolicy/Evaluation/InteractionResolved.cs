// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The interaction was resolved: the resolution commitment is met; the other open cycles end (cancelled, or breached when already past their deadline); waiting ends; a feedback-request cycle starts. Not valid while already resolved.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class InteractionResolved : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of resolution.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public InteractionResolved(Instant at)
        : base(at)
    {
    }
}
