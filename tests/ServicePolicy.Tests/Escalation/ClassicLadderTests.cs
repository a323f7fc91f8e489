// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

/// <summary>
/// The classic ladder (<see cref="Ladder"/>) as tables. A ticket opened Monday 10 March 2025 09:00 is due at 13:00 (4
/// business hours). The host evaluates at each row's instant, as it would at each <c>NextChangeAt</c>; each row lists the
/// actions due then (key suffix level/repeat, action, contacts) and the next change.
/// </summary>
public class ClassicLadderTests
{
    private static readonly Timeline Opened = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

    [Theory]
    //          evaluated at        actions due                    next change
    [InlineData("2025-03-10 09:00", "",                            "2025-03-10 12:00")]
    [InlineData("2025-03-10 11:59", "",                            "2025-03-10 12:00")]
    [InlineData("2025-03-10 12:00", "W0 Notify alice",             "2025-03-10 13:00")] // 75% of 4 business hours: warn the owner
    [InlineData("2025-03-10 13:00", "W0 Notify alice late",        "2025-03-10 13:00")] // the deadline itself: not breached yet
    [InlineData("2025-03-10 13:00+1ns", "L0/R0 Notify bob",        "2025-03-10 14:00")] // one tick later, breached: the lead
    [InlineData("2025-03-10 14:00", "L1/R0 Notify carol",          "2025-03-10 14:30")] // 1 business hour later: the manager
    [InlineData("2025-03-10 14:30", "L2/R0 Notify dave",           "2025-03-10 15:00")] // 30 minutes later: the duty manager
    [InlineData("2025-03-10 15:00", "L2/R1 Notify dave",           "2025-03-10 15:30")] // repeat 1 of 3
    [InlineData("2025-03-10 15:30", "L2/R2 Notify dave",           "2025-03-10 16:00")] // repeat 2 of 3
    [InlineData("2025-03-10 16:00", "L2/R3 Notify dave",           null)]               // repeat 3 of 3, then silence
    public void Ladder_WithoutAcknowledgement_ClimbsToTheDutyManagerAndRepeats(string evaluatedAt, string actions, string? nextChange)
    {
        EvaluationResult result = Evaluate(Opened, evaluatedAt);

        Assert.Equal(actions, Describe(result));
        Assert.Equal(nextChange, Local(result.NextChangeAt));
    }

    // The manager acknowledges at 14:10: the manager level and the duty manager's repeats stop; 2 hours later (16:10) the
    // ticket is still unanswered, so the ladder restarts at the manager (repeat number 1 of that level), then the duty
    // manager and its 3 repeats, with keys never used before.
    [Theory]
    //          evaluated at        actions due                    next change
    [InlineData("2025-03-10 14:00", "L1/R0 Notify carol",          "2025-03-10 14:30")]
    [InlineData("2025-03-10 14:10", "",                            "2025-03-10 16:10")]
    [InlineData("2025-03-10 14:30", "",                            "2025-03-10 16:10")]
    [InlineData("2025-03-10 16:09", "",                            "2025-03-10 16:10")]
    [InlineData("2025-03-10 16:10", "L1/R1 Notify carol",          "2025-03-10 16:40")]
    [InlineData("2025-03-10 16:40", "L2/R0 Notify dave",           "2025-03-10 17:10")]
    [InlineData("2025-03-10 17:10", "L2/R1 Notify dave",           "2025-03-10 17:40")]
    [InlineData("2025-03-10 18:10", "L2/R3 Notify dave",           null)]
    public void Ladder_AcknowledgedByTheManager_HoldsThenRestartsAfterTheTimeout(string evaluatedAt, string actions, string? nextChange)
    {
        Timeline timeline = Opened.Append(new EscalationAcknowledged(At("2025-03-10 14:10"), ActionKey.Parse("T-1/FirstResponse/0/ladder@da39846b1e79/L1/R0"), "carol"));

        EvaluationResult result = Evaluate(timeline, evaluatedAt);

        Assert.Equal(actions, Describe(result));
        Assert.Equal(nextChange, Local(result.NextChangeAt));
    }

    [Fact]
    public void Ladder_Answered_StopsEverything()
    {
        Timeline timeline = Opened.Append(new AgentReplied(At("2025-03-10 14:45")));

        EvaluationResult result = Evaluate(timeline, "2025-03-10 15:00");

        Assert.Empty(result.EscalationActions);
        Assert.Null(result.NextChangeAt);
        Assert.Equal(CommitmentKind.FirstResponse, result.Commitments[0].Kind);
    }

    [Fact]
    public void Action_CarriesItsCommitmentChainAndStep()
    {
        EscalationAction action = Assert.Single(Evaluate(Opened, "2025-03-10 14:00").EscalationActions);

        Assert.Equal("T-1/FirstResponse/0/ladder@da39846b1e79/L1/R0", action.Key.ToString());
        Assert.Equal(("T-1", CommitmentKind.FirstResponse, (string?)null, (int?)0), (action.InteractionId, action.Commitment, action.CommitmentName, action.Cycle));
        Assert.Equal(("ladder", 1, EscalationStep.Level, 1, 0), (action.ChainName, action.ChainVersion, action.Step, action.StepIndex, action.Repeat));
        Assert.Equal(EscalationRecipient.OwnersManager, action.Recipient);
        Assert.Equal(At("2025-03-10 14:00"), action.DueAt);
        Assert.False(action.IsLate);
        Assert.False(action.UsedFallback);
    }

    [Fact]
    public void Evaluate_Twice_GivesTheSameKeys()
    {
        Assert.Equal(Describe(Evaluate(Opened, "2025-03-10 15:00")), Describe(Evaluate(Opened, "2025-03-10 15:00")));
    }

    [Fact]
    public void Action_StaysListedUntilSuperseded_AndIsMarkedLate()
    {
        Assert.Equal("L0/R0 Notify bob late", Describe(Evaluate(Opened, "2025-03-10 13:20")));
    }

    [Fact]
    public void AcknowledgedWarning_IsNoLongerListed_AndLeavesTheLevelsAlone()
    {
        Timeline timeline = Opened.Append(new EscalationAcknowledged(At("2025-03-10 12:05"), ActionKey.Warning("T-1", CommitmentKind.FirstResponse, null, 0, "ladder", Chain().WarningStepId(0), 0)));

        Assert.Equal("", Describe(Evaluate(timeline, "2025-03-10 12:30")));
        Assert.Equal("L0/R0 Notify bob", Describe(Evaluate(timeline, "2025-03-10 13:00+1ns")));
    }

    [Fact]
    public void AcknowledgementOfAnUnknownKey_IsIgnored()
    {
        Timeline timeline = Opened.Append(new EscalationAcknowledged(At("2025-03-10 14:10"), ActionKey.Parse("T-1/FirstResponse/0/ladder@v9/L1/R0")));

        Assert.Equal("L2/R0 Notify dave", Describe(Evaluate(timeline, "2025-03-10 14:30")));
    }

    [Fact]
    public void LevelThatStopsOnlyWhenMet_KeepsFiringWhileAcknowledged()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Role("duty-manager"), EscalationDelay.Elapsed(Duration.FromMinutes(30)))
                .WithStopOnAcknowledgement(false))
            .WithAcknowledgementTimeout(EscalationDelay.Elapsed(Duration.FromHours(2)))
            .Build();
        Timeline timeline = Opened.Append(new EscalationAcknowledged(At("2025-03-10 13:05"), ActionKey.Parse("T-1/FirstResponse/0/ladder@a8d12acb2806/L0/R0")));

        EvaluationResult result = Evaluate(timeline, "2025-03-10 13:30", EscalationContext.Create(Org(), chain));

        Assert.Equal("L1/R0 Notify dave", Describe(result));
        Assert.Equal("2025-03-10 15:05", Local(result.NextChangeAt)); // the restart at the lead when the hold ends
    }

    [Fact]
    public void AcknowledgementWithoutTimeout_HoldsForTheRestOfTheCycle()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Elapsed(Duration.FromHours(1))))
            .WithRepeat(EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromHours(1)), maxRepeats: null))
            .Build();
        Timeline timeline = Opened.Append(new EscalationAcknowledged(At("2025-03-10 13:05"), ActionKey.Parse("T-1/FirstResponse/0/ladder@a8d12acb2806/L0/R0")));

        EvaluationResult result = Evaluate(timeline, "2025-03-12 13:00", EscalationContext.Create(Org(), chain));

        Assert.Empty(result.EscalationActions);
        Assert.Null(result.NextChangeAt);
    }
}
