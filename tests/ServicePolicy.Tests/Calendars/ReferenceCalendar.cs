// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using Xunit;
using Xunit.Sdk;

namespace ServicePolicy.Tests.Calendars;

/// <summary>
/// An obviously correct, slow business calendar: it applies the definition in docs/business-time.md ("When is an
/// instant working?", "Adding business time") to one minute at a time. Everything it is given must be minute-aligned (ranges, closures, instants,
/// amounts); then every working interval starts and ends on a whole minute and counting minutes is exact.
/// </summary>
/// <remarks>
/// An instant is working iff no closure contains it and its local date-time L lies in <c>[D+open, D+open+length)</c>
/// for a range of D = L.Date or D = L.Date - 1 (a range lasts at most 24 wall-clock hours, so no earlier date can
/// reach L). The ranges of D are its special day's (last one added wins, and it wins over a holiday), none on a
/// holiday, otherwise the weekly ranges of its day of the week. Nothing here uses the engine's code.
/// Every walk is capped at <see cref="MaxSteps"/> minutes; hitting the cap fails the test instead of hanging it.
/// </remarks>
public sealed class ReferenceCalendar
{
    public const long MaxSteps = 400L * 24 * 60;

    private static readonly Duration Minute = Duration.FromMinutes(1);

    private readonly DateTimeZone zone;
    private readonly Dictionary<IsoDayOfWeek, List<(LocalTime Open, long LengthMinutes)>> weekly = new();
    private readonly HashSet<LocalDate> holidays;
    private readonly Dictionary<LocalDate, List<(LocalTime Open, long LengthMinutes)>> specialDays = new();
    private readonly Interval[] closures;

    public ReferenceCalendar(
        DateTimeZone zone,
        IEnumerable<(IsoDayOfWeek Day, TimeRange Range)> weeklyRanges,
        IEnumerable<LocalDate> holidays,
        IEnumerable<(LocalDate Date, TimeRange[] Ranges)> specialDays,
        IEnumerable<Interval> closures)
    {
        this.zone = zone;
        foreach ((IsoDayOfWeek day, TimeRange range) in weeklyRanges)
        {
            if (!weekly.TryGetValue(day, out var list))
            {
                weekly[day] = list = new();
            }
            list.Add(ToMinutes(range));
        }
        this.holidays = new HashSet<LocalDate>(holidays);
        foreach ((LocalDate date, TimeRange[] ranges) in specialDays)
        {
            this.specialDays[date] = ranges.Select(ToMinutes).ToList(); // a later special day for the date replaces it
        }
        this.closures = closures.ToArray();

        // Outside [PossibleFrom, PossibleTo) nothing can be working, for reasons a reader can check by eye: an
        // open-ended closure, or (without weekly hours) the distance to the first and last special day; offsets are
        // within ±18 hours, so a special day D can only be working between D-1 00:00Z and D+3 00:00Z.
        Instant from = BusinessCalendar.MinSupportedInstant;
        Instant to = BusinessCalendar.MaxSupportedInstant;
        foreach (Interval closure in this.closures)
        {
            if (!closure.HasStart && closure.HasEnd && closure.End > from)
            {
                from = closure.End;
            }
            if (!closure.HasEnd && closure.HasStart && closure.Start < to)
            {
                to = closure.Start;
            }
        }
        if (weekly.Count == 0)
        {
            if (this.specialDays.Count == 0)
            {
                to = from;
            }
            else
            {
                Instant first = this.specialDays.Keys.Min().PlusDays(-1).AtMidnight().InUtc().ToInstant();
                Instant last = this.specialDays.Keys.Max().PlusDays(3).AtMidnight().InUtc().ToInstant();
                from = first > from ? first : from;
                to = last < to ? last : to;
            }
        }
        PossibleFrom = from;
        PossibleTo = to;
    }

    /// <summary>Gets an instant before which nothing is working.</summary>
    public Instant PossibleFrom { get; }

    /// <summary>Gets an instant from which on nothing is working.</summary>
    public Instant PossibleTo { get; }

    public bool IsWorking(Instant instant)
    {
        CheckAligned(instant);
        foreach (Interval closure in closures)
        {
            if (closure.Contains(instant))
            {
                return false;
            }
        }
        LocalDateTime local = instant.InZone(zone).LocalDateTime;
        return Covers(local.Date, local) || Covers(local.Date.PlusDays(-1), local);
    }

    /// <summary>Returns the first working minute at or after <paramref name="t"/>, or null when there is none.</summary>
    public Instant? NextOpen(Instant t)
    {
        CheckAligned(t);
        long steps = 0;
        for (Instant u = t; u < PossibleTo; u += Minute)
        {
            if (IsWorking(u))
            {
                return u;
            }
            Step(ref steps, "NextOpen", t);
        }
        return null;
    }

    /// <summary>Returns the first non-working minute after the working period at or after <paramref name="t"/>, or null
    /// when there is no working time after it.</summary>
    public Instant? NextClose(Instant t)
    {
        if (NextOpen(t) is not { } u)
        {
            return null;
        }
        long steps = 0;
        while (IsWorking(u))
        {
            u += Minute;
            Step(ref steps, "NextClose", t);
        }
        return u;
    }

    /// <summary>Counts the working minutes in <c>[a, b)</c>, negated when b is before a.</summary>
    public Duration Between(Instant a, Instant b)
    {
        CheckAligned(a);
        CheckAligned(b);
        if (b < a)
        {
            return -Between(b, a);
        }
        Instant from = a > PossibleFrom ? a : PossibleFrom;
        Instant to = b < PossibleTo ? b : PossibleTo;
        long count = 0;
        long steps = 0;
        for (Instant u = from; u < to; u += Minute)
        {
            if (IsWorking(u))
            {
                count++;
            }
            Step(ref steps, "Between", a);
        }
        return Duration.FromMinutes(count);
    }

    /// <summary>Adds business time one working minute at a time; null when the working time runs out first.</summary>
    public Instant? Add(Instant t, Duration amount)
    {
        CheckAligned(t);
        Assert.True(amount.SubsecondNanoseconds == 0 && amount.Seconds == 0, $"Reference amounts must be whole minutes: {amount}");
        long remaining = (long)amount.TotalMinutes;
        long steps = 0;
        Instant u = t;
        if (remaining >= 0)
        {
            // Earliest u >= t with exactly `amount` working minutes in [t, u).
            while (remaining > 0)
            {
                if (u >= PossibleTo)
                {
                    return null;
                }
                if (IsWorking(u))
                {
                    remaining--;
                }
                u += Minute;
                Step(ref steps, "Add", t);
            }
            return u;
        }

        // Latest u <= t with exactly -amount working minutes in [u, t).
        while (remaining < 0)
        {
            if (u <= PossibleFrom)
            {
                return null;
            }
            u -= Minute;
            if (IsWorking(u))
            {
                remaining++;
            }
            Step(ref steps, "Add", t);
        }
        return u;
    }

    /// <summary>The end of the business day, step by step as documented on <see cref="BusinessCalendar.EndOfBusinessDay"/>:
    /// take the next opening; its business date is its local date if a range of that date covers it, otherwise the day
    /// before (the tail of a night shift); take the latest closing of that date's ranges (where the wall clock last crosses
    /// it: see <see cref="ClosingInstant"/>); then, if working time ends earlier (closures), where it ends.
    /// Null when there is no working time after <paramref name="t"/>.</summary>
    public Instant? EndOfBusinessDay(Instant t)
    {
        if (NextOpen(t) is not { } open)
        {
            return null;
        }
        LocalDateTime local = open.InZone(zone).LocalDateTime;
        LocalDate owner = Covers(local.Date, local) ? local.Date : local.Date.PlusDays(-1);
        Instant dayEnd = open;
        foreach ((LocalTime start, long lengthMinutes) in RangesOf(owner))
        {
            Instant close = ClosingInstant(owner.At(start).PlusMinutes(lengthMinutes));
            dayEnd = close > dayEnd ? close : dayEnd;
        }
        Assert.True(dayEnd > open, $"No range of {owner} owns {open}");
        long steps = 0;
        while (!IsWorking(dayEnd - Minute))
        {
            dayEnd -= Minute;
            Step(ref steps, "EndOfBusinessDay", t);
        }
        return dayEnd;
    }

    /// <summary>The local time <paramref name="at"/> on the <paramref name="days"/>-th date with ranges strictly after the
    /// local date of <paramref name="t"/>, as the first instant whose wall-clock time is at or after it (so the end of a
    /// gap, or the earlier of two occurrences). Null when the dates with ranges run out (no weekly hours).</summary>
    public Instant? AddBusinessDays(Instant t, int days, LocalTime at)
    {
        LocalDate date = t.InZone(zone).Date;
        LocalDate? last = weekly.Count == 0 ? specialDays.Keys.Max() : null;
        long steps = 0;
        while (days > 0)
        {
            date = date.PlusDays(1);
            if (date > last)
            {
                return null;
            }
            if (RangesOf(date).Count > 0)
            {
                days--;
            }
            Step(ref steps, "AddBusinessDays", t);
        }
        LocalDateTime target = date.At(at);
        Instant u = target.InUtc().ToInstant() - Duration.FromHours(20);
        while (u.InZone(zone).LocalDateTime < target)
        {
            u += Minute;
            Step(ref steps, "AddBusinessDays", t);
        }
        return u;
    }

    /// <summary>A closing wall-clock time as an instant, straight from the working-time definition: the last minute at
    /// which the wall clock goes from before <paramref name="closing"/> to at or after it (after that, local times below
    /// the closing never come back within the range). Found by looking at every minute within 20 hours either side. In an
    /// overlap this is the later occurrence; at the exact start of an overlap (01:00 on the night London's clocks go back)
    /// it is the earlier one, because the repeated hour never shows a time before 01:00; in a gap, the end of the gap.</summary>
    private Instant ClosingInstant(LocalDateTime closing)
    {
        Instant middle = closing.InUtc().ToInstant();
        Instant? lastCrossing = null;
        LocalDateTime previous = (middle - Duration.FromHours(20) - Minute).InZone(zone).LocalDateTime;
        for (Instant u = middle - Duration.FromHours(20); u <= middle + Duration.FromHours(20); u += Minute)
        {
            LocalDateTime local = u.InZone(zone).LocalDateTime;
            if (previous < closing && local >= closing)
            {
                lastCrossing = u;
            }
            previous = local;
        }
        return lastCrossing!.Value;
    }

    private bool Covers(LocalDate date, LocalDateTime local)
    {
        foreach ((LocalTime open, long lengthMinutes) in RangesOf(date))
        {
            LocalDateTime start = date.At(open);
            LocalDateTime end = start.PlusMinutes(lengthMinutes);
            if (start <= local && local < end)
            {
                return true;
            }
        }
        return false;
    }

    private List<(LocalTime Open, long LengthMinutes)> RangesOf(LocalDate date)
    {
        if (specialDays.TryGetValue(date, out var special))
        {
            return special;
        }
        if (holidays.Contains(date))
        {
            return NoRanges;
        }
        return weekly.TryGetValue(date.DayOfWeek, out var ranges) ? ranges : NoRanges;
    }

    private static readonly List<(LocalTime Open, long LengthMinutes)> NoRanges = new();

    /// <summary>The wall-clock length of a range in whole minutes: closing minus opening, plus a day when the closing
    /// is not after the opening (overnight, or 24:00 written as midnight).</summary>
    private static (LocalTime Open, long LengthMinutes) ToMinutes(TimeRange range)
    {
        Assert.True(range.Open.Second == 0 && range.Open.NanosecondOfSecond == 0, $"Reference ranges must be whole minutes: {range}");
        Assert.True(range.Close.Second == 0 && range.Close.NanosecondOfSecond == 0, $"Reference ranges must be whole minutes: {range}");
        long open = range.Open.Hour * 60 + range.Open.Minute;
        long close = range.Close.Hour * 60 + range.Close.Minute;
        long length = close > open ? close - open : close - open + 24 * 60;
        return (range.Open, length);
    }

    private static void CheckAligned(Instant instant)
    {
        if ((instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds() % NodaConstants.NanosecondsPerMinute != 0)
        {
            throw new XunitException($"Reference instants must be whole minutes: {instant}");
        }
    }

    private static void Step(ref long steps, string operation, Instant start)
    {
        if (++steps > MaxSteps)
        {
            throw new XunitException(
                $"Reference {operation} from {start} walked more than {MaxSteps} minutes (400 days): the generated case is too sparse for the reference.");
        }
    }
}
