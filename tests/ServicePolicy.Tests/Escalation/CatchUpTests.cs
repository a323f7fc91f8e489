// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

/// <summary>The host was down from 11:00 to 15:10 and evaluates the ladder's ticket for the first time since.</summary>
public class CatchUpTests
{
    private static readonly Timeline Opened = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

    [Fact]
    public void LateEvaluation_ByDefault_FiresOnlyTheHighestOverdueStepOnce_MarkedLate()
    {
        EvaluationResult result = Evaluate(Opened, "2025-03-10 15:10");

        Assert.Equal("L2/R1 Notify dave late", Describe(result));
        Assert.Equal(At("2025-03-10 15:00"), result.EscalationActions[0].DueAt);
        Assert.Equal("2025-03-10 15:30", Local(result.NextChangeAt));
    }

    [Fact]
    public void LateEvaluation_WithFireAllMissed_FiresEverythingMissed()
    {
        EscalationContext context = EscalationContext.Create(Org(), FireAllMissed());

        EvaluationResult result = Evaluate(Opened, "2025-03-10 15:10", context);

        Assert.Equal("W0 Notify alice late; L0/R0 Notify bob late; L1/R0 Notify carol late; L2/R0 Notify dave late; L2/R1 Notify dave late",
            Describe(result));
    }

    [Fact]
    public void OnTimeEvaluation_IsNotLate_InEitherMode()
    {
        Assert.Equal("L1/R0 Notify carol", Describe(Evaluate(Opened, "2025-03-10 14:00")));
        Assert.EndsWith("L0/R0 Notify bob late; L1/R0 Notify carol", Describe(Evaluate(Opened, "2025-03-10 14:00", EscalationContext.Create(Org(), FireAllMissed()))));
    }

    [Fact]
    public void LateEvaluation_BeforeTheBreach_SkipsAPassedWarningOnlyWhenALaterStepPassed()
    {
        Assert.Equal("W0 Notify alice late", Describe(Evaluate(Opened, "2025-03-10 12:59")));
        Assert.Equal("L0/R0 Notify bob late", Describe(Evaluate(Opened, "2025-03-10 13:01")));
    }

    private static EscalationChain FireAllMissed()
    {
        EscalationChain ladder = Chain();
        EscalationChainBuilder builder = EscalationChain.CreateBuilder(ladder.Name, ladder.Version, ladder.EffectiveFrom, ladder.Fallback)
            .WithRepeat(ladder.Repeat!)
            .WithAcknowledgementTimeout(ladder.AcknowledgementTimeout!)
            .WithCatchUp(EscalationCatchUp.FireAllMissed);
        foreach (EscalationWarning warning in ladder.Warnings)
        {
            builder.AddWarning(warning);
        }
        foreach (EscalationLevel level in ladder.Levels)
        {
            builder.AddLevel(level);
        }
        return builder.Build();
    }
}
