// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Escalation;

/// <summary>A 24x7 desk whose lead works Monday to Friday 09:00-17:00 in London: a breach on a Friday night reaches the
/// lead on Monday morning at 09:00 wall-clock time, across a weekend on which the clocks change.</summary>
public class WorkingHoursTests
{
    private static readonly EscalationContact Fallback = new("support-leads");

    private static readonly ServiceLevelPolicy TwentyFourSeven = ServiceLevelPolicy.CreateBuilder("24x7", 1, BusinessCalendar.AlwaysOpen)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinElapsedTime(Duration.FromHours(4)))
        .WithEscalationChain("night")
        .Build();

    private static EscalationContext Context(bool wait) => EscalationContext.Create(
        new OrgChart().Lead("alice", "bob").Works("bob", Office),
        EscalationChain.CreateBuilder("night", 1, Instant.MinValue, Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero).WithWaitForWorkingHours(wait))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Business(Duration.FromHours(1), Office))
                .WithAction(EscalationActionKind.RaisePriority))
            .Build());

    [Theory]
    //          opened (UTC)             breach (UTC)            lead hears (UTC)        London wall clock
    [InlineData("2025-03-28T20:00:00Z", "2025-03-29T00:00:00Z", "2025-03-31T08:00:00Z", "2025-03-31 09:00")] // clocks go forward Sun 30 March
    [InlineData("2025-10-24T20:00:00Z", "2025-10-25T00:00:00Z", "2025-10-27T09:00:00Z", "2025-10-27 09:00")] // clocks go back Sun 26 October
    public void Level_WaitingForWorkingHours_ReachesTheLeadAtNineOnMonday(string opened, string breach, string hears, string wallClock)
    {
        Timeline timeline = Timeline.Create("N-1", [new InteractionOpened(Utc(opened), Owner.Person("alice"))]);

        EvaluationResult atBreach = Evaluator.Evaluate(timeline, TwentyFourSeven, Utc(breach) + Duration.Epsilon, Context(wait: true));
        EvaluationResult sundayNight = Evaluator.Evaluate(timeline, TwentyFourSeven, Utc(hears) - Duration.FromHours(6), Context(wait: true));
        EvaluationResult monday = Evaluator.Evaluate(timeline, TwentyFourSeven, Utc(hears), Context(wait: true));

        Assert.Equal(CommitmentState.Breached, atBreach.Commitments[0].State);
        Assert.Empty(atBreach.EscalationActions);
        Assert.Equal(Utc(hears), atBreach.NextChangeAt);
        Assert.Empty(sundayNight.EscalationActions);
        EscalationAction action = Assert.Single(monday.EscalationActions);
        Assert.Equal(Utc(hears), action.DueAt);
        Assert.Equal(wallClock, Local(action.DueAt));
        Assert.Equal("bob", Assert.Single(action.Contacts).Id);
        Assert.Equal(Utc(hears) + Duration.FromHours(1), monday.NextChangeAt); // the next level counts from 09:00, in business time
    }

    [Fact]
    public void Level_NotWaiting_GoesOutAtAnyHour()
    {
        Timeline timeline = Timeline.Create("N-1", [new InteractionOpened(Utc("2025-03-28T20:00:00Z"), Owner.Person("alice"))]);

        EvaluationResult result = Evaluator.Evaluate(timeline, TwentyFourSeven, Utc("2025-03-29T00:00:00Z") + Duration.Epsilon, Context(wait: false));

        Assert.Equal(Utc("2025-03-29T00:00:00Z") + Duration.Epsilon, Assert.Single(result.EscalationActions).DueAt); // breached after the deadline
        Assert.Equal(Utc("2025-03-31T09:00:00Z"), result.NextChangeAt); // 1 business hour of the lead's calendar: Monday 10:00 BST
    }

    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;
}
