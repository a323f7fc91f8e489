// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>One replay of a timeline under a policy (mutable, private to one evaluation): it applies the facts in order
/// to its cycles, then evaluates them at the instant. Rented from <see cref="ReplayPool"/>, which clears it when it is
/// returned (<see cref="Clear"/>) and hands it to a later evaluation, with its buffers and cycle objects.</summary>
internal sealed partial class Replay
{
    /// <summary>The key of a remedy: of a cycle's breach, or of the handoff limit's (<paramref name="cycle"/> null).</summary>
    private static ActionKey RemedyKey(string interactionId, CommitmentCycle? cycle, int remedy) =>
        cycle is null
            ? ActionKey.HandoffLimitRemedy(interactionId, remedy)
            : ActionKey.Remedy(interactionId, cycle.Kind, cycle.Name, cycle.Index, remedy);

    private readonly List<(PauseReason Reason, Instant Start, Instant? End)> pauses = new(2);
    private readonly EscalationPlanner planner = new();

    /// <summary>The cycles of this replay are the first <see cref="cycleCount"/>; the rest are kept for reuse.</summary>
    private CommitmentCycle?[] cycles = new CommitmentCycle?[4];
    private int cycleCount;

    private Timeline timeline = null!;
    private ServiceLevelPolicy policy = null!;
    private Owner owner = null!;
    private int handoffs;
    private Instant? handoffLimitBreachedAt;
    private HandoffLimit? breachedHandoffLimit;
    private bool resolved;
    private bool cancelled;
    private bool anyPublicReply;

    /// <summary>The remedies recorded as given and the customer's feedback answers, in timeline order; null or empty
    /// for most timelines.</summary>
    private List<RemedyGiven>? given;
    private List<FeedbackReceived>? feedback;

    /// <summary>Replays <paramref name="timeline"/> under <paramref name="policy"/> and evaluates it at
    /// <paramref name="now"/>, escalating with <paramref name="escalation"/> when it is not null. Call once between
    /// <see cref="Clear"/>s.</summary>
    internal EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, in PolicySource source, EscalationContext? escalation, Instant now)
    {
        this.timeline = timeline;
        this.policy = policy;
        owner = timeline.Opened.Owner;
        StartProfile(timeline, source);
        ReadOnlySpan<TimelineFact> facts = timeline.Facts;
        for (int i = 0; i < facts.Length; i++)
        {
            Apply(i, facts[i]);
        }
        return EvaluateAt(now, escalation);
    }

    /// <summary>Forgets the evaluation (its timeline, policy, facts applied and escalation), keeping the buffers and
    /// cycle objects; the pool calls it when the replay is returned.</summary>
    internal void Clear()
    {
        cycleCount = 0;
        pauses.Clear();
        planner.Clear();
        timeline = null!;
        policy = null!;
        owner = null!;
        handoffs = 0;
        handoffLimitBreachedAt = null;
        breachedHandoffLimit = null;
        ClearProfile();
        resolved = false;
        cancelled = false;
        anyPublicReply = false;
        given?.Clear();
        feedback?.Clear();
    }

    private EvaluationResult EvaluateAt(Instant now, EscalationContext? escalation)
    {
        var statuses = new CommitmentStatus[cycleCount];
        List<RemedyDue>? remedies = null;
        List<GivenRemedy>? remediesGiven = null;
        List<DelayNotice>? notices = null;
        Instant? next = null;
        EscalationPlanner? planner = escalation is not null && (policy.EscalationChainName is not null || policyReplaced)
            ? this.planner.Start(timeline, policy.EscalationChainName, escalation, now, owner)
            : null;
        for (int i = 0; i < statuses.Length; i++)
        {
            CommitmentCycle cycle = cycles[i]!;
            CycleClock clock = cycle.ClockAt(now, cycle.Policy, pauses);
            CommitmentStatus status = cycle.ToStatus(now, cycle.Policy, clock);
            statuses[i] = status;
            planner?.PlanCycle(cycle, status, clock);
            Instant? change = status.State switch
            {
                // Deadlines are inclusive: the state changes to breached at the first instant after the deadline.
                CommitmentState.OnTrack => status.AtRiskAt is { } risk && risk > now ? risk : status.Deadline + Duration.Epsilon,
                CommitmentState.AtRisk => status.Deadline + Duration.Epsilon,
                _ => null,
            };
            if (change is { } c && (next is null || c < next))
            {
                next = c;
            }
            if (status.BreachedAt is { } breachedAt && cycle.Target is { Remedies.Count: > 0 } target)
            {
                for (int r = 0; r < target.Remedies.Count; r++)
                {
                    AddRemedy(ref remedies, ref remediesGiven, ref next, target.Remedies[r], breachedAt, status.Deadline, status, RemedyKey(timeline.InteractionId, cycle, r), cycle.Calendar, now);
                }
            }
            if (status.State == CommitmentState.AtRisk && cycle.Target?.DelayNotice is { } template)
            {
                (notices ??= new List<DelayNotice>()).Add(new DelayNotice(template, status, ActionKey.DelayNotice(timeline.InteractionId, cycle.Kind, cycle.Name, cycle.Index)));
            }
        }
        if (handoffLimitBreachedAt is { } handoffBreach)
        {
            IReadOnlyList<BreachRemedy> handoffRemedies = breachedHandoffLimit!.Remedies;
            for (int r = 0; r < handoffRemedies.Count; r++)
            {
                AddRemedy(ref remedies, ref remediesGiven, ref next, handoffRemedies[r], handoffBreach, handoffBreach, null, RemedyKey(timeline.InteractionId, null, r), policy.Calendar, now);
            }
        }
        IReadOnlyList<EscalationAction> actions = Array.Empty<EscalationAction>();
        if (planner is not null)
        {
            if (handoffLimitBreachedAt is { } breach && !resolved && !cancelled)
            {
                planner.PlanHandoffLimit(breach);
            }
            for (int r = 0; remedies is not null && r < remedies.Count; r++)
            {
                if (remedies[r] is { IsOverdue: true, Deadline: { } remedyDeadline })
                {
                    // As for a cycle, the ladder runs once overdue; until then the deadline is the next change.
                    planner.PlanRemedy(remedies[r], remedyDeadline);
                }
            }
            actions = planner.TakeActions();
            if (planner.Next is { } step && (next is null || step < next))
            {
                next = step;
            }
        }
        return new EvaluationResult(timeline.InteractionId, policy, now, owner, handoffs, handoffLimitBreachedAt,
            Array.AsReadOnly(statuses), remedies is null ? ReadOnlyCollection<RemedyDue>.Empty : remedies.AsReadOnly(), actions, next, policySince)
        {
            RemediesGiven = remediesGiven is null ? ReadOnlyCollection<GivenRemedy>.Empty : remediesGiven.AsReadOnly(),
            DelayNotices = notices is null ? ReadOnlyCollection<DelayNotice>.Empty : notices.AsReadOnly(),
            Feedback = feedback is { Count: > 0 } answers ? Array.AsReadOnly(answers.ToArray()) : ReadOnlyCollection<FeedbackReceived>.Empty,
        };
    }

    /// <summary>Lists a remedy made due by a breach at <paramref name="breachedAt"/>: as given when a
    /// <see cref="RemedyGiven"/> fact names its key, otherwise as due, with its deadline (counted on
    /// <paramref name="calendar"/> from <paramref name="countFrom"/>: a cycle's deadline, as escalation delays are, or
    /// the breaching handoff) folded into <paramref name="next"/> while it is ahead.</summary>
    private void AddRemedy(ref List<RemedyDue>? remedies, ref List<GivenRemedy>? remediesGiven, ref Instant? next,
        BreachRemedy remedy, Instant breachedAt, Instant countFrom, CommitmentStatus? status, ActionKey key, BusinessCalendar calendar, Instant now)
    {
        Instant? deadline = remedy.Deadline?.GetDeadline(countFrom, calendar, null);
        if (FindGiven(key) is { } gift)
        {
            (remediesGiven ??= new List<GivenRemedy>()).Add(new GivenRemedy(new RemedyDue(remedy, breachedAt, status, key, deadline), gift));
            return;
        }
        (remedies ??= new List<RemedyDue>()).Add(new RemedyDue(remedy, breachedAt, status, key, deadline, now));
        if (deadline is { } d && d >= now && (next is null || d + Duration.Epsilon < next))
        {
            // Deadlines are inclusive: the remedy is overdue from the first instant after its deadline.
            next = d + Duration.Epsilon;
        }
    }

    private RemedyGiven? FindGiven(ActionKey key)
    {
        for (int i = 0; given is not null && i < given.Count; i++)
        {
            if (given[i].Key == key)
            {
                return given[i];
            }
        }
        return null;
    }

    private void CheckFeedback(int position, FeedbackReceived answer)
    {
        if (policy.FeedbackScale is not { } scale)
        {
            throw new InvalidTimelineException(nameof(timeline), position, answer,
                $"it records a feedback score, but policy '{policy}' declares no feedback scale (ServiceLevelPolicyBuilder.WithFeedbackScale, configuration key FeedbackScale)");
        }
        if (!scale.Contains(answer.Score))
        {
            throw new InvalidTimelineException(nameof(timeline), position, answer,
                string.Create(CultureInfo.InvariantCulture, $"its score {answer.Score} is outside the feedback scale {scale} of policy '{policy}'"));
        }
    }

    private void Apply(int position, TimelineFact fact)
    {
        switch (fact)
        {
            case InteractionOpened opened:
                StartIfTargeted(CommitmentKind.FirstResponse, opened.At);
                StartIfTargeted(CommitmentKind.Resolution, opened.At);
                StartIfTargeted(CommitmentKind.PeriodicUpdate, opened.At);
                foreach (ServiceTarget target in policy.TargetSpan)
                {
                    if (target.Kind == CommitmentKind.Custom && target.Recurrence != MilestoneRecurrence.Independent)
                    {
                        Start(CommitmentKind.Custom, target.Name, opened.At, target, target.Rule, null, null);
                    }
                }
                break;
            case AgentReplied { IsPublic: true } reply:
                MeetOpen(CommitmentKind.FirstResponse, reply.At);
                MeetOpen(CommitmentKind.NextResponse, reply.At);
                MeetOpen(CommitmentKind.FollowUp, reply.At);
                if (MeetOpen(CommitmentKind.PeriodicUpdate, reply.At) && !resolved)
                {
                    StartIfTargeted(CommitmentKind.PeriodicUpdate, reply.At);
                }
                anyPublicReply = true;
                break;
            case CustomerReplied message:
                if (!resolved && anyPublicReply)
                {
                    StartUnlessOpen(CommitmentKind.NextResponse, message.At);
                }
                break;
            case FollowUpPromised promise:
                EndOpen(CommitmentKind.FollowUp, promise.At);
                StartFollowUp(position, promise);
                break;
            case WaitingStarted pause:
                pauses.Add((pause.Reason, pause.At, null));
                break;
            case WaitingEnded resume:
                EndPause(resume.At);
                break;
            case OwnerAssigned assigned:
                owner = assigned.Owner;
                handoffs++;
                if (policy.HandoffLimit is { } limit && handoffs == limit.MaxReassignments + 1)
                {
                    handoffLimitBreachedAt = assigned.At;
                    breachedHandoffLimit = limit;
                }
                break;
            case AppointmentBooked booking:
                FindOpen(CommitmentKind.Appointment)?.End(booking.At);
                StartAppointment(booking);
                break;
            case AppointmentArrived arrival:
                MeetOpen(CommitmentKind.Appointment, arrival.At);
                break;
            case FeedbackRequested request:
                MeetOpen(CommitmentKind.FeedbackRequest, request.At);
                break;
            case RemedyGiven gift:
                (given ??= new List<RemedyGiven>(1)).Add(gift);
                break;
            case FeedbackReceived answer:
                CheckFeedback(position, answer);
                (feedback ??= new List<FeedbackReceived>(1)).Add(answer);
                break;
            case MilestoneReached milestone:
                MeetMilestone(milestone.At, milestone.Name);
                break;
            case MilestoneStarted occurrence:
                StartOccurrence(occurrence.At, occurrence.Name);
                break;
            case InteractionResolved resolution:
                EndPause(resolution.At);
                for (int i = 0; i < cycleCount; i++)
                {
                    CommitmentCycle cycle = cycles[i]!;
                    if (cycle.IsOpen && cycle.Kind == CommitmentKind.Resolution)
                    {
                        cycle.Resolve(resolution.At);
                    }
                    else if (cycle.IsOpen && cycle.Kind != CommitmentKind.FeedbackRequest)
                    {
                        cycle.End(resolution.At);
                    }
                }
                resolved = true;
                StartIfTargeted(CommitmentKind.FeedbackRequest, resolution.At);
                break;
            case InteractionReopened reopening:
                EndOpen(CommitmentKind.FeedbackRequest, reopening.At);
                ReopenResolutions(position, reopening);
                resolved = false;
                StartIfTargeted(CommitmentKind.PeriodicUpdate, reopening.At);
                StartSequentialMilestones(reopening.At);
                break;
            case DeadlineAgreed agreement:
                Agree(position, agreement);
                break;
            case TargetWaived waiver:
                Waive(position, waiver);
                break;
            case InteractionCancelled cancellation:
                EndPause(cancellation.At);
                cancelled = true;
                for (int i = 0; i < cycleCount; i++)
                {
                    if (cycles[i]!.IsOpen)
                    {
                        cycles[i]!.End(cancellation.At);
                    }
                }
                break;
            case ProfileChanged change:
                ChangeProfile(position, change);
                break;
        }
    }

    /// <summary>Starts a follow-up cycle for each FollowUp target (measure), or one without a target when there is none.</summary>
    private void StartFollowUp(int position, FollowUpPromised promise)
    {
        bool started = false;
        foreach (ServiceTarget target in policy.TargetSpan)
        {
            if (target.Kind == CommitmentKind.FollowUp)
            {
                StartFollowUp(position, promise, target);
                started = true;
            }
        }
        if (!started)
        {
            StartFollowUp(position, promise, null);
        }
    }

    private void StartFollowUp(int position, FollowUpPromised promise, ServiceTarget? target)
    {
        if (promise.By is { } by)
        {
            Start(CommitmentKind.FollowUp, target?.Name, promise.At, target, null, null, by);
            return;
        }
        DeadlineRule? rule = promise.Rule ?? target?.Rule;
        if (rule is null)
        {
            throw new InvalidTimelineException(nameof(timeline), position, promise,
                $"it names no deadline, and policy '{policy}' has no FollowUp target to supply one");
        }
        Start(CommitmentKind.FollowUp, target?.Name, promise.At, target, rule, null, null);
    }

    private void StartAppointment(AppointmentBooked booking)
    {
        ServiceTarget? target = policy.FindTarget(CommitmentKind.Appointment);
        Duration width = booking.Window.Duration;
        DeadlineRule windowRule = target?.Rule ?? DeadlineRule.AppointmentWindow(width);
        // A window wider than the policy allows broke the policy when it was booked: the appointment is due at the
        // booking (so breached from just after it, and late whenever the visitor comes); the rest evaluates as usual.
        Instant? brokenAt = windowRule is AppointmentWindowRule rule && width > rule.MaximumWidth ? booking.At : null;
        Start(CommitmentKind.Appointment, null, booking.At, target, windowRule, booking.Window, brokenAt);
    }

    /// <summary>Starts a cycle of every target of <paramref name="kind"/> (each measure of it), if any.</summary>
    private void StartIfTargeted(CommitmentKind kind, Instant at)
    {
        foreach (ServiceTarget target in policy.TargetSpan)
        {
            if (target.Kind == kind)
            {
                Start(kind, target.Name, at, target, target.Rule, null, null);
            }
        }
    }

    /// <summary>Starts a cycle of every target of <paramref name="kind"/> that has no open cycle.</summary>
    private void StartUnlessOpen(CommitmentKind kind, Instant at)
    {
        foreach (ServiceTarget target in policy.TargetSpan)
        {
            if (target.Kind == kind && FindOpen(kind, target.Name) is null)
            {
                Start(kind, target.Name, at, target, target.Rule, null, null);
            }
        }
    }

    /// <summary>Ends every open cycle of <paramref name="kind"/> (of each of its measures).</summary>
    private void EndOpen(CommitmentKind kind, Instant at)
    {
        for (int i = 0; i < cycleCount; i++)
        {
            if (cycles[i]!.Kind == kind && cycles[i]!.IsOpen)
            {
                cycles[i]!.End(at);
            }
        }
    }

    /// <summary>Reopens the latest resolution cycle of each measure, where it was resolved (see <see cref="Reopen"/>).
    /// After a profile change, a cycle of an older policy stays met, and the current policy's resolution targets that
    /// have none to reopen start (<see cref="ReopenUnderNewPolicy"/>).</summary>
    private void ReopenResolutions(int position, InteractionReopened reopening)
    {
        int count = cycleCount; // a new cycle that a reopening starts (ReopenMode.NewCycle) comes after these
        bool underOlderPolicy = false;
        for (int i = 0; i < count; i++)
        {
            CommitmentCycle cycle = cycles[i]!;
            if (cycle.Kind == CommitmentKind.Resolution && cycle.MetAt is not null && ReferenceEquals(FindLatest(CommitmentKind.Resolution, cycle.Name), cycle))
            {
                if (!policyReplaced || ReferenceEquals(cycle.Policy, policy))
                {
                    Reopen(cycle, reopening.At);
                }
                else
                {
                    underOlderPolicy = true;
                }
            }
        }
        if (underOlderPolicy)
        {
            ReopenUnderNewPolicy(position, reopening);
        }
    }

    private void Start(CommitmentKind kind, string? name, Instant at, ServiceTarget? target, DeadlineRule? rule, Interval? window, Instant? promisedBy)
    {
        int index = 0;
        for (int i = 0; i < cycleCount; i++)
        {
            if (cycles[i]!.Kind == kind && string.Equals(cycles[i]!.Name, name, StringComparison.Ordinal))
            {
                index++;
            }
        }
        if (cycleCount == cycles.Length)
        {
            Array.Resize(ref cycles, cycleCount * 2);
        }
        CommitmentCycle cycle = cycles[cycleCount] ??= new CommitmentCycle();
        cycle.Reset(kind, name, index, at, target, rule, CalendarOf(target), window, promisedBy, policy, policySince);
        cycleCount++;
    }

    /// <summary>Meets every open cycle of <paramref name="kind"/>: of each of its measures when <paramref name="name"/> is
    /// null, else of the custom target so named; under a replaced policy that runs to its end (see
    /// <see cref="ReplacedTarget.KeepToEnd"/>), its cycles and the new policy's alike. Returns whether there was one.</summary>
    private bool MeetOpen(CommitmentKind kind, Instant at, string? name = null)
    {
        bool met = false;
        for (int i = 0; i < cycleCount; i++)
        {
            CommitmentCycle cycle = cycles[i]!;
            if (cycle.Kind == kind && cycle.IsOpen && (name is null || string.Equals(cycle.Name, name, StringComparison.Ordinal)))
            {
                cycle.Meet(at);
                met = true;
            }
        }
        return met;
    }

    /// <summary>Meets the open cycles of the custom target <paramref name="name"/>: each one (as
    /// <see cref="MeetOpen"/>), but only the oldest open one of an independently recurring target; a met cycle of a
    /// sequential target of the current policy starts the next, at <paramref name="at"/>, while the interaction is open
    /// (see <see cref="MilestoneRecurrence"/>).</summary>
    private void MeetMilestone(Instant at, string name)
    {
        int count = cycleCount; // the next cycles of sequential targets come after these
        bool independentMet = false;
        for (int i = 0; i < count; i++)
        {
            CommitmentCycle cycle = cycles[i]!;
            if (cycle.Kind != CommitmentKind.Custom || !cycle.IsOpen || !string.Equals(cycle.Name, name, StringComparison.Ordinal))
            {
                continue;
            }
            MilestoneRecurrence recurrence = cycle.Target?.Recurrence ?? MilestoneRecurrence.None;
            if (recurrence == MilestoneRecurrence.Independent)
            {
                if (independentMet)
                {
                    continue;
                }
                independentMet = true;
            }
            cycle.Meet(at);
            if (recurrence == MilestoneRecurrence.Sequential && !resolved && !cancelled && ReferenceEquals(cycle.Policy, policy))
            {
                Start(CommitmentKind.Custom, name, at, cycle.Target, cycle.Target!.Rule, null, null);
            }
        }
    }

    /// <summary>Starts a cycle of the current policy's independently recurring custom target <paramref name="name"/>,
    /// if it has one and the interaction is open.</summary>
    private void StartOccurrence(Instant at, string name)
    {
        if (resolved || cancelled)
        {
            return;
        }
        foreach (ServiceTarget target in policy.TargetSpan)
        {
            if (target is { Kind: CommitmentKind.Custom, Recurrence: MilestoneRecurrence.Independent } && string.Equals(target.Name, name, StringComparison.Ordinal))
            {
                Start(CommitmentKind.Custom, name, at, target, target.Rule, null, null);
            }
        }
    }

    /// <summary>Starts the next cycle of each sequential custom target at a reopening (the resolution ended the last).</summary>
    private void StartSequentialMilestones(Instant at)
    {
        foreach (ServiceTarget target in policy.TargetSpan)
        {
            if (target is { Kind: CommitmentKind.Custom, Recurrence: MilestoneRecurrence.Sequential } && FindOpen(CommitmentKind.Custom, target.Name) is null)
            {
                Start(CommitmentKind.Custom, target.Name, at, target, target.Rule, null, null);
            }
        }
    }

    private CommitmentCycle? FindOpen(CommitmentKind kind, string? name = null)
    {
        CommitmentCycle? latest = FindLatest(kind, name);
        return latest is { IsOpen: true } ? latest : null;
    }

    private CommitmentCycle? FindLatest(CommitmentKind kind, string? name = null)
    {
        for (int i = cycleCount - 1; i >= 0; i--)
        {
            CommitmentCycle cycle = cycles[i]!;
            if (cycle.Kind == kind && string.Equals(cycle.Name, name, StringComparison.Ordinal))
            {
                return cycle;
            }
        }
        return null;
    }

    /// <summary>Reopens a resolution cycle (if any): resumes it where it was resolved, or, when its target says
    /// <see cref="ReopenMode.NewCycle"/>, leaves it met and starts the next cycle of the same target at
    /// <paramref name="at"/>.</summary>
    private void Reopen(CommitmentCycle? cycle, Instant at)
    {
        if (cycle?.Target is { ReopenMode: ReopenMode.NewCycle } target)
        {
            Start(cycle.Kind, cycle.Name, at, target, target.Rule, null, null);
        }
        else
        {
            cycle?.Reopen(at);
        }
    }

    private void EndPause(Instant at)
    {
        int last = pauses.Count - 1;
        if (last >= 0 && pauses[last].End is null)
        {
            pauses[last] = (pauses[last].Reason, pauses[last].Start, at);
        }
    }
}
