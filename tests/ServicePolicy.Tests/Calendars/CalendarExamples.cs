// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

/// <summary>
/// Named Europe/London calendars for the example tables, and readable parsing of the tables' instants and amounts.
/// </summary>
/// <remarks>
/// 2026 facts the tables rely on: 2 March is a Monday; Good Friday is 3 April and Easter Monday 6 April; the clocks
/// go forward on Sunday 29 March (01:00 GMT becomes 02:00 BST) and back on Sunday 25 October (02:00 BST becomes
/// 01:00 GMT); 24 December is a Thursday, 25 December a Friday and 28 December the substitute Boxing Day.
/// </remarks>
public static class CalendarExamples
{
    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly LocalDateTimePattern PrecisePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss.FFFFFFFFF");
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH");
    private static readonly DurationPattern MinuteDuration = DurationPattern.CreateWithInvariantCulture("-H:mm");
    private static readonly DurationPattern PreciseDuration = DurationPattern.CreateWithInvariantCulture("-H:mm:ss.FFFFFFFFF");

    /// <summary>Mon-Fri 09:00-17:00 with the 2026 Easter and Christmas holidays and Christmas Eve 09:00-13:00.</summary>
    public static BusinessCalendar Office() =>
        BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddHolidays(new[] { new LocalDate(2026, 4, 3), new LocalDate(2026, 4, 6), new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 28) })
            .AddSpecialDay(new LocalDate(2026, 12, 24), "09:00-13:00")
            .Build();

    /// <summary>A night shift every night, 22:00-06:00.</summary>
    public static BusinessCalendar Night() => BusinessCalendar.Create("uk-night", "Europe/London", "Mon-Sun 22:00-06:00");

    /// <summary>Mon-Fri with a lunch break: 09:00-12:00 and 13:00-17:00.</summary>
    public static BusinessCalendar Split() => BusinessCalendar.Create("uk-split", "Europe/London", "Mon-Fri 09:00-12:00, 13:00-17:00");

    /// <summary>Every day 09:00-17:00.</summary>
    public static BusinessCalendar Everyday() => BusinessCalendar.Create("uk-everyday", "Europe/London", "Mon-Sun 09:00-17:00");

    public static BusinessCalendar Named(string name) => name switch
    {
        "office" => Office(),
        "night" => Night(),
        "split" => Split(),
        "everyday" => Everyday(),
        _ => throw new ArgumentException($"No example calendar '{name}'.", nameof(name)),
    };

    /// <summary>Parses <c>2026-03-02 09:00</c> (optionally with seconds and fractions) as London wall-clock time, which
    /// must be unambiguous, or <c>2026-10-25 01:30 +01</c> with an explicit offset for ambiguous or DST-edge times.</summary>
    public static Instant At(string text)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        string[] parts = text.Split(' ');
        LocalDateTime local = ParseLocal(parts[0] + " " + parts[1]);
        if (parts.Length == 2)
        {
            return local.InZoneStrictly(zone).ToInstant();
        }
        Instant instant = new OffsetDateTime(local, OffsetText.Parse(parts[2]).Value).ToInstant();
        Assert.True(instant.InZone(zone).LocalDateTime == local, $"'{text}' is not a London wall-clock time at that offset");
        return instant;
    }

    /// <summary>Parses <c>8:00</c>, <c>-1:30</c> or <c>0:00:00.000000001</c> (hours may exceed 24).</summary>
    public static Duration Amount(string text)
    {
        ParseResult<Duration> result = MinuteDuration.Parse(text);
        return result.Success ? result.Value : PreciseDuration.Parse(text).Value;
    }

    public static LocalTime Time(string text) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).Value;

    /// <summary>Formats an instant as London wall-clock time with its offset, for assertion messages.</summary>
    public static string Show(Instant instant) =>
        instant.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).ToString("uuuu-MM-dd ddd HH:mm:ss.FFFFFFFFF o<+HH>", CultureInfo.InvariantCulture);

    private static LocalDateTime ParseLocal(string text)
    {
        ParseResult<LocalDateTime> result = MinutePattern.Parse(text);
        return result.Success ? result.Value : PrecisePattern.Parse(text).Value;
    }
}
