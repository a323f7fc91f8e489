// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

public sealed class TimeRangeTests
{
    [Theory]
    //          text            open      close     hours  ends next day  canonical
    [InlineData("09:00-17:00", "09:00", "17:00", 8, false, "09:00-17:00")]
    [InlineData("22:00-06:00", "22:00", "06:00", 8, true, "22:00-06:00")]
    [InlineData("00:00-24:00", "00:00", "00:00", 24, true, "00:00-24:00")]
    [InlineData("18:00-24:00", "18:00", "00:00", 6, true, "18:00-24:00")]
    [InlineData("09:00-09:00", "09:00", "09:00", 24, true, "09:00-09:00")]
    [InlineData(" 9:00 - 17:00 ", "09:00", "17:00", 8, false, "09:00-17:00")]
    public void Parse_ValidText_HasExpectedBoundsAndLength(string text, string open, string close, int hours, bool endsNextDay, string canonical)
    {
        TimeRange range = TimeRange.Parse(text);
        Assert.Equal(CalendarExamples.Time(open), range.Open);
        Assert.Equal(CalendarExamples.Time(close), range.Close);
        Assert.Equal(Duration.FromHours(hours), range.WallClockLength);
        Assert.Equal(endsNextDay, range.EndsNextDay);
        Assert.Equal(canonical, range.ToString());
    }

    [Theory]
    [InlineData("09:00", 5, "'-' between the opening and closing times")]
    [InlineData("09:00-17:00 x", 12, "the end of the text")]
    [InlineData("09:00-17:00, 18:00-19:00", 11, "the end of the text")]
    [InlineData("Mon 09:00-17:00", 0, "a time range")]
    public void Parse_MalformedText_ThrowsPointingAtOffendingCharacter(string text, int position, string expected)
    {
        var e = Assert.Throws<BusinessHoursFormatException>(() => TimeRange.Parse(text));
        Assert.Equal(position, e.Position);
        Assert.Contains(expected, e.Expected);
        Assert.Contains($"'{text}'", e.Message);
    }

    [Fact]
    public void Default_IsWholeDay()
    {
        TimeRange range = default;
        Assert.Equal(TimeRange.Parse("00:00-24:00"), range);
        Assert.Equal(Duration.FromDays(1), range.WallClockLength);
    }

    [Fact]
    public void Equality_SameAndDifferentBounds_AsExpected()
    {
        TimeRange a = TimeRange.Parse("09:00-17:00");
        TimeRange b = new(new LocalTime(9, 0), new LocalTime(17, 0));
        TimeRange c = TimeRange.Parse("09:00-17:01");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals(c));
        Assert.False(a.Equals("09:00-17:00"));
        Assert.Throws<ArgumentNullException>(() => TimeRange.Parse(null!));
    }
}
