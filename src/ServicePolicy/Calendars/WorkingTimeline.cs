// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// A business calendar compiled to working intervals in instant space. The supported instant range is cut into
/// fixed slices of 2^55 ns (about 417 days); each slice is compiled on first use and published with a
/// compare-exchange, so readers never lock and a slice, once visible, never changes. Arithmetic is a bucket-index
/// lookup inside a slice (see <see cref="WorkingChunk"/>) plus one step per slice crossed; it allocates nothing once the
/// slices exist.
/// </summary>
internal sealed partial class WorkingTimeline
{
    /// <summary>Slices are 2^ChunkShift ns long.</summary>
    internal const int ChunkShift = 55;
    private const ulong NanosecondsPerDay = NodaConstants.NanosecondsPerDay;

    internal static readonly Instant MinSupported = Limits.MinInstant;
    internal static readonly Instant MaxSupported = Limits.MaxInstant;
    private static readonly long MinNanos = ToNanos(MinSupported);
    private static readonly long MaxNanos = ToNanos(MaxSupported);
    // Nothing in the supported range is further apart than this, so a larger amount can never be satisfied.
    private static readonly Duration MaxAmount = MaxSupported - MinSupported;
    private static readonly int FirstChunk = (int)(MinNanos >> ChunkShift);
    private static readonly int LastChunk = (int)((MaxNanos - 1) >> ChunkShift);

    private static readonly ZoneLocalMappingResolver OpeningResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);
    private static readonly ZoneLocalMappingResolver ClosingResolver =
        Resolvers.CreateMappingResolver(ResolveAmbiguousClosing, Resolvers.ReturnStartOfIntervalAfter);

    private readonly BusinessCalendar calendar;
    private readonly WorkingChunk?[] chunks;
    private readonly long[] closureStarts;
    private readonly long[] closureEnds;

    // Working time can only exist in [horizonStart, horizonEnd); beyond it, slices are known to be empty.
    private readonly long horizonStart;
    private readonly long horizonEnd;
    private readonly int firstWorkingChunk;
    private readonly int lastWorkingChunk;
    private readonly string startReason;
    private readonly string endReason;

    public WorkingTimeline(BusinessCalendar calendar, IReadOnlyList<Interval> closures, LocalDate? firstSpecialDate, LocalDate? lastSpecialDate, bool hasWeeklyHours)
    {
        this.calendar = calendar;
        chunks = new WorkingChunk?[LastChunk - FirstChunk + 1];

        long start = MinNanos;
        long end = MaxNanos;
        startReason = endReason = "the supported range ends there";
        if (!hasWeeklyHours)
        {
            // Only special days can be open: working time lies within a day or two of them, whatever the offset.
            start = firstSpecialDate is { } first ? ToNanos(Clamp(first.PlusDays(-2).AtMidnight().InUtc().ToInstant())) : MaxNanos;
            end = lastSpecialDate is { } last ? ToNanos(Clamp(last.PlusDays(3).AtMidnight().InUtc().ToInstant())) : MinNanos;
            startReason = $"it has no weekly hours and its first special day is {FormatDate(firstSpecialDate)}";
            endReason = $"it has no weekly hours and its last special day is {FormatDate(lastSpecialDate)}";
        }

        var merged = MergeClosures(closures);
        closureStarts = new long[merged.Count];
        closureEnds = new long[merged.Count];
        for (int i = 0; i < merged.Count; i++)
        {
            (closureStarts[i], closureEnds[i]) = merged[i];
            if (merged[i].Start <= start && merged[i].End > start)
            {
                start = merged[i].End;
                startReason = $"a closure covers everything before {FromNanos(start)}";
            }
        }
        for (int i = merged.Count - 1; i >= 0; i--)
        {
            if (merged[i].Start < end && merged[i].End >= end)
            {
                end = merged[i].Start;
                endReason = $"a closure covers everything from {FromNanos(end)}";
            }
        }
        horizonStart = start;
        horizonEnd = end;
        HasPossibleWorkingTime = start < end;
        firstWorkingChunk = HasPossibleWorkingTime ? (int)(start >> ChunkShift) : 0;
        lastWorkingChunk = HasPossibleWorkingTime ? (int)((end - 1) >> ChunkShift) : -1;
    }

    /// <summary>Gets whether the closures and the absence of weekly hours leave any room for working time.</summary>
    public bool HasPossibleWorkingTime { get; }

    public bool IsOpen(Instant instant, string paramName)
    {
        long t = CheckedNanos(instant, paramName);
        WorkingChunk chunk = GetChunk(ChunkOf(t));
        int i = chunk.IndexAtOrBefore(t);
        return i >= 0 && t < chunk.Ends[i];
    }

    public Instant NextOpen(Instant instant, string paramName)
    {
        long t = CheckedNanos(instant, paramName);
        int k = ChunkOf(t);
        WorkingChunk chunk = GetChunk(k);
        int i = chunk.IndexAtOrBefore(t);
        if (i >= 0 && t < chunk.Ends[i])
        {
            return instant;
        }
        return FromNanos(NextIntervalFrom(ref k, ref chunk, i + 1, instant).Start);
    }

    public Instant NextClose(Instant instant, string paramName)
    {
        long t = CheckedNanos(instant, paramName);
        int k = ChunkOf(t);
        WorkingChunk chunk = GetChunk(k);
        int i = chunk.IndexAtOrBefore(t);
        if (i < 0 || t >= chunk.Ends[i])
        {
            i++;
        }
        (_, int index) = NextIntervalFrom(ref k, ref chunk, i, instant);
        long end = chunk.Ends[index];
        while (index == chunk.Count - 1 && (chunk.ContinuesIntoNext || end == MaxNanos))
        {
            if (end == MaxNanos)
            {
                throw new InvalidOperationException(
                    $"Calendar '{calendar.Name}' is open without a break from {instant} to the end of the supported range ({MaxSupported}); it has no next closing time.");
            }
            WorkingChunk next = GetChunk(k + 1);
            if (next.Count == 0 || next.Starts[0] != end)
            {
                break;
            }
            k++;
            chunk = next;
            index = 0;
            end = chunk.Ends[0];
        }
        return FromNanos(end);
    }

    /// <summary>Returns the end of the last working interval that starts before <paramref name="limit"/>, capped at it.</summary>
    public Instant LastWorkingEndAtOrBefore(Instant limit)
    {
        long x = ToNanos(Clamp(limit));
        int k = ChunkOf(x - 1);
        WorkingChunk chunk = GetChunk(k);
        int i = chunk.IndexAtOrBefore(x - 1);
        while (i < 0)
        {
            k = Math.Min(k - 1, lastWorkingChunk);
            if (k < firstWorkingChunk)
            {
                throw NoWorkingTimeBefore(limit);
            }
            chunk = GetChunk(k);
            i = chunk.Count - 1;
        }
        return FromNanos(Math.Min(chunk.Ends[i], x));
    }

    public Instant Add(Instant start, Duration amount, string startName, string amountName)
    {
        long t = CheckedNanos(start, startName);
        if (amount == Duration.Zero)
        {
            return start;
        }
        // Unsigned: amounts up to the whole supported range (550 years) do not fit in a long of nanoseconds, but fit here.
        ulong remaining = AmountMagnitude(amount, amountName);
        int k = ChunkOf(t);
        WorkingChunk chunk = GetChunk(k);
        long cumulative = chunk.CumulativeAt(t);
        if (amount > Duration.Zero)
        {
            while (true)
            {
                ulong available = (ulong)(chunk.Total - cumulative);
                if (remaining <= available)
                {
                    long target = cumulative + (long)remaining;
                    int i = chunk.IndexReaching(target, strictlyGreater: false);
                    long result = chunk.Ends[i] - (chunk.CumulativeEnds[i] - target);
                    if (result >= MaxNanos)
                    {
                        // Working time may run up to the end of the supported range, but results stay inside it.
                        throw RanOut(start, amount, amountName, forward: true);
                    }
                    return FromNanos(result);
                }
                remaining -= available;
                k = Math.Max(k + 1, firstWorkingChunk);
                if (k > lastWorkingChunk)
                {
                    throw RanOut(start, amount, amountName, forward: true);
                }
                chunk = GetChunk(k);
                cumulative = 0;
            }
        }

        while (true)
        {
            if (remaining <= (ulong)cumulative)
            {
                long target = cumulative - (long)remaining;
                int i = chunk.IndexReaching(target, strictlyGreater: true);
                long intervalStartCumulative = chunk.CumulativeEnds[i] - (chunk.Ends[i] - chunk.Starts[i]);
                return FromNanos(chunk.Starts[i] + (target - intervalStartCumulative));
            }
            remaining -= (ulong)cumulative;
            k = Math.Min(k - 1, lastWorkingChunk);
            if (k < firstWorkingChunk)
            {
                throw RanOut(start, amount, amountName, forward: false);
            }
            chunk = GetChunk(k);
            cumulative = chunk.Total;
        }
    }

    public Duration Between(Instant from, Instant to, string fromName, string toName)
    {
        long a = CheckedNanos(from, fromName);
        long b = CheckedNanos(to, toName);
        return a > b ? ToDuration(Measure(b, a), negate: true) : ToDuration(Measure(a, b), negate: false);
    }

    // Unsigned: the working time of many slices can exceed 292 years of nanoseconds (a 24x7 calendar over the whole
    // range), but never the 550 years of the supported range.
    private ulong Measure(long a, long b)
    {
        int ka = ChunkOf(a);
        int kb = ChunkOf(b);
        WorkingChunk chunkA = GetChunk(ka);
        if (ka == kb)
        {
            return (ulong)(chunkA.CumulativeAt(b) - chunkA.CumulativeAt(a));
        }
        ulong total = (ulong)(chunkA.Total - chunkA.CumulativeAt(a));
        int lastFull = Math.Min(kb - 1, lastWorkingChunk);
        for (int k = Math.Max(ka + 1, firstWorkingChunk); k <= lastFull; k++)
        {
            total += (ulong)GetChunk(k).Total;
        }
        return total + (ulong)GetChunk(kb).CumulativeAt(b);
    }

    /// <summary>Finds the first interval at index <paramref name="index"/> of the chunk or later, moving to later chunks.</summary>
    private (long Start, int Index) NextIntervalFrom(ref int k, ref WorkingChunk chunk, int index, Instant from)
    {
        while (index >= chunk.Count)
        {
            k = Math.Max(k + 1, firstWorkingChunk);
            if (k > lastWorkingChunk)
            {
                throw NoWorkingTimeAfter(from);
            }
            chunk = GetChunk(k);
            index = 0;
        }
        return (chunk.Starts[index], index);
    }

    /// <summary>Resolves a wall-clock time as an opening, given as nanoseconds of local time since the epoch (the local
    /// date-time read as if it were UTC): in a gap, where the gap ends; in an overlap, the earlier occurrence.</summary>
    internal static Instant ResolveOpening(DateTimeZone zone, long localNanos) =>
        LocalTimeResolution.Resolve(zone, localNanos, OpeningResolver);

    /// <summary>Resolves a wall-clock time as a closing: in a gap, where the gap ends; in an overlap, see
    /// <see cref="ResolveAmbiguousClosing"/>.</summary>
    internal static Instant ResolveClosing(DateTimeZone zone, LocalDateTime local) => LocalTimeResolution.Resolve(zone, local, ClosingResolver);

    /// <summary>A closing inside an overlap is where the wall clock last reaches it: the later occurrence, except at the
    /// exact start of the overlap (01:00 when clocks go back from 02:00), where the repeated hour never shows an earlier
    /// time, so the range ends at the first occurrence.</summary>
    private static ZonedDateTime ResolveAmbiguousClosing(ZonedDateTime earlier, ZonedDateTime later) =>
        later.ToInstant() == later.GetZoneInterval().Start ? earlier : later;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ChunkOf(long nanos) => (int)(nanos >> ChunkShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private WorkingChunk GetChunk(int k)
    {
        WorkingChunk? chunk = Volatile.Read(ref chunks[k - FirstChunk]);
        return chunk ?? BuildAndPublish(k);
    }

    private static long CheckedNanos(Instant instant, string paramName)
    {
        CheckSupported(instant, paramName);
        return ToNanos(instant);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="paramName"/> when the instant is
    /// outside the supported range [<see cref="MinSupported"/>, <see cref="MaxSupported"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CheckSupported(Instant instant, string paramName)
    {
        if (instant < MinSupported || instant >= MaxSupported)
        {
            ThrowOutOfRange(paramName, instant);
        }
    }

    private static Duration ToDuration(ulong nanos, bool negate)
    {
        Duration magnitude = nanos <= long.MaxValue
            ? Duration.FromNanoseconds((long)nanos) // every span shorter than 292 years
            : Duration.FromDays((int)(nanos / NanosecondsPerDay)) + Duration.FromNanoseconds((long)(nanos % NanosecondsPerDay));
        return negate ? -magnitude : magnitude;
    }

    /// <summary>Returns the absolute value of <paramref name="amount"/> in nanoseconds, after checking that it is no larger
    /// than the supported range.</summary>
    private static ulong AmountMagnitude(Duration amount, string amountName)
    {
        if (amount > MaxAmount || amount < -MaxAmount)
        {
            Preconditions.ThrowArgumentOutOfRange(amountName, amount,
                $"Amount {amount} is larger than the whole supported range of business-time arithmetic ({MinSupported} to {MaxSupported}).");
        }
        Duration magnitude = amount < Duration.Zero ? -amount : amount;
        return ((ulong)magnitude.Days * NanosecondsPerDay) + (ulong)magnitude.NanosecondOfDay;
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string paramName, Instant instant) =>
        Preconditions.ThrowArgumentOutOfRange(paramName, instant,
            Limits.InstantOutOfRange("Instant", instant));

    private Exception RanOut(Instant start, Duration amount, string amountName, bool forward)
    {
        bool atRangeLimit = forward ? horizonEnd == MaxNanos : horizonStart == MinNanos;
        if (atRangeLimit)
        {
            return new ArgumentOutOfRangeException(amountName, amount,
                $"Adding {amount} of business time to {start} in calendar '{calendar.Name}' leaves the supported range ({MinSupported} to {MaxSupported}).{LimitsDocs.See(LimitsDocs.SupportedRange)}");
        }
        return forward ? NoWorkingTimeAfter(start) : NoWorkingTimeBefore(start);
    }

    private NoWorkingTimeException NoWorkingTimeAfter(Instant instant) =>
        new($"Calendar '{calendar.Name}' has no working time after {instant}: {endReason}.");

    private NoWorkingTimeException NoWorkingTimeBefore(Instant instant) =>
        new($"Calendar '{calendar.Name}' has no working time before {instant}: {startReason}.");

    private static string FormatDate(LocalDate? date) => date is { } value ? LocalDatePattern.Iso.Format(value) : "(none)";

    private static Instant Clamp(Instant instant) =>
        instant < MinSupported ? MinSupported : instant > MaxSupported ? MaxSupported : instant;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long ToNanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Instant FromNanos(long nanos) => NodaConstants.UnixEpoch.PlusNanoseconds(nanos);

    private static long LocalNanos(LocalDateTime local) => ToNanos(local.InUtc().ToInstant());
}
