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
using ServicePolicy.Telemetry;

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
/// for what ends them; <see cref="DeadlineAgreed"/> moves one running cycle's deadline and <see cref="TargetWaived"/>
/// ends one. Commitments are tracked only for kinds the policy has targets for, except promised follow-ups
/// and booked appointments, which are promises in their own right (the target then adds its at-risk threshold,
/// remedies and, for appointments, the maximum window width).</para>
/// <para>Pausing: while the interaction waits for a reason, the commitments the policy pauses for that reason stop
/// their clocks, and their deadlines move out by the paused time on their clock (business time for calendar rules).
/// Time spent resolved does not count against the resolution commitment, so reopening resumes it where it stopped.</para>
/// <para>Profile changes (<see cref="ProfileChanged"/>): evaluating against a <see cref="ServiceLevelPolicySet"/> selects
/// the policy again at each change (see <see cref="Evaluate(Timeline, ServiceLevelPolicySet, Instant)"/>); against one
/// policy, the policy stays and a change only sets the customer's hours of cycles that start later. Cycles of targets in
/// the customer's hours (<see cref="TargetHours.Customer"/>) run on the customer's calendar as the profile says when they
/// start.</para>
/// <para>States change by time alone only when a running cycle reaches its at-risk instant or passes its deadline
/// (deadlines are inclusive: breached from the first instant after it, <see cref="CommitmentStatus.BreachedAt"/>);
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact, or outside
    /// the supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); or a business-time deadline
    /// or delay of the policy would end outside that range (see <c>docs/limits.md#supported-range</c>).</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the policy: a follow-up promise that
    /// names no deadline when the policy has no follow-up target, or an agreed deadline (<see cref="DeadlineAgreed"/>) or
    /// waiver (<see cref="TargetWaived"/>) for a cycle that is not running then (an agreed deadline also for one already
    /// breached). An appointment booked wider than the policy's maximum is not an error: that appointment is breached
    /// from its booking.</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now) =>
        Evaluate(timeline, policy, now, EvaluationMetrics.Static);

    /// <summary>Evaluates as above, counted on <paramref name="metrics"/> (the DI evaluator's instruments).</summary>
    internal static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now, EvaluationMetrics metrics) =>
        Evaluate(timeline, policy, now, PolicySource.None, metrics);

    /// <summary>Evaluates as above, selecting again from <paramref name="source"/> at each profile change.</summary>
    internal static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now, in PolicySource source, EvaluationMetrics metrics)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policy);
        CheckNow(timeline, now);
        return metrics.Evaluate(timeline, policy, source, null, now);
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact, or outside
    /// the supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); or a business-time deadline
    /// or delay of the policy would end outside that range (see <c>docs/limits.md#supported-range</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="escalation"/> has no chain of the policy's chain name, or
    /// not its <see cref="EscalationContext.ReplayVersion"/>.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the policy.</exception>
    /// <exception cref="InvalidOperationException">The directory returned a null contact, an on-call rota has no hand-overs, or
    /// or an escalation ladder has more than 100,000 unlisted steps to walk from one start (a chain that builds never does:
    /// <see cref="EscalationChainBuilder.Build"/> refuses one that could).</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline or a delay.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now, EscalationContext escalation) =>
        Evaluate(timeline, policy, now, escalation, EvaluationMetrics.Static);

    /// <summary>Evaluates as above, counted on <paramref name="metrics"/> (the DI evaluator's instruments).</summary>
    internal static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now, EscalationContext escalation, EvaluationMetrics metrics) =>
        Evaluate(timeline, policy, now, escalation, PolicySource.None, metrics);

    /// <summary>Evaluates as above, selecting again from <paramref name="source"/> at each profile change.</summary>
    internal static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now, EscalationContext escalation, in PolicySource source,
        EvaluationMetrics metrics)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckNotNull(escalation);
        CheckNow(timeline, now);
        CheckChain(policy, escalation);
        if (source.Policies is { } set && timeline.HasProfileChanges)
        {
            foreach (TimelineFact fact in timeline.Facts)
            {
                if (fact is ProfileChanged change)
                {
                    CheckChain(set.Select(change.Profile), escalation);
                }
            }
        }
        return metrics.Evaluate(timeline, policy, source, escalation, now);
    }

    /// <summary>Checks that <paramref name="escalation"/> has the chain of <paramref name="policy"/>.</summary>
    private static void CheckChain(ServiceLevelPolicy policy, EscalationContext escalation)
    {
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
    }

    /// <summary>Evaluates a timeline at an instant, with escalation, under the policy a policy set selects for it, selecting
    /// again at each <see cref="ProfileChanged"/> (see <see cref="Evaluate(Timeline, ServiceLevelPolicySet, Instant)"/>).</summary>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/>.</param>
    /// <param name="policies">The policy set.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="escalation">The chain versions and the directory.</param>
    /// <returns>The status of every commitment cycle, the remedies and escalation actions due, and the next change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact, or outside
    /// the supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); or a business-time deadline
    /// or delay of the policy would end outside that range (see <c>docs/limits.md#supported-range</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="escalation"/> lacks the selected policy's chain.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the selected policy.</exception>
    /// <exception cref="InvalidOperationException">The directory returned a null contact, an on-call rota has no hand-overs, or
    /// or an escalation ladder has more than 100,000 unlisted steps to walk from one start (a chain that builds never does:
    /// <see cref="EscalationChainBuilder.Build"/> refuses one that could).</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline or a delay.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicySet policies, Instant now, EscalationContext escalation)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policies);
        return Evaluate(timeline, policies.Select(timeline.Opened.Profile), now, escalation, PolicySource.Of(policies), EvaluationMetrics.Static);
    }

    private static void CheckNow(Timeline timeline, Instant now)
    {
        Limits.CheckInstant(now, nameof(now));
        if (now < timeline.LastInstant)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(now), now,
                $"Instant {now} is before fact {timeline.Count - 1} ({timeline[timeline.Count - 1]}); evaluate timeline.AsOf({now}) to look at the past.");
        }
    }

    /// <summary>Evaluates a timeline at an instant under the policy a policy set selects for it
    /// (<see cref="ServiceLevelPolicySet.Select"/> with the profile of <see cref="Timeline.Opened"/>), selecting again at
    /// each <see cref="ProfileChanged"/>.</summary>
    /// <remarks>When a change selects another policy, the old policy's running cycles end at the change or run to their
    /// end (its <see cref="ServiceLevelPolicy.ReplacedTarget"/>), and the new policy's targets that would be running had
    /// it governed all along start from the change or retroactively (its <see cref="ServiceLevelPolicy.TargetStart"/>).
    /// Cycles already met or ended keep their history. Each status names the policy that governs it
    /// (<see cref="CommitmentStatus.Policy"/>, <see cref="CommitmentStatus.PolicySince"/>). Profiles that name a customer
    /// calendar find it in <see cref="ServiceLevelPolicySet.CustomerCalendars"/>.</remarks>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/>.</param>
    /// <param name="policies">The policy set.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The status of every commitment cycle, the remedies due and the next change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timeline's last fact, or outside
    /// the supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); or a business-time deadline
    /// or delay of the policy would end outside that range (see <c>docs/limits.md#supported-range</c>).</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the selected policy.</exception>
    /// <exception cref="Calendars.NoWorkingTimeException">A calendar runs out of working time computing a deadline.</exception>
    public static EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicySet policies, Instant now)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policies);
        return Evaluate(timeline, policies.Select(timeline.Opened.Profile), now, PolicySource.Of(policies), EvaluationMetrics.Static);
    }
}
