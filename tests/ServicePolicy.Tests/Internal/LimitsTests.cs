// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Internal;

/// <summary>The limits of docs/limits.md as the public API enforces them (issue 15): the supported range of instants
/// and dates, the largest amount, and the longest name that gets a suggestion.</summary>
public class LimitsTests
{
    private static readonly Duration Largest = DeadlineRule.LargestAmount;
    private static readonly Owner Alice = Owner.Person("alice");

    [Fact]
    public void The_largest_amount_is_36500_days()
    {
        Assert.Equal(Duration.FromDays(36_500), Largest);
        Assert.Equal(Duration.FromHours(876_000), Largest);
    }

    [Fact]
    public void A_special_day_in_year_9999_is_refused_by_the_builder_naming_the_date_and_the_range()
    {
        BusinessCalendarBuilder builder = BusinessCalendar.CreateBuilder("c", "UTC");

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddSpecialDay(new LocalDate(9999, 12, 31), "09:00-17:00"));

        Assert.Equal("date", e.ParamName);
        Assert.StartsWith("Special day in calendar 'c' 9999-12-31 is outside the supported range of dates 1700-01-01 to 2250-01-01. See docs/limits.md#supported-range.", e.Message);
    }

    [Theory]
    [InlineData(1699, 12, 31)]
    [InlineData(2250, 1, 2)]
    [InlineData(1500, 6, 1)]
    public void Dates_outside_the_supported_range_are_refused_as_special_days_and_holidays(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        BusinessCalendarBuilder builder = BusinessCalendar.CreateBuilder("c", "UTC").WithWeeklyHours("Mon-Fri 09:00-17:00");

        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddSpecialDay(date, new TimeRange(new LocalTime(9, 0), new LocalTime(17, 0)))).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddHoliday(date)).ParamName);
        Assert.Equal("dates", Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddHolidays(new[] { new LocalDate(2026, 1, 1), date })).ParamName);
        // Refused holidays leave the builder unchanged.
        Assert.Empty(builder.Build().Holidays);
    }

    [Fact]
    public void The_first_and_last_supported_dates_are_accepted_as_special_days()
    {
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("c", "UTC")
            .AddSpecialDay(new LocalDate(1700, 1, 1), "09:00-17:00")
            .AddSpecialDay(new LocalDate(2249, 12, 31), "09:00-17:00")
            .AddSpecialDay(new LocalDate(2250, 1, 1), "09:00-17:00")
            .Build();

        Assert.True(calendar.IsOpen(Instant.FromUtc(2249, 12, 31, 12, 0)));
        Assert.True(calendar.IsOpen(Instant.FromUtc(1700, 1, 1, 12, 0)));
    }

    [Fact]
    public void Closures_reaching_past_the_supported_range_in_code_build_and_close_the_calendar_from_their_start()
    {
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("c", "America/New_York")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddClosure(new NodaTime.Interval(Instant.FromUtc(2249, 12, 1, 0, 0), Instant.MaxValue))
            .AddClosure(new NodaTime.Interval(Instant.MinValue, Instant.FromUtc(1700, 2, 1, 0, 0)))
            .AddClosure(new NodaTime.Interval(Instant.FromUtc(9999, 12, 31, 0, 0), null))
            .Build();

        Assert.False(calendar.IsOpen(Instant.FromUtc(2249, 12, 2, 15, 0)));
        Assert.True(calendar.IsOpen(Instant.FromUtc(2026, 3, 2, 15, 0)));
        Assert.Throws<NoWorkingTimeException>(() => calendar.NextOpen(Instant.FromUtc(2249, 12, 2, 15, 0)));
    }

    [Fact]
    public void Amounts_larger_than_the_largest_are_refused_by_every_builder_naming_the_value()
    {
        Duration tooLarge = Largest + Duration.Epsilon;

        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WithinElapsedTime(tooLarge)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WithinBusinessTime(tooLarge)).ParamName);
        Assert.Equal("maximumWidth", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.AppointmentWindow(tooLarge)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationDelay.Elapsed(Duration.FromDays(16_777_215))).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationDelay.Business(tooLarge, BusinessCalendar.AlwaysOpen)).ParamName);
        var lead = Assert.Throws<ArgumentOutOfRangeException>(() => AtRiskThreshold.BeforeDeadline(tooLarge));
        Assert.Equal("leadTime", lead.ParamName);
        Assert.Contains("is larger than the largest amount, 36500 days (876000 hours). See docs/limits.md#largest-amount.", lead.Message);
    }

    [Fact]
    public void The_messages_of_the_limits_are_those_docs_limits_md_quotes()
    {
        var amount = Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WithinElapsedTime(Largest + Duration.Epsilon));
        var expression = Assert.Throws<DeadlineExpressionFormatException>(() => DeadlineExpression.Parse("36501 days"));

        Assert.StartsWith("Amount 36500:00:00:00.000000001 is larger than the largest amount, 36500 days (876000 hours). See docs/limits.md#largest-amount.", amount.Message);
        Assert.StartsWith("Invalid deadline expression '36501 days': expected an amount of at most 36500 days (876000 hours), the largest amount (see docs/limits.md#largest-amount) at position 1, found '36501'.", expression.Message);
    }

    [Fact]
    public void The_largest_amount_itself_is_accepted_everywhere()
    {
        Assert.Equal(Largest, DeadlineRule.WithinElapsedTime(Largest).Amount);
        Assert.Equal(Largest, EscalationDelay.Elapsed(Largest).Amount);
        Assert.Equal(Largest, AtRiskThreshold.BeforeDeadline(Largest).LeadTime);
    }

    [Fact]
    public void A_deadline_of_the_largest_amount_with_a_percentage_at_risk_threshold_evaluates()
    {
        // Regression: a deadline over ~292 years with a percentage threshold overflowed in AtRiskThreshold.
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Long", 1, BusinessCalendar.AlwaysOpen)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinElapsedTime(Largest))
            .WithAtRisk(AtRiskThreshold.AtPercent(75))
            .Build();
        Instant opened = Instant.FromUtc(2026, 1, 1, 0, 0);
        Timeline timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(opened, Alice) });

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, opened + Duration.FromDays(1));

        Assert.Equal(opened + Largest, result.FindLatest(CommitmentKind.Resolution)!.Deadline);
        Assert.Equal(opened + Duration.FromDays(27_375), result.NextChangeAt);
    }

    [Fact]
    public void A_business_time_deadline_that_leaves_the_supported_range_fails_evaluation_naming_the_range()
    {
        BusinessCalendar office = BusinessCalendar.Create("office", "Europe/London", "Mon-Fri 09:00-17:00");
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Long", 1, office)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Largest))
            .Build();
        Instant opened = Instant.FromUtc(2026, 1, 5, 10, 0);
        Timeline timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(opened, Alice) });

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(timeline, policy, opened));

        Assert.Contains("See docs/limits.md#supported-range.", e.Message);
    }

    [Fact]
    public void Evaluating_at_Instant_MaxValue_is_refused_naming_now_and_the_range()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, BusinessCalendar.AlwaysOpen)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinElapsedTime(Duration.FromHours(4)))
            .Build();
        Timeline timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(Instant.FromUtc(2026, 1, 1, 0, 0), Alice) });

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(timeline, policy, Instant.MaxValue));

        Assert.Equal("now", e.ParamName);
        Assert.Contains("is outside the supported range 1700-01-01T00:00:00Z (inclusive) to 2250-01-01T00:00:00Z (exclusive). See docs/limits.md#supported-range.", e.Message);
    }

    [Fact]
    public void An_interaction_opened_near_Instant_MaxValue_is_refused_naming_at()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionOpened(Instant.MaxValue - Duration.FromHours(1), Alice));

        Assert.Equal("at", e.ParamName);
        Assert.Contains("See docs/limits.md#supported-range.", e.Message);
        Assert.Equal("at", Assert.Throws<ArgumentOutOfRangeException>(() => new AgentReplied(Instant.FromUtc(1699, 12, 31, 23, 59))).ParamName);
    }

    [Fact]
    public void DeadlineExpression_amounts_larger_than_the_largest_are_format_errors_naming_the_limit()
    {
        foreach (string text in new[] { "16777215 days", "36500 days 1 nanosecond", "876001 hours", "P36501D", "appointment window of 36501 days", "36501 business days" })
        {
            bool parsed = DeadlineExpression.TryParse(text, out _, out DeadlineExpressionFormatException? error);
            if (text == "36501 business days")
            {
                // Business days are a count, bounded at 3650 on their own.
                Assert.False(parsed);
                continue;
            }
            Assert.False(parsed, text);
            Assert.Contains("docs/limits.md#largest-amount", error!.Message);
        }
        Assert.Equal(DeadlineRule.WithinElapsedTime(Largest), DeadlineExpression.Parse("36500 days"));
        Assert.Equal(DeadlineRule.WithinBusinessTime(Largest), DeadlineExpression.Parse("876000 business hours"));
    }

    [Fact]
    public void DeadlineExpression_large_hours_are_exact()
    {
        // Regression: "N hours" went through Duration.FromHours(double), which is up to thousands of ns off.
        Duration expected = Duration.FromHours(875_999) + Duration.FromMinutes(59) + Duration.FromSeconds(59) + Duration.FromMilliseconds(999) + Duration.FromNanoseconds(999_999);
        DeadlineRule rule = DeadlineExpression.Parse("875999 hours 59 minutes 59 seconds 999 milliseconds 999999 nanoseconds");

        Assert.Equal(DeadlineRule.WithinElapsedTime(expected), rule);
        Assert.Equal(rule, DeadlineExpression.Parse(rule.ToExpression()));
    }

    [Fact]
    public void A_rule_description_is_exact_to_the_nanosecond()
    {
        // Regression: the description went through Duration.TotalSeconds (a double), which rounded this up to 36500 days;
        // it then truncated to whole seconds. Now sub-second parts are decimals of the seconds (issue 14: "0.5 s").
        string justUnder = DeadlineRule.WithinElapsedTime(Largest - Duration.Epsilon).Describe(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("within 875999 hours, 59 minutes and 59.999999999 seconds", justUnder);
        Assert.Equal("within 36500 days", DeadlineRule.WithinElapsedTime(Largest).Describe(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Amounts from one nanosecond to the largest amount, spread over every magnitude.</summary>
    public static class Amounts
    {
        public static Arbitrary<Duration> Durations() => Arb.From(
            from exponent in Gen.Choose(0, 62)
            from high in Gen.Choose(0, int.MaxValue)
            from low in Gen.Choose(0, int.MaxValue)
            let bits = ((ulong)high << 31) | (uint)low
            let nanos = 1 + (long)(bits % (ulong)Math.Min(Largest.ToInt64Nanoseconds(), 1L << exponent))
            select Duration.FromNanoseconds(nanos));
    }

    [Property(Arbitrary = new[] { typeof(Amounts) }, MaxTest = 2000)]
    public bool DeadlineExpression_round_trip_is_exact_for_every_amount_up_to_the_largest(Duration amount, bool business, bool window)
    {
        DeadlineRule rule = window ? DeadlineRule.AppointmentWindow(amount)
            : business ? DeadlineRule.WithinBusinessTime(amount)
            : DeadlineRule.WithinElapsedTime(amount);
        return DeadlineExpression.Parse(rule.ToExpression()).Equals(rule);
    }

    [Fact]
    public void Name_suggestions_are_not_computed_for_names_longer_than_the_longest()
    {
        Assert.Null(NameSuggestions.Closest(new string('a', 201), new[] { new string('a', 200) }));
        Assert.Equal(new string('a', 200), NameSuggestions.Closest(new string('a', 199) + "b", new[] { "x", new string('a', 200) }));
        Assert.Equal("Europe/London", NameSuggestions.Closest("europe/londn", DateTimeZoneProviders.Tzdb.Ids));
    }
}
