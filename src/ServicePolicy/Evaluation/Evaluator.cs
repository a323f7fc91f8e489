// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Evaluates an interaction's timeline under a service-level policy at an instant: a pure function with no clock reads,
/// no I/O and no shared state, so any machine evaluating the same arguments gets the same answer, and replaying a
/// timeline with a corrected policy version gives the corrected answer.
/// </summary>
/// <remarks>
/// <para>Cycles: first response, resolution, periodic update and custom commitments start when the interaction is
/// opened; a next-response cycle at the first customer message after a public agent reply; a follow-up cycle at each
/// promise; an appointment cycle at each booking; a feedback-request cycle at each resolution; a new periodic-update
/// cycle at each public agent reply and reopening. See <see cref="CommitmentKind"/> for what meets each, and the facts
/// for what ends them. Commitments are tracked only for kinds the policy has targets for, except promised follow-ups
/// and booked appointments, which are promises in their own right (the target then adds its at-risk threshold,
/// remedies and, for appointments, the maximum window width).</para>
/// <para>Pausing: while the interaction waits for a reason, the commitments the policy pauses for that reason stop
/// their clocks, and their deadlines move out by the paused time on their clock (business time for calendar rules).
/// Time spent resolved does not count against the resolution commitment, so reopening resumes it where it stopped.</para>
/// <para>States change by time alone only when a running cycle reaches its at-risk instant or its deadline;
/// <see cref="EvaluationResult.NextChangeAt"/> is the earliest such instant after the evaluated one, or, when evaluating
/// with an <see cref="EscalationContext"/>, the next escalation step if that comes first.</para>
/// </remarks>
public static class Evaluator
{
    /// <summary>Evaluates a timeline under a policy at an instant.</summary>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/> (use
    /// <see cref="Timeline.AsOf"/> to evaluate the past).</param>
    /// <param name="policy">The policy.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The status of every commitment cycle, the remedies due and the next change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the policy: a follow-up promise that
    /// names no deadline when the policy has no follow-up target, or an appointment window wider than the policy's
    /// maximum.</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policy);
        CheckNow(timeline, now);
        return Replay.Evaluate(timeline, policy, null, now);
    }

    /// <summary>Evaluates a timeline under a policy at an instant, with the escalation actions due at that instant
    /// under the policy's escalation chain (<see cref="ServiceLevelPolicy.EscalationChainName"/>; none when it names no
    /// chain), the next escalation step folded into <see cref="EvaluationResult.NextChangeAt"/>.</summary>
    /// <remarks>
    /// <para>Each commitment cycle that is running (not met, ended or paused) escalates with the chain version in force
    /// when it started: its warnings before the deadline, then, once breached, its levels, repeats and restarts; a
    /// breached handoff limit escalates to the first level with the authority to decide, while the interaction is
    /// open. <see cref="EscalationAcknowledged"/> facts stop what they acknowledge. The steps listed are those whose
    /// moment is at or before <paramref name="now"/>, under the chain's <see cref="EscalationCatchUp"/> rule, so an
    /// action stays listed (with the same key) until a later step supersedes it, the commitment is met, or it is
    /// acknowledged: the host de-duplicates by key.</para>
    /// <para>Recipients are resolved through <see cref="EscalationContext.Directory"/>; the result is a pure function of
    /// the arguments as long as the directory is.</para>
    /// </remarks>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/>.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="escalation">The chain versions and the directory.</param>
    /// <returns>The status of every commitment cycle, the remedies and escalation actions due, and the next change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact.</exception>
    /// <exception cref="ArgumentException"><paramref name="escalation"/> has no chain of the policy's chain name, or
    /// not its <see cref="EscalationContext.ReplayVersion"/>.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the policy.</exception>
    /// <exception cref="InvalidOperationException">The directory returned a null contact, or an on-call rota has no hand-overs.</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline or a delay.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now, EscalationContext escalation)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckNotNull(escalation);
        CheckNow(timeline, now);
        if (policy.EscalationChainName is { } chainName)
        {
            bool known = false, replayable = escalation.ReplayVersion is null;
            foreach (EscalationChain chain in escalation.ChainSpan)
            {
                bool named = string.Equals(chain.Name, chainName, StringComparison.Ordinal);
                known |= named;
                replayable |= named && chain.Version == escalation.ReplayVersion;
            }
            Preconditions.CheckArgument(known, nameof(escalation), $"Policy '{policy}' escalates with chain '{chainName}', which the escalation context does not have.");
            Preconditions.CheckArgument(replayable, nameof(escalation),
                $"The escalation context replays with version {escalation.ReplayVersion} of chain '{chainName}' (policy '{policy}'), which it does not have.");
        }
        return Replay.Evaluate(timeline, policy, escalation, now);
    }

    /// <summary>Evaluates a timeline at an instant, with escalation, under the policy a policy set selects for it.</summary>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/>.</param>
    /// <param name="policies">The policy set.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="escalation">The chain versions and the directory.</param>
    /// <returns>The status of every commitment cycle, the remedies and escalation actions due, and the next change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact.</exception>
    /// <exception cref="ArgumentException"><paramref name="escalation"/> lacks the selected policy's chain.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the selected policy.</exception>
    /// <exception cref="InvalidOperationException">The directory returned a null contact, or an on-call rota has no hand-overs.</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline or a delay.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicySet policies, Instant now, EscalationContext escalation)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policies);
        return Evaluate(timeline, policies.Select(timeline.Opened.Profile), now, escalation);
    }

    private static void CheckNow(Timeline timeline, Instant now)
    {
        if (now < timeline.LastInstant)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(now), now,
                $"Instant {now} is before fact {timeline.Count - 1} ({timeline[timeline.Count - 1]}); evaluate timeline.AsOf({now}) to look at the past.");
        }
    }

    /// <summary>Evaluates a timeline at an instant under the policy a policy set selects for it
    /// (<see cref="ServiceLevelPolicySet.Select"/> with the profile of <see cref="Timeline.Opened"/>).</summary>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/>.</param>
    /// <param name="policies">The policy set.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The status of every commitment cycle, the remedies due and the next change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the selected policy.</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicySet policies, Instant now)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policies);
        return Evaluate(timeline, policies.Select(timeline.Opened.Profile), now);
    }

    /// <summary>One replay of a timeline under a policy (mutable). Each thread reuses one, with its cycles, clock and
    /// escalation planner, so that evaluating a queue allocates little more than the results.</summary>
    private sealed class Replay
    {
        /// <summary>The replay this thread reuses; null while it is in use, so that an evaluation nested in another
        /// (a directory that evaluates) gets its own.</summary>
        [ThreadStatic]
        private static Replay? reusable;

        private readonly List<(PauseReason Reason, Instant Start, Instant? End)> pauses = new(2);
        private readonly CycleClock clock = new();
        private readonly EscalationPlanner planner = new();

        /// <summary>The cycles of this replay are the first <see cref="cycleCount"/>; the rest are kept for reuse.</summary>
        private CommitmentCycle?[] cycles = new CommitmentCycle?[4];
        private int cycleCount;

        private Timeline timeline = null!;
        private ServiceLevelPolicy policy = null!;
        private Owner owner = null!;
        private int handoffs;
        private Instant? handoffLimitBreachedAt;
        private bool resolved;
        private bool cancelled;
        private bool anyPublicReply;

        /// <summary>Replays <paramref name="timeline"/> under <paramref name="policy"/> and evaluates it at
        /// <paramref name="now"/>, escalating with <paramref name="escalation"/> when it is not null.</summary>
        internal static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, EscalationContext? escalation, Instant now)
        {
            Replay replay = reusable ?? new Replay();
            reusable = null;
            try
            {
                return replay.Run(timeline, policy, escalation, now);
            }
            finally
            {
                replay.Release();
                reusable = replay;
            }
        }

        private EvaluationResult Run(Timeline timeline, ServiceLevelPolicy policy, EscalationContext? escalation, Instant now)
        {
            this.timeline = timeline;
            this.policy = policy;
            owner = timeline.Opened.Owner;
            for (int i = 0; i < timeline.Count; i++)
            {
                Apply(i, timeline[i]);
            }
            var statuses = new CommitmentStatus[cycleCount];
            List<RemedyDue>? remedies = null;
            Instant? next = null;
            EscalationPlanner? escalating = escalation is not null && policy.EscalationChainName is { } chainName
                ? planner.Start(timeline, chainName, escalation, now, owner)
                : null;
            for (int i = 0; i < statuses.Length; i++)
            {
                CommitmentCycle cycle = cycles[i]!;
                CommitmentStatus status = cycle.ToStatus(now, policy, pauses, clock);
                statuses[i] = status;
                escalating?.PlanCycle(cycle, status, clock);
                Instant? change = status.State switch
                {
                    CommitmentState.OnTrack => status.AtRiskAt is { } risk && risk > now ? risk : status.Deadline,
                    CommitmentState.AtRisk => status.Deadline,
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
                        (remedies ??= new List<RemedyDue>()).Add(new RemedyDue(target.Remedies[r], breachedAt, status,
                            ActionKey.Remedy(timeline.InteractionId, cycle.Kind, cycle.Name, cycle.Index, r)));
                    }
                }
            }
            if (handoffLimitBreachedAt is { } handoffBreach)
            {
                IReadOnlyList<BreachRemedy> handoffRemedies = policy.HandoffLimit!.Remedies;
                for (int r = 0; r < handoffRemedies.Count; r++)
                {
                    (remedies ??= new List<RemedyDue>()).Add(new RemedyDue(handoffRemedies[r], handoffBreach, null,
                        ActionKey.HandoffLimitRemedy(timeline.InteractionId, r)));
                }
            }
            IReadOnlyList<EscalationAction> actions = Array.Empty<EscalationAction>();
            if (escalating is not null)
            {
                if (handoffLimitBreachedAt is { } breach && !resolved && !cancelled)
                {
                    escalating.PlanHandoffLimit(breach);
                }
                actions = escalating.TakeActions();
                if (escalating.Next is { } step && (next is null || step < next))
                {
                    next = step;
                }
            }
            return new EvaluationResult(timeline.InteractionId, policy, now, owner, handoffs, handoffLimitBreachedAt,
                Array.AsReadOnly(statuses), remedies is null ? ReadOnlyCollection<RemedyDue>.Empty : remedies.AsReadOnly(), actions, next);
        }

        /// <summary>Forgets this replay's timeline, policy and cycles, keeping the buffers for the next.</summary>
        private void Release()
        {
            for (int i = 0; i < cycleCount; i++)
            {
                cycles[i]!.Release();
            }
            cycleCount = 0;
            pauses.Clear();
            planner.Release();
            timeline = null!;
            policy = null!;
            owner = null!;
            handoffs = 0;
            handoffLimitBreachedAt = null;
            resolved = false;
            cancelled = false;
            anyPublicReply = false;
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
                        if (target.Kind == CommitmentKind.Custom)
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
                    if (!resolved && anyPublicReply && FindOpen(CommitmentKind.NextResponse) is null)
                    {
                        StartIfTargeted(CommitmentKind.NextResponse, message.At);
                    }
                    break;
                case FollowUpPromised promise:
                    FindOpen(CommitmentKind.FollowUp)?.End(promise.At);
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
                    }
                    break;
                case AppointmentBooked booking:
                    FindOpen(CommitmentKind.Appointment)?.End(booking.At);
                    StartAppointment(position, booking);
                    break;
                case AppointmentArrived arrival:
                    MeetOpen(CommitmentKind.Appointment, arrival.At);
                    break;
                case FeedbackRequested request:
                    MeetOpen(CommitmentKind.FeedbackRequest, request.At);
                    break;
                case MilestoneReached milestone:
                    FindOpen(CommitmentKind.Custom, milestone.Name)?.Meet(milestone.At);
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
                    FindOpen(CommitmentKind.FeedbackRequest)?.End(reopening.At);
                    FindLatest(CommitmentKind.Resolution)?.Reopen(reopening.At);
                    resolved = false;
                    StartIfTargeted(CommitmentKind.PeriodicUpdate, reopening.At);
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
            }
        }

        private void StartFollowUp(int position, FollowUpPromised promise)
        {
            ServiceTarget? target = policy.FindTarget(CommitmentKind.FollowUp);
            if (promise.By is { } by)
            {
                Start(CommitmentKind.FollowUp, null, promise.At, target, null, null, by);
                return;
            }
            DeadlineRule? rule = promise.Rule ?? target?.Rule;
            if (rule is null)
            {
                throw new InvalidTimelineException(nameof(timeline), position, promise,
                    $"it names no deadline, and policy '{policy}' has no FollowUp target to supply one");
            }
            Start(CommitmentKind.FollowUp, null, promise.At, target, rule, null, null);
        }

        private void StartAppointment(int position, AppointmentBooked booking)
        {
            ServiceTarget? target = policy.FindTarget(CommitmentKind.Appointment);
            Duration width = booking.Window.Duration;
            if (target?.Rule is AppointmentWindowRule rule && width > rule.MaximumWidth)
            {
                throw new InvalidTimelineException(nameof(timeline), position, booking,
                    string.Create(CultureInfo.InvariantCulture, $"its window {booking.Window} is {width} wide, wider than the maximum {rule.MaximumWidth} of policy '{policy}'"));
            }
            DeadlineRule windowRule = target?.Rule ?? DeadlineRule.AppointmentWindow(width);
            Start(CommitmentKind.Appointment, null, booking.At, target, windowRule, booking.Window, null);
        }

        private void StartIfTargeted(CommitmentKind kind, Instant at)
        {
            if (policy.FindTarget(kind) is { } target)
            {
                Start(kind, null, at, target, target.Rule, null, null);
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
            cycle.Reset(kind, name, index, at, target, rule, target?.Calendar ?? policy.Calendar, window, promisedBy);
            cycleCount++;
        }

        private bool MeetOpen(CommitmentKind kind, Instant at)
        {
            CommitmentCycle? cycle = FindOpen(kind);
            cycle?.Meet(at);
            return cycle is not null;
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

        private void EndPause(Instant at)
        {
            int last = pauses.Count - 1;
            if (last >= 0 && pauses[last].End is null)
            {
                pauses[last] = (pauses[last].Reason, pauses[last].Start, at);
            }
        }
    }
}
