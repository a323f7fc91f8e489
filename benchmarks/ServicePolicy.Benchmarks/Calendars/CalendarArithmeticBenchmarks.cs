// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using ServicePolicy.Benchmarks.Baselines;
using ServicePolicy.Calendars;

namespace ServicePolicy.Benchmarks.Calendars;

/// <summary>The business-time amounts the arithmetic benchmarks add and measure.</summary>
public enum BusinessAmount
{
    /// <summary>One hour.</summary>
    OneHour,

    /// <summary>One business week: the calendar's weekly working time (40 h for Mon-Fri 09:00-17:00).</summary>
    OneWeek,

    /// <summary>One business year: 50 business weeks (2,000 h for Mon-Fri 09:00-17:00).</summary>
    OneYear,
}

/// <summary>
/// <see cref="BusinessCalendar.AddBusinessTime"/> and <see cref="BusinessCalendar.BusinessTimeBetween"/> on a warm
/// calendar against the <see cref="DayWalkingCalendar"/> baseline, per amount. Derived classes choose the calendar.
/// </summary>
/// <remarks>
/// Each invocation runs the operation once for each of <see cref="StartCount"/> start instants spread at random
/// (fixed seed) over 2026-2033, so the figures are a mean per call over starts on working time, evenings, weekends and
/// holidays, and over calls that do and do not cross a slice boundary of the engine; a single start would measure one
/// well-predicted path. <c>BusinessTimeBetween</c> measures the spans <c>[start, AddBusinessTime(start, amount))</c>.
/// The setup touches every slice the calls use, so the engine is measured hot; building is measured by
/// <see cref="CalendarColdStartBenchmarks"/>.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class CalendarArithmeticBenchmarksBase
{
    /// <summary>How many start instants each invocation runs through.</summary>
    public const int StartCount = 64;

    private const string AddCategory = "Add";
    private const string BetweenCategory = "Between";

    private BusinessCalendar calendar = null!;
    private DayWalkingCalendar dayWalking = null!;
    private Duration amount;
    private Instant[] starts = Array.Empty<Instant>();
    private Instant[] ends = Array.Empty<Instant>();

    /// <summary>Gets or sets the amount of business time.</summary>
    [Params(BusinessAmount.OneHour, BusinessAmount.OneWeek, BusinessAmount.OneYear)]
    public BusinessAmount Amount { get; set; }

    /// <summary>Builds the calendar, the baseline and the inputs; warms the engine; checks that engine and baseline agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        calendar = CreateCalendar();
        dayWalking = DayWalkingCalendar.From(calendar);
        Duration week = BenchmarkCalendars.WeeklyWorkingTime(calendar);
        amount = Amount switch
        {
            BusinessAmount.OneHour => Duration.FromHours(1),
            BusinessAmount.OneWeek => week,
            BusinessAmount.OneYear => week * 50,
            _ => throw new InvalidOperationException($"Unknown amount {Amount}."),
        };
        starts = CreateStarts();
        ends = new Instant[starts.Length];
        for (int i = 0; i < starts.Length; i++)
        {
            ends[i] = calendar.AddBusinessTime(starts[i], amount);
        }
        CheckAgreement();
    }

    /// <summary>Adds the amount with the day-walking baseline.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = StartCount)]
    [BenchmarkCategory(AddCategory)]
    public Instant DayWalkingAdd()
    {
        DayWalkingCalendar baseline = dayWalking;
        Instant[] s = starts;
        Duration d = amount;
        Instant result = default;
        for (int i = 0; i < s.Length; i++)
        {
            result = baseline.AddBusinessTime(s[i], d);
        }
        return result;
    }

    /// <summary>Adds the amount with the engine.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory(AddCategory)]
    public Instant EngineAdd()
    {
        BusinessCalendar engine = calendar;
        Instant[] s = starts;
        Duration d = amount;
        Instant result = default;
        for (int i = 0; i < s.Length; i++)
        {
            result = engine.AddBusinessTime(s[i], d);
        }
        return result;
    }

    /// <summary>Measures the spans with the day-walking baseline.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = StartCount)]
    [BenchmarkCategory(BetweenCategory)]
    public Duration DayWalkingBetween()
    {
        DayWalkingCalendar baseline = dayWalking;
        Instant[] s = starts;
        Instant[] e = ends;
        Duration result = default;
        for (int i = 0; i < s.Length; i++)
        {
            result = baseline.BusinessTimeBetween(s[i], e[i]);
        }
        return result;
    }

    /// <summary>Measures the spans with the engine.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory(BetweenCategory)]
    public Duration EngineBetween()
    {
        BusinessCalendar engine = calendar;
        Instant[] s = starts;
        Instant[] e = ends;
        Duration result = default;
        for (int i = 0; i < s.Length; i++)
        {
            result = engine.BusinessTimeBetween(s[i], e[i]);
        }
        return result;
    }

    /// <summary>Creates the calendar to measure.</summary>
    /// <returns>The calendar.</returns>
    protected abstract BusinessCalendar CreateCalendar();

    private static Instant[] CreateStarts()
    {
        // Fixed seed: every run and every benchmark of a run sees the same starts. 2026-2033 leaves a year of
        // holidays after the last start for the one-year amount.
        var random = new Random(20260101);
        Instant from = Instant.FromUtc(2026, 1, 1, 0, 0);
        long span = (Instant.FromUtc(2034, 1, 1, 0, 0) - from).BclCompatibleTicks;
        var result = new Instant[StartCount];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = from + Duration.FromTicks(random.NextInt64(span));
        }
        return result;
    }

    private void CheckAgreement()
    {
        for (int i = 0; i < starts.Length; i++)
        {
            Instant baselineEnd = dayWalking.AddBusinessTime(starts[i], amount);
            Duration engineBetween = calendar.BusinessTimeBetween(starts[i], ends[i]);
            Duration baselineBetween = dayWalking.BusinessTimeBetween(starts[i], ends[i]);
            if (baselineEnd != ends[i] || engineBetween != amount || baselineBetween != amount)
            {
                throw new InvalidOperationException(
                    $"{calendar.Name}: engine and day-walking baseline disagree from {starts[i]} with {amount}: " +
                    $"AddBusinessTime {ends[i]} vs {baselineEnd}; BusinessTimeBetween {engineBetween} vs {baselineBetween}.");
            }
        }
    }
}

/// <summary>The issue-2 benchmark: Mon-Fri 09:00-17:00 in Europe/London with ten years of bank holidays.</summary>
public class CalendarArithmeticBenchmarks : CalendarArithmeticBenchmarksBase
{
    /// <inheritdoc/>
    protected override BusinessCalendar CreateCalendar() => BenchmarkCalendars.LondonOffice();
}

/// <summary>Mon-Fri 08:00-12:00 and 13:00-17:00 in America/New_York with ten years of federal holidays.</summary>
public class SplitShiftCalendarArithmeticBenchmarks : CalendarArithmeticBenchmarksBase
{
    /// <inheritdoc/>
    protected override BusinessCalendar CreateCalendar() => BenchmarkCalendars.NewYorkSplitShift();
}

/// <summary>Every night 22:00-06:00 in America/New_York with ten years of federal holidays.</summary>
public class OvernightShiftCalendarArithmeticBenchmarks : CalendarArithmeticBenchmarksBase
{
    /// <inheritdoc/>
    protected override BusinessCalendar CreateCalendar() => BenchmarkCalendars.NewYorkNightDesk();
}

/// <summary><see cref="BusinessCalendar.AlwaysOpen"/> (24x7 UTC); a business week is 168 h here.</summary>
public class AlwaysOpenCalendarArithmeticBenchmarks : CalendarArithmeticBenchmarksBase
{
    /// <inheritdoc/>
    protected override BusinessCalendar CreateCalendar() => BusinessCalendar.AlwaysOpen;
}
