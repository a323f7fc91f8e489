// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using ServicePolicy.Commitments;
using ServicePolicy.Tests.Commitments;

namespace ServicePolicy.Tests.Configuration;

public class DeadlineExpressionTests
{
    public static TheoryData<string, DeadlineRule> Examples => new()
    {
        { "4 business hours", DeadlineRule.WithinBusinessTime(Duration.FromHours(4)) },
        { "1 business hour", DeadlineRule.WithinBusinessTime(Duration.FromHours(1)) },
        { "1 Business Hours", DeadlineRule.WithinBusinessTime(Duration.FromHours(1)) },
        { "30 business minutes", DeadlineRule.WithinBusinessTime(Duration.FromMinutes(30)) },
        { "  4   BUSINESS   hours  ", DeadlineRule.WithinBusinessTime(Duration.FromHours(4)) },
        { "4 business hours 30 minutes", DeadlineRule.WithinBusinessTime(Duration.FromMinutes(270)) },
        { "4 business hours and 30 business minutes", DeadlineRule.WithinBusinessTime(Duration.FromMinutes(270)) },
        { "1 business hour, 1 minute, 1 second", DeadlineRule.WithinBusinessTime(Duration.FromSeconds(3661)) },
        { "2 business days", DeadlineRule.BusinessDays(2) },
        { "1 business day", DeadlineRule.BusinessDays(1) },
        { "2 business days at 12:00", DeadlineRule.BusinessDaysAt(2, LocalTime.Noon) },
        { "3 Business Days At 9:30", DeadlineRule.BusinessDaysAt(3, new LocalTime(9, 30)) },
        { "24 hours", DeadlineRule.WithinElapsedTime(Duration.FromHours(24)) },
        { "1 hour", DeadlineRule.WithinElapsedTime(Duration.FromHours(1)) },
        { "2 days", DeadlineRule.WithinElapsedTime(Duration.FromDays(2)) },
        { "1 day 12 hours", DeadlineRule.WithinElapsedTime(Duration.FromHours(36)) },
        { "90 seconds", DeadlineRule.WithinElapsedTime(Duration.FromSeconds(90)) },
        { "250 milliseconds", DeadlineRule.WithinElapsedTime(Duration.FromMilliseconds(250)) },
        { "end of business day", DeadlineRule.EndOfBusinessDay() },
        { "End Of Business Day", DeadlineRule.EndOfBusinessDay() },
        { "end of business day, cut-off 15:00", DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)) },
        { "end of business day cutoff 15:00", DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)) },
        { "end of business day, cut off 15:30:15", DeadlineRule.EndOfBusinessDay(new LocalTime(15, 30, 15)) },
        { "next business day at 10:00", DeadlineRule.NextBusinessDayAt(new LocalTime(10, 0)) },
        { "NEXT BUSINESS DAY AT 10:00", DeadlineRule.NextBusinessDayAt(new LocalTime(10, 0)) },
        { "PT4H", DeadlineRule.WithinElapsedTime(Duration.FromHours(4)) },
        { "pt30m", DeadlineRule.WithinElapsedTime(Duration.FromMinutes(30)) },
        { "P1DT12H", DeadlineRule.WithinElapsedTime(Duration.FromHours(36)) },
        { "P2W", DeadlineRule.WithinElapsedTime(Duration.FromDays(14)) },
        { "PT1.5S", DeadlineRule.WithinElapsedTime(Duration.FromMilliseconds(1500)) },
        { "appointment window of 4 hours", DeadlineRule.AppointmentWindow(Duration.FromHours(4)) },
        { "appointment window of 4 hours, early arrival kept", DeadlineRule.AppointmentWindow(Duration.FromHours(4), EarlyArrival.Kept) },
        { "appointment window of 3 hours, 30 minutes, Early Arrival Kept", DeadlineRule.AppointmentWindow(Duration.FromMinutes(210), EarlyArrival.Kept) },
        { "appointment window of 4 hours, early arrival not kept", DeadlineRule.AppointmentWindow(Duration.FromHours(4)) },
    };

    public static TheoryData<DeadlineRule, string> Printed => new()
    {
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), "4 business hours" },
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(1)), "1 business hour" },
        { DeadlineRule.WithinBusinessTime(Duration.FromMinutes(30)), "30 business minutes" },
        { DeadlineRule.WithinBusinessTime(Duration.FromMinutes(90)), "1 business hour 30 minutes" },
        { DeadlineRule.WithinElapsedTime(Duration.FromHours(24)), "24 hours" },
        { DeadlineRule.WithinElapsedTime(Duration.FromDays(2) + Duration.FromNanoseconds(5)), "48 hours 5 nanoseconds" },
        { DeadlineRule.EndOfBusinessDay(), "end of business day" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "end of business day, cut-off 15:00" },
        { DeadlineRule.NextBusinessDayAt(new LocalTime(10, 0)), "next business day at 10:00" },
        { DeadlineRule.BusinessDays(1), "1 business day" },
        { DeadlineRule.BusinessDaysAt(2, LocalTime.Noon), "2 business days at 12:00" },
        { DeadlineRule.BusinessDaysAt(2, new LocalTime(12, 0, 30)), "2 business days at 12:00:30" },
        { DeadlineRule.AppointmentWindow(Duration.FromHours(4)), "appointment window of 4 hours" },
        { DeadlineRule.AppointmentWindow(Duration.FromHours(4), EarlyArrival.Kept), "appointment window of 4 hours, early arrival kept" },
    };

    public static TheoryData<string, int, string> Errors => new()
    {
        { "", 0, "a number, 'end of business day'" },
        { "4 busines hours", 2, "'business' or a unit" },
        { "4 business", 10, "a unit (days, hours, minutes, seconds)" },
        { "4 business weeks", 11, "a unit (days, hours, minutes, seconds)" },
        { "0 business hours", 0, "a number greater than zero" },
        { "4 business hours 30", 19, "a unit smaller than hours" },
        { "30 minutes 2 hours", 13, "a unit smaller than minutes" },
        { "4 business hours and", 20, "a number" },
        { "2 business days at noon", 19, "a time in the form HH:mm" },
        { "2 business days at 25:00", 19, "a time of day from 00:00 to 23:59:59" },
        { "2 business days tomorrow", 16, "'at' and a time such as 12:00, or the end of the text" },
        { "5000 business days", 0, "a number of business days from 1 to 3650" },
        { "end of day", 7, "'business'" },
        { "end of business day, 15:00", 21, "'cut-off' and a time such as 15:00" },
        { "end of business day cut-off", 27, "a time in the form HH:mm" },
        { "next business day", 17, "'at'" },
        { "next business day at 10", 23, "a time in the form HH:mm" },
        { "P1Y", 2, "W (weeks), D (days) or T: years and months have no fixed length" },
        { "PT", 2, "a number of hours, minutes or seconds after T" },
        { "PT4X", 3, "H (hours), M (minutes) or S (seconds)" },
        { "PT0S", 0, "a duration longer than zero" },
        { "PT4H please", 5, "the end of the text" },
        { "soon", 0, "a number, 'end of business day'" },
        { "99999999999999999999 hours", 0, "a smaller number" },
        { "appointment window of 4 hours, early", 36, "'arrival'" },
        { "appointment window of 4 hours, early arrival", 44, "'kept' or 'not kept'" },
        { "appointment window of 4 hours, early arrival not", 48, "'kept'" },
        { "appointment window of 4 hours, early arrival kept!", 49, "the end of the text" },
        { "appointment window of 4 hours soon", 30, "another amount such as '30 minutes', ', early arrival kept'" },
        { "4 hours, early arrival kept", 7, "another amount such as '30 minutes', or the end of the text" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_Example_GivesRule(string text, DeadlineRule expected)
    {
        Assert.Equal(expected, DeadlineExpression.Parse(text));
        Assert.True(DeadlineExpression.TryParse(text, out DeadlineRule? rule, out DeadlineExpressionFormatException? error));
        Assert.Equal(expected, rule);
        Assert.Null(error);
    }

    [Theory]
    [MemberData(nameof(Printed))]
    public void ToExpression_Rule_PrintsCanonicalText(DeadlineRule rule, string expected)
    {
        Assert.Equal(expected, rule.ToExpression());
        Assert.Equal(expected, DeadlineExpression.Format(rule));
        Assert.Equal(rule, DeadlineExpression.Parse(expected));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_BadText_ReportsPositionAndExpectation(string text, int position, string expected)
    {
        var e = Assert.Throws<DeadlineExpressionFormatException>(() => DeadlineExpression.Parse(text));
        Assert.Equal(text, e.Text);
        Assert.Equal(position, e.Position);
        Assert.StartsWith(expected, e.Expected, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"at position {position + 1}", e.Message, StringComparison.Ordinal);
        Assert.False(DeadlineExpression.TryParse(text, out DeadlineRule? rule, out DeadlineExpressionFormatException? error));
        Assert.Null(rule);
        Assert.Equal(position, error!.Position);
    }

    [Fact]
    public void Parse_Error_MessageQuotesTextNamesFoundWordAndMarksPosition()
    {
        var e = Assert.Throws<DeadlineExpressionFormatException>(() => DeadlineExpression.Parse("4 busines hours"));
        string[] lines = e.Message.Split(Environment.NewLine);
        Assert.Equal("Invalid deadline expression '4 busines hours': expected 'business' or a unit (days, hours, minutes, seconds) at position 3, found 'busines'.", lines[0]);
        Assert.Equal("  4 busines hours", lines[1]);
        Assert.Equal("    ^", lines[2]);
    }

    [Fact]
    public void Parse_LargeCounts_AreExactWholeUnits()
    {
        // Regression: "N hours" went through Duration.FromHours(double) and came out 8,192 ns short of 20496413 hours;
        // amounts are now at most the largest amount, 876000 hours, and exact up to it.
        Assert.Equal(Duration.FromNanoseconds(8_192), Duration.FromHours(20496413) - Duration.FromHours(20496413d));
        Assert.Equal(DeadlineRule.WithinElapsedTime(Duration.FromHours(875_999)), DeadlineExpression.Parse("875999 hours"));
        Assert.Equal(DeadlineRule.WithinBusinessTime(Duration.FromHours(875_999)), DeadlineExpression.Parse("875999 business hours"));
        Assert.Equal(DeadlineRule.AppointmentWindow(Duration.FromHours(875_999)), DeadlineExpression.Parse("appointment window of 875999 hours"));
        Assert.Equal(DeadlineRule.WithinElapsedTime(Duration.FromHours(875_999)), DeadlineExpression.Parse("PT875999H"));
        Assert.Equal(DeadlineRule.WithinElapsedTime(Duration.FromDays(36_500)), DeadlineExpression.Parse("36500 days"));
        Assert.Equal(DeadlineRule.WithinElapsedTime(Duration.FromMinutes(52_559_999L)), DeadlineExpression.Parse("52559999 minutes"));
        Assert.Equal(DeadlineRule.WithinElapsedTime(Duration.FromSeconds(3_153_599_999L)), DeadlineExpression.Parse("3153599999 seconds"));
        Assert.Equal(
            DeadlineRule.WithinElapsedTime(Duration.FromHours(875_999) + Duration.FromMilliseconds(1) + Duration.FromNanoseconds(1)),
            DeadlineExpression.Parse("875999 hours 1 millisecond 1 nanosecond"));
        Assert.Equal(DeadlineRule.LargestAmount - Duration.Epsilon, ((WithinElapsedTimeRule)DeadlineExpression.Parse("36499 days 86399999999999 nanoseconds")).Amount);
    }

    [Property(MaxTest = 1000)]
    public bool Parse_AnyCountOfAnyUnit_IsExactlyThatManyUnits(PositiveInt seed, byte unitIndex)
    {
        // Counts up to the largest amount in each unit: 36,500 days is 876,000 hours.
        (string Unit, long Max, Func<long, Duration> Make)[] units =
        {
            ("days", 36_500, n => Duration.FromDays((int)n)),
            ("hours", 876_000, n => Duration.FromHours((int)n)),
            ("minutes", 52_560_000, Duration.FromMinutes),
            ("seconds", 3_153_600_000, Duration.FromSeconds),
            ("milliseconds", 3_153_600_000_000, Duration.FromMilliseconds),
            ("nanoseconds", 3_153_600_000_000_000_000, Duration.FromNanoseconds),
        };
        (string unit, long max, Func<long, Duration> make) = units[unitIndex % units.Length];
        long count = 1 + (long)(((ulong)seed.Get * 0x9E3779B97F4A7C15UL) % (ulong)max);
        Duration expected = make(count);
        if (!DeadlineExpression.Parse($"{count} {unit}").Equals(DeadlineRule.WithinElapsedTime(expected)))
        {
            return false;
        }
        return unit == "days" || DeadlineExpression.Parse($"{count} business {unit}").Equals(DeadlineRule.WithinBusinessTime(expected));
    }

    [Theory]
    [InlineData("16777216 days", 0, DeadlineExpressionParser.AmountTooLarge)]
    [InlineData("16777215 days 86400 seconds", 0, DeadlineExpressionParser.AmountTooLarge)]
    [InlineData("402653185 business hours", 0, DeadlineExpressionParser.AmountTooLarge)]
    [InlineData("P16777216D", 0, DeadlineExpressionParser.AmountTooLarge)]
    [InlineData("P99999999999D", 1, "a smaller number")]
    [InlineData("PT-4H", 2, "a number of hours, minutes or seconds after T")]
    [InlineData("P1D-2H", 3, "the end of the ISO-8601 duration")]
    [InlineData("PT1.5H", 5, "S (seconds): only seconds may have a fraction")]
    [InlineData("PT1H2H", 5, "M (minutes) or S (seconds)")]
    [InlineData("P1DT", 4, "a number of hours, minutes or seconds after T")]
    [InlineData("PT1.S", 4, "a digit")]
    public void Parse_BadDuration_ReportsPositionAndExpectation(string text, int position, string expected)
    {
        Assert.False(DeadlineExpression.TryParse(text, out DeadlineRule? rule, out DeadlineExpressionFormatException? error));
        Assert.Null(rule);
        Assert.Equal((position, expected), (error!.Position, error.Expected));
        var thrown = Assert.Throws<DeadlineExpressionFormatException>(() => DeadlineExpression.Parse(text));
        Assert.Equal(error.Message, thrown.Message);
    }

    [Theory]
    [InlineData("PT1,5S", 1_500_000_000L)]
    [InlineData("p1w2dt3h4m5.123456789s", (((9L * 24 + 3) * 60 + 4) * 60 + 5) * 1_000_000_000L + 123_456_789L)]
    [InlineData("P1W", 7L * 86_400_000_000_000L)]
    [InlineData("PT0.000000001S", 1L)]
    public void Parse_IsoDuration_MeansElapsedTime(string text, long nanoseconds)
    {
        Assert.Equal(DeadlineRule.WithinElapsedTime(Duration.FromNanoseconds(nanoseconds)), DeadlineExpression.Parse(text));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DeadlineExpression.Parse(null!));
        Assert.False(DeadlineExpression.TryParse(null, out _, out DeadlineExpressionFormatException? error));
        Assert.Equal(0, error!.Position);
    }

    [Fact]
    public void BusinessDays_WithoutTime_IsDueAtTheEndOfTheNthBusinessDay()
    {
        // Thursday 10:00, 2 business days: Friday is the first, Monday (after the weekend) the second, due at 17:00.
        DeadlineRule rule = DeadlineExpression.Parse("2 business days");
        Instant deadline = rule.GetDeadline(UkTime.At("2025-03-06 10:00"), UkTime.Office, null);
        Assert.Equal("2025-03-10 17:00", UkTime.Local(deadline));
        // From Saturday the first business date is Monday.
        Assert.Equal("2025-03-10 17:00", UkTime.Local(DeadlineRule.BusinessDays(1).GetDeadline(UkTime.At("2025-03-08 11:00"), UkTime.Office, null)));
        Assert.Equal("by the end of the business day, 2 business days later", rule.ToString());
    }

    [Property(Arbitrary = [typeof(RuleArbitraries)], MaxTest = 1000)]
    public bool RoundTrip_EveryRule_PrintsToTextThatParsesToAnEqualRule(DeadlineRule rule)
    {
        string text = rule.ToExpression();
        DeadlineRule parsed = DeadlineExpression.Parse(text);
        return parsed.Equals(rule) && parsed.ToExpression() == text
            && DeadlineExpression.Parse(text.ToUpperInvariant()).Equals(rule);
    }

    /// <summary>Every kind of rule, with durations from one nanosecond to years and times with seconds and fractions.</summary>
    public static class RuleArbitraries
    {
        public static Arbitrary<DeadlineRule> Rules() => Arb.From(Rule());

        private static Gen<Duration> Amount() => Gen.OneOf(
            Gen.Choose(1, 10_000).Select(m => Duration.FromMinutes(m)),
            Gen.Choose(1, 500).Select(h => Duration.FromHours(h)),
            from days in Gen.Choose(0, 4000)
            from nanos in Gen.Choose(1, int.MaxValue)
            from scale in Gen.Elements(1L, 1_000L, 1_000_000L, 37L)
            select Duration.FromDays(days) + Duration.FromNanoseconds(nanos * scale));

        private static Gen<LocalTime> Time() => Gen.OneOf(
            from h in Gen.Choose(0, 23) from m in Gen.Choose(0, 59) select new LocalTime(h, m),
            from h in Gen.Choose(0, 23) from m in Gen.Choose(0, 59) from s in Gen.Choose(0, 59) from n in Gen.Choose(0, 999_999_999)
            select LocalTime.FromHourMinuteSecondNanosecond(h, m, s, n));

        private static Gen<DeadlineRule> Rule() => Gen.OneOf(
            Amount().Select(d => (DeadlineRule)DeadlineRule.WithinBusinessTime(d)),
            Amount().Select(d => (DeadlineRule)DeadlineRule.WithinElapsedTime(d)),
            Amount().Select(d => (DeadlineRule)DeadlineRule.AppointmentWindow(d)),
            Gen.Constant((DeadlineRule)DeadlineRule.EndOfBusinessDay()),
            Time().Select(t => (DeadlineRule)DeadlineRule.EndOfBusinessDay(t)),
            Time().Select(t => (DeadlineRule)DeadlineRule.NextBusinessDayAt(t)),
            Gen.Choose(1, 3650).Select(n => (DeadlineRule)DeadlineRule.BusinessDays(n)),
            from n in Gen.Choose(1, 3650) from t in Time() select (DeadlineRule)DeadlineRule.BusinessDaysAt(n, t));
    }
}
