// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Policies;

/// <summary>How often a <see cref="Commitments.CommitmentKind.Custom"/> target (a milestone) recurs within one
/// interaction, as Salesforce milestones do: see <see cref="ServiceTarget.WithRecurrence"/>.</summary>
/// <remarks>The default value is <see cref="None"/>.</remarks>
public enum MilestoneRecurrence
{
    /// <summary>One cycle per interaction, started at the opening and met by the first
    /// <see cref="Evaluation.MilestoneReached"/> of the target's name.</summary>
    None,

    /// <summary>A cycle starts at the opening; when a cycle is met (<see cref="Evaluation.MilestoneReached"/>), the next
    /// cycle, numbered next, starts at that instant while the interaction is open (not resolved nor cancelled), as a
    /// periodic update does after each public reply.</summary>
    Sequential,

    /// <summary>Each occurrence is its own cycle: no cycle starts at the opening; each
    /// <see cref="Evaluation.MilestoneStarted"/> of the target's name starts one (while the interaction is open),
    /// whatever the state of the others, and each <see cref="Evaluation.MilestoneReached"/> meets the oldest open one.</summary>
    Independent,
}
