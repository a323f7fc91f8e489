// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using NodaTime;
using ServicePolicy.Benchmarks.Baselines;
using ServicePolicy.Calendars;

namespace ServicePolicy.Benchmarks.Calendars;

/// <summary>
/// <see cref="BusinessCalendar.AddBusinessDays"/> ("17:00 on the n-th business day", as resolution targets use it) on
/// the warm London office calendar against <see cref="DayWalkingCalendar.AddBusinessDays"/>, which walks the dates one
/// by one.
/// </summary>
/// <remarks>Each invocation runs the operation once for each of <see cref="StartCount"/> start instants spread at random
/// (fixed seed) over 2026-2033, as <see cref="CalendarArithmeticBenchmarksBase"/> does; the setup touches every
/// business date the calls use, so the engine is measured hot.</remarks>
[MemoryDiagnoser]
public class BusinessDaysCalendarArithmeticBenchmarks
{
    /// <summary>How many start instants each invocation runs through.</summary>
    public const int StartCount = 64;

    private static readonly LocalTime At = new(17, 0);

    private BusinessCalendar calendar = null!;
    private DayWalkingCalendar dayWalking = null!;
    private Instant[] starts = Array.Empty<Instant>();

    /// <summary>Gets or sets the number of business days to add.</summary>
    [Params(1, 5, 250)]
    public int Days { get; set; }

    /// <summary>Builds the calendar, the baseline and the inputs; warms the engine; checks that engine and baseline agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        calendar = BenchmarkCalendars.LondonOffice();
        dayWalking = DayWalkingCalendar.From(calendar);
        // Fixed seed: every run and every benchmark of a run sees the same starts.
        var random = new Random(20260101);
        Instant from = Instant.FromUtc(2026, 1, 1, 0, 0);
        long span = (Instant.FromUtc(2034, 1, 1, 0, 0) - from).BclCompatibleTicks;
        starts = new Instant[StartCount];
        for (int i = 0; i < starts.Length; i++)
        {
            starts[i] = from + Duration.FromTicks(random.NextInt64(span));
            Instant engine = calendar.AddBusinessDays(starts[i], Days, At);
            Instant baseline = dayWalking.AddBusinessDays(starts[i], Days, At);
            if (engine != baseline)
            {
                throw new InvalidOperationException(
                    $"{calendar.Name}: engine and day-walking baseline disagree on {Days} business days from {starts[i]}: {engine} vs {baseline}.");
            }
        }
    }

    /// <summary>Adds the business days with the day-walking baseline.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = StartCount)]
    public Instant DayWalkingAddBusinessDays()
    {
        DayWalkingCalendar baseline = dayWalking;
        Instant[] s = starts;
        int days = Days;
        Instant result = default;
        for (int i = 0; i < s.Length; i++)
        {
            result = baseline.AddBusinessDays(s[i], days, At);
        }
        return result;
    }

    /// <summary>Adds the business days with the engine.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(OperationsPerInvoke = StartCount)]
    public Instant EngineAddBusinessDays()
    {
        BusinessCalendar engine = calendar;
        Instant[] s = starts;
        int days = Days;
        Instant result = default;
        for (int i = 0; i < s.Length; i++)
        {
            result = engine.AddBusinessDays(s[i], days, At);
        }
        return result;
    }
}
