// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The visitor arrived for the pending appointment, meeting it: on time inside the window, late after it, and,
/// unless the rule keeps early arrivals (<see cref="Commitments.EarlyArrival.Kept"/>), not kept before it opens
/// (<see cref="CommitmentState.MetEarly"/>). Only valid while an appointment booked since the last resolution is pending.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class AppointmentArrived : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of arrival.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public AppointmentArrived(Instant at)
        : base(at)
    {
    }
}
