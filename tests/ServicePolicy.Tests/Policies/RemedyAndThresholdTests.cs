// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Policies;

public class BreachRemedyTests
{
    [Fact]
    public void Factories_SetKindAndData()
    {
        Assert.Equal("Apology", BreachRemedy.Apology().ToString());
        Assert.Equal("Credit 10.50 GBP", BreachRemedy.Credit(10.50m, "gbp").ToString());
        Assert.Equal("Accommodation 'free delivery'", BreachRemedy.Accommodation("free delivery").ToString());
        Assert.Equal("Accommodation 'discount' 5 EUR", BreachRemedy.Accommodation("discount", 5m, "EUR").ToString());
        Assert.Equal("ProactiveMessage 'late-reply'", BreachRemedy.ProactiveMessage("late-reply").ToString());
        Assert.Equal(BreachRemedy.Credit(1m, "GBP"), BreachRemedy.Credit(1m, "gbp"));
        Assert.NotEqual(BreachRemedy.Credit(1m, "GBP"), BreachRemedy.Credit(2m, "GBP"));
    }

    [Fact]
    public void Factories_BadArguments_Throw()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => BreachRemedy.Credit(0m, "GBP")).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => BreachRemedy.Credit(1m, "POUNDS")).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => BreachRemedy.Accommodation("discount", 5m)).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => BreachRemedy.Accommodation("discount", null, "GBP")).ParamName);
        Assert.Equal("description", Assert.Throws<ArgumentException>(() => BreachRemedy.Accommodation(" ")).ParamName);
        Assert.Equal("templateId", Assert.Throws<ArgumentNullException>(() => BreachRemedy.ProactiveMessage(null!)).ParamName);
    }
}

public class AtRiskThresholdTests
{
    [Theory]
    //          percent  lead (min)  target (min)  usable before at risk (min)
    [InlineData(75.0,    null,       240,          180)]
    [InlineData(null,    30,         240,          210)]
    [InlineData(75.0,    30,         240,          180)]
    [InlineData(90.0,    30,         240,          210)]
    [InlineData(null,    300,        240,          0)]
    public void UsableBeforeRisk_IsTheEarlierOfPercentAndLeadTime(double? percent, int? leadMinutes, int targetMinutes, int expectedMinutes)
    {
        AtRiskThreshold threshold = (percent, leadMinutes) switch
        {
            ({ } p, null) => AtRiskThreshold.AtPercent(p),
            (null, { } l) => AtRiskThreshold.BeforeDeadline(Duration.FromMinutes(l)),
            ({ } p, { } l) => AtRiskThreshold.AtPercentOrBeforeDeadline(p, Duration.FromMinutes(l)),
            _ => AtRiskThreshold.None,
        };
        Assert.Equal(Duration.FromMinutes(expectedMinutes), threshold.UsableBeforeRisk(Duration.FromMinutes(targetMinutes)));
    }

    [Theory]
    [InlineData(75.0, 0L)]
    [InlineData(75.0, 1L)]
    [InlineData(75.0, 4_320_000_000_000_000_000L)]        // 50,000 days: the last target computed in a long
    [InlineData(75.0, 4_320_000_000_000_000_001L)]        // the first computed in Int128
    [InlineData(99.999999, 9_223_372_036_854_775_807L)]   // long.MaxValue nanoseconds, a share just under it
    [InlineData(33.3, -4_320_000_000_000_000_000L)]
    [InlineData(0.001, 123_456_789_012_345L)]
    public void UsableBeforeRisk_Percent_IsTheFlooredShareOnEitherSideOfTheLongPath(double percent, long targetNanoseconds)
    {
        // The share computed as the Int128 formula does for every target; the evaluator takes a long path for most.
        Duration target = Duration.FromNanoseconds(targetNanoseconds);
        Duration expected = Duration.FromNanoseconds((System.Int128)System.Math.Floor((double)target.ToInt128Nanoseconds() * (percent / 100.0)));
        Duration usable = AtRiskThreshold.AtPercent(percent).UsableBeforeRisk(target)!.Value;
        Assert.Equal(expected < Duration.Zero ? Duration.Zero : expected, usable);
    }

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public bool UsableBeforeRisk_Percent_EqualsTheInt128Formula(int percentTenths, long targetNanoseconds)
    {
        double percent = 0.1 + (System.Math.Abs(percentTenths % 998) / 10.0);
        Duration target = Duration.FromNanoseconds(targetNanoseconds);
        Duration expected = Duration.FromNanoseconds((System.Int128)System.Math.Floor((double)target.ToInt128Nanoseconds() * (percent / 100.0)));
        return AtRiskThreshold.AtPercent(percent).UsableBeforeRisk(target) == (expected < Duration.Zero ? Duration.Zero : expected);
    }

    [Fact]
    public void None_NeverApplies()
    {
        Assert.Null(AtRiskThreshold.None.UsableBeforeRisk(Duration.FromHours(4)));
        Assert.Equal("never", AtRiskThreshold.None.ToString());
        Assert.Equal(AtRiskThreshold.AtPercent(50), AtRiskThreshold.AtPercent(50));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    [InlineData(double.NaN)]
    public void AtPercent_OutOfRange_Throws(double percent)
    {
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => AtRiskThreshold.AtPercent(percent)).ParamName);
    }

    [Fact]
    public void BeforeDeadline_NotPositive_Throws()
    {
        Assert.Equal("leadTime", Assert.Throws<ArgumentOutOfRangeException>(() => AtRiskThreshold.BeforeDeadline(Duration.Zero)).ParamName);
    }
}
