// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace ServicePolicy.Configuration;

/// <summary>
/// Reads holidays from an iCalendar (RFC 5545) file with Ical.Net: all-day events make every date they cover a holiday;
/// events with a time of day become closures (floating times are read in the calendar's zone). Recurring events are
/// expanded up to <see cref="ExpandUntil"/>.
/// </summary>
internal static class IcsHolidayReader
{
    /// <summary>The first date not expanded for recurring events.</summary>
    internal static readonly LocalDate ExpandUntil = new(2100, 1, 1);

    internal static (List<LocalDate> Holidays, List<Interval> Closures) Read(string path, DateTimeZone zone)
    {
        string text = File.ReadAllText(path);
        Ical.Net.Calendar calendar = Ical.Net.Calendar.Load(text)
            ?? throw new FormatException("the file holds no VCALENDAR");
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
