// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>The replay's side of profile changes (<see cref="ProfileChanged"/>) and of the customer's hours
/// (<see cref="TargetHours.Customer"/>): kept apart from the facts every timeline has, so that a timeline without profile
/// changes costs what it did (a field or two set per evaluation, one flag tested per fact that meets a cycle).</summary>
internal sealed partial class Replay
{
    private ServiceLevelPolicySet? policySet;
    private IReadOnlyDictionary<string, BusinessCalendar>? customerCalendars;
    private InteractionProfile profile = null!;

    /// <summary>Since when <see cref="policy"/> governs: the opening, or the change that selected it.</summary>
    private Instant policySince;

    /// <summary>Whether a profile change has selected another policy, so that cycles of two policies may run side by
    /// side (<see cref="ReplacedTarget.KeepToEnd"/>) and facts meet every open cycle of their kind.</summary>
    private bool policyReplaced;

    private void StartProfile(Timeline timeline, in PolicySource source)
    {
        policySet = source.Policies;
        customerCalendars = source.Calendars;
        profile = timeline.Opened.Profile;
        policySince = timeline.Opened.At;
    }

    private void ClearProfile()
    {
        policySet = null;
        customerCalendars = null;
        profile = null!;
        policySince = default;
        policyReplaced = false;
    }

    /// <summary>The calendar a new cycle of <paramref name="target"/> runs on: the target's or the policy's, or, for a
    /// target in the customer's hours, the customer's as the current profile says (see <see cref="TargetHours.Customer"/>).</summary>
    private BusinessCalendar CalendarOf(ServiceTarget? target)
    {
        BusinessCalendar calendar = target?.Calendar ?? policy.Calendar;
        if (target is not { Hours: TargetHours.Customer })
        {
            return calendar;
        }
        if (profile.CustomerCalendarName is { } name && customerCalendars is not null && customerCalendars.TryGetValue(name, out BusinessCalendar? named))
        {
            return named;
        }
        return profile.CustomerTimeZone is { } zone ? calendar.InZone(zone) : calendar;
    }

    /// <summary>Applies a profile change: the profile is current from now on; under a policy set, when the set selects
    /// another policy, the old policy's running cycles end here (or run on, <see cref="ReplacedTarget.KeepToEnd"/>) and
    /// the new policy's targets that would be running had it governed all along start, from the change or from when
    /// they would have started (<see cref="TargetStart"/>). Promised follow-ups and booked appointments are the
    /// interaction's own promises: they run on whatever the policy.</summary>
    private void ChangeProfile(int position, ProfileChanged change)
    {
        profile = change.Profile;
        if (policySet is null || policySet.Select(profile) is not { } selected || ReferenceEquals(selected, policy))
        {
            return;
        }
        Instant at = change.At;
        ServiceLevelPolicy old = policy;
        if (old.ReplacedTarget == ReplacedTarget.Cancel)
        {
            for (int i = 0; i < cycleCount; i++)
            {
                CommitmentCycle cycle = cycles[i]!;
                if (cycle.IsOpen && ReferenceEquals(cycle.Policy, old) && cycle.Kind is not (CommitmentKind.FollowUp or CommitmentKind.Appointment))
                {
                    cycle.End(at);
                }
            }
        }
        policy = selected;
        policySince = at;
        policyReplaced = true;

        // What the facts so far say would be running, and since when, whatever the policies had targets for.
        ReadOnlySpan<TimelineFact> facts = timeline.Facts.Slice(0, position);
        Instant opened = timeline.Opened.At;
        Instant periodicSince = opened;
        Instant? nextResponseSince = null;
        Instant? feedbackSince = null;
        bool publicReply = false, resolvedNow = false, everResolved = false;
        foreach (TimelineFact fact in facts)
        {
            switch (fact)
            {
                case AgentReplied { IsPublic: true }:
                    publicReply = true;
                    periodicSince = fact.At;
                    nextResponseSince = null;
                    break;
                case CustomerReplied when !resolvedNow && publicReply && nextResponseSince is null:
                    nextResponseSince = fact.At;
                    break;
                case InteractionResolved:
                    resolvedNow = everResolved = true;
                    nextResponseSince = null;
                    feedbackSince = fact.At;
                    break;
                case InteractionReopened:
                    resolvedNow = false;
                    periodicSince = fact.At;
                    feedbackSince = null;
                    break;
                case FeedbackRequested:
                    feedbackSince = null;
                    break;
            }
        }

        bool retroactive = selected.TargetStart == TargetStart.Retroactive;
        foreach (ServiceTarget target in selected.TargetSpan)
        {
            Instant? since = target.Kind switch
            {
                CommitmentKind.FirstResponse when !publicReply && !everResolved => opened,
                CommitmentKind.Resolution when !resolvedNow => opened,
                CommitmentKind.PeriodicUpdate when !resolvedNow => periodicSince,
                CommitmentKind.NextResponse when !resolvedNow => nextResponseSince,
                CommitmentKind.FeedbackRequest when resolvedNow => feedbackSince,
                CommitmentKind.Custom when target.Recurrence == MilestoneRecurrence.Sequential => resolvedNow ? null : SequentialSince(facts, target.Name!, opened),
                CommitmentKind.Custom when target.Recurrence == MilestoneRecurrence.Independent => null,
                CommitmentKind.Custom when !everResolved && !Reached(facts, target.Name!) => opened,
                _ => null,
            };
            if (since is not { } from)
            {
                continue;
            }
            Start(target.Kind, target.Name, retroactive ? from : at, target, target.Rule, null, null);
            if (retroactive && target.Kind == CommitmentKind.Resolution)
            {
                AddResolvedGaps(cycles[cycleCount - 1]!, facts);
            }
        }
    }

    /// <summary>A reopening after a profile change selected another policy while the interaction was resolved: the
    /// old policy's resolution cycle stays met (it no longer applies), and the current policy's starts, from the
    /// reopening or, retroactively, from the opening without the time spent resolved.</summary>
    private void ReopenUnderNewPolicy(int position, InteractionReopened reopening)
    {
        bool retroactive = policy.TargetStart == TargetStart.Retroactive;
        foreach (ServiceTarget target in policy.TargetSpan)
        {
            if (target.Kind != CommitmentKind.Resolution || FindOpen(CommitmentKind.Resolution, target.Name) is not null)
            {
                continue;
            }
            Start(CommitmentKind.Resolution, target.Name, retroactive ? timeline.Opened.At : reopening.At, target, target.Rule, null, null);
            if (retroactive)
            {
                AddResolvedGaps(cycles[cycleCount - 1]!, timeline.Facts.Slice(0, position + 1));
            }
        }
    }

    private static bool Reached(ReadOnlySpan<TimelineFact> facts, string milestone)
    {
        foreach (TimelineFact fact in facts)
        {
            if (fact is MilestoneReached reached && string.Equals(reached.Name, milestone, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Since when a sequential milestone's cycle would be running: its last <see cref="MilestoneReached"/> or the
    /// last reopening, whichever is later, else the opening.</summary>
    private static Instant SequentialSince(ReadOnlySpan<TimelineFact> facts, string milestone, Instant opened)
    {
        Instant since = opened;
        foreach (TimelineFact fact in facts)
        {
            if (fact is InteractionReopened || (fact is MilestoneReached reached && string.Equals(reached.Name, milestone, StringComparison.Ordinal)))
            {
                since = fact.At;
            }
        }
        return since;
    }

    /// <summary>Gives a retroactive resolution cycle the time the interaction spent resolved before it started, which
    /// does not count against it (as it does not against the cycle it replaces).</summary>
    private static void AddResolvedGaps(CommitmentCycle cycle, ReadOnlySpan<TimelineFact> facts)
    {
        Instant? resolvedAt = null;
        foreach (TimelineFact fact in facts)
        {
            if (fact is InteractionResolved)
            {
                resolvedAt = fact.At;
            }
            else if (fact is InteractionReopened && resolvedAt is { } from)
            {
                cycle.AddResolvedGap(from, fact.At);
                resolvedAt = null;
            }
        }
    }
}
