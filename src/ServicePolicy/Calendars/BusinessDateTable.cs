// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using NodaTime;

namespace ServicePolicy.Calendars;

/// <summary>
/// A calendar's business dates (<see cref="BusinessCalendar.IsBusinessDate"/>) as day numbers counted from
/// <see cref="FirstDate"/>, so that the n-th business date after a date is an index step rather than a walk. The dates
/// up to a last date are cut into blocks of <see cref="BlockLength"/>; each block is built on first use and published
/// with a compare-exchange, so readers never lock and a block, once visible, never changes.
/// </summary>
internal sealed class BusinessDateTable
{
    /// <summary>The number of dates in a block (about 1.4 years).</summary>
    internal const int BlockLength = 1 << BlockShift;

    private const int BlockShift = 9;
    private const int OffsetMask = BlockLength - 1;

    /// <summary>The first date of the table: the earliest local date of a supported instant, as UTC offsets are within
    /// ±18 hours.</summary>
    internal static readonly LocalDate FirstDate = new(1699, 12, 31);

    // Day numbers from the Unix epoch: in nanoseconds, 1699 and 2250 are further apart than a long reaches.
    private static readonly long FirstDateEpochDay = Period.DaysBetween(NodaConstants.UnixEpoch.InUtc().Date, FirstDate);

    private readonly BusinessCalendar calendar;
    private readonly BusinessDateBlock?[] blocks;

    /// <summary>Creates a table of the business dates from <see cref="FirstDate"/> to <paramref name="lastDate"/>.</summary>
    /// <param name="calendar">The calendar whose business dates the table holds.</param>
    /// <param name="lastDate">The last date of the table (inclusive); it may be before <see cref="FirstDate"/>.</param>
    public BusinessDateTable(BusinessCalendar calendar, LocalDate lastDate)
    {
        this.calendar = calendar;
        LastDay = Period.DaysBetween(FirstDate, lastDate);
        blocks = new BusinessDateBlock?[LastDay < 0 ? 0 : (LastDay >> BlockShift) + 1];
    }

    /// <summary>Gets the day number of the table's last date (negative when it is before <see cref="FirstDate"/>).</summary>
    public int LastDay { get; }

    /// <summary>Returns the day number of the local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    /// <param name="zone">The time zone.</param>
    /// <param name="instant">A supported instant (see <see cref="WorkingTimeline.CheckSupported"/>).</param>
    public static int DayOf(DateTimeZone zone, Instant instant)
    {
        long localNanos = WorkingTimeline.ToNanos(instant) + zone.GetUtcOffset(instant).Nanoseconds;
        long epochDay = Math.DivRem(localNanos, NodaConstants.NanosecondsPerDay, out long nanosecondOfDay);
        int day = (int)((nanosecondOfDay < 0 ? epochDay - 1 : epochDay) - FirstDateEpochDay);
        Debug.Assert(day >= 0, "A supported instant is on or after the first date in every zone.");
        return day;
    }

    /// <summary>Returns the wall-clock time <paramref name="at"/> on day <paramref name="day"/> as nanoseconds of local
    /// time since the epoch (the local date-time read as if it were UTC).</summary>
    /// <param name="day">A day number.</param>
    /// <param name="at">The time of day.</param>
    public static long LocalNanos(int day, LocalTime at) =>
        ((FirstDateEpochDay + day) * NodaConstants.NanosecondsPerDay) + at.NanosecondOfDay;

    /// <summary>Returns the day number of the <paramref name="n"/>-th business date after day <paramref name="after"/>,
    /// or -1 when fewer than <paramref name="n"/> business dates follow it up to the table's last date.</summary>
    /// <param name="after">A day number, at least 0.</param>
    /// <param name="n">How many business dates to move forward; at least 1.</param>
    /// <param name="missing">When the result is -1, how many business dates the table is short of; otherwise 0.</param>
    public int NthAfter(int after, int n, out long missing)
    {
        Debug.Assert(after >= 0 && n >= 1, "Counting starts on or after the first date and moves forward.");
        int k = after >> BlockShift;
        if (k >= blocks.Length)
        {
            missing = n;
            return -1;
        }
        BusinessDateBlock block = GetBlock(k);
        // The position of the wanted date among the business dates of the current block.
        long index = block.CountBefore((after & OffsetMask) + 1) + (long)n - 1;
        while (index >= block.Count)
        {
            index -= block.Count;
            if (++k >= blocks.Length)
            {
                missing = index + 1;
                return -1;
            }
            block = GetBlock(k);
        }
        missing = 0;
        return (k << BlockShift) + block.OffsetOf((int)index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private BusinessDateBlock GetBlock(int k) => Volatile.Read(ref blocks[k]) ?? BuildAndPublish(k);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private BusinessDateBlock BuildAndPublish(int k)
    {
        BusinessDateBlock built = Build(k);
        return Interlocked.CompareExchange(ref blocks[k], built, null) ?? built;
    }

    private BusinessDateBlock Build(int k)
    {
        int first = k << BlockShift;
        int length = Math.Min(BlockLength, LastDay - first + 1);
        var offsets = new List<ushort>(length);
        LocalDate date = FirstDate.PlusDays(first);
        for (int offset = 0; offset < length; offset++, date = date.PlusDays(1))
        {
            if (calendar.IsBusinessDate(date))
            {
                offsets.Add((ushort)offset);
            }
        }
        return new BusinessDateBlock(offsets.ToArray());
    }
}
