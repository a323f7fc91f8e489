// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

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
}
