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
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public WaitingEnded(Instant at)
        : base(at)
    {
    }
}
