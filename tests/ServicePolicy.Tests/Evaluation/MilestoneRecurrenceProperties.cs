// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>Specifications of <see cref="MilestoneRecurrence"/> on random valid timelines (<see cref="TimelineCase"/>,
/// without amendments, since they are evaluated under other policies), under <see cref="TimelineCase.Policy"/> with its
/// custom target "send you a quote" recurring. So that independent occurrences happen, each customer reply also starts
/// one (<see cref="WithOccurrences"/>).</summary>
public class MilestoneRecurrenceProperties
{
    private const string Quote = "send you a quote";

    private static readonly ServiceLevelPolicy Sequential = Recurring(MilestoneRecurrence.Sequential);
    private static readonly ServiceLevelPolicy Independent = Recurring(MilestoneRecurrence.Independent);
    private static readonly ServiceLevelPolicy ExplicitNone = Recurring(MilestoneRecurrence.None);

    private static ServiceLevelPolicy Recurring(MilestoneRecurrence recurrence) => TimelineCase.Policy.ToBuilder(2)
        .RemoveTarget(CommitmentKind.Custom, Quote)
        .AddTarget(TimelineCase.Policy.FindTarget(CommitmentKind.Custom, Quote)!.WithRecurrence(recurrence))
        .Build();

    /// <summary>The timeline with a <see cref="MilestoneStarted"/> of the quote just after each customer reply.</summary>
    private static Timeline WithOccurrences(Timeline timeline) =>
        Timeline.Create(timeline.InteractionId, timeline.SelectMany(f => f is CustomerReplied ? [f, new MilestoneStarted(f.At, Quote)] : new[] { f }).ToArray());

    private static string States(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c.Kind}:{c.Name}#{c.Cycle}={c.State}")) + $"; handoffs breached={result.HandoffLimitBreachedAt.HasValue}";

    private static string Snapshot(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c}|{c.StartedAt}|{c.AtRiskAt}|{c.Elapsed}|{c.Remaining}|{c.PercentUsed}|{c.MetAt}|{c.BreachedAt}|{c.EndedAt}"))
        + $"|{string.Join(",", result.RemediesDue.Select(r => r.Key))}|{string.Join(",", result.EscalationActions.Select(a => a.Key))}|{result.NextChangeAt}|{result.Owner}|{result.Handoffs}";

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void None_IsTodaysBehaviour_AndIgnoresOccurrences(TimelineCase c)
    {
        string today = Snapshot(Evaluator.Evaluate(c.Timeline, TimelineCase.Policy, c.Now));

        Assert.Equal(today, Snapshot(Evaluator.Evaluate(c.Timeline, ExplicitNone, c.Now)));
        Assert.Equal(today, Snapshot(Evaluator.Evaluate(WithOccurrences(c.Timeline), TimelineCase.Policy, c.Now)));
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void Evaluation_IsDeterministic(TimelineCase c)
    {
        Timeline timeline = WithOccurrences(c.Timeline);
        foreach (ServiceLevelPolicy policy in new[] { Sequential, Independent })
        {
            string first = Snapshot(Evaluator.Evaluate(timeline, policy, c.Now));
            Evaluator.Evaluate(c.Timeline, TimelineCase.Policy, c.Now + Duration.FromHours(1)); // a pooled replay in between
            Assert.Equal(first, Snapshot(Evaluator.Evaluate(timeline, policy, c.Now)));
        }
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void Sequential_StartsAtTheOpening_ThenAtEachMilestoneThatMetACycle_WhileOpen(TimelineCase c)
    {
        EvaluationResult result = Evaluator.Evaluate(c.Timeline, Sequential, c.Now);

        CommitmentStatus[] quotes = result.Commitments.Where(s => s.Kind == CommitmentKind.Custom).OrderBy(s => s.Cycle).ToArray();
        Assert.Equal(c.Timeline.Opened.At, quotes[0].StartedAt);
        Assert.True(quotes.Count(s => s.MetAt is null && s.EndedAt is null) <= 1, "more than one quote cycle runs");
        for (int i = 1; i < quotes.Length; i++)
        {
            Instant start = quotes[i].StartedAt;
            bool metThere = quotes[i - 1].MetAt == start;
            bool reopenedThere = quotes[i - 1].EndedAt is not null && c.Timeline.Any(f => f is InteractionReopened && f.At == start);
            Assert.True(metThere || reopenedThere, $"cycle {i} starts at {start}, neither where cycle {i - 1} was met nor at a reopening");
        }
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void Independent_StartsOneCycleAtEachOccurrence_WhileOpen_AndMeetsTheOldest(TimelineCase c)
    {
        Timeline timeline = WithOccurrences(c.Timeline);
        EvaluationResult result = Evaluator.Evaluate(timeline, Independent, c.Now);

        var expected = new List<Instant>();
        bool closed = false;
        foreach (TimelineFact fact in timeline)
        {
            closed = fact switch
            {
                InteractionResolved or InteractionCancelled => true,
                InteractionReopened => false,
                _ => closed,
            };
            if (fact is MilestoneStarted && !closed)
            {
                expected.Add(fact.At);
            }
        }
        CommitmentStatus[] quotes = result.Commitments.Where(s => s.Kind == CommitmentKind.Custom).OrderBy(s => s.Cycle).ToArray();
        Assert.Equal(expected, quotes.Select(s => s.StartedAt));
        // Oldest first: no cycle is met while an older one of the same name was still open at that instant.
        for (int i = 0; i < quotes.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (quotes[i].MetAt is { } met)
                {
                    Instant? olderClosed = quotes[j].MetAt ?? quotes[j].EndedAt;
                    Assert.True(olderClosed is { } o && o <= met, $"cycle {i} met at {met} while cycle {j} was open");
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void NextChangeAt_IsATrueNextChange_Sequential(TimelineCase c) => CheckNextChange(c, Sequential);

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void NextChangeAt_IsATrueNextChange_Independent(TimelineCase c) => CheckNextChange(c, Independent);

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 100)]
    public void MetOrBreached_IsNeverRewritten_Sequential(TimelineCase c) => CheckHistoryKept(c, Sequential);

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 100)]
    public void MetOrBreached_IsNeverRewritten_Independent(TimelineCase c) => CheckHistoryKept(c, Independent);

    private static void CheckNextChange(TimelineCase c, ServiceLevelPolicy policy)
    {
        {
            Timeline timeline = WithOccurrences(c.Timeline);
            EvaluationResult result = Evaluator.Evaluate(timeline, policy, c.Now);
            string states = States(result);
            if (result.NextChangeAt is not { } next)
            {
                Assert.Equal(states, States(Evaluator.Evaluate(timeline, policy, c.Now + Duration.FromDays(60))));
                return;
            }
            Assert.True(next > c.Now, $"NextChangeAt {next} is not after {c.Now}");
            Assert.NotEqual(states, States(Evaluator.Evaluate(timeline, policy, next)));
            Instant justBefore = next - Duration.Epsilon;
            if (justBefore > c.Now)
            {
                Assert.Equal(states, States(Evaluator.Evaluate(timeline, policy, justBefore)));
            }
        }
    }

    /// <summary>A later fact never rewrites a cycle's history: met stays met with its instants, breached stays breached
    /// (or is met late).</summary>
    private static void CheckHistoryKept(TimelineCase c, ServiceLevelPolicy policy)
    {
        {
            Timeline timeline = WithOccurrences(c.Timeline);
            var instants = new SortedSet<Instant>(timeline.Select(f => f.At)) { c.Now };
            EvaluationResult? previous = null;
            foreach (Instant t in instants)
            {
                EvaluationResult current = Evaluator.Evaluate(timeline.AsOf(t), policy, t);
                foreach (CommitmentStatus before in previous?.Commitments.Where(s => s.Kind == CommitmentKind.Custom) ?? [])
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
                    Assert.Equal(before.StartedAt, after.StartedAt);
                    if (before.State is Met or MetLate)
                    {
                        Assert.Equal((before.MetAt, before.Deadline), (after.MetAt, after.Deadline));
                    }
                }
                previous = current;
            }
        }
    }
}
