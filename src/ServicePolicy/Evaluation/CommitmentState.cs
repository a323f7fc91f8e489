// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Evaluation;

/// <summary>Where one cycle of a commitment stands at an instant.</summary>
/// <remarks>The default value is <see cref="OnTrack"/>. Without a reopening, a cycle never goes from
/// <see cref="Met"/>, <see cref="MetLate"/>, <see cref="MetEarly"/> or <see cref="Breached"/> back to
/// <see cref="OnTrack"/> or <see cref="AtRisk"/>. Code that switches over the states should expect values added in later
/// versions.</remarks>
public enum CommitmentState
{
    /// <summary>Running, with its deadline ahead and its at-risk threshold not reached.</summary>
    OnTrack,

    /// <summary>Running, with its deadline ahead but its at-risk threshold reached.</summary>
    AtRisk,

    /// <summary>Its deadline passed without it being met (it may still be met late); also a cycle that ended
    /// unmet after its deadline.</summary>
    Breached,

    /// <summary>Met before its deadline.</summary>
    Met,

    /// <summary>Met at or after its deadline.</summary>
    MetLate,

    /// <summary>Its clock is stopped because the interaction is waiting, and it was not breached before that.</summary>
    Paused,

    /// <summary>Ended unmet before its deadline: the interaction was resolved or cancelled, or a new promise or
    /// booking replaced it.</summary>
    Cancelled,

    /// <summary>Ended at or before its deadline because its target was waived (<see cref="TargetWaived"/>): neither
    /// kept nor broken, and told apart from <see cref="Cancelled"/> for reporting.</summary>
    Waived,

    /// <summary>An appointment the visitor arrived for before its window opened, under a rule that does not count an
    /// early arrival as keeping the window (<see cref="Commitments.EarlyArrival.NotKept"/>, the default): not kept,
    /// from the instant of arrival (<see cref="CommitmentStatus.BreachedAt"/>).</summary>
    MetEarly,
}
