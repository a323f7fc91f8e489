// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Benchmarks.Calendars;

/// <summary>The calendars the benchmarks measure, each with ten years of public holidays (2026 to 2035).</summary>
public static class BenchmarkCalendars
{
    /// <summary>The first year with holidays.</summary>
    public const int FirstHolidayYear = 2026;

    /// <summary>The last year with holidays.</summary>
    public const int LastHolidayYear = 2035;

    /// <summary>The London office hours.</summary>
    public const string LondonOfficeHours = "Mon-Fri 09:00-17:00";

    /// <summary>A split shift with a closed lunch hour.</summary>
    public const string SplitShiftHours = "Mon-Fri 08:00-12:00, 13:00-17:00";

    /// <summary>A night desk, every night, across both daylight-saving changes.</summary>
    public const string NightDeskHours = "Mon-Sun 22:00-06:00";

    /// <summary>Gets the England and Wales bank holidays of 2026-2035.</summary>
    public static IReadOnlyList<LocalDate> UkBankHolidays { get; } = Holidays.EnglandAndWales(FirstHolidayYear, LastHolidayYear);

    /// <summary>Gets the US federal holidays (observed dates) of 2026-2035.</summary>
    public static IReadOnlyList<LocalDate> UsFederalHolidays { get; } = Holidays.UnitedStatesFederal(FirstHolidayYear, LastHolidayYear);

    /// <summary>Mon-Fri 09:00-17:00 in Europe/London with ten years of bank holidays (the issue-2 calendar).</summary>
    /// <returns>A new calendar.</returns>
    public static BusinessCalendar LondonOffice() =>
        BusinessCalendar.CreateBuilder("london-office", "Europe/London")
            .WithWeeklyHours(LondonOfficeHours)
            .AddHolidays(UkBankHolidays)
            .Build();

    /// <summary>Mon-Fri 08:00-12:00 and 13:00-17:00 in America/New_York with ten years of federal holidays.</summary>
    /// <returns>A new calendar.</returns>
    public static BusinessCalendar NewYorkSplitShift() =>
        BusinessCalendar.CreateBuilder("new-york-split-shift", "America/New_York")
            .WithWeeklyHours(SplitShiftHours)
            .AddHolidays(UsFederalHolidays)
            .Build();

    /// <summary>Every night 22:00-06:00 in America/New_York (7 h and 9 h on the nights the clocks change) with ten
    /// years of federal holidays (a holiday removes the shift that opens on it).</summary>
    /// <returns>A new calendar.</returns>
    public static BusinessCalendar NewYorkNightDesk() =>
        BusinessCalendar.CreateBuilder("new-york-night-desk", "America/New_York")
            .WithWeeklyHours(NightDeskHours)
            .AddHolidays(UsFederalHolidays)
            .Build();

    /// <summary>Gets the wall-clock working time of an ordinary week of <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The sum of the weekly ranges' wall-clock lengths (40 h for Mon-Fri 09:00-17:00).</returns>
    public static Duration WeeklyWorkingTime(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Duration total = Duration.Zero;
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            foreach (TimeRange range in calendar.WeeklyHours[day])
            {
                total += range.WallClockLength;
            }
        }
        return total;
    }
}
