// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

/// <summary><see cref="BusinessCalendarBuilder.AddHolidaysFromICalendar(TextReader)"/>: iCalendar holidays without
/// configuration or a container.</summary>
public partial class BusinessCalendarTests
{
    private const string HolidaysIcs = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//ServicePolicy//Tests//EN
        BEGIN:VEVENT
        UID:christmas@tests
        DTSTART;VALUE=DATE:20261225
        DTEND;VALUE=DATE:20261227
        SUMMARY:Christmas Day and Boxing Day
        END:VEVENT
        BEGIN:VEVENT
        UID:new-year@tests
        DTSTART;VALUE=DATE:20260101
        RRULE:FREQ=YEARLY;COUNT=3
        SUMMARY:New Year's Day
        END:VEVENT
        BEGIN:VEVENT
        UID:office-move@tests
        DTSTART;TZID=Europe/London:20260302T090000
        DTEND;TZID=Europe/London:20260302T110000
        SUMMARY:Office move
        END:VEVENT
        END:VCALENDAR
        """;

    private static Instant InLondon(int year, int month, int day, int hour) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/London"]).ToInstant();

    [Fact]
    public void AddHolidaysFromICalendar_Reader_AddsAllDayEventsAsHolidaysAndTimedEventsAsClosures()
    {
        using var reader = new StringReader(HolidaysIcs);
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("uk", "Europe/London")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddHolidaysFromICalendar(reader)
            .Build();

        Assert.Equal(
            new[] { new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 26), new LocalDate(2027, 1, 1), new LocalDate(2028, 1, 1) },
            calendar.Holidays.Order());
        Assert.False(calendar.IsOpen(InLondon(2026, 3, 2, 10)));
        Assert.True(calendar.IsOpen(InLondon(2026, 3, 2, 11)));
    }

    [Fact]
    public void AddHolidaysFromICalendar_Path_ReadsTheFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"sp-holidays-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, HolidaysIcs);
        try
        {
            BusinessCalendar calendar = BusinessCalendar.CreateBuilder("uk", "Europe/London")
                .WithWeeklyHours("Mon-Fri 09:00-17:00")
                .AddHolidaysFromICalendar(file)
                .Build();

            Assert.Contains(new LocalDate(2026, 12, 25), calendar.Holidays);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AddHolidaysFromICalendar_BadInput_Throws()
    {
        BusinessCalendarBuilder builder = BusinessCalendar.CreateBuilder("uk", "Europe/London").WithWeeklyHours("Mon-Fri 09:00-17:00");

        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => builder.AddHolidaysFromICalendar((TextReader)null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => builder.AddHolidaysFromICalendar((string)null!)).ParamName);
        Assert.Throws<FormatException>(() => builder.AddHolidaysFromICalendar(new StringReader("BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n")));
        Assert.Throws<FileNotFoundException>(() => builder.AddHolidaysFromICalendar(Path.Combine(Path.GetTempPath(), $"sp-missing-{Guid.NewGuid():N}.ics")));
        Assert.Empty(builder.Build().Holidays);
    }
}
