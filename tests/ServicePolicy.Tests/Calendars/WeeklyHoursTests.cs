// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

public sealed class WeeklyHoursTests
{
    [Theory]
    //          text                                         canonical form (ToString)
    [InlineData("Mon-Fri 09:00-17:00; Sat 10:00-14:00", "Mon-Fri 09:00-17:00; Sat 10:00-14:00")]
    [InlineData("Mon-Thu 22:00-06:00", "Mon-Thu 22:00-06:00")] // overnight: each range belongs to the day it opens on
    [InlineData("Mon 17:00-09:00", "Mon 17:00-09:00")]
    [InlineData("24x7", "24x7")]
    [InlineData("24X7", "24x7")]
    [InlineData("24/7", "24x7")]
    [InlineData("  24x7  ", "24x7")]
    [InlineData("Mon-Sun 00:00-24:00", "24x7")]
    [InlineData("Monday-Friday 09:00-17:00", "Mon-Fri 09:00-17:00")] // full day names
    [InlineData("mon-FRI 09:00-17:00; SATURDAY 10:00-14:00", "Mon-Fri 09:00-17:00; Sat 10:00-14:00")] // case-insensitive
    [InlineData("Fri-Mon 10:00-12:00", "Mon 10:00-12:00; Fri-Sun 10:00-12:00")] // a span wraps around the week
    [InlineData("Sun-Sat 09:00-17:00", "Mon-Sun 09:00-17:00")]
    [InlineData("Mon,Wed 08:00-12:00, 13:00-17:00", "Mon 08:00-12:00, 13:00-17:00; Wed 08:00-12:00, 13:00-17:00")]
    [InlineData("Mon 09:00-12:00, 12:00-17:00", "Mon 09:00-17:00")] // touching ranges merge
    [InlineData("Mon 09:00-13:00, 12:00-17:00", "Mon 09:00-17:00")] // overlapping ranges merge
    [InlineData("Mon 12:00-17:00; Mon 09:00-12:30", "Mon 09:00-17:00")] // also across clauses, in any order
    [InlineData("Mon 09:00-17:00, 10:00-11:00", "Mon 09:00-17:00")] // a contained range disappears
    [InlineData("Mon 22:00-02:00, 01:00-03:00", "Mon 01:00-03:00, 22:00-02:00")] // 01:00 Monday is not 01:00 Tuesday
    [InlineData("Mon 08:00-11:00, 10:00-09:00", "Mon 08:00-11:00, 10:00-09:00")] // their union would exceed 24 hours: both kept
    [InlineData("Mon 18:00-24:00", "Mon 18:00-24:00")] // 24:00 is the end of the day
    [InlineData("Mon 00:00-24:00", "Mon 00:00-24:00")]
    [InlineData("Mon 9:00-17:00", "Mon 09:00-17:00")] // one-digit hours
    [InlineData("Mon 09:00:30-17:00", "Mon 09:00:30-17:00")] // seconds
    [InlineData("Mon 09:00:00.250-17:00", "Mon 09:00:00.25-17:00")] // fractions of a second
    [InlineData("Mon 09:00\u201317:00", "Mon 09:00-17:00")] // an en dash between the times
    [InlineData("  Mon - Fri  09:00 - 17:00 ;  Sat 10:00-14:00 ; ", "Mon-Fri 09:00-17:00; Sat 10:00-14:00")] // spaces and a trailing ';'
    public void Parse_ValidText_HasCanonicalForm(string text, string expected)
    {
        WeeklyHours hours = WeeklyHours.Parse(text);
        Assert.Equal(expected, hours.ToString());
        Assert.Equal(WeeklyHours.Parse(expected), hours);
        Assert.Equal(WeeklyHours.Parse(expected).GetHashCode(), hours.GetHashCode());
    }

    [Fact]
    public void Parse_OfficeAndNightText_HasExpectedRangesPerDay()
    {
        WeeklyHours office = WeeklyHours.Parse("Mon-Fri 09:00-17:00; Sat 10:00-14:00");
        Assert.Equal(new[] { new TimeRange(new LocalTime(9, 0), new LocalTime(17, 0)) }, office[IsoDayOfWeek.Friday]);
        Assert.Equal(new[] { new TimeRange(new LocalTime(10, 0), new LocalTime(14, 0)) }, office[IsoDayOfWeek.Saturday]);
        Assert.Empty(office[IsoDayOfWeek.Sunday]);
        Assert.False(office.IsEmpty);
        Assert.False(office.IsAllDay);

        WeeklyHours night = WeeklyHours.Parse("Mon-Thu 22:00-06:00");
        TimeRange shift = Assert.Single(night[IsoDayOfWeek.Thursday]);
        Assert.True(shift.EndsNextDay);
        Assert.Equal(Duration.FromHours(8), shift.WallClockLength);
        Assert.Empty(night[IsoDayOfWeek.Friday]);

        Assert.True(WeeklyHours.Parse("24x7").IsAllDay);
        Assert.Same(WeeklyHours.AllDay, WeeklyHours.Parse("24x7"));
        Assert.Throws<ArgumentOutOfRangeException>(() => office[0]);
    }

    [Theory]
    //          text                                   position  expected (part of the message)
    [InlineData("", 0, "a day name")]
    [InlineData("Mox 09:00-17:00", 0, "a day name")]
    [InlineData("Mon-Fry 09:00-17:00", 4, "a day name")]
    [InlineData("Mon-Fri", 7, "a time range such as 09:00-17:00")]
    [InlineData("Mon-Fri 09:00", 13, "'-' between the opening and closing times")]
    [InlineData("Mon 09-17", 6, "a time in the form HH:mm, with ':' between hours and minutes")]
    [InlineData("Mon-Fri 0900-1700", 8, "a time in the form HH:mm")]
    [InlineData("Mon-Fri 09:0-17:00", 11, "two digits of minutes")]
    [InlineData("Mon-Fri 09:00-17:60", 17, "minutes from 00 to 59")]
    [InlineData("Mon 09:00-17:00:99", 16, "seconds from 00 to 59")]
    [InlineData("Mon 09:00:00.-17:00", 13, "one to nine digits of a fraction of a second")]
    [InlineData("Mon 09:00:00.1234567890-17:00", 13, "one to nine digits of a fraction of a second")]
    [InlineData("Mon-Fri 25:00-17:00", 8, "a time of day from 00:00 to 23:59:59")]
    [InlineData("Mon-Fri 24:00-17:00", 8, "a time of day from 00:00 to 23:59:59")] // 24:00 only closes
    [InlineData("Mon-Fri 09:00-24:30", 14, "24:00 exactly")]
    [InlineData("Mon 09:00-17:00, Tue 10:00-12:00", 17, "use ';' before another set of days")]
    [InlineData("Mon-Fri 09:00-17:00 Sat 10:00-14:00", 20, "';' before the next days")]
    [InlineData("Mon-Fri 09:00-17:00;;", 20, "a day name")]
    [InlineData("24x7 Mon", 5, "the end of the text after '24x7'")]
    public void Parse_MalformedText_ThrowsPointingAtOffendingCharacter(string text, int position, string expected)
    {
        var e = Assert.Throws<BusinessHoursFormatException>(() => WeeklyHours.Parse(text));
        Assert.Equal(text, e.Text);
        Assert.Equal(position, e.Position);
        Assert.Contains(expected, e.Expected);
        Assert.Contains($"'{text}'", e.Message); // quotes the text
        Assert.Contains($"expected {e.Expected} at position {position + 1}", e.Message);
        Assert.Contains(Environment.NewLine + "  " + new string(' ', position) + "^", e.Message); // and marks the position

        Assert.False(WeeklyHours.TryParse(text, out WeeklyHours? result, out BusinessHoursFormatException? error));
        Assert.Null(result);
        Assert.Equal(position, error!.Position);
    }

    [Fact]
    public void Parse_MessageNamesWhatWasFound()
    {
        Assert.Contains("found 'x'", Assert.Throws<BusinessHoursFormatException>(() => WeeklyHours.Parse("Mon x")).Message);
        Assert.Contains("found the end of the text", Assert.Throws<BusinessHoursFormatException>(() => WeeklyHours.Parse("Mon")).Message);
    }

    [Fact]
    public void TryParse_ValidAndNullText_ReportsResult()
    {
        Assert.True(WeeklyHours.TryParse("Mon-Fri 09:00-17:00", out WeeklyHours? hours, out BusinessHoursFormatException? error));
        Assert.Equal("Mon-Fri 09:00-17:00", hours!.ToString());
        Assert.Null(error);

        Assert.False(WeeklyHours.TryParse(null, out hours, out error));
        Assert.Null(hours);
        Assert.NotNull(error);
        Assert.Throws<ArgumentNullException>(() => WeeklyHours.Parse(null!));
    }

    [Fact]
    public void FromRanges_EmptyAndInvalidDays_BehaveAsDocumented()
    {
        Assert.Equal(WeeklyHours.None, WeeklyHours.FromRanges(Array.Empty<(IsoDayOfWeek, TimeRange)>()));
        Assert.True(WeeklyHours.None.IsEmpty);
        Assert.Equal(string.Empty, WeeklyHours.None.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => WeeklyHours.FromRanges(new[] { ((IsoDayOfWeek)8, default(TimeRange)) }));
        Assert.NotEqual(WeeklyHours.None, WeeklyHours.AllDay);
        Assert.False(WeeklyHours.AllDay.Equals(null));
    }

    [Fact]
    public void ToString_FractionalSeconds_RoundTrips()
    {
        // Regression: ToString writes fractions of a second, so Parse must read them back.
        WeeklyHours hours = WeeklyHours.FromRanges(new[]
        {
            (IsoDayOfWeek.Monday, new TimeRange(LocalTime.FromHourMinuteSecondNanosecond(9, 0, 0, 500_000_000), new LocalTime(17, 0))),
            (IsoDayOfWeek.Tuesday, new TimeRange(new LocalTime(9, 0), LocalTime.FromHourMinuteSecondNanosecond(17, 0, 1, 1))),
        });
        Assert.Equal("Mon 09:00:00.5-17:00; Tue 09:00-17:00:01.000000001", hours.ToString());
        Assert.Equal(hours, WeeklyHours.Parse(hours.ToString()));
    }

    /// <summary>Arbitrary weekly hours: up to three ranges a day at any nanosecond, favouring whole minutes.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<WeeklyHours> WeeklyHours()
        {
            Gen<LocalTime> time = Gen.Frequency(
                (4, Gen.Choose(0, 24 * 4 - 1).Select(q => LocalTime.Midnight.PlusMinutes(15 * q))),
                (2, Gen.Choose(0, 86_399).Select(s => LocalTime.FromSecondsSinceMidnight(s))),
                (1, from s in Gen.Choose(0, 86_399)
                    from n in Gen.Choose(0, 999_999_999)
                    select LocalTime.FromSecondsSinceMidnight(s).PlusNanoseconds(n)));
            Gen<TimeRange> range = from open in time from close in time select new TimeRange(open, close);
            Gen<(IsoDayOfWeek, TimeRange)> dayRange =
                from day in Gen.Choose(1, 7)
                from r in range
                select ((IsoDayOfWeek)day, r);
            return Arb.From(
                from count in Gen.Choose(1, 12)
                from ranges in Gen.ArrayOf(dayRange, count)
                select ServicePolicy.Calendars.WeeklyHours.FromRanges(ranges));
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public void ToString_AnyWeeklyHours_ParsesBackToEqualHours(WeeklyHours hours)
    {
        string text = hours.ToString();
        WeeklyHours parsed = WeeklyHours.Parse(text);
        Assert.Equal(hours, parsed);
        Assert.Equal(hours.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(text, parsed.ToString());
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public void FromRanges_NormalisedHours_AreSortedDisjointAndNoLongerThanADay(WeeklyHours hours)
    {
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            IReadOnlyList<TimeRange> ranges = hours[day];
            for (int i = 0; i < ranges.Count; i++)
            {
                Assert.True(ranges[i].WallClockLength <= Duration.FromDays(1));
                if (i > 0)
                {
                    long previousEnd = ranges[i - 1].Open.NanosecondOfDay + ranges[i - 1].WallClockLength.ToInt64Nanoseconds();
                    Assert.True(ranges[i - 1].Open < ranges[i].Open);
                    // Either apart, or kept apart only because their union would exceed 24 hours.
                    Assert.True(ranges[i].Open.NanosecondOfDay > previousEnd
                        || ranges[i].Open.NanosecondOfDay + ranges[i].WallClockLength.ToInt64Nanoseconds() - ranges[i - 1].Open.NanosecondOfDay > NodaConstants.NanosecondsPerDay);
                }
            }
        }
    }
}
