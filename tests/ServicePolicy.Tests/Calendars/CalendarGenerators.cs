// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;
using ServicePolicy.Calendars;
using Interval = NodaTime.Interval;

namespace ServicePolicy.Tests.Calendars;

/// <summary>
/// Explicit FsCheck generators for business calendars, instants and amounts. Everything the reference has to check is
/// minute-aligned (ranges, closures, instants, amounts) so that <see cref="ReferenceCalendar"/> is exact; the law
/// cases (<see cref="LawCase"/>) add nanoseconds because they need no reference.
/// </summary>
/// <remarks>
/// Cases cluster around an anchor instant in 2000..2040 that is, with extra weight, a daylight-saving transition of
/// the zone or the edge of one of the engine's compiled slices; holidays, special days and closures fall within a few
/// weeks of it, and opening and closing times favour a 15-minute grid and the wall-clock times at which the zone's
/// clocks change, so that instants often hit boundaries exactly.
/// </remarks>
public static class CalendarGenerators
{
    /// <summary>The zones every engine-versus-reference property runs in.</summary>
    public static readonly string[] ZoneIds =
    {
        "UTC",
        "Europe/London",
        "America/New_York",
        "America/Santiago",
        "Australia/Lord_Howe", // 30-minute daylight saving
        "Pacific/Chatham", // +12:45 / +13:45
        "Asia/Kolkata", // +05:30, no daylight saving
    };

    private const int QuartersPerDay = 96;
    private static readonly Duration Quarter = Duration.FromMinutes(15);
    private static readonly ConcurrentDictionary<string, LocalTime[]> TransitionTimes = new();

    public static IEnumerable<object[]> Zones => ZoneIds.Select(id => new object[] { id });

    /// <summary>Cases for comparing the engine with the reference: a calendar, minute-aligned instants near its
    /// anchor, and whole-minute amounts (positive, zero and negative) scaled to the calendar's weekly working time.</summary>
    public static Arbitrary<ReferenceCase> ReferenceCases(string zoneId) =>
        Arb.From(
            from anchor in Anchor(zoneId)
            from calendar in Calendar(zoneId, anchor, requireWeeklyHours: false, allowOpenEndedClosures: true)
            from instants in Gen.ArrayOf(InstantNear(anchor), 4)
            from amounts in Gen.ArrayOf(MinuteAmount(calendar), 4)
            select new ReferenceCase(calendar, anchor, instants, amounts),
            ShrinkReferenceCase);

    /// <summary>Cases for the algebraic laws: nanosecond-precision instants and amounts, larger amounts, calendars
    /// that always have weekly hours and no open-ended closures (so arithmetic never runs out of working time).</summary>
    public static Arbitrary<LawCase> LawCases(string? zoneId = null) =>
        Arb.From(
            from zone in zoneId is null ? Gen.Elements(ZoneIds) : Gen.Constant(zoneId)
            from anchor in Anchor(zone)
            from calendar in Calendar(zone, anchor, requireWeeklyHours: true, allowOpenEndedClosures: false)
            from t in PreciseInstantNear(anchor)
            from u in PreciseInstantNear(anchor)
            from a in PreciseAmount(calendar)
            from b in PreciseAmount(calendar)
            from d in Gen.Frequency((1, Gen.Constant(Duration.Zero)), (4, PreciseAmount(calendar)), (4, PreciseAmount(calendar).Select(x => -x)))
            select new LawCase(calendar, t, u, a, b, d),
            ShrinkLawCase);

    /// <summary>Cases anywhere in the supported range: two instants and an amount of either sign up to its length.</summary>
    public static Arbitrary<WideCase> WideCases() =>
        Arb.From(
            from t in WideInstant()
            from u in Gen.Frequency((3, WideInstant()), (1, PreciseInstantNear(t).Where(x => x >= BusinessCalendar.MinSupportedInstant && x < BusinessCalendar.MaxSupportedInstant)))
            from days in Gen.Frequency((1, Gen.Choose(-3, 3)), (2, Gen.Choose(-SupportedDays, SupportedDays)))
            from nanos in NanosOfDay()
            select new WideCase(t, u, Duration.FromDays(days) + Duration.FromNanoseconds(nanos)));

    private static readonly int SupportedDays = (int)(BusinessCalendar.MaxSupportedInstant - BusinessCalendar.MinSupportedInstant).TotalDays;

    /// <summary>Any instant in the supported range, with extra weight on its first and last days.</summary>
    private static Gen<Instant> WideInstant() =>
        from days in Gen.Frequency((1, Gen.Choose(0, 2)), (1, Gen.Choose(SupportedDays - 2, SupportedDays - 1)), (4, Gen.Choose(0, SupportedDays - 1)))
        from nanos in NanosOfDay()
        select BusinessCalendar.MinSupportedInstant + Duration.FromDays(days) + Duration.FromNanoseconds(nanos);

    private static Gen<long> NanosOfDay() =>
        from seconds in Gen.Choose(0, 86_399)
        from nanos in Gen.Choose(0, 999_999_999)
        select seconds * NodaConstants.NanosecondsPerSecond + nanos;

    /// <summary>A minute-aligned instant in 2000..2040: a daylight-saving transition of the zone, the minute at or
    /// before the edge of one of the engine's compiled slices (2^55 ns each), or any quarter hour of a year.</summary>
    public static Gen<Instant> Anchor(string zoneId)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[zoneId];
        Gen<Instant> anyQuarter =
            from year in Gen.Choose(2000, 2039)
            from quarter in Gen.Choose(0, 365 * QuartersPerDay - 1)
            select Instant.FromUtc(year, 1, 1, 0, 0) + Quarter * quarter;
        Gen<Instant> sliceEdge =
            from k in Gen.Choose(27, 61) // the slices that start within 2000..2040
            select FloorToMinute(NodaConstants.UnixEpoch.PlusNanoseconds((long)k << 55));
        Gen<Instant> transition =
            from year in Gen.Choose(2000, 2039)
            let transitions = Transitions(zone, year)
            from instant in transitions.Length == 0 ? anyQuarter : Gen.Elements(transitions)
            select FloorToMinute(instant);
        return Gen.Frequency((3, transition), (1, sliceEdge), (2, anyQuarter));
    }

    public static Gen<CalendarSpec> Calendar(string zoneId, Instant anchor, bool requireWeeklyHours, bool allowOpenEndedClosures)
    {
        LocalDate anchorDate = anchor.InUtc().Date;
        Gen<LocalDate> nearDate = Gen.Choose(-20, 20).Select(days => anchorDate.PlusDays(days));
        Gen<TimeRange> range = Range(zoneId);
        Gen<TimeRange[]> specialRanges = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(range, n));
        Gen<(LocalDate, TimeRange[])> specialDay = nearDate.SelectMany(date => specialRanges.Select(r => (date, r)));

        Gen<List<(IsoDayOfWeek, TimeRange)>> weekly = Gen.Frequency(
            (5, RandomWeek(range)),
            (2, OfficeWeek()),
            (1, NightWeek(range)),
            (requireWeeklyHours ? 0 : 1, Gen.Constant(new List<(IsoDayOfWeek, TimeRange)>())))
            .Where(w => !CoversWholeWeek(w) && (w.Count > 0 || !requireWeeklyHours));

        return
            from week in weekly
            from holidayCount in Gen.Choose(0, 6)
            from holidays in Gen.ArrayOf(nearDate, holidayCount)
            from specialCount in week.Count == 0 ? Gen.Choose(1, 5) : Gen.Choose(0, 4)
            from specials in Gen.ArrayOf(specialDay, specialCount)
            from specialOnHoliday in Gen.Choose(0, 3)
            from closureCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Choose(2, 3)))
            from closures in Gen.ArrayOf(Closure(anchor, allowOpenEndedClosures), closureCount)
            select new CalendarSpec(
                zoneId,
                week,
                holidays,
                specialOnHoliday == 0 && holidays.Length > 0 && specials.Length > 0
                    ? specials.Append((holidays[0], specials[0].Item2)).ToList() // a special day wins over a holiday
                    : specials.ToList(),
                closures);
    }

    /// <summary>A range on a 15-minute grid, at a wall-clock time at which the zone's clocks change, or at any minute;
    /// overnight (closing not after opening) and 24-hour ranges included.</summary>
    public static Gen<TimeRange> Range(string zoneId)
    {
        Gen<LocalTime> time = Time(zoneId);
        Gen<TimeRange> anyClose = from open in time from close in time select new TimeRange(open, close);
        Gen<TimeRange> shiftLength =
            from open in time
            from halfHours in Gen.Choose(1, 20)
            select new TimeRange(open, open.PlusMinutes(30 * halfHours));
        Gen<TimeRange> fullDay = time.Select(open => new TimeRange(open, open));
        return Gen.Frequency((4, anyClose), (3, shiftLength), (1, fullDay));
    }

    public static Gen<LocalTime> Time(string zoneId)
    {
        LocalTime[] transitionTimes = TransitionTimes.GetOrAdd(zoneId, ComputeTransitionTimes);
        Gen<LocalTime> grid = Gen.Choose(0, QuartersPerDay - 1).Select(q => LocalTime.Midnight.PlusMinutes(15 * q));
        Gen<LocalTime> anyMinute = Gen.Choose(0, 24 * 60 - 1).Select(m => LocalTime.Midnight.PlusMinutes(m));
        return transitionTimes.Length == 0
            ? Gen.Frequency((6, grid), (1, anyMinute))
            : Gen.Frequency((5, grid), (2, Gen.Elements(transitionTimes)), (1, anyMinute));
    }

    /// <summary>A minute-aligned instant within about 12 days of the anchor, mostly on its 15-minute grid.</summary>
    public static Gen<Instant> InstantNear(Instant anchor) => Gen.Frequency(
        (2, Gen.Choose(-36 * 4, 36 * 4).Select(q => anchor + Quarter * q)),
        (2, Gen.Choose(-12 * QuartersPerDay, 12 * QuartersPerDay).Select(q => anchor + Quarter * q)),
        (1, Gen.Choose(-12 * 24 * 60, 12 * 24 * 60).Select(m => anchor + Duration.FromMinutes(m))));

    /// <summary>An instant within about 60 days of the anchor with any nanosecond, or on the anchor's minute grid.</summary>
    public static Gen<Instant> PreciseInstantNear(Instant anchor) => Gen.Frequency(
        (3,
            from seconds in Gen.Choose(-60 * 86400, 60 * 86400)
            from nanos in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (3, Gen.Choose(0, 999_999_999)))
            select anchor + Duration.FromSeconds(seconds) + Duration.FromNanoseconds(nanos)),
        (1, Gen.Choose(-60 * QuartersPerDay, 60 * QuartersPerDay).Select(q => anchor + Quarter * q)));

    /// <summary>A whole number of minutes: zero, up to 10 hours, or up to three weeks of the calendar's working time;
    /// either sign.</summary>
    public static Gen<Duration> MinuteAmount(CalendarSpec calendar)
    {
        int weekly = WeeklyMinutes(calendar);
        Gen<int> magnitude = Gen.Frequency(
            (1, Gen.Constant(0)),
            (3, Gen.Choose(1, 600)),
            (3, Gen.Choose(1, 3 * weekly)));
        return from m in magnitude
               from negative in Gen.Elements(false, true)
               select Duration.FromMinutes(negative ? -m : m);
    }

    /// <summary>A positive amount with nanoseconds: up to a day, up to three weeks, or up to 100 weeks of the
    /// calendar's working time (crossing several compiled slices).</summary>
    public static Gen<Duration> PreciseAmount(CalendarSpec calendar)
    {
        int weekly = WeeklyMinutes(calendar);
        return from scale in Gen.Frequency((3, Gen.Constant(24 * 60)), (3, Gen.Constant(3 * weekly)), (1, Gen.Constant(100 * weekly)))
               from minutes in Gen.Choose(0, scale)
               from nanos in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (2, Gen.Choose(0, 999_999_999)))
               let amount = Duration.FromMinutes(minutes) + Duration.FromNanoseconds(nanos)
               select amount == Duration.Zero ? Duration.Epsilon : amount;
    }

    /// <summary>The wall-clock minutes of weekly working time (or of all special days when there are no weekly hours).</summary>
    public static int WeeklyMinutes(CalendarSpec calendar)
    {
        IEnumerable<TimeRange> ranges = calendar.Weekly.Count > 0
            ? calendar.Weekly.Select(w => w.Range)
            : calendar.SpecialDays.SelectMany(s => s.Ranges);
        long total = ranges.Sum(r => (long)r.WallClockLength.TotalMinutes);
        return (int)Math.Clamp(total, 1, 7 * 24 * 60);
    }

    private static Gen<List<(IsoDayOfWeek, TimeRange)>> RandomWeek(Gen<TimeRange> range) =>
        from counts in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3))), 7)
        from perDay in Gen.CollectToArray(counts.Select(n => Gen.ArrayOf(range, n)))
        select perDay.SelectMany((ranges, i) => ranges.Select(r => ((IsoDayOfWeek)(i + 1), r))).ToList();

    private static Gen<List<(IsoDayOfWeek, TimeRange)>> OfficeWeek() =>
        from open in Gen.Choose(7 * 4, 10 * 4)
        from close in Gen.Choose(15 * 4, 19 * 4)
        from lunch in Gen.Elements(false, true)
        from days in Gen.Elements(5, 6)
        select Enumerable.Range(1, days).SelectMany(day => lunch
                ? new[]
                {
                    ((IsoDayOfWeek)day, new TimeRange(At(open), new LocalTime(12, 0))),
                    ((IsoDayOfWeek)day, new TimeRange(new LocalTime(13, 0), At(close))),
                }
                : new[] { ((IsoDayOfWeek)day, new TimeRange(At(open), At(close))) })
            .ToList();

    private static Gen<List<(IsoDayOfWeek, TimeRange)>> NightWeek(Gen<TimeRange> range) =>
        from overnight in range.Where(r => r.EndsNextDay)
        from days in Gen.Elements(5, 7)
        select Enumerable.Range(1, days).Select(day => ((IsoDayOfWeek)day, overnight)).ToList();

    private static Gen<Interval> Closure(Instant anchor, bool allowOpenEnded)
    {
        Gen<Interval> finite =
            from start in Gen.Choose(-20 * QuartersPerDay, 20 * QuartersPerDay)
            from length in Gen.Frequency(
                (3, Gen.Choose(1, 32).Select(q => Quarter * q)),
                (1, Gen.Choose(1, 7 * 24 * 60).Select(m => Duration.FromMinutes(m))))
            select new Interval(anchor + Quarter * start, anchor + Quarter * start + length);
        Gen<Interval> noEnd = Gen.Choose(3 * QuartersPerDay, 20 * QuartersPerDay).Select(q => new Interval(anchor + Quarter * q, null));
        Gen<Interval> noStart = Gen.Choose(3 * QuartersPerDay, 20 * QuartersPerDay).Select(q => new Interval(null, anchor - Quarter * q));
        return allowOpenEnded ? Gen.Frequency((10, finite), (1, noEnd), (1, noStart)) : finite;
    }

    /// <summary>Whether the weekly ranges leave no minute of the week uncovered (the calendar would never close).</summary>
    private static bool CoversWholeWeek(List<(IsoDayOfWeek Day, TimeRange Range)> week)
    {
        const int minutesPerWeek = 7 * 24 * 60;
        var covered = new bool[minutesPerWeek];
        foreach ((IsoDayOfWeek day, TimeRange range) in week)
        {
            int start = ((int)day - 1) * 24 * 60 + (int)(range.Open.NanosecondOfDay / NodaConstants.NanosecondsPerMinute);
            int length = (int)range.WallClockLength.TotalMinutes;
            for (int m = 0; m < length; m++)
            {
                covered[(start + m) % minutesPerWeek] = true;
            }
        }
        return covered.All(c => c);
    }

    private static Instant[] Transitions(DateTimeZone zone, int year)
    {
        var yearInterval = new Interval(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0));
        return zone.GetZoneIntervals(yearInterval)
            .Where(z => z.HasStart && yearInterval.Contains(z.Start))
            .Select(z => z.Start)
            .ToArray();
    }

    /// <summary>The wall-clock times (whole minutes) just before and just after the zone's clock changes in 2015..2030.</summary>
    private static LocalTime[] ComputeTransitionTimes(string zoneId)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[zoneId];
        var times = new HashSet<LocalTime>();
        var span = new Interval(Instant.FromUtc(2015, 1, 1, 0, 0), Instant.FromUtc(2031, 1, 1, 0, 0));
        ZoneInterval? previous = null;
        foreach (ZoneInterval interval in zone.GetZoneIntervals(span))
        {
            if (previous is not null && interval.HasStart)
            {
                times.Add(interval.Start.WithOffset(previous.WallOffset).TimeOfDay);
                times.Add(interval.Start.WithOffset(interval.WallOffset).TimeOfDay);
            }
            previous = interval;
        }
        return times.Where(t => t.Second == 0 && t.NanosecondOfSecond == 0).OrderBy(t => t).ToArray();
    }

    private static LocalTime At(int quarters) => LocalTime.Midnight.PlusMinutes(15 * quarters);

    private static Instant FloorToMinute(Instant instant)
    {
        long nanos = (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();
        return NodaConstants.UnixEpoch.PlusNanoseconds(nanos - ((nanos % NodaConstants.NanosecondsPerMinute) + NodaConstants.NanosecondsPerMinute) % NodaConstants.NanosecondsPerMinute);
    }

    private static IEnumerable<ReferenceCase> ShrinkReferenceCase(ReferenceCase c)
    {
        foreach (CalendarSpec smaller in ShrinkCalendar(c.Calendar))
        {
            yield return c with { Calendar = smaller };
        }
        for (int i = 0; i < c.Instants.Length && c.Instants.Length > 1; i++)
        {
            yield return c with { Instants = Without(c.Instants, i), Amounts = Without(c.Amounts, i) };
        }
        for (int i = 0; i < c.Amounts.Length; i++)
        {
            long minutes = (long)c.Amounts[i].TotalMinutes;
            if (minutes != 0)
            {
                Duration[] halved = c.Amounts.ToArray();
                halved[i] = Duration.FromMinutes(minutes / 2);
                yield return c with { Amounts = halved };
            }
        }
    }

    private static IEnumerable<LawCase> ShrinkLawCase(LawCase c)
    {
        foreach (CalendarSpec smaller in ShrinkCalendar(c.Calendar).Where(s => s.Weekly.Count > 0))
        {
            yield return c with { Calendar = smaller };
        }
    }

    /// <summary>Smaller calendars: one closure, holiday, special day or weekly range fewer (keeping some range).</summary>
    private static IEnumerable<CalendarSpec> ShrinkCalendar(CalendarSpec spec)
    {
        for (int i = 0; i < spec.Closures.Count; i++)
        {
            yield return spec.With(closures: Without(spec.Closures, i));
        }
        for (int i = 0; i < spec.Holidays.Count; i++)
        {
            yield return spec.With(holidays: Without(spec.Holidays, i));
        }
        for (int i = 0; i < spec.SpecialDays.Count; i++)
        {
            if (spec.Weekly.Count > 0 || spec.SpecialDays.Count > 1)
            {
                yield return spec.With(specialDays: Without(spec.SpecialDays, i));
            }
        }
        for (int i = 0; i < spec.Weekly.Count; i++)
        {
            if (spec.Weekly.Count > 1 || spec.SpecialDays.Count > 0)
            {
                yield return spec.With(weekly: Without(spec.Weekly, i));
            }
        }
    }

    private static T[] Without<T>(IReadOnlyList<T> items, int index) => items.Where((_, i) => i != index).ToArray();
}

/// <summary>A calendar with minute-aligned instants and amounts near its anchor, for comparison with the reference.</summary>
public sealed record ReferenceCase(CalendarSpec Calendar, Instant Anchor, Instant[] Instants, Duration[] Amounts)
{
    public override string ToString() =>
        $"{Calendar}; anchor {CalendarSpec.Format(Anchor)}; instants [{string.Join(", ", Instants.Select(CalendarSpec.Format))}]; " +
        $"amounts [{string.Join(", ", Amounts.Select(CalendarSpec.Format))}]";
}

/// <summary>A calendar with two nanosecond-precision instants, two positive amounts and one amount of either sign.</summary>
public sealed record LawCase(CalendarSpec Calendar, Instant T, Instant U, Duration A, Duration B, Duration D)
{
    public override string ToString() =>
        $"{Calendar}; t {CalendarSpec.Format(T)}; u {CalendarSpec.Format(U)}; a {CalendarSpec.Format(A)}; b {CalendarSpec.Format(B)}; d {CalendarSpec.Format(D)}";
}

/// <summary>Two instants anywhere in the supported range and an amount up to its whole length.</summary>
public sealed record WideCase(Instant T, Instant U, Duration D)
{
    public override string ToString() => $"t {CalendarSpec.Format(T)}; u {CalendarSpec.Format(U)}; d {CalendarSpec.Format(D)}";
}
