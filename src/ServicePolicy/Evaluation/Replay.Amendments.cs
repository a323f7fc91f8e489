// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Commitments;

namespace ServicePolicy.Evaluation;

/// <summary>The facts that amend one named cycle: a deadline agreed with the customer, a waived target.</summary>
internal sealed partial class Replay
{
    private void Agree(int position, DeadlineAgreed agreement)
    {
        CommitmentCycle cycle = RunningCycle(position, agreement, agreement.Kind, agreement.Name, agreement.Cycle, "agreed");
        // The clock as it stands at the agreement (the pauses so far, an ongoing one up to the agreement): breached
        // then, as its status would say, unless paused at its deadline.
        CycleClock clock = cycle.ClockAt(agreement.At, policy, pauses);
        Instant deadline = clock.Deadline;
        if (agreement.At > deadline && !clock.PausedAtDeadline)
        {
            throw new InvalidTimelineException(nameof(timeline), position, agreement,
                $"{Describe(cycle)} was breached at {Format(deadline + Duration.Epsilon)}, before the agreement; an agreed deadline cannot undo a breach");
        }
        cycle.Agree(agreement);
    }

    private void Waive(int position, TargetWaived waiver) =>
        RunningCycle(position, waiver, waiver.Kind, waiver.Name, waiver.Cycle, "waived").Waive(waiver);

    /// <summary>The cycle a fact names, which must be running (neither met nor ended).</summary>
    private CommitmentCycle RunningCycle(int position, TimelineFact fact, CommitmentKind kind, string? name, int index, string verb)
    {
        for (int i = 0; i < cycleCount; i++)
        {
            CommitmentCycle cycle = cycles[i]!;
            if (cycle.Kind != kind || cycle.Index != index || !string.Equals(cycle.Name, name, StringComparison.Ordinal))
            {
                continue;
            }
            string? closed = cycle.MetAt is { } met ? $"was met at {Format(met)}"
                : cycle.EndedAt is { } ended ? $"ended at {Format(ended)}"
                : null;
            if (closed is not null)
            {
                throw new InvalidTimelineException(nameof(timeline), position, fact,
                    $"{Describe(cycle)} {closed}; only a running cycle can be {verb}");
            }
            return cycle;
        }
        throw new InvalidTimelineException(nameof(timeline), position, fact,
            $"policy '{policy}' gives the interaction no cycle {CommitmentAmendments.CycleText(kind, name, index)} by then; only a running cycle can be {verb}");
    }

    private static string Describe(CommitmentCycle cycle) => CommitmentAmendments.CycleText(cycle.Kind, cycle.Name, cycle.Index);

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
