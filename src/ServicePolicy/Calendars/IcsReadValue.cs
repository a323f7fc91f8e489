// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;

namespace ServicePolicy.Calendars;

/// <summary>An RFC 5545 DATE or DATE-TIME value as read: a local date and time, whether it is a date, and the zone
/// it is in (<see langword="null"/> for a floating time, read in the calendar's zone; UTC for a value ending in
/// <c>Z</c>).</summary>
/// <param name="Local">The local date and time (midnight for a date).</param>
/// <param name="IsDate">Whether the value is a DATE (no time of day).</param>
/// <param name="Zone">The zone; <see langword="null"/> for a date or a floating date-time.</param>
internal readonly record struct IcsReadValue(LocalDateTime Local, bool IsDate, DateTimeZone? Zone)
{
    /// <summary>Gets the instant the value stands for, floating values read in <paramref name="floatingZone"/>;
    /// a local time in a gap or overlap resolves leniently (NodaTime's <see cref="NodaTime.TimeZones.Resolvers.LenientResolver"/>).</summary>
    /// <param name="floatingZone">The zone of floating values and dates.</param>
    /// <returns>The instant.</returns>
    internal Instant ToInstant(DateTimeZone floatingZone) => Local.InZoneLeniently(Zone ?? floatingZone).ToInstant();

    /// <summary>Parses <c>yyyyMMdd</c> (a date) or <c>yyyyMMddTHHmmss</c> with an optional <c>Z</c> (a date-time).</summary>
    /// <param name="text">The text.</param>
    /// <param name="zone">The zone of a date-time without <c>Z</c> (from <c>TZID</c>), or <see langword="null"/>.</param>
    /// <returns>The value, or <see langword="null"/> when the text is neither form or names no real date or time.</returns>
    internal static IcsReadValue? Parse(ReadOnlySpan<char> text, DateTimeZone? zone)
    {
        if (text.Length < 8 || !Digits(text[..8], out int date))
        {
            return null;
        }
        int year = date / 10000, month = date / 100 % 100, day = date % 100;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return null;
        }
        var localDate = new LocalDate(year, month, day);
        if (text.Length == 8)
        {
            return new IcsReadValue(localDate.AtMidnight(), true, null);
        }
        bool utc = text.Length == 16 && (text[15] == 'Z' || text[15] == 'z');
        if ((text.Length != 15 && !utc) || (text[8] != 'T' && text[8] != 't') || !Digits(text.Slice(9, 6), out int time))
        {
            return null;
        }
        int hour = time / 10000, minute = time / 100 % 100, second = time % 100;
        // RFC 5545 allows second 60 (a leap second); it is read as 59.
        if (hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }
        return new IcsReadValue(localDate.At(new LocalTime(hour, minute, Math.Min(second, 59))), false, utc ? DateTimeZone.Utc : zone);
    }

    /// <summary>Parses the value of an <c>RRULE</c>'s <c>UNTIL</c>: a date, or a date-time (floating or UTC).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value, or <see langword="null"/> when it is neither.</returns>
    internal static IcsReadValue? ParseUntil(string text) => Parse(text, null);

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
