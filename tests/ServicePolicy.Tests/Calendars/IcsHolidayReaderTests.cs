// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

/// <summary>The iCalendar holiday reader (issue 15): what it reads, ignores and refuses, and its bounds
/// (docs/limits.md#icalendar).</summary>
public class IcsHolidayReaderTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    internal static string Calendar(string body) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ServicePolicy//Tests//EN\r\n" + body.Replace("\n", "\r\n").Replace("\r\r", "\r") + "\r\nEND:VCALENDAR\r\n";

    private static (List<LocalDate> Holidays, List<Interval> Closures) Read(string body) =>
        IcsHolidayReader.Read(new StringReader(Calendar(body)), London);

    private static FormatException Refused(string body) => Assert.Throws<FormatException>(() => Read(body));

    private static Instant InLondon(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(London).ToInstant();

    [Theory]
    [InlineData("FREQ=MINUTELY")]
    [InlineData("FREQ=SECONDLY;COUNT=5")]
    [InlineData("FREQ=HOURLY;UNTIL=20260102T000000Z")]
    public void SubDailyRule_IsRefusedNamingFileLineAndRule(string rule)
    {
        string file = Path.Combine(Path.GetTempPath(), $"sp-subdaily-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, Calendar($"BEGIN:VEVENT\nUID:x\nDTSTART:20260101T090000\nRRULE:{rule}\nEND:VEVENT"));
        try
        {
            BusinessCalendarBuilder builder = BusinessCalendar.CreateBuilder("uk", "Europe/London").WithWeeklyHours("Mon-Fri 09:00-17:00");

            var error = Assert.Throws<FormatException>(() => builder.AddHolidaysFromICalendar(file));

            Assert.StartsWith($"iCalendar file '{file}', line 7: RRULE '{rule}' repeats more often than daily", error.Message, StringComparison.Ordinal);
            Assert.EndsWith(" See docs/limits.md#icalendar.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("FREQ=DAILY;BYHOUR=9,17")]
    [InlineData("FREQ=WEEKLY;BYMINUTE=30")]
    [InlineData("FREQ=YEARLY;BYSECOND=1")]
    public void RuleWithOccurrencesWithinADay_IsRefused(string rule)
    {
        FormatException error = Refused($"BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:{rule}\nEND:VEVENT");

        Assert.Contains($"RRULE '{rule}' has BY", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllDayEventLongerThanMaxSpan_IsRefused()
    {
        FormatException error = Refused("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20270103\nEND:VEVENT");

        Assert.Contains($"lasts 367 days, longer than {IcsHolidayReader.MaxEventDays}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" See docs/limits.md#icalendar.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllDayEventSpanningAThousandYears_IsRefusedNotExpanded()
    {
        FormatException error = Refused("BEGIN:VEVENT\nDTSTART;VALUE=DATE:17100101\nDURATION:P365000D\nEND:VEVENT");

        Assert.Contains("DURATION 'P365000D' is longer than 366 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimedEventLongerThanMaxSpan_IsRefused()
    {
        FormatException error = Refused("BEGIN:VEVENT\nDTSTART:20260101T090000Z\nDTEND:20270201T090000Z\nEND:VEVENT");

        Assert.Contains("lasts longer than 366 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllDayEventOfExactlyMaxSpan_IsRead()
    {
        (List<LocalDate> holidays, _) = Read("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20280101\nDTEND;VALUE=DATE:20290101\nEND:VEVENT");

        Assert.Equal(366, holidays.Count);
    }

    [Fact]
    public void UnboundedDailyRule_IsRefusedAtTheEntryBound()
    {
        FormatException error = Refused("BEGIN:VEVENT\nDTSTART;VALUE=DATE:17000101\nRRULE:FREQ=DAILY\nEND:VEVENT");

        Assert.Contains($"more than {IcsHolidayReader.MaxEntries:N0} holiday dates and closures", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" See docs/limits.md#icalendar.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleThatRarelyMatches_IsRefusedAtTheExaminedDaysBound()
    {
        // Each rule examines every day from 1700 to 2250 (about 200,000) to find the 31sts that are Mondays.
        string events = string.Concat(Enumerable.Repeat("BEGIN:VEVENT\nDTSTART;VALUE=DATE:17000101\nRRULE:FREQ=DAILY;BYMONTHDAY=31;BYDAY=MO\nEND:VEVENT\n", 60));

        FormatException error = Refused(events.TrimEnd());

        Assert.Contains($"examines more than {IcsHolidayReader.MaxExaminedDays:N0} days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnboundedYearlyRule_ExpandsToTheEndOfTheSupportedRange()
    {
        (List<LocalDate> holidays, _) = Read("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY\nEND:VEVENT");

        Assert.Equal(2249 - 2026 + 1, holidays.Count);
        Assert.Equal(new LocalDate(2249, 1, 1), holidays.Max());
    }

    [Fact]
    public void CountAndUntil_EndTheRecurrence()
    {
        Assert.Equal(3, Read("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;COUNT=3\nEND:VEVENT").Holidays.Count);
        Assert.Equal(
            new[] { new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1) },
            Read("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;UNTIL=20270101\nEND:VEVENT").Holidays);
        Assert.Equal(
            2,
            Read("BEGIN:VEVENT\nDTSTART;TZID=Europe/London:20260105T090000\nDTEND;TZID=Europe/London:20260105T100000\nRRULE:FREQ=WEEKLY;UNTIL=20260112T090000Z\nEND:VEVENT").Closures.Count);
    }

    [Fact]
    public void CancelledEvents_AreIgnored()
    {
        (List<LocalDate> holidays, List<Interval> closures) = Read(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nSTATUS:CANCELLED\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART:20260302T090000\nDTEND:20260302T110000\nSTATUS:CANCELLED\nEND:VEVENT");

        Assert.Empty(holidays);
        Assert.Empty(closures);
    }

    [Fact]
    public void TransparentTimedEvents_AreIgnoredButTransparentAllDayEventsStayHolidays()
    {
        (List<LocalDate> holidays, List<Interval> closures) = Read(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nTRANSP:TRANSPARENT\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART:20260302T090000\nDTEND:20260302T110000\nTRANSP:TRANSPARENT\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(2026, 12, 25) }, holidays);
        Assert.Empty(closures);
    }

    [Fact]
    public void TodosJournalsAndOtherComponents_AreIgnored()
    {
        (List<LocalDate> holidays, List<Interval> closures) = Read(
            "BEGIN:VTODO\nDTSTART;VALUE=DATE:20261225\nDUE;VALUE=DATE:20261226\nEND:VTODO\n" +
            "BEGIN:VJOURNAL\nDTSTART;VALUE=DATE:20261226\nSUMMARY:Notes\nEND:VJOURNAL\n" +
            "BEGIN:VFREEBUSY\nDTSTART:20261227T000000Z\nEND:VFREEBUSY\n" +
            "BEGIN:VTIMEZONE\nTZID:Custom\nBEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000\nEND:STANDARD\nEND:VTIMEZONE\n" +
            "BEGIN:X-THING\nDTSTART;VALUE=DATE:20261228\nEND:X-THING\n" +
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261229\nBEGIN:VALARM\nTRIGGER:-PT15M\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(2026, 12, 29) }, holidays);
        Assert.Empty(closures);
    }

    [Fact]
    public void EventsAcrossTheWholeSupportedRange_AreRead()
    {
        (List<LocalDate> holidays, List<Interval> closures) = Read(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:17000101\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:18991231\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:21000101\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:22491231\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART:22000101T090000Z\nDTEND:22000101T100000Z\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(1700, 1, 1), new LocalDate(1899, 12, 31), new LocalDate(2100, 1, 1), new LocalDate(2249, 12, 31) }, holidays);
        Assert.Equal(Instant.FromUtc(2200, 1, 1, 9, 0), Assert.Single(closures).Start);
    }

    [Theory]
    [InlineData("DTSTART;VALUE=DATE:16991231")]
    [InlineData("DTSTART;VALUE=DATE:22500101")]
    [InlineData("DTSTART:99991231T235959Z")]
    public void EventsOutsideTheSupportedRange_AreRefused(string start)
    {
        FormatException error = Refused($"BEGIN:VEVENT\n{start}\nEND:VEVENT");

        Assert.Contains("is outside the supported range, 1700-01-01 (inclusive) to 2250-01-01 (exclusive)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" See docs/limits.md#supported-range.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventOnTheLastDayOfTheRange_MayEndAfterIt()
    {
        (List<LocalDate> holidays, _) = Read("BEGIN:VEVENT\nDTSTART;VALUE=DATE:22491231\nDTEND;VALUE=DATE:22500101\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(2249, 12, 31) }, holidays);
    }

    [Fact]
    public void AllDayDaysAfterTheSupportedRange_AreNotAdded()
    {
        (List<LocalDate> holidays, _) = Read("BEGIN:VEVENT\nDTSTART;VALUE=DATE:22491231\nDURATION:P3D\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(2249, 12, 31) }, holidays);
    }

    [Fact]
    public void ExDate_RemovesOccurrencesAndRDate_AddsThem()
    {
        (List<LocalDate> holidays, _) = Read(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;COUNT=3\nEXDATE;VALUE=DATE:20270101\nRDATE;VALUE=DATE:20260601,20260701\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(2026, 1, 1), new LocalDate(2028, 1, 1), new LocalDate(2026, 6, 1), new LocalDate(2026, 7, 1) }, holidays);
    }

    [Fact]
    public void ExDate_OfATimedEvent_ComparesInstants()
    {
        (_, List<Interval> closures) = Read(
            "BEGIN:VEVENT\nDTSTART;TZID=Europe/London:20260105T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=3\nEXDATE:20260106T090000Z\nEND:VEVENT");

        Assert.Equal(new[] { InLondon(2026, 1, 5, 9), InLondon(2026, 1, 7, 9) }, closures.Select(c => c.Start));
    }

    [Fact]
    public void RecurrenceId_MovesOneOccurrence()
    {
        (List<LocalDate> holidays, _) = Read(
            "BEGIN:VEVENT\nUID:bank\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;COUNT=3\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nUID:bank\nRECURRENCE-ID;VALUE=DATE:20270101\nDTSTART;VALUE=DATE:20270104\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 4), new LocalDate(2028, 1, 1) }, holidays.Order());
    }

    [Fact]
    public void DurationAndDtEnd_GiveTheSameClosure()
    {
        Interval withEnd = Assert.Single(Read("BEGIN:VEVENT\nDTSTART:20260302T090000\nDTEND:20260302T110000\nEND:VEVENT").Closures);
        Interval withDuration = Assert.Single(Read("BEGIN:VEVENT\nDTSTART:20260302T090000\nDURATION:PT2H\nEND:VEVENT").Closures);

        Assert.Equal(new Interval(InLondon(2026, 3, 2, 9), InLondon(2026, 3, 2, 11)), withEnd);
        Assert.Equal(withEnd, withDuration);
        Assert.Contains("both DTEND and DURATION", Refused("BEGIN:VEVENT\nDTSTART:20260302T090000\nDTEND:20260302T110000\nDURATION:PT2H\nEND:VEVENT").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimedEventWithoutEnd_TakesNoTime()
    {
        Assert.Empty(Read("BEGIN:VEVENT\nDTSTART:20260302T090000\nEND:VEVENT").Closures);
    }

    [Fact]
    public void DateAndDateTimeMismatch_IsRefused()
    {
        Assert.Contains("are not both dates or both date-times",
            Refused("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260302\nDTEND:20260303T110000\nEND:VEVENT").Message, StringComparison.Ordinal);
        Assert.Contains("has a time of day but VALUE=DATE",
            Refused("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260302T090000\nEND:VEVENT").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TzId_NamesAnIanaOrWindowsZoneAndOthersAreRefused()
    {
        Interval iana = Assert.Single(Read("BEGIN:VEVENT\nDTSTART;TZID=America/New_York:20260302T090000\nDURATION:PT1H\nEND:VEVENT").Closures);
        Interval windows = Assert.Single(Read("BEGIN:VEVENT\nDTSTART;TZID=\"Eastern Standard Time\":20260302T090000\nDURATION:PT1H\nEND:VEVENT").Closures);

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 14, 0), iana.Start);
        Assert.Equal(iana, windows);
        Assert.Contains("TZID 'Mars/Olympus'", Refused("BEGIN:VEVENT\nDTSTART;TZID=Mars/Olympus:20260302T090000\nEND:VEVENT").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldedLines_AreUnfoldedAndErrorsNameTheFirstLine()
    {
        (List<LocalDate> holidays, _) = Read("BEGIN:VEVENT\nDTSTART;VALUE=DATE:2026\n 1225\nSUMMARY:Christmas\n\tDay\nEND:VEVENT");
        FormatException error = Refused("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=\n MINUTELY\nEND:VEVENT");

        Assert.Equal(new[] { new LocalDate(2026, 12, 25) }, holidays);
        Assert.Contains("line 6: RRULE 'FREQ=MINUTELY'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LastMondayOfMayAndFourthThursdayOfNovember_AreExpanded()
    {
        (List<LocalDate> holidays, _) = Read(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260525\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=3\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261126\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=2\nEND:VEVENT");

        Assert.Equal(
            new[] { new LocalDate(2026, 5, 25), new LocalDate(2027, 5, 31), new LocalDate(2028, 5, 29), new LocalDate(2026, 11, 26), new LocalDate(2027, 11, 25) },
            holidays);
    }

    [Fact]
    public void SetPositionAndMonthDays_AreExpanded()
    {
        // The last working day of each month, and the 13th when it is a Friday.
        (List<LocalDate> holidays, _) = Read(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260130\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260213\nRRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=2\nEND:VEVENT");

        Assert.Equal(
            new[] { new LocalDate(2026, 1, 30), new LocalDate(2026, 2, 27), new LocalDate(2026, 3, 31), new LocalDate(2026, 2, 13), new LocalDate(2026, 3, 13) },
            holidays);
    }

    [Theory]
    [InlineData("EXRULE:FREQ=YEARLY", "EXRULE 'FREQ=YEARLY' is not supported")]
    [InlineData("RDATE;VALUE=PERIOD:20260101T090000Z/PT1H", "is a PERIOD")]
    [InlineData("RRULE:FREQ=YEARLY;COUNT=2;UNTIL=20300101", "both COUNT and UNTIL")]
    [InlineData("RRULE:FREQ=FORTNIGHTLY", "unknown frequency 'FORTNIGHTLY'")]
    public void UnsupportedRecurrences_AreRefusedNamingTheValue(string property, string expected)
    {
        Assert.Contains(expected, Refused($"BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\n{property}\nEND:VEVENT").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "holds no VCALENDAR")]
    [InlineData("BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n", "line 2: 'this is not iCalendar' is not an iCalendar content line")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\n", "ends inside VCALENDAR")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "line 2: the VEVENT has no DTSTART")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", "line 3: END:VCALENDAR where VEVENT")]
    public void MalformedText_IsRefusedNamingTheLine(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => IcsHolidayReader.Read(new StringReader(text), London));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("iCalendar text", error.Message, StringComparison.Ordinal);
    }
}
