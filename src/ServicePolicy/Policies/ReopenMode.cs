// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Policies;

/// <summary>What a <see cref="Commitments.CommitmentKind.Resolution"/> target does when a resolved interaction is
/// reopened (<see cref="Evaluation.InteractionReopened"/>): see <see cref="ServiceTarget.WithReopenMode"/>.</summary>
/// <remarks>The default value is <see cref="Resume"/>.</remarks>
public enum ReopenMode
{
    /// <summary>The resolution cycle resumes where it stopped: the time the interaction spent resolved does not count,
    /// the deadline moves out by it, and the cycle keeps its number (and its escalation keys). A cycle met at the
    /// resolution is running again, and can end met late or breached.</summary>
    Resume,

    /// <summary>The resolution cycle stays met (or met late) as it was at the resolution, and a new cycle, numbered
    /// next (<see cref="Evaluation.CommitmentStatus.Cycle"/>), starts at the reopening with the whole target: its own
    /// deadline, escalation and remedies.</summary>
    NewCycle,
}
