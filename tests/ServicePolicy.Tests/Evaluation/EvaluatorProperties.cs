// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>Specifications of <see cref="Evaluator"/> checked on random valid timelines (<see cref="TimelineCase"/>).</summary>
public class EvaluatorProperties
{
    private static EvaluationResult Evaluate(Timeline timeline, Instant now) => Evaluator.Evaluate(timeline, TimelineCase.Policy, now);

    /// <summary>Everything time alone can change: each cycle's state, and whether the handoff limit is breached.</summary>
    private static string States(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c.Kind}:{c.Name}#{c.Cycle}={c.State}")) + $"; handoffs breached={result.HandoffLimitBreachedAt.HasValue}";

    private static string Snapshot(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c}|{c.AtRiskAt}|{c.Elapsed}|{c.Remaining}|{c.PercentUsed}|{c.MetAt}|{c.BreachedAt}|{c.EndedAt}"))
        + $"|{string.Join(",", result.RemediesDue.Select(r => r.Key))}|{result.NextChangeAt}|{result.Owner}|{result.Handoffs}";

    [Fact]
    public void Cases_OftenAgreeDeadlinesAndWaiveTargets()
    {
        TimelineCase[] cases = TimelineCase.Arbitrary().Generator.Sample(40, new FsCheck.Rnd(13UL), 200);

        int agreed = cases.Count(c => c.Timeline.Any(f => f is DeadlineAgreed)), waived = cases.Count(c => c.Timeline.Any(f => f is TargetWaived));
        Assert.True(agreed >= 20 && waived >= 20, $"of 200 cases, {agreed} agree a deadline and {waived} waive a target");
        Assert.Contains(cases, c => Evaluate(c.Timeline, c.Now).Commitments.Any(s => s.State == Waived));
        Assert.Contains(cases, c => Evaluate(c.Timeline, c.Now).Commitments.Any(s => s.OriginalDeadline is not null && s.MetAt is not null));
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 300)]
    public void Evaluate_IsDeterministic(TimelineCase c)
    {
        Assert.Equal(Snapshot(Evaluate(c.Timeline, c.Now)), Snapshot(Evaluate(c.Timeline, c.Now)));
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 300)]
    public void NextChangeAt_IsATrueNextChange(TimelineCase c)
    {
        EvaluationResult result = Evaluate(c.Timeline, c.Now);
        string states = States(result);
        if (result.NextChangeAt is not { } next)
        {
            Assert.Equal(states, States(Evaluate(c.Timeline, c.Now + Duration.FromDays(60))));
            return;
        }
        Assert.True(next > c.Now, $"NextChangeAt {next} is not after {c.Now}");
        Assert.NotEqual(states, States(Evaluate(c.Timeline, next)));
        Duration span = next - c.Now;
        foreach (int perMille in c.Probes)
        {
            Instant between = c.Now + Duration.FromNanoseconds(span.ToInt64Nanoseconds() / 1000 * perMille);
            if (between > c.Now && between < next)
            {
                Assert.Equal(states, States(Evaluate(c.Timeline, between)));
            }
        }
        Instant justBefore = next - Duration.Epsilon;
        if (justBefore > c.Now)
        {
            Assert.Equal(states, States(Evaluate(c.Timeline, justBefore)));
        }
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 200)]
    public void MetOrBreached_NeverGoesBackToRunning_WithoutAReopening(TimelineCase c)
    {
        var instants = new SortedSet<Instant>(c.Timeline.Select(f => f.At)) { c.Now };
        Instant[] facts = instants.ToArray();
        for (int i = 1; i < facts.Length; i++)
        {
            instants.Add(facts[i - 1] + ((facts[i] - facts[i - 1]) / 2));
        }
        EvaluationResult? previous = null;
        foreach (Instant t in instants)
        {
            EvaluationResult current = Evaluate(c.Timeline.AsOf(t), t);
            if (previous is not null)
            {
                bool reopened = c.Timeline.Any(f => f is InteractionReopened && f.At > previous.Now && f.At <= t);
                foreach (CommitmentStatus before in previous.Commitments)
                {
                    CommitmentStatus after = current.Commitments.Single(s => s.Kind == before.Kind && s.Name == before.Name && s.Cycle == before.Cycle);
                    if (reopened && before.Kind == CommitmentKind.Resolution)
                    {
                        continue;
                    }
                    CommitmentState[] allowed = before.State switch
                    {
                        Met => [Met],
                        MetLate => [MetLate],
                        MetEarly => [MetEarly],
                        Waived => [Waived],
                        Breached => [Breached, MetLate],
                        _ => [],
                    };
                    Assert.True(allowed.Length == 0 || allowed.Contains(after.State),
                        $"{before} at {previous.Now} became {after.State} at {t}");
                    // Its instants stay too: no later fact (an agreed deadline, a waiver, a pause) rewrites them.
                    if (allowed.Length > 0)
                    {
                        Assert.True(after.BreachedAt == before.BreachedAt && (before.MetAt is null || after.MetAt == before.MetAt)
                            && (before.EndedAt is null || after.EndedAt == before.EndedAt),
                            $"{before} (breached {before.BreachedAt}, met {before.MetAt}, ended {before.EndedAt}) at {previous.Now} became " +
                            $"{after} (breached {after.BreachedAt}, met {after.MetAt}, ended {after.EndedAt}) at {t}");
                    }
                }
            }
            previous = current;
        }
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 300)]
    public void Pausing_NeverMovesADeadlineEarlier(TimelineCase c)
    {
        // Without the agreed deadlines on both sides: one agreed while paused may find the cycle breached without the pause.
        Timeline paused = Timeline.Create(c.Timeline.InteractionId, c.Timeline.Where(f => f is not DeadlineAgreed));
        Timeline unpaused = Timeline.Create(c.Timeline.InteractionId, paused.Where(f => f is not WaitingStarted and not WaitingEnded));
        EvaluationResult with = Evaluate(paused, c.Now);
        EvaluationResult without = Evaluate(unpaused, c.Now);

        Assert.Equal(without.Commitments.Count, with.Commitments.Count);
        for (int i = 0; i < with.Commitments.Count; i++)
        {
            Assert.Equal((without.Commitments[i].Kind, without.Commitments[i].Cycle), (with.Commitments[i].Kind, with.Commitments[i].Cycle));
            Assert.True(with.Commitments[i].Deadline >= without.Commitments[i].Deadline,
                $"{with.Commitments[i]} is due before {without.Commitments[i]}");
        }
    }

    // Issue 13: timelines whose profile changes, evaluated under a policy set that selects again at each change.

    private static EvaluationResult EvaluateSet(Timeline timeline, Instant now) => Evaluator.Evaluate(timeline, ProfileTimelineCase.Policies, now);

    private static string Governed(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c.Kind}:{c.Name}#{c.Cycle} {c.Policy}@{c.PolicySince} from {c.StartedAt}")) + $"; {result.Policy}@{result.PolicySince}";

    [Property(Arbitrary = [typeof(ProfileTimelineCase)], MaxTest = 300)]
    public void Evaluate_WithProfileChanges_IsDeterministic(ProfileTimelineCase c)
    {
        EvaluationResult first = EvaluateSet(c.Timeline, c.Now);
        EvaluationResult second = EvaluateSet(c.Timeline, c.Now);
        Assert.Equal(Snapshot(first) + Governed(first), Snapshot(second) + Governed(second));
    }

    [Property(Arbitrary = [typeof(ProfileTimelineCase)], MaxTest = 300)]
    public void NextChangeAt_WithProfileChanges_IsATrueNextChange(ProfileTimelineCase c)
    {
        EvaluationResult result = EvaluateSet(c.Timeline, c.Now);
        string states = States(result);
        if (result.NextChangeAt is not { } next)
        {
            Assert.Equal(states, States(EvaluateSet(c.Timeline, c.Now + Duration.FromDays(60))));
            return;
        }
        Assert.True(next > c.Now, $"NextChangeAt {next} is not after {c.Now}");
        Assert.NotEqual(states, States(EvaluateSet(c.Timeline, next)));
        Duration span = next - c.Now;
        foreach (int perMille in c.Probes)
        {
            Instant between = c.Now + Duration.FromNanoseconds(span.ToInt64Nanoseconds() / 1000 * perMille);
            if (between > c.Now && between < next)
            {
                Assert.Equal(states, States(EvaluateSet(c.Timeline, between)));
            }
        }
        Instant justBefore = next - Duration.Epsilon;
        if (justBefore > c.Now)
        {
            Assert.Equal(states, States(EvaluateSet(c.Timeline, justBefore)));
        }
    }

    /// <summary>Evaluated at a profile change, without it and with it: every cycle met or breached before the change is
    /// there after it, in the same state, with the same instants.</summary>
    [Property(Arbitrary = [typeof(ProfileTimelineCase)], MaxTest = 300)]
    public void ProfileChange_NeverRewritesAMetOrBreachedCycle(ProfileTimelineCase c)
    {
        for (int i = 1; i < c.Timeline.Count; i++)
        {
            if (c.Timeline[i] is not ProfileChanged change)
            {
                continue;
            }
            EvaluationResult before = EvaluateSet(Timeline.Create(c.Timeline.InteractionId, c.Timeline.Take(i)), change.At);
            EvaluationResult after = EvaluateSet(Timeline.Create(c.Timeline.InteractionId, c.Timeline.Take(i + 1)), change.At);
            foreach (CommitmentStatus was in before.Commitments.Where(s => s.State is Met or MetLate or Breached))
            {
                CommitmentStatus now = after.Commitments.Single(s => s.Kind == was.Kind && s.Name == was.Name && s.Cycle == was.Cycle);
                Assert.Equal(
                    (was.State, was.StartedAt, was.Deadline, was.MetAt, was.BreachedAt, was.Policy, was.PolicySince),
                    (now.State, now.StartedAt, now.Deadline, now.MetAt, now.BreachedAt, now.Policy, now.PolicySince));
            }
            // And the cycles that were there are still there, in the same order, under the same policies.
            Assert.Equal(
                before.Commitments.Select(s => (s.Kind, s.Name, s.Cycle, s.Policy, s.StartedAt)),
                after.Commitments.Take(before.Commitments.Count).Select(s => (s.Kind, s.Name, s.Cycle, s.Policy, s.StartedAt)));
        }
    }

    /// <summary>With no profile change, evaluating under the set is evaluating under the policy it selects for the
    /// opening, as before issue 13.</summary>
    [Property(Arbitrary = [typeof(ProfileTimelineCase)], MaxTest = 300)]
    public void Evaluate_WithoutProfileChanges_IsTheSelectedPolicysResult(ProfileTimelineCase c)
    {
        ServicePolicy.Policies.ServiceLevelPolicy selected = ProfileTimelineCase.Policies.Select(c.Unchanged.Opened.Profile);
        EvaluationResult underSet = EvaluateSet(c.Unchanged, c.Now);
        EvaluationResult underPolicy = Evaluator.Evaluate(c.Unchanged, selected, c.Now);
        Assert.Equal(Snapshot(underPolicy) + Governed(underPolicy), Snapshot(underSet) + Governed(underSet));
        Assert.All(underSet.Commitments, s => Assert.Equal((selected, c.Unchanged.Opened.At), (s.Policy, s.PolicySince)));
    }

    /// <summary>A timeline whose changes all select the policy it already has evaluates as if it had none.</summary>
    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 200)]
    public void ProfileChange_ToAProfileOfTheSamePolicy_ChangesNothing(TimelineCase c)
    {
        var facts = c.Timeline.ToList();
        int at = facts.Count / 2 + 1;
        Instant instant = facts[at - 1].At;
        if (facts[at - 1] is InteractionCancelled)
        {
            return;
        }
        facts.Insert(at, new ProfileChanged(instant, new ServicePolicy.Policies.InteractionProfile(channel: "chat")));
        Timeline changed = Timeline.Create(c.Timeline.InteractionId, facts);
        Assert.Equal(Snapshot(Evaluate(c.Timeline, c.Now)), Snapshot(EvaluateSet(changed, c.Now)));
    }

    /// <summary>The cases above are worth their time: most have a profile change, and many a cycle of a policy that
    /// replaced the opening's, started retroactively or kept beside another.</summary>
    [Fact]
    public void ProfileTimelineCases_CoverReplacedPolicies()
    {
        List<ProfileTimelineCase> cases = ProfileTimelineCase.Arbitrary().Generator.Sample(200, new Rnd(13UL), 30).ToList();
        List<EvaluationResult> results = cases.Select(c => EvaluateSet(c.Timeline, c.Now)).ToList();

        int changed = cases.Count(c => c.Timeline.Any(f => f is ProfileChanged));
        Assert.True(changed > 100, $"{changed} of {cases.Count} cases have a profile change");
        int mixed = results.Count(r => r.Commitments.Select(s => s.Policy).Distinct().Count() > 1);
        Assert.True(mixed > 20, $"{mixed} of {cases.Count} results have cycles of two policies");
        Assert.True(results.Count(r => r.Commitments.Any(s => s.StartedAt < s.PolicySince)) > 10, "retroactive starts");
        Assert.True(results.Count(r => r.Commitments.Any(s => s.EndedAt is not null && s.Policy != r.Policy)) > 10, "replaced cycles ended");
    }
}
