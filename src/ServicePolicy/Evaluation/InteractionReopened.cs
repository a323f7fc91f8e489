// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The resolved interaction was reopened: the resolution commitment resumes from where it stopped (the time it was resolved does not count); an open feedback-request cycle ends; a periodic-update cycle starts. Only valid while resolved.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class InteractionReopened : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of reopening.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public InteractionReopened(Instant at)
        : base(at)
    {
    }
}
