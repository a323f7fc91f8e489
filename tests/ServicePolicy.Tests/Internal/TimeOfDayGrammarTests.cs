// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;
using Xunit;

namespace ServicePolicy.Tests.Internal;

/// <summary>One table of times of day, run through every entry point that reads one: business-hours text (opening and
/// closing times), deadline expressions and the grammar itself (configuration values such as rota hand-overs). Every
/// entry point must give the same verdict and the same time.</summary>
public sealed class TimeOfDayGrammarTests
{
    /// <summary>The text, the time it means (null: not a time of day) and whether it is valid only as a closing time
    /// (the end of the day, 24:00).</summary>
    public static TheoryData<string, string?, bool> Times => new()
    {
        { "9:00", "09:00", false },
        { "09:00", "09:00", false },
        { " 9:00", "09:00", false }, // white space around a time separates it; it is not part of it
        { "9:00 ", "09:00", false },
        { "0:00", "00:00", false },
        { "00:00", "00:00", false },
        { "23:59", "23:59", false },
        { "09:00:30", "09:00:30", false },
        { "9:00:30", "09:00:30", false },
        { "09:00:00.25", "09:00:00.25", false },
        { "23:59:59.999999999", "23:59:59.999999999", false },
        { "24:00", "00:00", true },
        { "24:00:00", "00:00", true },
        { "24:00:00.000", "00:00", true },
        { "24:30", null, false },
        { "25:00", null, false },
        { "123:00", null, false },
        { "9:5", null, false },
        { "9:5:00", null, false },
        { "09:000", null, false },
        { "09:60", null, false },
        { "09:00:60", null, false },
        { "09:00:5", null, false },
        { "09:00:00.", null, false },
        { "09:00:00.1234567890", null, false },
        { "09:00.", null, false },
        { "9", null, false },
        { "09", null, false },
        { "0900", null, false },
        { "9.00", null, false },
        { "9: 00", null, false },
        { "9 :00", null, false },
        { "9:00am", null, false },
        { "-1:00", null, false },
        { "noon", null, false },
        { "", null, false },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void EveryEntryPoint_SameTable_SameVerdict(string text, string? expected, bool onlyClosing)
    {
        LocalTime? time = expected is null ? null : Time(expected);
        LocalTime? anywhere = onlyClosing ? null : time;

        Assert.Equal(anywhere, Grammar(text));
        Assert.Equal(anywhere, Opening(text));
        Assert.Equal(anywhere, WeeklyOpening(text));
        Assert.Equal(anywhere, Deadline($"next business day at {text}", r => ((NextBusinessDayRule)r).At));
        Assert.Equal(anywhere, Deadline($"2 business days at {text}", r => ((BusinessDaysRule)r).At));
        Assert.Equal(anywhere, Deadline($"end of business day, cut-off {text}", r => ((EndOfBusinessDayRule)r).CutOff));
        Assert.Equal(time, Closing(text));
        Assert.Equal(time, WeeklyClosing(text));
    }

    [Theory]
    [InlineData("9:5", 2, "two digits of minutes")]
    [InlineData("25:00", 0, "a time of day from 00:00 to 23:59:59")]
    [InlineData("24:00", 0, "a time of day from 00:00 to 23:59:59")]
    [InlineData("noon", 0, "a time in the form HH:mm")]
    [InlineData("9", 1, "a time in the form HH:mm, with ':' between hours and minutes")]
    [InlineData("  9:00 x", 7, "the end of the time")]
    public void TryParse_BadText_SaysWhereAndWhat(string text, int position, string expected)
    {
        Assert.False(TimeOfDayGrammar.TryParse(text, out _, out string? error));
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains($"expected {expected}", error, StringComparison.Ordinal);
        Assert.Contains($"at position {position + 1},", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_Failure_LeavesPositionAndReportsItSeparately()
    {
        int position = 4;
        Assert.False(TimeOfDayGrammar.TryRead("Mon 9:5", ref position, allowEndOfDay: false, out _, out _, out ParseFailure failure));
        Assert.Equal(4, position);
        Assert.Equal(new ParseFailure(6, "two digits of minutes (a time in the form HH:mm)"), failure);
    }

    [Fact]
    public void TryRead_EndOfDay_IsMidnightAndFlagged()
    {
        int position = 0;
        Assert.True(TimeOfDayGrammar.TryRead("24:00", ref position, allowEndOfDay: true, out LocalTime time, out bool isEndOfDay, out _));
        Assert.Equal((LocalTime.Midnight, true, 5), (time, isEndOfDay, position));
    }

    [Theory]
    [InlineData("09:00", false, "09:00")]
    [InlineData("09:00:30", false, "09:00:30")]
    [InlineData("09:00:00.25", false, "09:00:00.25")]
    [InlineData("00:00", false, "00:00")]
    [InlineData("00:00", true, "24:00")]
    public void Format_Time_WritesShortestFormThatParsesBack(string time, bool isEndOfDay, string expected)
    {
        LocalTime value = Time(time);
        string text = TimeOfDayGrammar.Format(value, isEndOfDay);
        Assert.Equal(expected, text);
        int position = 0;
        Assert.True(TimeOfDayGrammar.TryRead(text, ref position, allowEndOfDay: true, out LocalTime parsed, out _, out _));
        Assert.Equal(value, parsed);
    }

    private static LocalTime Time(string text) =>
        LocalTimePattern.CreateWithInvariantCulture(text.Length > 5 ? "HH:mm:ss.FFFFFFFFF" : "HH:mm").Parse(text).Value;

    private static LocalTime? Grammar(string text) => TimeOfDayGrammar.TryParse(text, out LocalTime time, out _) ? time : null;

    private static LocalTime? Opening(string text) => TryRange($"{text}-12:00")?.Open;

    private static LocalTime? Closing(string text) => TryRange($"12:00-{text}")?.Close;

    private static TimeRange? TryRange(string text)
    {
        try
        {
            return TimeRange.Parse(text);
        }
        catch (BusinessHoursFormatException)
        {
            return null;
        }
    }

    private static LocalTime? WeeklyOpening(string text) =>
        WeeklyHours.TryParse($"Mon {text}-12:00", out WeeklyHours? hours, out _) ? hours![IsoDayOfWeek.Monday][0].Open : null;

    private static LocalTime? WeeklyClosing(string text)
    {
        if (!WeeklyHours.TryParse($"Mon 12:00-{text}", out WeeklyHours? hours, out _))
        {
            return null;
        }
        // A closing time not after 12:00 ends on Tuesday; a closing time of 12:00 makes a whole day.
        return hours![IsoDayOfWeek.Monday][0].Close;
    }

    private static LocalTime? Deadline(string text, Func<DeadlineRule, LocalTime?> time)
    {
        bool parsed = DeadlineExpression.TryParse(text, out DeadlineRule? rule, out DeadlineExpressionFormatException? error);
        DeadlineRule? thrown = null;
        try
        {
            thrown = DeadlineExpression.Parse(text);
        }
        catch (DeadlineExpressionFormatException e)
        {
            Assert.Equal((error!.Position, error.Expected), (e.Position, e.Expected));
        }
        Assert.Equal(parsed, thrown is not null);
        Assert.Equal(rule, thrown);
        return parsed ? time(rule!) : null;
    }
}
