// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>Specifications of delay notices and remedies given, on random valid timelines (<see cref="TimelineCase"/>)
/// under its policy with a delay notice on the first response and an apology owed within 1 business hour of a broken
/// follow-up promise.</summary>
public class AmendsProperties
{
    private static readonly ServiceLevelPolicy Policy = TimelineCase.Policy.ToBuilder(2)
        .RemoveTarget(CommitmentKind.FirstResponse)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4))).WithDelayNotice("late"))
        .RemoveTarget(CommitmentKind.FollowUp)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
            .WithRemedies(BreachRemedy.Apology().WithDeadline(DeadlineRule.WithinBusinessTime(Duration.FromHours(1))), BreachRemedy.Credit(5m, "GBP")))
        .Build();

    private static EvaluationResult Evaluate(Timeline timeline, Instant now) => Evaluator.Evaluate(timeline, Policy, now);

    /// <summary>What time alone can change: states, remedies due and overdue, notices.</summary>
    private static string States(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c.Kind}:{c.Name}#{c.Cycle}={c.State}"))
        + $"; handoffs breached={result.HandoffLimitBreachedAt.HasValue}"
        + $"; due={string.Join(",", result.RemediesDue.Select(r => $"{r.Key}{(r.IsOverdue ? "!" : "")}"))}"
        + $"; notices={string.Join(",", result.DelayNotices.Select(n => n.Key))}";

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 300)]
    public void NextChangeAt_IsATrueNextChange_WithOverdueRemediesAndNotices(TimelineCase c)
    {
        EvaluationResult result = Evaluate(c.Timeline, c.Now);
        string states = States(result);
        if (result.NextChangeAt is not { } next)
        {
            Assert.Equal(states, States(Evaluate(c.Timeline, c.Now + Duration.FromDays(60))));
            return;
        }
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
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 300)]
    public void DelayNotices_OnePerAtRiskCycleOfATargetWithOne(TimelineCase c)
    {
        EvaluationResult result = Evaluate(c.Timeline, c.Now);

        Assert.Equal(
            result.Commitments.Where(s => s.State == CommitmentState.AtRisk && s.Kind == CommitmentKind.FirstResponse)
                .Select(s => $"{c.Timeline.InteractionId}/FirstResponse/{s.Cycle}/notice"),
            result.DelayNotices.Select(n => n.Key.ToString()));
        Assert.All(result.DelayNotices, n => Assert.Equal(ActionKeyStep.DelayNotice, n.Key.Step));
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 300)]
    public void RemedyGiven_MovesExactlyThatRemedyFromDueToGiven_AndChangesNothingElse(TimelineCase c)
    {
        EvaluationResult before = Evaluate(c.Timeline, c.Now);
        if (before.RemediesDue.Count == 0 || c.Timeline[c.Timeline.Count - 1] is InteractionCancelled)
        {
            // No fact may follow a cancellation (Timeline's rule), a remedy given included.
            return;
        }
        RemedyDue first = before.RemediesDue[0];

        EvaluationResult after = Evaluate(c.Timeline.Append(new RemedyGiven(c.Now, first.Key)), c.Now);

        Assert.Equal(before.RemediesDue.Skip(1).Select(r => r.Key), after.RemediesDue.Select(r => r.Key));
        GivenRemedy given = Assert.Single(after.RemediesGiven);
        Assert.Equal((first.Key, first.Remedy, first.Deadline, c.Now), (given.Key, given.Remedy, given.Due.Deadline, given.GivenAt));
        Assert.Equal(first.IsOverdue, given.IsLate);
        Assert.Equal(
            string.Join("; ", before.Commitments.Select(s => $"{s}|{s.MetAt}|{s.EndedAt}")),
            string.Join("; ", after.Commitments.Select(s => $"{s}|{s.MetAt}|{s.EndedAt}")));
    }
}
