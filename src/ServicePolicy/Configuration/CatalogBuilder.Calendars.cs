// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>The calendar part of <see cref="CatalogBuilder"/>: time zones, weekly hours, holidays (and iCalendar files),
/// special days and closures.</summary>
internal sealed partial class CatalogBuilder
{
    /// <summary>The directory relative <c>HolidayFiles</c> paths resolve against: the calendar's
    /// <see cref="CalendarOptions.BaseDirectory"/> (itself relative to <see cref="AppContext.BaseDirectory"/> when
    /// relative), else <see cref="AppContext.BaseDirectory"/>.</summary>
    private static string BaseDirectoryOf(CalendarOptions calendar) => string.IsNullOrWhiteSpace(calendar.BaseDirectory)
        ? AppContext.BaseDirectory
        : Path.GetFullPath(calendar.BaseDirectory, AppContext.BaseDirectory);

    /// <summary>The zone named at <c>{path}:TimeZone</c>, or null after recording why there is none.</summary>
    private DateTimeZone? ResolveTimeZone(string path, string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            errors.Add($"{path}:TimeZone: a time zone is required, such as 'Europe/London'");
            return null;
        }
        if (timeZoneId.Length > Limits.MaxNameLength)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path}:TimeZone: time zone '{timeZoneId[..40]}...' ({timeZoneId.Length} characters) is longer than {Limits.MaxNameLength} characters, the longest name.{LimitsDocs.See(LimitsDocs.NamesAndText)}"));
            return null;
        }
        DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId);
        if (zone is null)
        {
            errors.Add($"{path}:TimeZone: time zone '{timeZoneId}' is not a known IANA (TZDB) id"
                + NameSuggestions.DidYouMean(timeZoneId, DateTimeZoneProviders.Tzdb.Ids));
        }
        return zone;
    }

    private void BuildCalendar(string path, string name, CalendarOptions calendar)
    {
        int errorCount = errors.Count;
        DateTimeZone? zone = ResolveTimeZone(path, calendar.TimeZone);
        // Without a zone, the parts are still parsed so that all their errors are reported, but not added.
        BusinessCalendarBuilder? builder = null;
        if (zone is not null)
        {
            try
            {
                builder = BusinessCalendar.CreateBuilder(name, zone);
            }
            catch (ArgumentException e)
            {
                errors.Add($"{path}: {FirstSentence(e.Message)}");
            }
        }
        if (calendar.Hours is null)
        {
            if (calendar.SpecialDays.Count == 0)
            {
                errors.Add($"{path}:Hours: weekly hours are required, such as 'Mon-Fri 09:00-17:00'");
            }
        }
        else if (!WeeklyHours.TryParse(calendar.Hours, out WeeklyHours? hours, out BusinessHoursFormatException? hoursError))
        {
            errors.Add($"{path}:Hours: {hoursError!.SingleLineMessage}");
        }
        else
        {
            builder?.WithWeeklyHours(hours!);
        }
        for (int i = 0; i < calendar.Holidays.Count; i++)
        {
            if (ParseDate(calendar.Holidays[i], $"{path}:Holidays:{i}") is { } date)
            {
                builder?.AddHoliday(date);
            }
        }
        AddHolidayFiles(path, calendar.HolidayFiles, BaseDirectoryOf(calendar), builder);
        foreach ((string key, string ranges) in calendar.SpecialDays)
        {
            string dayPath = $"{path}:SpecialDays:{key}";
            if (ParseDate(key, dayPath) is not { } date)
            {
                continue;
            }
            try
            {
                TimeRange[] parsed = BusinessHoursParser.ParseRanges(ranges ?? string.Empty).ToArray();
                if (parsed.Length == 0)
                {
                    errors.Add($"{dayPath}: a special day needs at least one range such as '09:00-13:00'; list a day with no working time under Holidays");
                    continue;
                }
                builder?.AddSpecialDay(date, parsed);
            }
            catch (BusinessHoursFormatException e)
            {
                errors.Add($"{dayPath}: {e.SingleLineMessage}");
            }
        }
        for (int i = 0; i < calendar.Closures.Count; i++)
        {
            string closurePath = $"{path}:Closures:{i}";
            ClosureOptions closure = calendar.Closures[i] ?? new ClosureOptions();
            Instant? start = ParseInstant(closure.Start, zone, $"{closurePath}:Start");
            Instant? end = ParseInstant(closure.End, zone, $"{closurePath}:End");
            if (start is { } s && end is { } e)
            {
                if (e <= s)
                {
                    errors.Add($"{closurePath}:End: the closure must end after it starts ('{closure.End}' is not after '{closure.Start}')");
                }
                else
                {
                    builder?.AddClosure(new Interval(s, e));
                }
            }
        }
        if (errors.Count > errorCount || builder is null)
        {
            return;
        }
        try
        {
            calendars[name] = builder.Build();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errors.Add($"{path}: {e.Message}");
        }
    }

    /// <summary>Adds the holidays and closures of each iCalendar file, through the same
    /// <see cref="BusinessCalendarBuilder.AddHolidaysFromICalendar(string)"/> code uses; relative paths resolve
    /// against <paramref name="baseDirectory"/>.</summary>
    private void AddHolidayFiles(string path, List<string> files, string baseDirectory, BusinessCalendarBuilder? builder)
    {
        for (int i = 0; i < files.Count; i++)
        {
            string file = files[i];
            string filePath = $"{path}:HolidayFiles:{i}";
            if (string.IsNullOrWhiteSpace(file))
            {
                errors.Add($"{filePath}: a file path is required");
                continue;
            }
            string fullPath = Path.GetFullPath(file, baseDirectory);
            if (!File.Exists(fullPath))
            {
                errors.Add($"{filePath}: iCalendar file '{file}' was not found (looked for '{fullPath}')");
                continue;
            }
            try
            {
                builder?.AddHolidaysFromICalendar(fullPath);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"{filePath}: iCalendar file '{file}' could not be read: {e.Message}");
            }
        }
    }
}
