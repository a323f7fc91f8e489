// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>Waiting ended, and paused clocks run again. Only valid while waiting (after <see cref="WaitingStarted"/>).</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class WaitingEnded : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant waiting ended.</param>
    public WaitingEnded(Instant at)
        : base(at)
    {
    }
}
