// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// Builds a <see cref="BusinessCalendar"/>: weekly hours, holidays, special days and closures. Obtain one from
/// <see cref="BusinessCalendar.CreateBuilder(string, string)"/>.
/// </summary>
/// <remarks>A builder is mutable and not thread-safe; the calendar it builds is immutable. Weekly ranges added
/// several times accumulate (their union is working time); adding a special day twice for the same date replaces it.</remarks>
/// <example>
/// <code>
/// BusinessCalendar uk = BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
///     .WithWeeklyHours("Mon-Fri 09:00-17:00")
///     .AddHoliday(new LocalDate(2026, 12, 25))
///     .AddSpecialDay(new LocalDate(2026, 12, 24), "09:00-13:00")
///     .Build();
/// </code>
/// </example>
[Mutable]
public sealed class BusinessCalendarBuilder
{
    private readonly string name;
    private readonly DateTimeZone zone;
    private readonly List<(IsoDayOfWeek Day, TimeRange Range)> weeklyRanges = new();
    private readonly HashSet<LocalDate> holidays = new();
    private readonly Dictionary<LocalDate, TimeRange[]> specialDays = new();
    private readonly List<Interval> closures = new();

    internal BusinessCalendarBuilder(string name, DateTimeZone zone)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(name.Trim().Length > 0, nameof(name), "A calendar name must not be empty or white space.");
        this.name = name;
        this.zone = zone;
    }

    /// <summary>Adds the ranges of weekly-hours text such as <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c>.</summary>
    /// <param name="text">The text; see <see cref="WeeklyHours.Parse"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="BusinessHoursFormatException">The text is malformed.</exception>
    public BusinessCalendarBuilder WithWeeklyHours(string text) => WithWeeklyHours(WeeklyHours.Parse(text));

    /// <summary>Adds the ranges of <paramref name="hours"/> to the weekly hours.</summary>
    /// <param name="hours">The weekly hours.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    public BusinessCalendarBuilder WithWeeklyHours(WeeklyHours hours)
    {
        Preconditions.CheckNotNull(hours);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            foreach (TimeRange range in hours[day])
            {
                weeklyRanges.Add((day, range));
            }
        }
        return this;
    }

    /// <summary>Adds a weekly range that opens on <paramref name="day"/>.</summary>
    /// <param name="day">The day the range opens on.</param>
    /// <param name="open">The opening time.</param>
    /// <param name="close">The closing time; not after <paramref name="open"/> means the next day (midnight is 24:00).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    public BusinessCalendarBuilder AddWeeklyRange(IsoDayOfWeek day, LocalTime open, LocalTime close)
    {
        Preconditions.CheckArgumentRange((int)day, 1, 7, nameof(day));
        weeklyRanges.Add((day, new TimeRange(open, close)));
        return this;
    }

    /// <summary>Adds a holiday: a local date with no working ranges (unless it is also a special day, which wins).</summary>
    /// <param name="date">The date, from 1700-01-01 to 2250-01-01 (the supported range, see <c>docs/limits.md#supported-range</c>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported range.</exception>
    public BusinessCalendarBuilder AddHoliday(LocalDate date)
    {
        holidays.Add(Limits.CheckDate(date, nameof(date), $"Holiday in calendar '{name}'"));
        return this;
    }

    /// <summary>Adds holidays; see <see cref="AddHoliday"/>.</summary>
    /// <param name="dates">The dates, each from 1700-01-01 to 2250-01-01.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the supported range; the builder is unchanged.</exception>
    public BusinessCalendarBuilder AddHolidays(IEnumerable<LocalDate> dates)
    {
        Preconditions.CheckNotNull(dates);
        LocalDate[] checkedDates = dates.ToArray();
        foreach (LocalDate date in checkedDates)
        {
            Limits.CheckDate(date, nameof(dates), $"Holiday in calendar '{name}'");
        }
        holidays.UnionWith(checkedDates);
        return this;
    }

    /// <summary>Adds the events of iCalendar (RFC 5545, <c>.ics</c>) text: every date an all-day event covers becomes
    /// a holiday (<see cref="AddHoliday"/>) and every event with a time of day a closure (<see cref="AddClosure"/>);
    /// floating times are read in the calendar's zone, and recurring events are expanded within the supported range
    /// (1700-01-01 to 2250-01-01).</summary>
    /// <remarks>
    /// <para>Only VEVENTs are read; VTODO, VJOURNAL, VFREEBUSY, VTIMEZONE and unknown components are ignored.
    /// <c>STATUS:CANCELLED</c> events are ignored, and so are <c>TRANSP:TRANSPARENT</c> events with a time of day
    /// (all-day events stay holidays whatever their <c>TRANSP</c>: public holiday feeds mark every holiday
    /// transparent). <c>RRULE</c> (daily or coarser), <c>RDATE</c>, <c>EXDATE</c>, <c>RECURRENCE-ID</c>,
    /// <c>DTEND</c> or <c>DURATION</c>, and <c>TZID</c> naming an IANA or Windows zone are applied.</para>
    /// <para>Refused with a <see cref="FormatException"/> naming the line and the value: sub-daily recurrences
    /// (<c>FREQ=SECONDLY</c>, <c>MINUTELY</c>, <c>HOURLY</c>, <c>BYHOUR</c>, <c>BYMINUTE</c>, <c>BYSECOND</c>),
    /// <c>EXRULE</c>, <c>RDATE;VALUE=PERIOD</c>, <c>RECURRENCE-ID;RANGE</c>, dates outside the supported range,
    /// events longer than 366 days, more than 100,000 holiday dates and closures from one text, and text longer
    /// than 10,000,000 characters. See <c>docs/limits.md#icalendar</c>.</para>
    /// </remarks>
    /// <param name="reader">The text, read to its end; the caller disposes of it.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">The text is not iCalendar, uses what is refused or is over a bound; the
    /// message names the line and the value. The builder is unchanged.</exception>
    /// <example><code>
    /// using var reader = new StringReader(icsText); // or File.OpenText("holidays.ics"), or a stream from a web request
    /// builder.AddHolidaysFromICalendar(reader);
    /// </code></example>
    public BusinessCalendarBuilder AddHolidaysFromICalendar(TextReader reader)
    {
        Preconditions.CheckNotNull(reader);
        return AddHolidaysFromICalendar(reader, "iCalendar text");
    }

    /// <summary>Adds the events of an iCalendar (<c>.ics</c>) file; see <see cref="AddHolidaysFromICalendar(TextReader)"/>.</summary>
    /// <param name="path">The file's path; a relative path is relative to the process's current directory, as
    /// <see cref="File.OpenText"/> takes it.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read the file.</exception>
    /// <exception cref="FormatException">The file is not iCalendar, uses what is refused or is over a bound; the
    /// message names the file, the line and the value. The builder is unchanged.</exception>
    public BusinessCalendarBuilder AddHolidaysFromICalendar(string path)
    {
        Preconditions.CheckNotNull(path);
        using StreamReader reader = File.OpenText(path);
        return AddHolidaysFromICalendar(reader, $"iCalendar file '{path}'");
    }

    private BusinessCalendarBuilder AddHolidaysFromICalendar(TextReader reader, string source)
    {
        (List<LocalDate> dates, List<Interval> times) = IcsHolidayReader.Read(reader, zone, source);
        holidays.UnionWith(dates);
        closures.AddRange(times);
        return this;
    }

    /// <summary>Adds a special day: a local date whose ranges replace the weekly hours (and win over a holiday).</summary>
    /// <param name="date">The date, from 1700-01-01 to 2250-01-01 (the supported range, see <c>docs/limits.md#supported-range</c>).</param>
    /// <param name="ranges">Range text such as <c>09:00-13:00</c> or <c>09:00-12:00, 13:00-15:00</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported range.</exception>
    /// <exception cref="BusinessHoursFormatException">The text is malformed.</exception>
    public BusinessCalendarBuilder AddSpecialDay(LocalDate date, string ranges)
    {
        Limits.CheckDate(date, nameof(date), $"Special day in calendar '{name}'");
        return AddSpecialDay(date, BusinessHoursParser.ParseRanges(ranges).ToArray());
    }

    /// <summary>Adds a special day: a local date whose ranges replace the weekly hours (and win over a holiday).</summary>
    /// <param name="date">The date, from 1700-01-01 to 2250-01-01 (the supported range, see <c>docs/limits.md#supported-range</c>).</param>
    /// <param name="ranges">The ranges; at least one (a day with none is a holiday).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="ranges"/> is empty.</exception>
    public BusinessCalendarBuilder AddSpecialDay(LocalDate date, params TimeRange[] ranges)
    {
        Limits.CheckDate(date, nameof(date), $"Special day in calendar '{name}'");
        Preconditions.CheckNotNull(ranges);
        Preconditions.CheckArgument(ranges.Length > 0, nameof(ranges),
            $"Special day {date} in calendar '{name}' needs at least one range; use AddHoliday for a day with no working time.");
        specialDays[date] = WeeklyHours.Normalize(ranges);
        return this;
    }

    /// <summary>Adds a closure: an instant range that is never working time (an office move, an outage).</summary>
    /// <param name="closure">The closure; an interval without a start or end extends to the start or end of time.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder AddClosure(Interval closure)
    {
        closures.Add(closure);
        return this;
    }

    /// <summary>Builds the calendar.</summary>
    /// <returns>The immutable calendar.</returns>
    /// <exception cref="InvalidOperationException">The calendar has no working time at all (no weekly hours and no
    /// special days, or closures that cover it all); the message names the calendar.</exception>
    public BusinessCalendar Build() => new(
        name,
        zone,
        WeeklyHours.FromRanges(weeklyRanges),
        holidays,
        new Dictionary<LocalDate, TimeRange[]>(specialDays),
        closures.ToArray());
}
