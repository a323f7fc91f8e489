// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

/// <summary>Editing a chain (a new version in force from Monday 12:00, going straight to the duty manager at breach)
/// changes nothing for cycles already started, applies to cycles that start later, and can be replayed explicitly.</summary>
public class ChainVersionTests
{
    private static readonly EscalationChain Edited = EscalationChain.CreateBuilder("ladder", 2, At("2025-03-10 12:00"), Fallback)
        .AddLevel(EscalationLevel.Create(EscalationRecipient.Role("duty-manager"), EscalationDelay.Zero).WithAction(EscalationActionKind.Reassign))
        .Build();

    private static readonly EscalationContext BothVersions = EscalationContext.Create(Org(), Chain(), Edited);

    private static readonly Timeline StartedBeforeTheEdit = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

    [Theory]
    [InlineData("2025-03-10 12:00", "W0 Notify alice")]
    [InlineData("2025-03-10 13:00+1ns", "L0/R0 Notify bob")]
    [InlineData("2025-03-10 14:00", "L1/R0 Notify carol")]
    [InlineData("2025-03-10 16:00", "L2/R3 Notify dave")]
    public void EditMidFlight_ChangesNothingForAStartedCycle(string evaluatedAt, string actions)
    {
        EvaluationResult withEdit = Evaluate(StartedBeforeTheEdit, evaluatedAt, BothVersions);
        EvaluationResult withoutEdit = Evaluate(StartedBeforeTheEdit, evaluatedAt);

        Assert.Equal(actions, Describe(withEdit));
        Assert.Equal(Describe(withoutEdit), Describe(withEdit));
        Assert.Equal(withoutEdit.NextChangeAt, withEdit.NextChangeAt);
        Assert.All(withEdit.EscalationActions, a => Assert.Equal(1, a.ChainVersion));
    }

    [Fact]
    public void CycleStartedAfterTheEdit_UsesTheNewVersion()
    {
        Timeline timeline = Timeline.Create("T-2", [new InteractionOpened(At("2025-03-10 12:30"), Alice)]);

        EscalationAction action = Assert.Single(Evaluate(timeline, "2025-03-10 16:30+1ns", BothVersions).EscalationActions);

        Assert.Equal("T-2/FirstResponse/0/ladder@v2/L0/R0", action.Key.ToString());
        Assert.Equal(EscalationActionKind.Reassign, action.Action);
    }

    [Fact]
    public void NewCycleOfTheSameInteraction_UsesTheVersionInForceWhenItStarted()
    {
        Timeline timeline = StartedBeforeTheEdit.Append(new AgentReplied(At("2025-03-10 10:00")), new CustomerReplied(At("2025-03-10 11:30")),
            new AgentReplied(At("2025-03-10 11:45")), new CustomerReplied(At("2025-03-10 12:15")));

        EvaluationResult result = Evaluate(timeline, "2025-03-10 16:15+1ns", BothVersions);

        Assert.Equal(["T-1/NextResponse/1/ladder@v2/L0/R0"], result.EscalationActions.Select(a => a.Key.ToString()));
        Assert.Equal(2, result.Commitments.Count(c => c.Kind == CommitmentKind.NextResponse));
    }

    [Fact]
    public void ExplicitReplay_UsesTheNamedVersionForStartedCycles()
    {
        EvaluationResult result = Evaluate(StartedBeforeTheEdit, "2025-03-10 13:00+1ns", BothVersions.WithReplayVersion(2));

        Assert.Equal(["T-1/FirstResponse/0/ladder@v2/L0/R0"], result.EscalationActions.Select(a => a.Key.ToString()));
    }

    [Fact]
    public void CycleStartedBeforeTheFirstVersion_UsesTheFirstVersion()
    {
        EscalationContext introducedLater = EscalationContext.Create(Org(), Chain(effectiveFrom: At("2025-06-01 00:00")));

        EvaluationResult result = Evaluate(StartedBeforeTheEdit, "2025-03-10 13:00+1ns", introducedLater);

        Assert.Equal("L0/R0 Notify bob", Describe(result));
    }

    [Fact]
    public void InForce_PicksTheLatestEffectiveVersion()
    {
        Assert.Equal(1, BothVersions.InForce("ladder", At("2025-03-10 11:59")).Version);
        Assert.Equal(2, BothVersions.InForce("ladder", At("2025-03-10 12:00")).Version);
        Assert.Null(BothVersions.ReplayVersion);
        Assert.Equal(1, BothVersions.WithReplayVersion(1).InForce("ladder", At("2025-12-01 00:00")).Version);
    }

    [Fact]
    public void ReplayWithAMissingVersion_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Evaluate(StartedBeforeTheEdit, "2025-03-10 13:00", BothVersions.WithReplayVersion(3)));

        Assert.Equal("escalation", e.ParamName);
        Assert.Contains("version 3 of chain 'ladder'", e.Message);
    }
}
