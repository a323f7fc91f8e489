// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;

namespace ServicePolicy.Tests.Commitments;

/// <summary>A UK office (Europe/London, Mon-Fri 09:00-17:00, Good Friday 2025 a holiday) and local-time helpers, so
/// tests read in the office's wall-clock time. March 2025 is before the clocks change (30 March).</summary>
internal static class UkTime
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static BusinessCalendar Office { get; } = BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
        .WithWeeklyHours("Mon-Fri 09:00-17:00")
        .AddHoliday(new LocalDate(2025, 4, 18))
        .Build();

    /// <summary>The instant of a local time such as "2025-03-07 16:40" in London.</summary>
    public static Instant At(string local) => Pattern.Parse(local).Value.InZoneStrictly(Zone).ToInstant();

    /// <summary>The local time of an instant in London, in the same form.</summary>
    public static string Local(Instant instant) => Pattern.Format(instant.InZone(Zone).LocalDateTime);

    public static string? Local(Instant? instant) => instant is { } i ? Local(i) : null;
}
