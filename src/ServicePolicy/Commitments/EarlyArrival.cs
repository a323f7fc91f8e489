// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Commitments;

/// <summary>Whether an arrival before an appointment's booked window opens keeps the appointment
/// (<see cref="AppointmentWindowRule.EarlyArrival"/>).</summary>
/// <remarks>The default value is <see cref="NotKept"/>, the customer's view: a window is kept by arriving inside it,
/// and a visitor at the door at 08:30 for a 10:00-14:00 window finds nobody expecting them.</remarks>
public enum EarlyArrival
{
    /// <summary>An early arrival does not keep the window: the cycle is <see cref="Evaluation.CommitmentState.MetEarly"/>,
    /// broken at the instant of arrival. Only an arrival in <c>[start, end]</c> (the end inclusive, as every deadline)
    /// keeps it.</summary>
    NotKept,

    /// <summary>An early arrival keeps the window, as for a delivery that may come sooner: only a late arrival breaks it.</summary>
    Kept,
}
