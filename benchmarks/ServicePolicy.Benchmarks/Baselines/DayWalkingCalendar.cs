// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.TimeZones;
using ServicePolicy.Calendars;

namespace ServicePolicy.Benchmarks.Baselines;

/// <summary>
/// The straightforward implementation the engine is measured against: it walks local dates one at a time, resolves
/// each working range's opening and closing to instants through the zone, and subtracts (or sums) each range's
/// working time until the amount is used up. Its cost grows with the length of the amount.
/// </summary>
/// <remarks>
/// <para>It supports what the benchmark calendars use: weekly hours (several ranges a day, overnight ranges) and
/// holidays; no special days or closures. It assumes that ranges of consecutive dates do not overlap and that no
/// opening or closing falls inside a daylight-saving gap or overlap (there it would differ from the definition in
/// docs/business-time.md, which can split a range in two). The benchmarks check in their setup that it agrees with the engine on
/// every input they measure.</para>
/// <para>It uses NodaTime's ordinary API (<see cref="DateTimeZone.ResolveLocal(LocalDateTime, ZoneLocalMappingResolver)"/>),
/// which allocates a small mapping object per resolution; that is part of what "straightforward" costs.</para>
/// </remarks>
public sealed class DayWalkingCalendar
{
    private static readonly ZoneLocalMappingResolver OpeningResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver ClosingResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly LocalDate LastDate = new(2250, 1, 1);

    private readonly DateTimeZone zone;
    private readonly TimeRange[][] rangesByDay;
    private readonly HashSet<LocalDate> holidays;
    private readonly int lookBackDays;

    /// <summary>Creates a day-walking calendar.</summary>
    /// <param name="zone">The time zone of the ranges.</param>
    /// <param name="weeklyHours">The ranges that open on each day of the week.</param>
    /// <param name="holidays">Dates whose ranges are removed.</param>
    public DayWalkingCalendar(DateTimeZone zone, WeeklyHours weeklyHours, IEnumerable<LocalDate> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        ArgumentNullException.ThrowIfNull(holidays);
        this.zone = zone;
        rangesByDay = new TimeRange[7][];
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            rangesByDay[(int)day - 1] = weeklyHours[day].ToArray();
        }
        this.holidays = new HashSet<LocalDate>(holidays);
        // Only a range that ends on the next date (22:00-06:00) can still be running on the date of the start.
        lookBackDays = rangesByDay.Any(ranges => ranges.Any(range => range.Close <= range.Open)) ? 1 : 0;
    }

    /// <summary>Creates a day-walking copy of <paramref name="calendar"/>'s zone, weekly hours and holidays.</summary>
    /// <param name="calendar">A calendar without special days or closures.</param>
    /// <returns>The day-walking calendar.</returns>
    /// <exception cref="NotSupportedException">The calendar has special days or closures.</exception>
    public static DayWalkingCalendar From(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.SpecialDays.Count > 0 || calendar.Closures.Count > 0)
        {
            throw new NotSupportedException($"The day-walking baseline does not support special days or closures (calendar '{calendar.Name}').");
        }
        return new DayWalkingCalendar(calendar.Zone, calendar.WeeklyHours, calendar.Holidays);
    }

    /// <summary>Returns the earliest instant u ≥ <paramref name="start"/> with <paramref name="amount"/> of working
    /// time in [start, u).</summary>
    /// <param name="start">The start.</param>
    /// <param name="amount">A positive or zero amount.</param>
    /// <returns>The resulting instant.</returns>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new NotSupportedException("The day-walking baseline only adds positive amounts.");
        }
        if (amount == Duration.Zero)
        {
            return start;
        }
        Duration remaining = amount;
        for (LocalDate date = start.InZone(zone).Date.PlusDays(-lookBackDays); date < LastDate; date = date.PlusDays(1))
        {
            if (holidays.Contains(date))
            {
                continue;
            }
            foreach (TimeRange range in rangesByDay[(int)date.DayOfWeek - 1])
            {
                Instant close = Closing(date, range);
                if (close <= start)
                {
                    continue;
                }
                Instant open = Opening(date, range);
                Instant from = open > start ? open : start;
                Duration available = close - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }
                remaining -= available;
            }
        }
        throw new InvalidOperationException($"No working time left after {start}.");
    }

    /// <summary>Returns the working time in [from, to), negated when <paramref name="to"/> is earlier.</summary>
    /// <param name="from">The start of the span.</param>
    /// <param name="to">The end of the span (exclusive).</param>
    /// <returns>The business time between the two instants.</returns>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }
        Duration total = Duration.Zero;
        LocalDate last = to.InZone(zone).Date;
        for (LocalDate date = from.InZone(zone).Date.PlusDays(-lookBackDays); date <= last; date = date.PlusDays(1))
        {
            if (holidays.Contains(date))
            {
                continue;
            }
            foreach (TimeRange range in rangesByDay[(int)date.DayOfWeek - 1])
            {
                Instant open = Opening(date, range);
                Instant close = Closing(date, range);
                Instant s = open > from ? open : from;
                Instant e = close < to ? close : to;
                if (s < e)
                {
                    total += e - s;
                }
            }
        }
        return total;
    }

    private Instant Opening(LocalDate date, TimeRange range) =>
        zone.ResolveLocal(date.At(range.Open), OpeningResolver).ToInstant();

    /// <summary>Returns the local time <paramref name="at"/> on the <paramref name="days"/>-th business date strictly
    /// after the local date of <paramref name="start"/> (a date with ranges that is not a holiday), walking the dates one
    /// by one as <see cref="BusinessCalendar.AddBusinessDays"/> did before it had a table of business dates. A time in a
    /// daylight-saving gap resolves to the end of the gap, one in an overlap to the earlier occurrence.</summary>
    /// <param name="start">The instant to count from.</param>
    /// <param name="days">How many business dates to move forward; at least 1.</param>
    /// <param name="at">The local time on the resulting date.</param>
    /// <returns>The resulting instant.</returns>
    public Instant AddBusinessDays(Instant start, int days, LocalTime at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        LocalDate date = start.InZone(zone).Date;
        int remaining = days;
        while (remaining > 0)
        {
            date = date.PlusDays(1);
            if (date >= LastDate)
            {
                throw new InvalidOperationException($"Fewer than {days} business dates after {start}.");
            }
            if (!holidays.Contains(date) && rangesByDay[(int)date.DayOfWeek - 1].Length > 0)
            {
                remaining--;
            }
        }
        return zone.ResolveLocal(date.At(at), OpeningResolver).ToInstant();
    }

    // A closing not after the opening (22:00-06:00, 00:00-24:00) is on the next date.
    private Instant Closing(LocalDate date, TimeRange range) =>
        zone.ResolveLocal((range.Close <= range.Open ? date.PlusDays(1) : date).At(range.Close), ClosingResolver).ToInstant();
}
