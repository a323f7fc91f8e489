// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Escalation;

/// <summary>The work of a repeat-until-met ladder is bounded: the minimum repeat interval, the arithmetic skip over
/// rounds, and the cap a walked round needs (docs/limits.md#minimum-repeat).</summary>
public class MinimumRepeatTests
{
    private const string Chain = "ServicePolicy:EscalationChains:ladder";

    [Theory]
    [InlineData(1L)]
    [InlineData(59_999_999_999L)]
    public void Repeat_ShorterThanAMinute_IsRefused_NamingEveryAndTheMinimum(long nanoseconds)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromNanoseconds(nanoseconds)), maxRepeats: null));

        Assert.Equal("every", e.ParamName);
        Assert.Contains("at least the minimum of 1 minute", e.Message, StringComparison.Ordinal);
        Assert.Contains("See docs/limits.md#minimum-repeat.", e.Message, StringComparison.Ordinal);
        Assert.Equal(Duration.FromMinutes(1), EscalationRepeat.MinimumInterval);
    }

    [Fact]
    public void Repeat_OfExactlyOneMinute_IsAccepted()
    {
        Assert.Equal(Duration.FromMinutes(1), EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromMinutes(1)), null).Every.Amount);
    }

    [Theory]
    [InlineData("1 nanosecond")]
    [InlineData("PT0.000000001S")]
    [InlineData("30 seconds")]
    [InlineData("59 business seconds")]
    public void Configuration_RepeatShorterThanAMinute_IsRefused_WithPathAndValue(string every)
    {
        string error = SingleError(WithChain(($"{Chain}:Repeat:Every", every)));

        Assert.Equal($"{Chain}:Repeat:Every: '{every}' is shorter than the minimum repeat interval of 1 minute. See docs/limits.md#minimum-repeat.", error);
    }

    [Fact]
    public void Configuration_RepeatUntilMetOfLevelsThatWaitForWorkingHours_IsRefused_AtMaxRepeats()
    {
        string error = SingleError(WithChain(($"{Chain}:Levels:1:WaitForWorkingHours", "true"), ($"{Chain}:Repeat:FromLevel", "1"),
            ($"{Chain}:Repeat:Every", "1 minute")));

        Assert.StartsWith($"{Chain}:Repeat:MaxRepeats: the repeat rule repeats until met levels that wait for working hours", error, StringComparison.Ordinal);
        Assert.EndsWith("See docs/limits.md#minimum-repeat.", error, StringComparison.Ordinal);
        Assert.Empty(Errors(WithChain(($"{Chain}:Levels:1:WaitForWorkingHours", "true"), ($"{Chain}:Repeat:FromLevel", "1"),
            ($"{Chain}:Repeat:Every", "1 minute"), ($"{Chain}:Repeat:MaxRepeats", "99998"))));
    }

    [Fact]
    public void Build_RepeatUntilMetOfLevelsThatMixClocks_IsRefused()
    {
        EscalationChainBuilder builder = EscalationChain.CreateBuilder("mixed", 1, At("2025-01-01 00:00"), new EscalationContact("fallback"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Business(Duration.FromMinutes(1), Office)))
            .WithRepeat(EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromMinutes(1)), maxRepeats: null));

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("needs MaxRepeats of at most 49999", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RepeatEveryMinute_BreachedAYearAgo_DoesAsMuchWorkAsAnHourAgo()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("minutely", 1, At("2024-01-01 00:00"), new EscalationContact("fallback"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Elapsed(Duration.FromMinutes(1))))
            .WithRepeat(EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromMinutes(1)), maxRepeats: null))
            .Build();
        Instant now = At("2025-03-03 10:00") + Duration.FromSeconds(30);

        int WorkSince(Duration ago)
        {
            var counter = new Counter();
            EscalationLadder.Run(chain, now - ago, now, new TestSite([], counter), new List<LadderStep>());
            return counter.WaitFor;
        }

        Assert.Equal(WorkSince(Duration.FromHours(1)), WorkSince(Duration.FromDays(365)));
        Assert.InRange(WorkSince(Duration.FromDays(365)), 1, 10);
    }

    [Fact]
    public void Run_WalkedRoundAtTheLargestCapItsRulesAllow_NeverThrows()
    {
        // A level that waits for working hours, repeated every minute as often as the rules allow, evaluated long after
        // every repeat: the walk stays within EscalationLadder.MaxWalkedSteps.
        EscalationChain chain = EscalationChain.CreateBuilder("walked", 1, At("2024-01-01 00:00"), new EscalationContact("fallback"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero).WithWaitForWorkingHours())
            .WithRepeat(EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromMinutes(1)), maxRepeats: EscalationLadder.MaxWalkedSteps - 1))
            .Build();
        var listed = new List<LadderStep>();

        Instant? next = EscalationLadder.Run(chain, At("2024-03-04 09:00"), At("2026-01-01 00:00"), new TestSite([], null), listed);

        Assert.Null(next);
        Assert.Equal(EscalationLadder.MaxWalkedSteps - 1, Assert.Single(listed).Repeat);
        Assert.Throws<InvalidOperationException>(() => EscalationChain.CreateBuilder("walked", 1, At("2024-01-01 00:00"), new EscalationContact("fallback"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero).WithWaitForWorkingHours())
            .WithRepeat(EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromMinutes(1)), maxRepeats: EscalationLadder.MaxWalkedSteps))
            .Build());
    }
}
