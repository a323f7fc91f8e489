// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

/// <summary>A breached handoff limit escalates to the first level with the authority to decide (the manager, in the ladder).</summary>
public class HandoffLimitTests
{
    private static readonly Timeline HandedTwice = Timeline.Create("T-3",
    [
        new InteractionOpened(At("2025-03-10 09:00"), Alice),
        new OwnerAssigned(At("2025-03-10 09:30"), Owner.Person("zoe")),
        new OwnerAssigned(At("2025-03-10 10:00"), Alice),
    ]);

    private static EvaluationResult Evaluate(Timeline timeline, string local) =>
        Evaluator.Evaluate(timeline, Policy(maximumHandoffs: 1), At(local), EscalationContext.Create(Org(), Chain()));

    [Fact]
    public void BreachedHandoffLimit_EscalatesToTheLevelWithAuthority()
    {
        EvaluationResult result = Evaluate(HandedTwice, "2025-03-10 10:00");

        EscalationAction action = Assert.Single(result.EscalationActions);
        Assert.Equal("T-3/HandoffLimit/ladder@da39846b1e79/L1/R0", action.Key.ToString());
        Assert.Equal((EscalationStep.HandoffLimit, 1, (CommitmentKind?)null), (action.Step, action.StepIndex, action.Commitment));
        Assert.Equal("carol", Assert.Single(action.Contacts).Id);
        Assert.Equal(At("2025-03-10 10:00"), result.HandoffLimitBreachedAt);
    }

    [Fact]
    public void HandoffEscalation_StopsWhenAcknowledgedOrResolved()
    {
        Timeline acknowledged = HandedTwice.Append(new EscalationAcknowledged(At("2025-03-10 10:05"), ActionKey.Parse("T-3/HandoffLimit/ladder@da39846b1e79/L1/R0")));
        Timeline resolved = HandedTwice.Append(new AgentReplied(At("2025-03-10 10:02")), new InteractionResolved(At("2025-03-10 10:05")));

        Assert.Empty(Evaluate(acknowledged, "2025-03-10 10:30").EscalationActions);
        Assert.Empty(Evaluate(resolved, "2025-03-10 10:30").EscalationActions);
    }

    [Fact]
    public void ChainWithoutAuthority_DoesNotEscalateTheHandoffLimit()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .Build();

        EvaluationResult result = Evaluator.Evaluate(HandedTwice, Policy(maximumHandoffs: 1), At("2025-03-10 10:00"), EscalationContext.Create(Org(), chain));

        Assert.Empty(result.EscalationActions);
    }
}
