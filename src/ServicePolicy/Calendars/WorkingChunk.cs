// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ServicePolicy.Calendars;

/// <summary>
/// The working intervals of one fixed slice of the instant line, as nanoseconds since the Unix epoch: sorted,
/// disjoint, non-touching half-open intervals <c>[Starts[i], Ends[i])</c> with running totals. Immutable once built.
/// </summary>
/// <remarks>
/// <para>An interval that runs across the end of the slice is split there; the next slice starts with its
/// continuation. Callers that look for a closing time check for that (see <see cref="ContinuesIntoNext"/>).</para>
/// <para>Two bucket indexes replace whole-slice binary searches: the slice is cut into equal time buckets, and its
/// working time into equal working-time buckets, about two per interval, each recording how many intervals lie wholly
/// before it. A search then looks at one bucket's few intervals (usually none, one or two).</para>
/// </remarks>
internal sealed class WorkingChunk
{
    // About two buckets per interval, so a bucket rarely holds more than one interval boundary; at most 2^MaxBucketBits
    // buckets (32 KB of index per slice) however many intervals a slice has.
    private const int MaxBucketBits = 12;

    private readonly int timeShift;
    private readonly int[] startsBefore;
    private readonly int workShift;
    private readonly int[] endsBefore;

    public WorkingChunk(long start, long end, long[] starts, long[] ends)
    {
        Debug.Assert(end - start == 1L << WorkingTimeline.ChunkShift, "A chunk is one slice of the timeline.");
        Start = start;
        End = end;
        Starts = starts;
        Ends = ends;
        CumulativeEnds = new long[starts.Length];
        long total = 0;
        for (int i = 0; i < starts.Length; i++)
        {
            total += ends[i] - starts[i];
            CumulativeEnds[i] = total;
        }
        Total = total;

        int bucketBits = Math.Min(MaxBucketBits, BitOperations.Log2((uint)starts.Length) + 2);
        timeShift = WorkingTimeline.ChunkShift - bucketBits;
        startsBefore = CountBefore(starts, start, timeShift, 1 << bucketBits);
        workShift = Math.Max(0, 64 - BitOperations.LeadingZeroCount((ulong)total) - bucketBits);
        endsBefore = CountBefore(CumulativeEnds, 0, workShift, (int)(total >> workShift) + 1);
    }

    /// <summary>Gets the first nanosecond of the slice.</summary>
    public long Start { get; }

    /// <summary>Gets the first nanosecond after the slice.</summary>
    public long End { get; }

    /// <summary>Gets the interval starts.</summary>
    public long[] Starts { get; }

    /// <summary>Gets the interval ends (exclusive).</summary>
    public long[] Ends { get; }

    /// <summary>Gets, per interval, the working time from the slice start to the interval's end.</summary>
    public long[] CumulativeEnds { get; }

    /// <summary>Gets the working time in the whole slice.</summary>
    public long Total { get; }

    /// <summary>Gets the number of intervals.</summary>
    public int Count => Starts.Length;

    /// <summary>Gets whether the last interval runs up to the end of the slice (and so may continue in the next one).</summary>
    public bool ContinuesIntoNext => Ends.Length > 0 && Ends[Ends.Length - 1] == End;

    /// <summary>Returns the index of the last interval starting at or before <paramref name="t"/>, or -1.</summary>
    /// <param name="t">An instant in the slice: <see cref="Start"/> ≤ t &lt; <see cref="End"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexAtOrBefore(long t)
    {
        Debug.Assert(t >= Start && t < End, "The instant is in the slice.");
        int bucket = (int)((t - Start) >> timeShift);
        // Every interval counted before the bucket starts before t; none counted before the next bucket starts after it.
        int lo = startsBefore[bucket];
        int hi = startsBefore[bucket + 1];
        long[] starts = Starts;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (starts[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /// <summary>Returns the working time from the slice start to <paramref name="t"/>.</summary>
    /// <param name="t">An instant in the slice: <see cref="Start"/> ≤ t &lt; <see cref="End"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long CumulativeAt(long t)
    {
        int i = IndexAtOrBefore(t);
        if (i < 0)
        {
            return 0;
        }
        long after = Ends[i] - t;
        return after > 0 ? CumulativeEnds[i] - after : CumulativeEnds[i];
    }

    /// <summary>Returns the index of the first interval whose cumulative end is at least <paramref name="target"/>
    /// (when <paramref name="strictlyGreater"/> is false) or greater than it (when true).</summary>
    /// <param name="target">Working time from the slice start: 0 ≤ target ≤ <see cref="Total"/>.</param>
    /// <param name="strictlyGreater">Whether the cumulative end must exceed the target.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexReaching(long target, bool strictlyGreater)
    {
        Debug.Assert(target >= 0 && target <= Total, "The target is within the slice's working time.");
        int bucket = (int)(target >> workShift);
        // Every interval counted before the bucket ends (cumulatively) before the target; none counted before the next
        // bucket ends at or before it.
        int lo = endsBefore[bucket];
        int hi = endsBefore[bucket + 1];
        long[] cumulative = CumulativeEnds;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            bool reaches = strictlyGreater ? cumulative[mid] > target : cumulative[mid] >= target;
            if (reaches)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /// <summary>Returns, for each of <paramref name="buckets"/> buckets of 2^<paramref name="shift"/> from
    /// <paramref name="origin"/> and for the end of the last one, how many of the sorted <paramref name="values"/> lie
    /// before the bucket's start.</summary>
    private static int[] CountBefore(long[] values, long origin, int shift, int buckets)
    {
        var before = new int[buckets + 1];
        int count = 0;
        for (int b = 0; b <= buckets; b++)
        {
            long bucketStart = origin + ((long)b << shift);
            while (count < values.Length && values[count] < bucketStart)
            {
                count++;
            }
            before[b] = count;
        }
        return before;
    }
}
