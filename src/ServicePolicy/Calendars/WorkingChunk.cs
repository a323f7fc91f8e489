// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.CompilerServices;

namespace ServicePolicy.Calendars;

/// <summary>
/// The working intervals of one fixed slice of the instant line, as nanoseconds since the Unix epoch: sorted,
/// disjoint, non-touching half-open intervals <c>[Starts[i], Ends[i])</c> with running totals. Immutable once built.
/// </summary>
/// <remarks>An interval that runs across the end of the slice is split there; the next slice starts with its
/// continuation. Callers that look for a closing time check for that (see <see cref="ContinuesIntoNext"/>).</remarks>
internal sealed class WorkingChunk
{
    public WorkingChunk(long start, long end, long[] starts, long[] ends)
    {
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexAtOrBefore(long t)
    {
        long[] starts = Starts;
        int lo = 0;
        int hi = starts.Length - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (starts[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo - 1;
    }

    /// <summary>Returns the working time from the slice start to <paramref name="t"/>.</summary>
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexReaching(long target, bool strictlyGreater)
    {
        long[] cumulative = CumulativeEnds;
        int lo = 0;
        int hi = cumulative.Length - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            bool reaches = strictlyGreater ? cumulative[mid] > target : cumulative[mid] >= target;
            if (reaches)
            {
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
