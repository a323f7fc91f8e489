// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// Talking to the customer (issue 14): early delay notices, amends recorded, feedback heard. Each a table of evaluated
/// instants in UK office time (Mon-Fri 09:00-17:00; 7 March 2025 is a Friday, 10 March a Monday).
/// </summary>
public class AmendsScenarioTests
{
    private static readonly Owner Agent = Owner.Person("alice");

    // An 8-business-hour first response, at risk with 2 hours left, telling the customer early.
    private static ServiceLevelPolicy NoticePolicy() => ServiceLevelPolicy.CreateBuilder("Notice", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .WithDelayNotice("running-late"))
        .AddTarget(ServiceTarget.Create(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .WithDelayNotice("running-late"))
        .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromHours(2)))
        .Build();

    // 1. Early delay notice: listed while at risk, with one key per cycle; not before, not once met or breached.
    [Theory]
    //          evaluated at          first response  notices (keys)
    [InlineData("2025-03-10 09:00",   OnTrack,  "")]
    [InlineData("2025-03-10 14:59",   OnTrack,  "")]
    [InlineData("2025-03-10 15:00",   AtRisk,   "T-1/FirstResponse/0/notice")]
    [InlineData("2025-03-10 16:30",   AtRisk,   "T-1/FirstResponse/0/notice")]
    [InlineData("2025-03-10 17:00",   AtRisk,   "T-1/FirstResponse/0/notice")] // the deadline itself: inclusive
    [InlineData("2025-03-10 17:00+1ns", Breached, "")]
    public void DelayNotice_ListedWhileAtRisk_OneKeyPerCycle(string evaluatedAt, CommitmentState state, string keys)
    {
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Agent)]);

        EvaluationResult result = Evaluator.Evaluate(timeline, NoticePolicy(), When(evaluatedAt));

        Assert.Equal(state, result.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal(keys, string.Join(" ", result.DelayNotices.Select(n => n.Key.ToString())));
        Assert.All(result.DelayNotices, n => Assert.Equal(("running-late", At("2025-03-10 15:00"), At("2025-03-10 17:00")),
            (n.TemplateId, n.DueAt, n.Commitment.Deadline)));
    }

    [Fact]
    public void DelayNotice_WakesTheHostAtTheAtRiskInstant()
    {
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Agent)]);

        EvaluationResult result = Evaluator.Evaluate(timeline, NoticePolicy(), At("2025-03-10 10:00"));

        Assert.Empty(result.DelayNotices);
        Assert.Equal(At("2025-03-10 15:00"), result.NextChangeAt);
    }

    [Fact]
    public void DelayNotice_EachCycleHasItsOwnKey_AndAMetCycleNoLongerListsIt()
    {
        // First response at risk and met late in the day; the customer writes again; the reply to that is at risk too.
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Agent),
            new AgentReplied(At("2025-03-10 16:00")),
            new CustomerReplied(At("2025-03-11 09:00")),
        ]);

        EvaluationResult early = Evaluator.Evaluate(timeline, NoticePolicy(), At("2025-03-11 10:00"));
        EvaluationResult atRisk = Evaluator.Evaluate(timeline, NoticePolicy(), At("2025-03-11 11:30"));

        Assert.Empty(early.DelayNotices);
        Assert.Equal(["T-1/NextResponse/0/notice"], atRisk.DelayNotices.Select(n => n.Key.ToString()));
    }

    [Fact]
    public void DelayNotice_TargetWithoutOne_ListsNone()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Quiet", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromHours(2)))
            .Build();
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Agent)]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-10 16:00"));

        Assert.Equal(AtRisk, result.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Empty(result.DelayNotices);
    }

    [Fact]
    public void DelayNoticeKey_ParsesBackToItsParts()
    {
        ActionKey key = ActionKey.Parse("T-1/Custom:send a quote/2/notice");

        Assert.Equal((ActionKeyStep.DelayNotice, CommitmentKind.Custom, "send a quote", 2, "T-1"),
            (key.Step, key.Commitment!.Value, key.CommitmentName, key.Cycle!.Value, key.InteractionId));
        Assert.Null(key.ChainName);
        Assert.Throws<ActionKeyFormatException>(() => ActionKey.Parse("T-1/FirstResponse/0/notice/1"));
    }

    // A promised call-back (first response within 2 business hours); breaching it owes an apology within 1 business
    // hour and a credit of 10 GBP with no deadline. Opened Monday 09:00: breached from 11:00 (plus 1 ns).
    private static ServiceLevelPolicy AmendsPolicy() => ServiceLevelPolicy.CreateBuilder("Amends", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .WithRemedies(
                BreachRemedy.Apology().WithDeadline(DeadlineRule.WithinBusinessTime(Duration.FromHours(1))),
                BreachRemedy.Credit(10m, "GBP")))
        .Build();

    private const string Apology = "T-1/FirstResponse/0/remedy/0";
    private const string Credit = "T-1/FirstResponse/0/remedy/1";

    // 2. A remedy with a deadline: met, late, overdue; a remedy given stops appearing as due.
    [Theory]
    //          apology given at     evaluated at          due (keys)           overdue  given (key late)
    [InlineData(null,               "2025-03-10 11:00",   "",                  false,   "")]
    [InlineData(null,               "2025-03-10 11:00+1ns", Apology + " " + Credit, false, "")]
    [InlineData(null,               "2025-03-10 12:00",   Apology + " " + Credit, false, "")] // the remedy's deadline: inclusive
    [InlineData(null,               "2025-03-10 12:00+1ns", Apology + " " + Credit, true, "")]
    [InlineData(null,               "2025-04-10 12:00",   Apology + " " + Credit, true,  "")]
    [InlineData("2025-03-10 11:30", "2025-03-10 11:30",   Credit,              false,   Apology + " on time")]
    [InlineData("2025-03-10 12:00", "2025-03-10 13:00",   Credit,              false,   Apology + " on time")]
    [InlineData("2025-03-10 12:01", "2025-03-10 13:00",   Credit,              false,   Apology + " late")]
    [InlineData("2025-03-11 09:00", "2025-04-10 09:00",   Credit,              false,   Apology + " late")]
    public void RemedyWithDeadline_MetLateOrOverdue(string? givenAt, string evaluatedAt, string due, bool overdue, string givenKeys)
    {
        var facts = new List<TimelineFact> { new InteractionOpened(At("2025-03-10 09:00"), Agent) };
        if (givenAt is not null)
        {
            facts.Add(new RemedyGiven(At(givenAt), ActionKey.Parse(Apology), by: "alice"));
        }

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-1", facts), AmendsPolicy(), When(evaluatedAt));

        Assert.Equal(due, string.Join(" ", result.RemediesDue.Select(r => r.Key.ToString())));
        Assert.Equal(overdue, result.RemediesDue.Any(r => r.IsOverdue));
        Assert.Equal(givenKeys, string.Join(" ", result.RemediesGiven.Select(g => $"{g.Key} {(g.IsLate ? "late" : "on time")}")));
        Assert.All(result.RemediesDue.Concat(result.RemediesGiven.Select(g => g.Due)).Where(r => r.Remedy.Kind == RemedyKind.Apology),
            r => Assert.Equal(At("2025-03-10 12:00"), r.Deadline));
        Assert.All(result.RemediesDue.Where(r => r.Remedy.Kind == RemedyKind.Credit), r => Assert.Null(r.Deadline));
    }

    [Theory]
    //          evaluated at          next change
    [InlineData("2025-03-10 11:00+1ns", "2025-03-10 12:00")] // the apology becomes overdue one tick after its deadline
    [InlineData("2025-03-10 12:00+1ns", null)]
    public void RemedyWithDeadline_WakesTheHostWhenItBecomesOverdue(string evaluatedAt, string? nextChange)
    {
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Agent)]);

        EvaluationResult result = Evaluator.Evaluate(timeline, AmendsPolicy(), When(evaluatedAt));

        Assert.Equal(nextChange is null ? null : At(nextChange) + Duration.Epsilon, result.NextChangeAt);
    }

    // 2b. An overdue remedy escalates like a breached commitment: the chain's level to the owner's lead one tick after
    // the remedy's deadline (Monday 12:00), keyed by the remedy's key; giving it or acknowledging the step stops it.
    private static readonly EscalationChain RemedyChain = EscalationChain.CreateBuilder("desk", 1, Instant.MinValue, new EscalationContact("duty"))
        .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
        .Build();

    private static readonly string RemedyLevel = $"{Apology}/desk@{RemedyChain.LevelStepId(0)}/L0/R0";

    [Theory]
    //          apology given at     acknowledged at      evaluated at          remedy escalations (key contacts)
    [InlineData(null,               null,                "2025-03-10 12:00",   "")]
    [InlineData(null,               null,                "2025-03-10 12:00+1ns", "L0 lead-alice")]
    [InlineData(null,               null,                "2025-03-11 16:00",   "L0 lead-alice")]
    [InlineData("2025-03-10 11:30", null,                "2025-03-10 13:00",   "")]
    [InlineData("2025-03-10 12:30", null,                "2025-03-10 13:00",   "")]
    [InlineData(null,               "2025-03-10 12:10",  "2025-03-10 13:00",   "")]
    public void OverdueRemedy_Escalates(string? givenAt, string? acknowledgedAt, string evaluatedAt, string escalations)
    {
        var facts = new List<TimelineFact> { new InteractionOpened(At("2025-03-10 09:00"), Agent) };
        if (givenAt is not null)
        {
            facts.Add(new RemedyGiven(At(givenAt), ActionKey.Parse(Apology)));
        }
        if (acknowledgedAt is not null)
        {
            facts.Add(new EscalationAcknowledged(At(acknowledgedAt), ActionKey.Parse(RemedyLevel)));
        }
        ServiceLevelPolicy policy = AmendsPolicy().ToBuilder(2).WithEscalationChain("desk").Build();
        EscalationContext context = EscalationContext.Create(new ServicePolicy.Tests.Escalation.OrgChart().Lead("alice", "lead-alice"), RemedyChain);

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-1", facts), policy, When(evaluatedAt), context);

        EscalationAction[] remedySteps = result.EscalationActions.Where(a => a.Key.RemedyIndex is not null).ToArray();
        Assert.Equal(escalations, string.Join(" ", remedySteps.Select(a => $"L{a.StepIndex} {string.Join(",", a.Contacts)}")));
        Assert.All(remedySteps, a => Assert.Equal((RemedyLevel, CommitmentKind.FirstResponse, 0, At("2025-03-10 12:00") + Duration.Epsilon),
            (a.Key.ToString(), a.Commitment!.Value, a.Cycle!.Value, a.DueAt)));
    }

    [Fact]
    public void OverdueRemedy_WakesTheHostForItsFirstLevel()
    {
        ServiceLevelPolicy policy = AmendsPolicy().ToBuilder(2).WithEscalationChain("desk").Build();
        EscalationContext context = EscalationContext.Create(new ServicePolicy.Tests.Escalation.OrgChart().Lead("alice", "lead-alice"), RemedyChain);
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Agent)]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-10 11:30"), context);

        Assert.Equal(At("2025-03-10 12:00") + Duration.Epsilon, result.NextChangeAt);
    }

    [Fact]
    public void RemedyLevelKey_ParsesBackToItsParts()
    {
        ActionKey key = ActionKey.Parse("T-1/HandoffLimit/remedy/2/desk@a8d12acb2806/L1/R3");

        Assert.Equal((ActionKeyStep.Level, 2, 1, 3, "desk", true), (key.Step, key.RemedyIndex!.Value, key.Index, key.Repeat, key.ChainName, key.IsHandoffLimit));
        Assert.Equal(0, ActionKey.Parse(Apology).RemedyIndex);
        Assert.Null(ActionKey.Parse("T-1/FirstResponse/0/notice").RemedyIndex);
        Assert.Throws<ActionKeyFormatException>(() => ActionKey.Parse("T-1/FirstResponse/0/remedy/0/L0/R0"));
        Assert.Throws<ArgumentException>(() => new RemedyGiven(At("2025-03-10 10:00"), key));
    }

    [Fact]
    public void RemedyGiven_RecordsTheAmountApplied_AndEveryRemedyGivenLeavesNoneDue()
    {
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Agent),
            new RemedyGiven(At("2025-03-10 11:10"), ActionKey.Parse(Apology)),
            new RemedyGiven(At("2025-03-10 11:20"), ActionKey.Parse(Credit), 10m, "gbp", "billing"),
            new AgentReplied(At("2025-03-10 11:30")),
        ]);

        // Five weeks later nothing is due any more.
        EvaluationResult result = Evaluator.Evaluate(timeline, AmendsPolicy(), At("2025-04-14 09:00"));

        Assert.Empty(result.RemediesDue);
        Assert.Collection(result.RemediesGiven,
            g => Assert.Equal((RemedyKind.Apology, At("2025-03-10 11:10"), false), (g.Remedy.Kind, g.GivenAt, g.IsLate)),
            g => Assert.Equal((RemedyKind.Credit, 10m, "GBP", "billing"), (g.Remedy.Kind, g.Given.Amount!.Value, g.Given.Currency, g.Given.By)));
        Assert.Equal(MetLate, result.Commitments[0].State);
    }

    [Fact]
    public void RemedyGiven_KeyNamingNoRemedyDue_IsIgnored()
    {
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Agent),
            new RemedyGiven(At("2025-03-10 10:00"), ActionKey.Parse("T-1/Resolution/0/remedy/0")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, AmendsPolicy(), At("2025-03-10 13:00"));

        Assert.Equal([Apology, Credit], result.RemediesDue.Select(r => r.Key.ToString()));
        Assert.Empty(result.RemediesGiven);
    }

    [Fact]
    public void RemedyGiven_HandoffLimitRemedy_StopsBeingDue()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Ownership", 1, Office)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40)))
            .WithHandoffLimit(0, BreachRemedy.ProactiveMessage("sorry-for-the-runaround"))
            .Build();
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Agent),
            new OwnerAssigned(At("2025-03-10 10:00"), Owner.Person("bob")),
            new RemedyGiven(At("2025-03-10 10:05"), ActionKey.Parse("T-1/HandoffLimit/remedy/0")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-10 11:00"));

        Assert.Empty(result.RemediesDue);
        Assert.Equal(["T-1/HandoffLimit/remedy/0"], result.RemediesGiven.Select(g => g.Key.ToString()));
    }

    [Theory]
    [InlineData("T-1/FirstResponse/0/standard@a8d12acb2806/L0/R0")]
    [InlineData("T-1/FirstResponse/0/notice")]
    public void RemedyGiven_KeyOfAnotherStep_Throws(string key)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new RemedyGiven(At("2025-03-10 10:00"), ActionKey.Parse(key)));

        Assert.Equal("key", e.ParamName);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, null, "currency")]
    [InlineData(null, "GBP", "currency")]
    [InlineData(10, "GB", "currency")]
    public void RemedyGiven_AmountAndCurrencyMustGoTogether(int? amount, string? currency, string paramName)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            new RemedyGiven(At("2025-03-10 10:00"), ActionKey.Parse(Credit), amount, currency));

        Assert.Equal(paramName, e.ParamName);
    }

    [Fact]
    public void RemedyGiven_NegativeAmount_Throws() =>
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RemedyGiven(At("2025-03-10 10:00"), ActionKey.Parse(Credit), -5m, "GBP")).ParamName);

    // 3. Feedback heard: answers on the policy's 1-5 scale are read back in order; others are refused.
    private static ServiceLevelPolicy FeedbackPolicy(bool scale = true)
    {
        ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder("Feedback", 1, Office)
            .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)));
        return (scale ? builder.WithFeedbackScale(1, 5) : builder).Build();
    }

    [Theory]
    //          scores       comments
    [InlineData("5",         "quick and kind")]
    [InlineData("1",         "")]
    [InlineData("2 4",       "slow|better")]
    public void Feedback_RecordedAndReadBack(string scores, string comments)
    {
        int[] values = scores.Split(' ').Select(int.Parse).ToArray();
        string[] texts = comments.Split('|');
        var facts = new List<TimelineFact>
        {
            new InteractionOpened(At("2025-03-10 09:00"), Agent),
            new InteractionResolved(At("2025-03-10 10:00")),
            new FeedbackRequested(At("2025-03-10 10:30")),
        };
        for (int i = 0; i < values.Length; i++)
        {
            facts.Add(new FeedbackReceived(At("2025-03-11 09:00") + Duration.FromHours(i), values[i], texts[i].Length == 0 ? null : texts[i]));
        }

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-1", facts), FeedbackPolicy(), At("2025-03-12 09:00"));

        Assert.Equal(values, result.Feedback.Select(f => f.Score));
        Assert.Equal(texts.Select(t => t.Length == 0 ? null : t), result.Feedback.Select(f => f.Comment));
        Assert.Equal(Met, result.FindLatest(CommitmentKind.FeedbackRequest)!.State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Feedback_ScoreOutsideTheScale_IsRefusedNamingTheFactAndTheScale(int score)
    {
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Agent),
            new FeedbackReceived(At("2025-03-11 09:00"), score),
        ]);

        InvalidTimelineException e = Assert.Throws<InvalidTimelineException>(() => Evaluator.Evaluate(timeline, FeedbackPolicy(), At("2025-03-12 09:00")));

        Assert.Equal(1, e.Position);
        Assert.Contains($"score {score} is outside the feedback scale 1-5 of policy 'Feedback v1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_PolicyWithoutAScale_IsRefused()
    {
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Agent),
            new FeedbackReceived(At("2025-03-11 09:00"), 3),
        ]);

        InvalidTimelineException e = Assert.Throws<InvalidTimelineException>(() => Evaluator.Evaluate(timeline, FeedbackPolicy(scale: false), At("2025-03-12 09:00")));

        Assert.Contains("declares no feedback scale", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_None_IsEmpty() =>
        Assert.Empty(Evaluator.Evaluate(Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Agent)]), FeedbackPolicy(), At("2025-03-10 10:00")).Feedback);

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(3, 3)]
    [InlineData(1, 1001)]
    public void FeedbackScale_OutOfRange_Throws(int minimum, int maximum) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackScale.Create(minimum, maximum));

    [Fact]
    public void ToBuilder_KeepsTheFeedbackScale() =>
        Assert.Equal(FeedbackScale.Create(1, 5), FeedbackPolicy().ToBuilder(2).Build().FeedbackScale);
}
