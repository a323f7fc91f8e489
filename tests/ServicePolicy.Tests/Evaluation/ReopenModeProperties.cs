// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>Specifications of <see cref="ReopenMode.NewCycle"/> on random valid timelines (<see cref="TimelineCase"/>),
/// under <see cref="TimelineCase.Policy"/> with its resolution target starting a new cycle on each reopening.</summary>
public class ReopenModeProperties
{
    private static readonly ServiceLevelPolicy NewCycle = TimelineCase.Policy.ToBuilder(2)
        .RemoveTarget(CommitmentKind.Resolution)
        .AddTarget(TimelineCase.Policy.FindTarget(CommitmentKind.Resolution)!.WithReopenMode(ReopenMode.NewCycle))
        .Build();

    private static string States(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c.Kind}:{c.Name}#{c.Cycle}={c.State}")) + $"; handoffs breached={result.HandoffLimitBreachedAt.HasValue}";

    private static string Snapshot(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c}|{c.AtRiskAt}|{c.Elapsed}|{c.Remaining}|{c.PercentUsed}|{c.MetAt}|{c.BreachedAt}|{c.EndedAt}"))
        + $"|{string.Join(",", result.RemediesDue.Select(r => r.Key))}|{result.NextChangeAt}|{result.Owner}|{result.Handoffs}";

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void WithoutAReopening_ResultsAreTheSameAsResuming(TimelineCase c)
    {
        Timeline timeline = c.Timeline.Any(f => f is InteractionReopened)
            ? c.Timeline.AsOf(c.Timeline.First(f => f is InteractionReopened).At - Duration.Epsilon)
            : c.Timeline;

        Assert.Equal(Snapshot(Evaluator.Evaluate(timeline, TimelineCase.Policy, c.Now)), Snapshot(Evaluator.Evaluate(timeline, NewCycle, c.Now)));
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void EachReopening_StartsOneResolutionCycle_AtIt(TimelineCase c)
    {
        EvaluationResult result = Evaluator.Evaluate(c.Timeline, NewCycle, c.Now);

        Instant[] starts = result.Commitments.Where(s => s.Kind == CommitmentKind.Resolution).OrderBy(s => s.Cycle).Select(s => s.StartedAt).ToArray();
        Instant[] expected = c.Timeline.Where(f => f is InteractionOpened or InteractionReopened).Select(f => f.At).ToArray();
        Assert.Equal(expected, starts);
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void NextChangeAt_IsATrueNextChange(TimelineCase c)
    {
        EvaluationResult result = Evaluator.Evaluate(c.Timeline, NewCycle, c.Now);
        string states = States(result);
        if (result.NextChangeAt is not { } next)
        {
            Assert.Equal(states, States(Evaluator.Evaluate(c.Timeline, NewCycle, c.Now + Duration.FromDays(60))));
            return;
        }
        Assert.True(next > c.Now, $"NextChangeAt {next} is not after {c.Now}");
        Assert.NotEqual(states, States(Evaluator.Evaluate(c.Timeline, NewCycle, next)));
        Instant justBefore = next - Duration.Epsilon;
        if (justBefore > c.Now)
        {
            Assert.Equal(states, States(Evaluator.Evaluate(c.Timeline, NewCycle, justBefore)));
        }
    }

    /// <summary>Unlike resuming, a new cycle never rewrites history, reopening or not: a met cycle stays met with its
    /// instants, a breached one breached (or met late).</summary>
    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void MetOrBreached_NeverGoesBackToRunning_EvenAcrossAReopening(TimelineCase c)
    {
        var instants = new SortedSet<Instant>(c.Timeline.Select(f => f.At)) { c.Now };
        EvaluationResult? previous = null;
        foreach (Instant t in instants)
        {
            EvaluationResult current = Evaluator.Evaluate(c.Timeline.AsOf(t), NewCycle, t);
            foreach (CommitmentStatus before in previous?.Commitments ?? [])
            {
                CommitmentStatus after = current.Commitments.Single(s => s.Kind == before.Kind && s.Name == before.Name && s.Cycle == before.Cycle);
                CommitmentState[] allowed = before.State switch
                {
                    Met => [Met],
                    MetLate => [MetLate],
                    Breached => [Breached, MetLate],
                    _ => [],
                };
                Assert.True(allowed.Length == 0 || allowed.Contains(after.State), $"{before} at {previous!.Now} became {after.State} at {t}");
                if (before.State is Met or MetLate)
                {
                    Assert.Equal((before.MetAt, before.Deadline), (after.MetAt, after.Deadline));
                }
            }
            previous = current;
        }
    }
}
