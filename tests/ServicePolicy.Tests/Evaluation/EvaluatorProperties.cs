// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

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
                        Breached => [Breached, MetLate],
                        _ => [],
                    };
                    Assert.True(allowed.Length == 0 || allowed.Contains(after.State),
                        $"{before} at {previous.Now} became {after.State} at {t}");
                }
            }
            previous = current;
        }
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 300)]
    public void Pausing_NeverMovesADeadlineEarlier(TimelineCase c)
    {
        Timeline unpaused = Timeline.Create(c.Timeline.InteractionId, c.Timeline.Where(f => f is not WaitingStarted and not WaitingEnded));
        EvaluationResult with = Evaluate(c.Timeline, c.Now);
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
