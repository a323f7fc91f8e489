// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using NodaTime;
using ServicePolicy.Benchmarks.Baselines;
using ServicePolicy.Calendars;

namespace ServicePolicy.Benchmarks.Calendars;

/// <summary>
/// Building the London office calendar (weekly-hours text and ten years of bank holidays) and the first call on it,
/// which compiles the engine's first slice or two (about 417 days each). The baseline builds a day-walking calendar
/// from the same data and makes the same first call.
/// </summary>
/// <remarks>"Cold" means a new calendar per invocation; the process, the JIT and NodaTime's zone caches are warm.</remarks>
[MemoryDiagnoser]
public class CalendarColdStartBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2030, 6, 5, 10, 30);
    private static readonly Duration OneWeek = Duration.FromHours(40);
    private static readonly Duration OneYear = Duration.FromHours(2000);

    private LocalDate[] holidays = Array.Empty<LocalDate>();
    private DateTimeZone zone = null!;
    private WeeklyHours weeklyHours = null!;

    /// <summary>Prepares the holiday list and checks that the engine and the baseline agree on the first calls.</summary>
    [GlobalSetup]
    public void Setup()
    {
        holidays = BenchmarkCalendars.UkBankHolidays.ToArray();
        zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        weeklyHours = WeeklyHours.Parse(BenchmarkCalendars.LondonOfficeHours);
        if (BuildAndAddOneWeek() != DayWalkingBuildAndAddOneWeek() ||
            BuildAndAddOneYear() != new DayWalkingCalendar(zone, weeklyHours, holidays).AddBusinessTime(Start, OneYear))
        {
            throw new InvalidOperationException("Engine and day-walking baseline disagree on the first call.");
        }
    }

    /// <summary>Builds a day-walking calendar and adds one business week.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public Instant DayWalkingBuildAndAddOneWeek() =>
        new DayWalkingCalendar(zone, weeklyHours, holidays).AddBusinessTime(Start, OneWeek);

    /// <summary>Builds the calendar only.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar Build() => NewCalendar();

    /// <summary>Builds the calendar and adds one business week (one slice compiled).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public Instant BuildAndAddOneWeek() => NewCalendar().AddBusinessTime(Start, OneWeek);

    /// <summary>Builds the calendar and adds one business year (two slices compiled).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public Instant BuildAndAddOneYear() => NewCalendar().AddBusinessTime(Start, OneYear);

    private BusinessCalendar NewCalendar() =>
        BusinessCalendar.CreateBuilder("london-office", "Europe/London")
            .WithWeeklyHours(BenchmarkCalendars.LondonOfficeHours)
            .AddHolidays(holidays)
            .Build();
}
