// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace ServicePolicy.Calendars;

/// <summary>
/// Reads holidays from iCalendar (RFC 5545) text with Ical.Net: all-day events make every date they cover a holiday;
/// events with a time of day become closures (floating times are read in the calendar's zone). Recurring events are
/// expanded up to <see cref="ExpandUntil"/>. Used by <see cref="BusinessCalendarBuilder.AddHolidaysFromICalendar(TextReader)"/>,
/// which configuration's <c>HolidayFiles</c> go through too.
/// </summary>
internal static class IcsHolidayReader
{
    /// <summary>The first date not expanded for recurring events.</summary>
    internal static readonly LocalDate ExpandUntil = new(2100, 1, 1);

    /// <summary>Reads the holidays and closures of the iCalendar text <paramref name="reader"/> holds.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="zone">The zone that floating times are read in.</param>
    /// <returns>The holidays (all-day events) and closures (timed events).</returns>
    /// <exception cref="FormatException">The text is not iCalendar, or holds no VCALENDAR.</exception>
    internal static (List<LocalDate> Holidays, List<Interval> Closures) Read(TextReader reader, DateTimeZone zone)
    {
        string text = reader.ReadToEnd();
        Ical.Net.Calendar calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text) ?? throw new FormatException("the text holds no VCALENDAR");
        }
        catch (Exception e) when (e is not (FormatException or OutOfMemoryException))
        {
            throw new FormatException($"the text is not iCalendar: {e.Message}", e);
        }
        var holidays = new List<LocalDate>();
        var closures = new List<Interval>();
        foreach (Occurrence occurrence in calendar.GetOccurrences(new CalDateTime(1900, 1, 1), null)
            .TakeWhile(o => o.Period.StartTime.Year < ExpandUntil.Year))
        {
            CalDateTime start = occurrence.Period.StartTime;
            CalDateTime? end = occurrence.Period.EffectiveEndTime;
            if (!start.HasTime)
            {
                LocalDate first = LocalDate.FromDateOnly(start.Date);
                LocalDate last = end is { HasTime: false } ? LocalDate.FromDateOnly(end.Date).PlusDays(-1) : first;
                for (LocalDate date = first; date <= last; date = date.PlusDays(1))
                {
                    holidays.Add(date);
                }
                if (last < first)
                {
                    holidays.Add(first);
                }
                continue;
            }
            Instant from = ToInstant(start, zone);
            Instant to = end is null ? from : ToInstant(end, zone);
            if (to > from)
            {
                closures.Add(new Interval(from, to));
            }
        }
        return (holidays, closures);
    }

    private static Instant ToInstant(CalDateTime value, DateTimeZone zone)
    {
        if (value.IsFloating)
        {
            var local = LocalDateTime.FromDateTime(value.Value);
            return local.InZoneLeniently(zone).ToInstant();
        }
        return Instant.FromDateTimeUtc(DateTime.SpecifyKind(value.AsUtc, DateTimeKind.Utc));
    }
}
