// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// Pause reasons of the team's own and several measures of one kind, as tables (UK office time, Monday to Friday
/// 09:00-17:00; 3 March 2025 is a Monday): the timeline and policy in the set-up, one row per evaluated instant.
/// </summary>
public class PauseReasonAndMeasureScenarioTests
{
    private static readonly Owner Agent = Owner.Person("alice");
    private static readonly PauseReason WaitingOnVendor = PauseReason.Create("WaitingOnVendor");

    private static Instant When(string text) => ServicePolicy.Tests.Escalation.Ladder.When(text);

    // 1. A vendor pause: "waiting on vendor" stops the resolution clock as waiting on the customer does; a reason the
    //    policy has no rule for (the built-in third party, or a "ChangeFreeze" another policy declares) pauses nothing.
    //    Opened Monday 10:00, resolution within 40 business hours (Monday 10 March 10:00); waiting Tuesday 10:00 to
    //    Thursday 10:00 (16 business hours).
    [Theory]
    //          reason                 evaluated at           state     deadline
    [InlineData("WaitingOnVendor",     "2025-03-04 09:00",    OnTrack,  "2025-03-10 10:00")]
    [InlineData("WaitingOnVendor",     "2025-03-05 12:00",    Paused,   "2025-03-11 12:00")]
    [InlineData("WaitingOnVendor",     "2025-03-06 10:00",    OnTrack,  "2025-03-12 10:00")]
    [InlineData("WaitingOnVendor",     "2025-03-12 10:00",    OnTrack,  "2025-03-12 10:00")]
    [InlineData("WaitingOnVendor",     "2025-03-12 10:00+1ns", Breached, "2025-03-12 10:00")]
    [InlineData("ChangeFreeze",        "2025-03-05 12:00",    OnTrack,  "2025-03-10 10:00")]
    [InlineData("ChangeFreeze",        "2025-03-10 10:00+1ns", Breached, "2025-03-10 10:00")]
    [InlineData("WaitingOnThirdParty", "2025-03-05 12:00",    OnTrack,  "2025-03-10 10:00")]
    [InlineData("WaitingOnCustomer",   "2025-03-05 12:00",    Paused,   "2025-03-11 12:00")]
    public void VendorPause(string reason, string evaluatedAt, CommitmentState state, string deadline)
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
            .PauseWhile(WaitingOnVendor, CommitmentKind.Resolution)
            .Build();
        Timeline timeline = Timeline.Create("T-1", [
            new InteractionOpened(At("2025-03-03 10:00"), Agent),
            new WaitingStarted(At("2025-03-04 10:00"), PauseReason.Create(reason)),
            new WaitingEnded(At("2025-03-06 10:00")),
        ]);
        Instant now = When(evaluatedAt);

        CommitmentStatus status = Evaluator.Evaluate(timeline.AsOf(now), policy, now).FindLatest(CommitmentKind.Resolution)!;

        Assert.Equal(state, status.State);
        Assert.Equal(deadline, Local(status.Deadline));
    }

    // 2. Two resolution measures with different pause rules: requester wait time (40 business hours) stops only while
    //    waiting on the customer; agent work time (16 business hours) also while waiting on a vendor. Opened Monday
    //    10:00; vendor Monday 14:00 to Wednesday 14:00 (16 business hours); customer Thursday 10:00 to Friday 10:00
    //    (8 business hours); resolved Monday 10 March 11:00.
    [Theory]
    //          evaluated at           requester  deadline            agent    deadline
    [InlineData("2025-03-03 12:00",    OnTrack,  "2025-03-10 10:00", OnTrack, "2025-03-05 10:00")]
    [InlineData("2025-03-04 12:00",    OnTrack,  "2025-03-10 10:00", Paused,  "2025-03-05 16:00")]
    [InlineData("2025-03-06 12:00",    Paused,   "2025-03-10 12:00", Paused,  "2025-03-07 12:00")]
    [InlineData("2025-03-07 12:00",    OnTrack,  "2025-03-11 10:00", OnTrack, "2025-03-10 10:00")]
    [InlineData("2025-03-10 10:00",    OnTrack,  "2025-03-11 10:00", OnTrack, "2025-03-10 10:00")]
    [InlineData("2025-03-10 10:00+1ns", OnTrack, "2025-03-11 10:00", Breached, "2025-03-10 10:00")]
    [InlineData("2025-03-10 11:00",    Met,      "2025-03-11 10:00", MetLate, "2025-03-10 10:00")]
    public void TwoResolutionMeasures(string evaluatedAt, CommitmentState requesterState, string requesterDeadline,
        CommitmentState agentState, string agentDeadline)
    {
        Instant now = When(evaluatedAt);

        EvaluationResult result = Evaluator.Evaluate(MeasuresTimeline().AsOf(now), MeasuresPolicy(), now);

        CommitmentStatus requester = result.FindLatest(CommitmentKind.Resolution, "requester wait time")!;
        CommitmentStatus agent = result.FindLatest(CommitmentKind.Resolution, "agent work time")!;
        Assert.Equal((requesterState, requesterDeadline), (requester.State, Local(requester.Deadline)));
        Assert.Equal((agentState, agentDeadline), (agent.State, Local(agent.Deadline)));
        Assert.Null(result.FindLatest(CommitmentKind.Resolution)); // the policy has no unnamed resolution target
        Assert.Equal(Met, result.FindLatest(CommitmentKind.FirstResponse)!.State);
    }

    [Fact]
    public void Measures_EachHasItsOwnCycleStatusAndRemedyKey()
    {
        Instant now = At("2025-03-10 12:00");

        EvaluationResult result = Evaluator.Evaluate(MeasuresTimeline().AsOf(now), MeasuresPolicy(), now);

        Assert.Equal(
            ["FirstResponse#0 Met", "Resolution 'requester wait time'#0 Met", "Resolution 'agent work time'#0 MetLate"],
            result.Commitments.Select(c => $"{c.Kind}{(c.Name is null ? "" : $" '{c.Name}'")}#{c.Cycle} {c.State}"));
        RemedyDue remedy = Assert.Single(result.RemediesDue);
        Assert.Equal("T-2/Resolution:agent work time/0/remedy/0", remedy.Key.ToString());
        Assert.Equal("agent work time", remedy.Commitment!.Name);
        ActionKey parsed = ActionKey.Parse(remedy.Key.ToString());
        Assert.Equal((CommitmentKind.Resolution, "agent work time", 0), (parsed.Commitment, parsed.CommitmentName, parsed.Cycle));
        Assert.Equal(remedy.Key, parsed);
    }

    [Fact]
    public void Measures_ARepliedKindMeetsEveryMeasureOfIt()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Two first replies", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinElapsedTime(Duration.FromHours(1))).WithName("first reply, elapsed"))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .Build();
        Timeline timeline = Timeline.Create("T-3", [new InteractionOpened(At("2025-03-03 10:00"), Agent), new AgentReplied(At("2025-03-03 11:30"))]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-03 12:00"));

        Assert.Equal(MetLate, result.FindLatest(CommitmentKind.FirstResponse, "first reply, elapsed")!.State);
        Assert.Equal(Met, result.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal(2, result.Commitments.Count);
    }

    [Fact]
    public void Measures_ReopeningReopensEveryResolutionMeasure()
    {
        Timeline timeline = MeasuresTimeline().Append(new InteractionReopened(At("2025-03-10 14:00")));

        EvaluationResult result = Evaluator.Evaluate(timeline, MeasuresPolicy(), At("2025-03-10 15:00"));

        // Stopped from 11:00 to 14:00 while resolved: requester wait time is due three business hours later.
        CommitmentStatus requester = result.FindLatest(CommitmentKind.Resolution, "requester wait time")!;
        Assert.Equal((OnTrack, "2025-03-11 13:00"), (requester.State, Local(requester.Deadline)));
        Assert.Equal(Breached, result.FindLatest(CommitmentKind.Resolution, "agent work time")!.State);
    }

    [Fact]
    public void Measures_ReopenEachByItsOwnReopenMode()
    {
        // Agent work time starts a new cycle on a reopening; requester wait time resumes its own.
        ServiceLevelPolicy policy = MeasuresPolicy().ToBuilder(2)
            .RemoveTarget(CommitmentKind.Resolution, "agent work time")
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(16)))
                .WithName("agent work time").WithReopenMode(ReopenMode.NewCycle))
            .Build();
        Timeline timeline = MeasuresTimeline().Append(new InteractionReopened(At("2025-03-10 14:00")));

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-10 15:00"));

        Assert.Equal(
            ["Resolution 'requester wait time'#0 OnTrack", "Resolution 'agent work time'#0 MetLate", "Resolution 'agent work time'#1 OnTrack"],
            result.Commitments.Where(c => c.Kind == CommitmentKind.Resolution).Select(c => $"{c.Kind} '{c.Name}'#{c.Cycle} {c.State}"));
        Assert.Equal("2025-03-12 14:00", Local(result.FindLatest(CommitmentKind.Resolution, "agent work time")!.Deadline));
    }

    [Fact]
    public void Describe_NamesMeasuresAndTheHostsOwnReasons()
    {
        string text = MeasuresPolicy().Describe(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(
            "We reply to new requests within 4 business hours. "
            + "We resolve requests within 40 business hours, measured as requester wait time. "
            + "We resolve requests within 16 business hours, measured as agent work time. "
            + "Our business hours are Monday to Friday, 09:00-17:00 UK time, except public holidays. "
            + "The clock for requester wait time and agent work time stops while we are waiting for your reply. "
            + "The clock for agent work time stops while your request is on hold (WaitingOnVendor). "
            + "If we resolve your request late, we'll apologise.",
            text);
    }

    private static ServiceLevelPolicy MeasuresPolicy() => ServiceLevelPolicy.CreateBuilder("Measured", 1, Office)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40))).WithName("requester wait time"))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(16))).WithName("agent work time")
            .WithRemedies(BreachRemedy.Apology()))
        .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
        .PauseWhile(WaitingOnVendor, [], ["agent work time"])
        .Build();

    private static Timeline MeasuresTimeline() => Timeline.Create("T-2", [
        new InteractionOpened(At("2025-03-03 10:00"), Agent),
        new AgentReplied(At("2025-03-03 11:00")),
        new WaitingStarted(At("2025-03-03 14:00"), WaitingOnVendor),
        new WaitingEnded(At("2025-03-05 14:00")),
        new WaitingStarted(At("2025-03-06 10:00")),
        new WaitingEnded(At("2025-03-07 10:00")),
        new InteractionResolved(At("2025-03-10 11:00")),
    ]);
}
