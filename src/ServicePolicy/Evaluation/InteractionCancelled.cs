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
    public InteractionCancelled(Instant at)
        : base(at)
    {
    }
}
