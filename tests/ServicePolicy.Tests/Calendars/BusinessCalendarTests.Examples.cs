// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using Xunit;
using static ServicePolicy.Tests.Calendars.CalendarExamples;

namespace ServicePolicy.Tests.Calendars;

/// <summary>
/// The boundary semantics a reader needs, pinned with readable rows. Calendars (see <see cref="CalendarExamples"/>):
/// <c>office</c> = Europe/London Mon-Fri 09:00-17:00, holidays Fri 3 Apr, Mon 6 Apr, Fri 25 Dec, Mon 28 Dec 2026,
/// special day Thu 24 Dec 09:00-13:00; <c>night</c> = every night 22:00-06:00; <c>split</c> = Mon-Fri 09:00-12:00,
/// 13:00-17:00; <c>everyday</c> = Mon-Sun 09:00-17:00. Times are London wall-clock times.
/// </summary>
public partial class BusinessCalendarTests
{
    [Theory]
    //          calendar    start (London)                   amount                 expected (London)                case
    [InlineData("office", "2026-03-02 08:00", "1:00", "2026-03-02 10:00")] // start before opening
    [InlineData("office", "2026-03-02 09:00", "1:00", "2026-03-02 10:00")] // exactly at opening
    [InlineData("office", "2026-03-02 17:00", "1:00", "2026-03-03 10:00")] // at closing: 17:00 is closed
    [InlineData("office", "2026-04-03 10:00", "1:00", "2026-04-07 10:00")] // on a holiday (Good Friday, then Easter Monday)
    [InlineData("office", "2026-03-06 16:00", "2:00", "2026-03-09 10:00")] // across a weekend
    [InlineData("office", "2026-03-02 09:00", "8:00", "2026-03-02 17:00")] // landing exactly at closing returns 17:00, not Tue 09:00
    [InlineData("office", "2026-03-02 16:00", "1:00", "2026-03-02 17:00")] // landing exactly at closing, started during hours
    [InlineData("office", "2026-03-02 09:00", "40:00", "2026-03-06 17:00")] // a whole working week
    [InlineData("office", "2026-03-07 12:00", "0:00", "2026-03-07 12:00")] // zero amount returns t even when closed
    [InlineData("office", "2026-03-02 17:30", "0:00", "2026-03-02 17:30")] // zero amount after closing
    [InlineData("office", "2026-03-03 10:00", "-1:00", "2026-03-03 09:00")] // negative landing at an opening returns the opening
    [InlineData("office", "2026-03-03 09:00", "-1:00", "2026-03-02 16:00")] // negative from an opening goes back into the previous day
    [InlineData("office", "2026-03-09 09:30", "-1:00", "2026-03-06 16:30")] // negative across a weekend
    [InlineData("office", "2026-03-02 17:00", "-8:00", "2026-03-02 09:00")] // negative from closing, a whole day
    [InlineData("office", "2026-12-24 12:00", "2:00", "2026-12-29 10:00")] // special day 09:00-13:00, then two holidays and a weekend
    [InlineData("office", "2026-03-02 09:00:00.000000001", "0:00:00.000000001", "2026-03-02 09:00:00.000000002")] // nanosecond exactness
    [InlineData("office", "2026-03-02 16:59:59.999999999", "0:00:00.000000001", "2026-03-02 17:00")] // the last nanosecond lands on closing
    [InlineData("office", "2026-03-02 17:00", "0:00:00.000000001", "2026-03-03 09:00:00.000000001")] // one nanosecond from closing
    [InlineData("office", "2026-03-03 09:00", "-0:00:00.000000001", "2026-03-02 16:59:59.999999999")] // one nanosecond back from opening
    [InlineData("night", "2026-10-24 22:00", "9:00", "2026-10-25 06:00")] // clocks go back: the night is 9 hours long
    [InlineData("night", "2026-10-24 22:00", "8:59", "2026-10-25 05:59")]
    [InlineData("night", "2026-10-24 22:00", "3:00", "2026-10-25 01:00 +01")] // the first 01:00 (BST)
    [InlineData("night", "2026-10-24 22:00", "4:00", "2026-10-25 01:00 +00")] // the second 01:00 (GMT), an hour later
    [InlineData("night", "2026-03-28 22:00", "7:00", "2026-03-29 06:00")] // clocks go forward: the night is 7 hours long
    [InlineData("night", "2026-03-28 22:00", "7:01", "2026-03-29 22:01")]
    [InlineData("night", "2026-03-28 22:00", "3:00", "2026-03-29 02:00 +01")] // 01:00 GMT is followed by 02:00 BST
    [InlineData("night", "2026-03-29 06:00", "-7:00", "2026-03-28 22:00")] // and back
    public void AddBusinessTime_Example_ReturnsExpected(string calendar, string start, string amount, string expected)
    {
        Instant result = Named(calendar).AddBusinessTime(At(start), Amount(amount));
        Assert.True(At(expected) == result, $"expected {Show(At(expected))}, got {Show(result)}");
    }

    [Theory]
    //          calendar    from                      to                       business time
    [InlineData("office", "2026-03-02 09:00", "2026-03-02 17:00", "8:00")]
    [InlineData("office", "2026-03-02 08:00", "2026-03-02 09:00", "0:00")] // before opening
    [InlineData("office", "2026-03-02 17:00", "2026-03-03 09:00", "0:00")] // a closed night, both edges
    [InlineData("office", "2026-03-06 16:00", "2026-03-09 10:00", "2:00")] // across a weekend
    [InlineData("office", "2026-03-09 10:00", "2026-03-06 16:00", "-2:00")] // the same, backwards: antisymmetric
    [InlineData("office", "2026-03-02 10:00", "2026-03-02 10:00", "0:00")]
    [InlineData("office", "2026-12-21 00:00", "2026-12-31 23:00", "52:00")] // 3 days, Christmas Eve 4 hours, holidays, 3 days
    [InlineData("office", "2026-03-02 09:00", "2026-03-02 09:00:00.000000001", "0:00:00.000000001")]
    [InlineData("night", "2026-10-24 12:00", "2026-10-25 12:00", "9:00")] // clocks go back
    [InlineData("night", "2026-03-28 12:00", "2026-03-29 12:00", "7:00")] // clocks go forward
    [InlineData("night", "2026-03-29 12:00", "2026-03-28 12:00", "-7:00")]
    public void BusinessTimeBetween_Example_ReturnsExpected(string calendar, string from, string to, string expected) =>
        Assert.Equal(Amount(expected), Named(calendar).BusinessTimeBetween(At(from), At(to)));

    [Theory]
    [InlineData("office", "2026-03-02 09:00", true)] // opening is open
    [InlineData("office", "2026-03-02 16:59:59.999999999", true)]
    [InlineData("office", "2026-03-02 17:00", false)] // closing is closed
    [InlineData("office", "2026-03-02 08:59:59.999999999", false)]
    [InlineData("office", "2026-03-07 12:00", false)] // Saturday
    [InlineData("office", "2026-04-03 12:00", false)] // holiday
    [InlineData("office", "2026-12-24 12:59", true)] // special day
    [InlineData("office", "2026-12-24 13:00", false)]
    [InlineData("night", "2026-03-03 05:59", true)] // the tail of Monday night
    [InlineData("night", "2026-03-03 06:00", false)]
    public void IsOpen_Example_ReturnsExpected(string calendar, string instant, bool expected) =>
        Assert.Equal(expected, Named(calendar).IsOpen(At(instant)));

    [Theory]
    //          calendar    instant                  NextOpen                 NextClose
    [InlineData("office", "2026-03-02 10:00", "2026-03-02 10:00", "2026-03-02 17:00")] // open: itself, and today's closing
    [InlineData("office", "2026-03-02 09:00", "2026-03-02 09:00", "2026-03-02 17:00")]
    [InlineData("office", "2026-03-02 17:00", "2026-03-03 09:00", "2026-03-03 17:00")] // at closing: tomorrow
    [InlineData("office", "2026-03-07 10:00", "2026-03-09 09:00", "2026-03-09 17:00")] // weekend
    [InlineData("office", "2026-04-02 17:30", "2026-04-07 09:00", "2026-04-07 17:00")] // Easter
    [InlineData("split", "2026-03-02 12:00", "2026-03-02 13:00", "2026-03-02 17:00")] // lunch break
    [InlineData("split", "2026-03-02 11:00", "2026-03-02 11:00", "2026-03-02 12:00")]
    [InlineData("night", "2026-03-03 02:00", "2026-03-03 02:00", "2026-03-03 06:00")]
    [InlineData("night", "2026-03-03 12:00", "2026-03-03 22:00", "2026-03-04 06:00")]
    public void NextOpenAndNextClose_Example_ReturnExpected(string calendar, string instant, string nextOpen, string nextClose)
    {
        BusinessCalendar c = Named(calendar);
        Assert.Equal(At(nextOpen), c.NextOpen(At(instant)));
        Assert.Equal(At(nextClose), c.NextClose(At(instant)));
    }

    [Fact]
    public void NextClose_TouchingPeriods_AreOnePeriod()
    {
        BusinessCalendar days = BusinessCalendar.Create("weekdays", "Europe/London", "Mon-Fri 00:00-24:00");
        Assert.Equal(At("2026-03-07 00:00"), days.NextClose(At("2026-03-02 10:00")));

        BusinessCalendar shifts = BusinessCalendar.Create("shifts", "Europe/London", "Mon 22:00-06:00; Tue 06:00-14:00");
        Assert.Equal(At("2026-03-03 14:00"), shifts.NextClose(At("2026-03-02 23:00")));
        Assert.Equal(At("2026-03-02 22:00"), shifts.NextOpen(At("2026-03-02 12:00")));
    }

    [Fact]
    public void NextClose_AlwaysOpen_ThrowsInvalidOperation()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BusinessCalendar.AlwaysOpen.NextClose(Instant.FromUtc(2026, 3, 2, 10, 0)));
        Assert.IsNotType<NoWorkingTimeException>(e);
        Assert.Contains("24x7", e.Message);
    }

    [Theory]
    //          calendar    instant                  end of business day
    [InlineData("office", "2026-03-02 10:00", "2026-03-02 17:00")] // during hours
    [InlineData("office", "2026-03-02 07:00", "2026-03-02 17:00")] // before opening: today's
    [InlineData("office", "2026-03-02 17:00", "2026-03-03 17:00")] // at closing: the next business day's
    [InlineData("office", "2026-03-02 18:00", "2026-03-03 17:00")] // after close
    [InlineData("office", "2026-03-07 12:00", "2026-03-09 17:00")] // weekend: Monday's
    [InlineData("office", "2026-04-02 18:00", "2026-04-07 17:00")] // before a holiday weekend
    [InlineData("office", "2026-12-24 10:00", "2026-12-24 13:00")] // special day
    [InlineData("office", "2026-12-24 14:00", "2026-12-29 17:00")] // after the special day, across the holidays
    [InlineData("split", "2026-03-02 12:30", "2026-03-02 17:00")] // lunch break in a split shift: the day's last closing
    [InlineData("split", "2026-03-02 10:00", "2026-03-02 17:00")]
    [InlineData("night", "2026-03-03 02:00", "2026-03-03 06:00")] // night shift at 02:00: it belongs to the night that opened at 22:00
    [InlineData("night", "2026-03-03 12:00", "2026-03-04 06:00")] // between shifts: the next night's end
    [InlineData("night", "2026-10-24 23:00", "2026-10-25 06:00")] // the 9-hour night
    public void EndOfBusinessDay_Example_ReturnsExpected(string calendar, string instant, string expected)
    {
        Instant result = Named(calendar).EndOfBusinessDay(At(instant));
        Assert.True(At(expected) == result, $"expected {Show(At(expected))}, got {Show(result)}");
    }

    [Fact]
    public void EndOfBusinessDay_ClosingAtStartOfOverlap_EndsAtFirstOccurrence()
    {
        // 2026-10-25: London's clocks go from 02:00 BST back to 01:00 GMT. Saturday's 20:00-01:00 range stops at the
        // first 01:00 (00:00Z): the repeated hour shows 01:00-02:00, never a time before the closing. Sunday's early
        // range keeps that hour working, so the end of Saturday's business day must come from the definition, not
        // from where working time happens to stop.
        BusinessCalendar calendar = BusinessCalendar.Create("late-desk", "Europe/London", "Sat 20:00-01:00; Sun 00:30-12:00");

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 0), calendar.EndOfBusinessDay(Instant.FromUtc(2026, 10, 24, 20, 0)));
        Assert.True(calendar.IsOpen(Instant.FromUtc(2026, 10, 25, 0, 30)));
    }

    [Fact]
    public void EndOfBusinessDay_ClosureCoversEndOfDay_EndsWhereWorkingTimeEnds()
    {
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddClosure(new Interval(At("2026-03-02 15:00"), At("2026-03-02 18:00")))
            .Build();
        Assert.Equal(At("2026-03-02 15:00"), calendar.EndOfBusinessDay(At("2026-03-02 10:00")));
        Assert.Equal(At("2026-03-03 17:00"), calendar.EndOfBusinessDay(At("2026-03-02 15:30")));
    }

    [Theory]
    //          calendar      start                    days  at       expected
    [InlineData("office", "2026-03-07 10:00", 1, "12:00", "2026-03-09 12:00")] // from Saturday, 1 business day at 12:00 is Monday 12:00
    [InlineData("office", "2026-03-02 10:00", 1, "12:00", "2026-03-03 12:00")] // from Monday 10:00 it is Tuesday 12:00
    [InlineData("office", "2026-03-02 23:30", 1, "08:00", "2026-03-03 08:00")] // at a time outside working hours
    [InlineData("office", "2026-03-02 10:00", 5, "12:00", "2026-03-09 12:00")] // five business days: next Monday
    [InlineData("office", "2026-04-02 10:00", 1, "09:00", "2026-04-07 09:00")] // across Good Friday, the weekend and Easter Monday
    [InlineData("office", "2026-12-23 10:00", 1, "12:00", "2026-12-24 12:00")] // a special day is a business date
    [InlineData("office", "2026-12-24 10:00", 1, "09:00", "2026-12-29 09:00")] // across the Christmas holidays
    [InlineData("everyday", "2026-03-28 10:00", 1, "01:30", "2026-03-29 02:00 +01")] // 01:30 falls in the spring gap: the end of the gap
    [InlineData("everyday", "2026-10-24 10:00", 1, "01:30", "2026-10-25 01:30 +01")] // 01:30 happens twice: the earlier
    public void AddBusinessDays_Example_ReturnsExpected(string calendar, string start, int days, string at, string expected)
    {
        Instant result = Named(calendar).AddBusinessDays(At(start), days, Time(at));
        Assert.True(At(expected) == result, $"expected {Show(At(expected))}, got {Show(result)}");
    }

    [Fact]
    public void IsBusinessDateAndGetRanges_HolidaysAndSpecialDays_FollowTheirPrecedence()
    {
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddHoliday(new LocalDate(2026, 12, 24))
            .AddHoliday(new LocalDate(2026, 12, 25))
            .AddSpecialDay(new LocalDate(2026, 12, 24), "09:00-13:00")
            .AddSpecialDay(new LocalDate(2026, 12, 26), "10:00-12:00, 11:00-14:00")
            .Build();
        Assert.Equal(new[] { TimeRange.Parse("09:00-13:00") }, calendar.GetRanges(new LocalDate(2026, 12, 24))); // the special day wins
        Assert.Empty(calendar.GetRanges(new LocalDate(2026, 12, 25)));
        Assert.False(calendar.IsBusinessDate(new LocalDate(2026, 12, 25)));
        Assert.Equal(new[] { TimeRange.Parse("10:00-14:00") }, calendar.GetRanges(new LocalDate(2026, 12, 26))); // merged, on a Saturday
        Assert.True(calendar.IsBusinessDate(new LocalDate(2026, 12, 26)));
        Assert.False(calendar.IsBusinessDate(new LocalDate(2026, 12, 27)));
        Assert.Equal(new[] { TimeRange.Parse("09:00-17:00") }, calendar.GetRanges(new LocalDate(2026, 12, 28)));
        Assert.Equal(Duration.FromHours(4), calendar.BusinessTimeBetween(At("2026-12-24 00:00"), At("2026-12-25 00:00")));
    }

    [Fact]
    public void GetRangesAndWeeklyHours_CannotBeChangedThroughACast()
    {
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddSpecialDay(new LocalDate(2026, 12, 24), "09:00-13:00")
            .Build();
        TimeRange night = TimeRange.Parse("22:00-06:00");

        foreach (IReadOnlyList<TimeRange> ranges in new[]
            { calendar.GetRanges(new LocalDate(2026, 12, 24)), calendar.GetRanges(new LocalDate(2026, 12, 28)), calendar.WeeklyHours[IsoDayOfWeek.Monday] })
        {
            Assert.False(ranges is TimeRange[], "the ranges are the calendar's own array");
            Assert.Throws<NotSupportedException>(() => ((IList<TimeRange>)ranges)[0] = night);
        }
        Assert.Equal(Duration.FromHours(8), calendar.BusinessTimeBetween(At("2026-12-28 00:00"), At("2026-12-29 00:00")));
    }

    [Fact]
    public void ToString_Calendar_ShowsNameZoneAndHours() =>
        Assert.Equal("uk-office (Europe/London): Mon-Fri 09:00-17:00", Office().ToString());
}
