// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using ServicePolicy.Tests.Escalation;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>Deadlines are inclusive, as a customer reads "by 13:00" (docs/concepts.md): both edges, for a first response due
/// at 13:00 (opened Monday 09:00, 4 business hours).</summary>
public class InclusiveDeadlineTests
{
    private static readonly Instant Deadline = At("2025-03-10 13:00");

    private static readonly Timeline Opened = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

    private static CommitmentStatus FirstResponse(Timeline timeline, Instant now) =>
        Evaluator.Evaluate(timeline, Policy(), now).FindLatest(CommitmentKind.FirstResponse)!;

    [Fact]
    public void MetExactlyAtTheDeadline_IsOnTime()
    {
        CommitmentStatus status = FirstResponse(Opened.Append(new AgentReplied(Deadline)), Deadline + Duration.FromHours(1));

        Assert.Equal(CommitmentState.Met, status.State);
        Assert.Null(status.BreachedAt);
        Assert.Equal(Duration.Zero, status.Remaining);
    }

    [Fact]
    public void MetOneTickAfterTheDeadline_IsLate_BreachedFromThatTick()
    {
        CommitmentStatus status = FirstResponse(Opened.Append(new AgentReplied(Deadline + Duration.Epsilon)), Deadline + Duration.FromHours(1));

        Assert.Equal(CommitmentState.MetLate, status.State);
        Assert.Equal(Deadline + Duration.Epsilon, status.BreachedAt);
    }

    [Fact]
    public void EvaluatedExactlyAtTheDeadline_IsNotBreached_AndChangesOneTickLater()
    {
        EvaluationResult result = Evaluator.Evaluate(Opened, Policy(), Deadline);

        Assert.Equal(CommitmentState.OnTrack, result.Commitments[0].State);
        Assert.Null(result.Commitments[0].BreachedAt);
        Assert.Empty(result.RemediesDue);
        Assert.Equal(Deadline + Duration.Epsilon, result.NextChangeAt);
    }

    [Fact]
    public void EvaluatedOneTickAfterTheDeadline_IsBreached()
    {
        CommitmentStatus status = FirstResponse(Opened, Deadline + Duration.Epsilon);

        Assert.Equal(CommitmentState.Breached, status.State);
        Assert.Equal(Deadline + Duration.Epsilon, status.BreachedAt);
        Assert.Equal(Deadline, status.Deadline);
    }

    [Fact]
    public void CancelledExactlyAtTheDeadline_IsNotABreach()
    {
        CommitmentStatus status = FirstResponse(Opened.Append(new InteractionCancelled(Deadline)), Deadline + Duration.FromHours(1));

        Assert.Equal(CommitmentState.Cancelled, status.State);
        Assert.Null(status.BreachedAt);
    }

    [Fact]
    public void PauseStartingExactlyAtTheDeadline_PushesItOut()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Paused", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.FirstResponse)
            .Build();
        Timeline timeline = Opened.Append(new WaitingStarted(Deadline, PauseReason.WaitingOnThirdParty), new WaitingEnded(At("2025-03-10 14:00")));

        CommitmentStatus status = Evaluator.Evaluate(timeline, policy, At("2025-03-10 14:00")).FindLatest(CommitmentKind.FirstResponse)!;

        Assert.Equal(CommitmentState.OnTrack, status.State);
        Assert.Equal(At("2025-03-10 14:00"), status.Deadline);
        Assert.Equal(CommitmentState.Breached, Evaluator.Evaluate(timeline, policy, At("2025-03-10 14:00") + Duration.Epsilon).FindLatest(CommitmentKind.FirstResponse)!.State);
    }

    [Fact]
    public void Escalation_StartsAtTheFirstBreachedInstant_LaterLevelsCountFromTheDeadline()
    {
        Assert.Equal("W0 Notify alice late", Describe(Ladder.Evaluate(Opened, "2025-03-10 13:00")));

        EvaluationResult breached = Ladder.Evaluate(Opened, "2025-03-10 13:00+1ns");
        ServicePolicy.Escalation.EscalationAction lead = Assert.Single(breached.EscalationActions);

        Assert.Equal(Deadline + Duration.Epsilon, lead.DueAt);
        Assert.False(lead.IsLate);
        Assert.Equal(At("2025-03-10 14:00"), breached.NextChangeAt); // the manager: 1 business hour after the deadline
    }
}
