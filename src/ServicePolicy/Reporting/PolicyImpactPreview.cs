// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Reporting;

/// <summary>
/// Replays historical timelines under the current policy set and a proposed one and reports the difference, before
/// the proposed set is rolled out. Evaluation is a pure function of the timeline, the policy and the instant, so the
/// replay under the current set gives what happened and the replay under the proposed one what would have.
/// </summary>
public static class PolicyImpactPreview
{
    /// <summary>Replays every timeline under both policy sets and compares the outcomes.</summary>
    /// <param name="timelines">The interactions' timelines; each interaction once.</param>
    /// <param name="current">The policy set in force.</param>
    /// <param name="proposed">The policy set proposed.</param>
    /// <param name="settings">When to evaluate, the escalation chains and how to group.</param>
    /// <returns>Both reports, the groups side by side, the breaches gained and lost, and the escalations under each.</returns>
    /// <remarks>Each timeline is evaluated once per policy set (at <see cref="PolicyImpactSettings.Now"/> or its last
    /// fact). With an escalation context it is also replayed from its opening, at each fact and each
    /// <see cref="EvaluationResult.NextChangeAt"/>, to collect every action key that would have fired, which costs an
    /// evaluation per step. It runs on the calling thread.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null, or a timeline is.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The settings' instant is before a timeline's last fact (see
    /// <see cref="Evaluator.Evaluate(Timeline, ServiceLevelPolicy, Instant)"/>).</exception>
    /// <exception cref="ArgumentException">The escalation context lacks a chain a selected policy names.</exception>
    /// <exception cref="InvalidTimelineException">A timeline cannot be evaluated under a selected policy.</exception>
    public static PolicyImpactReport Compare(IEnumerable<Timeline> timelines, ServiceLevelPolicySet current, ServiceLevelPolicySet proposed,
        PolicyImpactSettings settings)
    {
        Preconditions.CheckNotNull(timelines);
        Preconditions.CheckNotNull(current);
        Preconditions.CheckNotNull(proposed);
        Preconditions.CheckNotNull(settings);
        var before = new AttainmentAggregator(settings.Zone, settings.Period);
        var after = new AttainmentAggregator(settings.Zone, settings.Period);
        var gained = new List<BreachChange>();
        var lost = new List<BreachChange>();
        long? escalationsBefore = settings.Escalation is null ? null : 0;
        long? escalationsAfter = escalationsBefore;
        foreach (Timeline timeline in timelines)
        {
            Preconditions.CheckArgument(timeline is not null, nameof(timelines), "The timelines must not contain null.");
            Instant now = settings.Now ?? timeline.LastInstant;
            InteractionProfile profile = timeline.Opened.Profile;
            string? team = settings.TeamOf?.Invoke(timeline);
            ServiceLevelPolicy policyBefore = current.Select(profile);
            ServiceLevelPolicy policyAfter = proposed.Select(profile);
            EvaluationResult resultBefore = Evaluator.Evaluate(timeline, policyBefore, now);
            EvaluationResult resultAfter = Evaluator.Evaluate(timeline, policyAfter, now);
            before.Add(resultBefore, profile, team);
            after.Add(resultAfter, profile, team);
            CompareBreaches(resultBefore, resultAfter, gained, lost);
            if (settings.Escalation is { } escalation)
            {
                escalationsBefore += CountEscalations(timeline, policyBefore, now, escalation);
                escalationsAfter += CountEscalations(timeline, policyAfter, now, escalation);
            }
        }
        AttainmentReport reportBefore = before.ToReport();
        AttainmentReport reportAfter = after.ToReport();
        return new PolicyImpactReport(reportBefore, reportAfter, SideBySide(reportBefore, reportAfter),
            Ordered(gained), Ordered(lost), escalationsBefore, escalationsAfter);
    }

    /// <summary>Counts the distinct action keys that fire replaying a timeline from its opening to <paramref name="end"/>:
    /// evaluating at every fact and at every next change shows every step (nothing new is due strictly between a
    /// result's instant and its <see cref="EvaluationResult.NextChangeAt"/>).</summary>
    internal static int CountEscalations(Timeline timeline, ServiceLevelPolicy policy, Instant end, EscalationContext escalation)
    {
        var keys = new HashSet<ActionKey>();
        int fact = 0;
        Instant at = timeline[0].At;
        while (true)
        {
            while (fact < timeline.Count && timeline[fact].At <= at)
            {
                fact++;
            }
            Timeline past = fact == timeline.Count ? timeline : timeline.AsOf(at);
            EvaluationResult result = Evaluator.Evaluate(past, policy, at, escalation);
            foreach (EscalationAction action in result.EscalationActions)
            {
                keys.Add(action.Key);
            }
            if (at == end)
            {
                return keys.Count;
            }
            Instant next = fact < timeline.Count ? timeline[fact].At : end;
            if (result.NextChangeAt is { } change && change < next)
            {
                next = change;
            }
            at = next < end ? next : end;
        }
    }

    private static void CompareBreaches(EvaluationResult before, EvaluationResult after, List<BreachChange> gained, List<BreachChange> lost)
    {
        foreach (CommitmentStatus status in after.Commitments)
        {
            Attainment now = AttainmentAggregator.Of(status.State);
            Attainment? was = Find(before, status) is { } old ? AttainmentAggregator.Of(old.State) : null;
            if (IsBreach(now) && !(was is { } w && IsBreach(w)))
            {
                gained.Add(new BreachChange(after.InteractionId, ReportKeys.Kind(status), status.Cycle, was, now));
            }
        }
        foreach (CommitmentStatus status in before.Commitments)
        {
            Attainment was = AttainmentAggregator.Of(status.State);
            Attainment? now = Find(after, status) is { } @new ? AttainmentAggregator.Of(@new.State) : null;
            if (IsBreach(was) && !(now is { } n && IsBreach(n)))
            {
                lost.Add(new BreachChange(before.InteractionId, ReportKeys.Kind(status), status.Cycle, was, now));
            }
        }
    }

    private static bool IsBreach(Attainment attainment) => attainment is Attainment.MetLate or Attainment.MetEarly or Attainment.Breached;

    private static CommitmentStatus? Find(EvaluationResult result, CommitmentStatus like)
    {
        foreach (CommitmentStatus status in result.Commitments)
        {
            if (status.Kind == like.Kind && status.Cycle == like.Cycle && string.Equals(status.Name, like.Name, StringComparison.Ordinal))
            {
                return status;
            }
        }
        return null;
    }

    private static BreachChange[] Ordered(List<BreachChange> changes) => changes
        .OrderBy(c => c.InteractionId, StringComparer.Ordinal).ThenBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Cycle)
        .ToArray();

    private static AttainmentDelta[] SideBySide(AttainmentReport before, AttainmentReport after)
    {
        var groups = new SortedDictionary<(ReportDimension, string), (AttainmentCounts Before, AttainmentCounts After)>(GroupOrder.Instance);
        foreach (AttainmentRow row in before.Rows)
        {
            groups[(row.Dimension, row.Key)] = (row.Cycles, AttainmentCounts.Zero);
        }
        foreach (AttainmentRow row in after.Rows)
        {
            AttainmentCounts was = groups.TryGetValue((row.Dimension, row.Key), out var pair) ? pair.Before : AttainmentCounts.Zero;
            groups[(row.Dimension, row.Key)] = (was, row.Cycles);
        }
        return groups.Select(g => new AttainmentDelta(g.Key.Item1, g.Key.Item2, g.Value.Before, g.Value.After)).ToArray();
    }

    private sealed class GroupOrder : IComparer<(ReportDimension Dimension, string Key)>
    {
        public static readonly GroupOrder Instance = new();

        public int Compare((ReportDimension Dimension, string Key) x, (ReportDimension Dimension, string Key) y)
        {
            int byDimension = x.Dimension.CompareTo(y.Dimension);
            return byDimension != 0 ? byDimension : string.CompareOrdinal(x.Key, y.Key);
        }
    }
}
