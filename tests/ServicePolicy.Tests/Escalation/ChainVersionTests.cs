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

        Assert.Equal("T-2/FirstResponse/0/ladder@49182f0bb67c/L0/R0", action.Key.ToString());
        Assert.Equal(EscalationActionKind.Reassign, action.Action);
    }

    [Fact]
    public void NewCycleOfTheSameInteraction_UsesTheVersionInForceWhenItStarted()
    {
        Timeline timeline = StartedBeforeTheEdit.Append(new AgentReplied(At("2025-03-10 10:00")), new CustomerReplied(At("2025-03-10 11:30")),
            new AgentReplied(At("2025-03-10 11:45")), new CustomerReplied(At("2025-03-10 12:15")));

        EvaluationResult result = Evaluate(timeline, "2025-03-10 16:15+1ns", BothVersions);

        Assert.Equal(["T-1/NextResponse/1/ladder@49182f0bb67c/L0/R0"], result.EscalationActions.Select(a => a.Key.ToString()));
        Assert.Equal(2, result.Commitments.Count(c => c.Kind == CommitmentKind.NextResponse));
    }

    [Fact]
    public void ExplicitReplay_UsesTheNamedVersionForStartedCycles()
    {
        EvaluationResult result = Evaluate(StartedBeforeTheEdit, "2025-03-10 13:00+1ns", BothVersions.WithReplayVersion(2));

        Assert.Equal(["T-1/FirstResponse/0/ladder@49182f0bb67c/L0/R0"], result.EscalationActions.Select(a => a.Key.ToString()));
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

    /// <summary>Version 2 of the ladder changes only its third level (the duty manager becomes the incident manager).</summary>
    private static EscalationChain ThirdLevelChanged() =>
        EscalationChain.CreateBuilder("ladder", 2, At("2025-01-01 00:00"), Fallback)
            .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Business(Duration.FromHours(1), Office))
                .WithAuthorityToDecide())
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Role("incident-manager"), EscalationDelay.Elapsed(Duration.FromMinutes(30))))
            .WithRepeat(EscalationRepeat.Create(fromLevel: 2, EscalationDelay.Elapsed(Duration.FromMinutes(30)), maxRepeats: 3))
            .WithAcknowledgementTimeout(EscalationDelay.Elapsed(Duration.FromHours(2)))
            .Build();

    [Theory]
    [InlineData("2025-03-10 12:00", true)]       // W0
    [InlineData("2025-03-10 13:00+1ns", true)]   // L0/R0
    [InlineData("2025-03-10 14:00", true)]       // L1/R0
    [InlineData("2025-03-10 14:30", false)]      // L2/R0
    [InlineData("2025-03-10 16:00", false)]      // L2/R3
    public void RollingChange_NodesOnEitherVersion_PlanAnUnchangedStepUnderOneKey_AndAChangedOneUnderANewKey(string evaluatedAt, bool unchanged)
    {
        // While nodes reload one by one, one node has only version 1 of the chain and another only version 2.
        EvaluationResult onV1 = Evaluate(StartedBeforeTheEdit, evaluatedAt, EscalationContext.Create(Org(), Chain()));
        EvaluationResult onV2 = Evaluate(StartedBeforeTheEdit, evaluatedAt, EscalationContext.Create(Org().Role("incident-manager", "ivan"), ThirdLevelChanged()));

        EscalationAction v1 = Assert.Single(onV1.EscalationActions), v2 = Assert.Single(onV2.EscalationActions);
        Assert.Equal((v1.Step, v1.StepIndex, v1.Repeat, v1.DueAt), (v2.Step, v2.StepIndex, v2.Repeat, v2.DueAt));
        Assert.Equal((1, 2), (v1.ChainVersion, v2.ChainVersion));
        Assert.Equal(unchanged, v1.Key == v2.Key);
        Assert.Equal(unchanged, v1.Key.StepId == v2.Key.StepId);
        Assert.Null(v2.Key.ChainVersion);
    }
}
