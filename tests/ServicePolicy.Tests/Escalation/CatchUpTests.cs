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

/// <summary>A <see cref="EscalationCatchUp.FireAllMissed"/> catch-up lists at most <see cref="EscalationChain.MaxCatchUpSteps"/>
/// steps per cycle, the latest, with the same keys as without the cap.</summary>
public class CappedCatchUpTests
{
    private static readonly Timeline Opened = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

    /// <summary>Warn at 75%; at the breach (13:00) the lead, a minute later the manager, then the manager every minute.</summary>
    private static EscalationContext Minutely(EscalationCatchUp catchUp) => EscalationContext.Create(Org(),
        EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Elapsed(Duration.FromMinutes(1))))
            .WithRepeat(EscalationRepeat.Create(1, EscalationDelay.Elapsed(Duration.FromMinutes(1)), maxRepeats: null))
            .WithCatchUp(catchUp)
            .Build());

    [Fact]
    public void FireAllMissed_ThirtyDaysOfMinutelyRepeats_ListsTheLatestHundred_AndCountsTheRest()
    {
        EvaluationResult result = Evaluate(Opened, "2025-04-09 13:00", Minutely(EscalationCatchUp.FireAllMissed));

        // Missed: the warning, the lead, and the manager at 13:01 + k minutes for k = 0 .. 43,139 (30 days less the hour
        // the clocks went forward on 30 March: 43,142 steps).
        Assert.Equal(EscalationChain.MaxCatchUpSteps, result.EscalationActions.Count);
        Assert.Equal(Enumerable.Range(43_040, 100).Select(r => $"T-1/FirstResponse/0/ladder@63885a00fb98/L1/R{r}"),
            result.EscalationActions.Select(a => a.Key.ToString()));
        Assert.Equal(43_042, result.EscalationActions[0].EarlierStepsNotListed);
        Assert.All(result.EscalationActions.Skip(1), a => Assert.Equal(0, a.EarlierStepsNotListed));
        Assert.Equal(result.EscalationActions[^1].Key, Evaluate(Opened, "2025-04-09 13:00", Minutely(EscalationCatchUp.LatestOnly)).EscalationActions.Single().Key);
    }

    [Fact]
    public void FireAllMissed_UnderTheCap_ListsEveryMissedStep_WithTheSameKeys()
    {
        EvaluationResult result = Evaluate(Opened, "2025-03-10 14:00", Minutely(EscalationCatchUp.FireAllMissed));

        Assert.Equal(["W0", "L0/R0", .. Enumerable.Range(0, 60).Select(r => $"L1/R{r}")],
            result.EscalationActions.Select(a => a.Key.ToString()[(a.Key.ToString().IndexOf('/', a.Key.ToString().IndexOf('@')) + 1)..]));
        Assert.All(result.EscalationActions, a => Assert.Equal(0, a.EarlierStepsNotListed));
    }

    [Fact]
    public void FireAllMissed_JustOverTheCap_DropsTheEarliest()
    {
        // 13:00 to 14:39: the warning, the lead and the manager R0..R98 are 101 steps; the warning is not listed.
        EvaluationResult result = Evaluate(Opened, "2025-03-10 14:39", Minutely(EscalationCatchUp.FireAllMissed));

        Assert.Equal(100, result.EscalationActions.Count);
        Assert.Equal("T-1/FirstResponse/0/ladder@a8d12acb2806/L0/R0", result.EscalationActions[0].Key.ToString());
        Assert.Equal(1, result.EscalationActions[0].EarlierStepsNotListed);
    }
}
