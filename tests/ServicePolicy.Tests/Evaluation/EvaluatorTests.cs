// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

public class EvaluatorTests
{
    private static readonly Owner Alice = Owner.Person("alice");
    private static readonly Duration FourHours = Duration.FromHours(4);

    private static ServiceLevelPolicy Policy(int version, Action<ServiceLevelPolicyBuilder> configure)
    {
        ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder("Standard", version, Office);
        configure(builder);
        return builder.Build();
    }

    private static Timeline Timeline(params TimelineFact[] facts) =>
        ServicePolicy.Evaluation.Timeline.Create("T-9", [new InteractionOpened(At("2025-03-10 09:00"), Alice), .. facts]);

    [Fact]
    public void FirstResponse_PublicReplyMeets_InternalNoteDoesNot()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(FourHours)));

        EvaluationResult noted = Evaluator.Evaluate(Timeline(new AgentReplied(At("2025-03-10 10:00"), isPublic: false)), policy, At("2025-03-10 10:00"));
        EvaluationResult replied = Evaluator.Evaluate(Timeline(new AgentReplied(At("2025-03-10 12:30"))), policy, At("2025-03-10 15:00"));

        Assert.Equal(OnTrack, noted.FindLatest(CommitmentKind.FirstResponse)!.State);
        CommitmentStatus met = replied.FindLatest(CommitmentKind.FirstResponse)!;
        Assert.Equal(Met, met.State);
        Assert.Equal(At("2025-03-10 12:30"), met.MetAt);
        Assert.Equal(Duration.FromMinutes(210), met.Elapsed);
        Assert.Equal(Duration.FromMinutes(30), met.Remaining);
        Assert.Equal(87.5, met.PercentUsed, 9);
        Assert.Null(replied.NextChangeAt);
    }

    [Fact]
    public void FirstResponse_ReplyAtTheDeadline_IsLate_ElapsedOverTarget()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(FourHours)));
        CommitmentStatus status = Evaluator.Evaluate(Timeline(new AgentReplied(At("2025-03-10 15:00"))), policy, At("2025-03-10 15:00"))
            .FindLatest(CommitmentKind.FirstResponse)!;
        Assert.Equal(MetLate, status.State);
        Assert.Equal(At("2025-03-10 13:00") + Duration.Epsilon, status.BreachedAt);
        Assert.Equal(150.0, status.PercentUsed, 9);
        Assert.Equal(Duration.Zero, status.Remaining);
    }

    [Fact]
    public void NextChangeAt_IsAtRiskThenDeadline()
    {
        ServiceLevelPolicy policy = Policy(1, b => b
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(FourHours))
            .WithAtRisk(AtRiskThreshold.AtPercentOrBeforeDeadline(75, Duration.FromMinutes(30))));
        Timeline timeline = Timeline();

        Assert.Equal(At("2025-03-10 12:00"), Evaluator.Evaluate(timeline, policy, At("2025-03-10 09:00")).NextChangeAt);
        Assert.Equal(At("2025-03-10 13:00") + Duration.Epsilon, Evaluator.Evaluate(timeline, policy, At("2025-03-10 12:00")).NextChangeAt);
        Assert.Equal(At("2025-03-10 13:00") + Duration.Epsilon, Evaluator.Evaluate(timeline, policy, At("2025-03-10 13:00")).NextChangeAt);
        Assert.Null(Evaluator.Evaluate(timeline, policy, At("2025-03-10 13:00") + Duration.Epsilon).NextChangeAt);
    }

    [Fact]
    public void NextResponse_EachCustomerMessageAfterAnAgentReplyStartsACycle()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2))));
        Timeline timeline = Timeline(
            new CustomerReplied(At("2025-03-10 09:10")),
            new AgentReplied(At("2025-03-10 10:00")),
            new CustomerReplied(At("2025-03-10 11:00")),
            new CustomerReplied(At("2025-03-10 11:30")),
            new AgentReplied(At("2025-03-10 12:00")),
            new CustomerReplied(At("2025-03-10 16:00")));

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-11 09:30"));

        Assert.Collection(result.Commitments,
            c => Assert.Equal((0, Met, At("2025-03-10 11:00")), (c.Cycle, c.State, c.StartedAt)),
            c => Assert.Equal((1, OnTrack, At("2025-03-10 16:00"), At("2025-03-11 10:00")), (c.Cycle, c.State, c.StartedAt, c.Deadline)));
    }

    [Fact]
    public void PeriodicUpdate_EachPublicReplyMeetsTheCycleAndStartsTheNext()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.EndOfBusinessDay()));
        Timeline timeline = Timeline(new AgentReplied(At("2025-03-10 16:00")), new AgentReplied(At("2025-03-12 10:00")));

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-12 11:00"));

        Assert.Equal([Met, MetLate, OnTrack], result.Commitments.Select(c => c.State));
        Assert.Equal(["2025-03-10 17:00", "2025-03-10 17:00", "2025-03-12 17:00"], result.Commitments.Select(c => Local(c.Deadline)));
    }

    [Fact]
    public void FollowUpPromise_ReplacesTheDefaultDeadline_AndALaterPromiseReplacesAnEarlierOne()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0))));
        Timeline byPolicy = Timeline(new FollowUpPromised(At("2025-03-10 10:00")));
        Timeline byRule = Timeline(new FollowUpPromised(At("2025-03-10 10:00"), DeadlineRule.WithinBusinessTime(Duration.FromHours(2))));
        Timeline twice = Timeline(
            new FollowUpPromised(At("2025-03-10 10:00"), At("2025-03-10 15:00")),
            new FollowUpPromised(At("2025-03-10 14:00"), At("2025-03-12 15:00")));

        Assert.Equal("2025-03-11 12:00", Local(Evaluator.Evaluate(byPolicy, policy, At("2025-03-10 10:00")).FindLatest(CommitmentKind.FollowUp)!.Deadline));
        Assert.Equal("2025-03-10 12:00", Local(Evaluator.Evaluate(byRule, policy, At("2025-03-10 10:00")).FindLatest(CommitmentKind.FollowUp)!.Deadline));
        EvaluationResult result = Evaluator.Evaluate(twice, policy, At("2025-03-11 09:00"));
        Assert.Equal([Cancelled, OnTrack], result.Commitments.Select(c => c.State));
        Assert.Equal(At("2025-03-10 14:00"), result.Commitments[0].EndedAt);
    }

    [Fact]
    public void FollowUpPromise_WithoutDeadlineOrTarget_ThrowsNamingTheFact()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(FourHours)));
        Timeline timeline = Timeline(new AgentReplied(At("2025-03-10 09:30")), new FollowUpPromised(At("2025-03-10 10:00")));

        var e = Assert.Throws<InvalidTimelineException>(() => Evaluator.Evaluate(timeline, policy, At("2025-03-10 10:00")));

        Assert.Equal(2, e.Position);
        Assert.Equal("timeline", e.ParamName);
        Assert.Contains("FollowUpPromised", e.Message);
        Assert.Contains("no FollowUp target", e.Message);
    }

    [Fact]
    public void AppointmentWiderThanPolicyMaximum_IsBreachedFromTheBooking_AndLaterFactsStillEvaluate()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(FourHours)));
        Timeline timeline = Timeline(new AppointmentBooked(At("2025-03-10 10:00"), new Interval(At("2025-03-11 08:00"), At("2025-03-11 16:00"))));

        CommitmentStatus atBooking = Evaluator.Evaluate(timeline, policy, At("2025-03-10 10:00")).FindLatest(CommitmentKind.Appointment)!;
        EvaluationResult later = Evaluator.Evaluate(timeline.Append(new AgentReplied(At("2025-03-10 11:00"))), policy, At("2025-03-10 11:00"));

        Assert.Equal((CommitmentState.OnTrack, At("2025-03-10 10:00")), (atBooking.State, atBooking.Deadline));
        Assert.Equal(CommitmentState.Breached, later.FindLatest(CommitmentKind.Appointment)!.State);
        Assert.Equal(At("2025-03-10 10:00") + Duration.Epsilon, later.FindLatest(CommitmentKind.Appointment)!.BreachedAt);
    }

    [Fact]
    public void Reopening_ResumesResolutionFromWhereItStopped()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(16))));
        Timeline timeline = Timeline(new InteractionResolved(At("2025-03-10 17:00")), new InteractionReopened(At("2025-03-12 09:00")));

        CommitmentStatus whileResolved = Evaluator.Evaluate(timeline.AsOf(At("2025-03-11 12:00")), policy, At("2025-03-11 12:00")).FindLatest(CommitmentKind.Resolution)!;
        CommitmentStatus reopened = Evaluator.Evaluate(timeline, policy, At("2025-03-12 10:00")).FindLatest(CommitmentKind.Resolution)!;

        Assert.Equal(Met, whileResolved.State);
        Assert.Equal(OnTrack, reopened.State);
        Assert.Equal(0, reopened.Cycle);
        Assert.Null(reopened.MetAt);
        Assert.Equal(Duration.FromHours(9), reopened.Elapsed);
        Assert.Equal("2025-03-12 17:00", Local(reopened.Deadline));
    }

    [Fact]
    public void Resolution_BreachedBeforeResolving_StaysBreachedAfterReopening()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(FourHours)));
        Timeline timeline = Timeline(new InteractionResolved(At("2025-03-10 15:00")), new InteractionReopened(At("2025-03-11 09:00")));

        CommitmentStatus status = Evaluator.Evaluate(timeline, policy, At("2025-03-11 10:00")).FindLatest(CommitmentKind.Resolution)!;

        Assert.Equal(Breached, status.State);
        Assert.Equal(At("2025-03-10 13:00") + Duration.Epsilon, status.BreachedAt);
    }

    [Fact]
    public void ResolutionAndReopening_DriveFeedbackRequestsAndPeriodicUpdates()
    {
        ServiceLevelPolicy policy = Policy(1, b => b
            .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
            .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinBusinessTime(Duration.FromHours(8))));
        Timeline timeline = Timeline(
            new InteractionResolved(At("2025-03-10 10:00")),
            new FeedbackRequested(At("2025-03-10 10:05")),
            new InteractionReopened(At("2025-03-10 11:00")),
            new InteractionResolved(At("2025-03-10 12:00")),
            new InteractionReopened(At("2025-03-10 13:00")));

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-10 14:00"));

        Assert.Equal(
            [(CommitmentKind.PeriodicUpdate, Cancelled), (CommitmentKind.FeedbackRequest, Met), (CommitmentKind.PeriodicUpdate, Cancelled),
             (CommitmentKind.FeedbackRequest, Cancelled), (CommitmentKind.PeriodicUpdate, OnTrack)],
            result.Commitments.Select(c => (c.Kind, c.State)));
    }

    [Fact]
    public void CustomCommitment_MetByMilestoneOfTheSameName()
    {
        ServiceLevelPolicy policy = Policy(1, b => b
            .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.BusinessDaysAt(2, new LocalTime(17, 0))))
            .AddTarget(ServiceTarget.Custom("book a survey", DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0)))));
        Timeline timeline = Timeline(new MilestoneReached(At("2025-03-11 10:00"), "send you a quote"), new MilestoneReached(At("2025-03-11 11:00"), "unknown"));

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-11 12:00"));

        Assert.Equal(Met, result.FindLatest(CommitmentKind.Custom, "send you a quote")!.State);
        Assert.Equal(OnTrack, result.FindLatest(CommitmentKind.Custom, "book a survey")!.State);
        Assert.Null(result.FindLatest(CommitmentKind.Custom, "unknown"));
    }

    [Fact]
    public void Cancellation_EndsOpenCycles_CancelledOrBreached()
    {
        ServiceLevelPolicy policy = Policy(1, b => b
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40))));
        Timeline timeline = Timeline(new InteractionCancelled(At("2025-03-10 11:00")));

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-20 11:00"));

        Assert.Equal(Breached, result.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal(Cancelled, result.FindLatest(CommitmentKind.Resolution)!.State);
        Assert.Null(result.NextChangeAt);
    }

    [Fact]
    public void PauseAfterBreach_DoesNotUndoTheBreach_AndPausesOnlyListedKinds()
    {
        ServiceLevelPolicy policy = Policy(1, b => b
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40)))
            .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.FirstResponse, CommitmentKind.Resolution));
        Timeline timeline = Timeline(new WaitingStarted(At("2025-03-10 11:00"), PauseReason.WaitingOnThirdParty));

        EvaluationResult thirdParty = Evaluator.Evaluate(timeline, policy, At("2025-03-10 12:00"));
        Timeline waitingOnCustomer = Timeline(new WaitingStarted(At("2025-03-10 11:00"), PauseReason.WaitingOnCustomer));
        EvaluationResult customer = Evaluator.Evaluate(waitingOnCustomer, policy, At("2025-03-10 12:00"));

        Assert.Equal(Breached, thirdParty.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal(Paused, thirdParty.FindLatest(CommitmentKind.Resolution)!.State);
        Assert.Equal(OnTrack, customer.FindLatest(CommitmentKind.Resolution)!.State);
    }

    [Fact]
    public void ReplayWithCorrectedPolicyVersion_GivesTheCorrectedAnswer()
    {
        ServiceLevelPolicy mistaken = Policy(1, b => b
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1))).WithRemedies(BreachRemedy.Credit(5m, "gbp"))));
        ServiceLevelPolicy corrected = Policy(2, b => b
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(FourHours)).WithRemedies(BreachRemedy.Credit(5m, "gbp"))));
        Timeline timeline = Timeline(new AgentReplied(At("2025-03-10 11:00")));

        EvaluationResult before = Evaluator.Evaluate(timeline, mistaken, At("2025-03-11 09:00"));
        EvaluationResult after = Evaluator.Evaluate(timeline, corrected, At("2025-03-11 09:00"));

        Assert.Equal(MetLate, before.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal("GBP", Assert.Single(before.RemediesDue).Remedy.Currency);
        Assert.Equal(Met, after.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Empty(after.RemediesDue);
        Assert.Equal(2, after.Policy.Version);
    }

    [Fact]
    public void TargetCalendar_OverridesPolicyCalendar()
    {
        ServiceLevelPolicy policy = Policy(1, b => b
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(FourHours)).WithCalendar(BusinessCalendar.AlwaysOpen)));
        CommitmentStatus status = Evaluator.Evaluate(Timeline(), policy, At("2025-03-10 09:00")).FindLatest(CommitmentKind.FirstResponse)!;
        Assert.Equal(At("2025-03-10 13:00"), status.Deadline);
    }

    [Fact]
    public void Evaluate_BadArguments_Throw()
    {
        ServiceLevelPolicy policy = Policy(1, b => b.AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(FourHours)));
        Timeline timeline = Timeline(new AgentReplied(At("2025-03-10 11:00")));

        var early = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(timeline, policy, At("2025-03-10 10:00")));
        Assert.Equal("now", early.ParamName);
        Assert.Contains("fact 1 (AgentReplied", early.Message);
        Assert.Equal("timeline", Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(null!, policy, At("2025-03-10 11:00"))).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(timeline, (ServiceLevelPolicy)null!, At("2025-03-10 11:00"))).ParamName);
        Assert.Equal("policies", Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(timeline, (ServiceLevelPolicySet)null!, At("2025-03-10 11:00"))).ParamName);
    }
}
