// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Numerics;
using NodaTime;

namespace ServicePolicy.Reporting;

/// <summary>
/// A mergeable fixed-bucket histogram of durations in whole milliseconds: one bucket per millisecond below 64 ms, then
/// 64 buckets per power of two (log-linear, like HdrHistogram with two significant binary digits more), so a bucket is
/// less than 1/64 of its lower end wide. Durations are clamped to 0 .. 2^41 ms (about 70 years).
/// </summary>
/// <remarks>Mutable, not thread-safe. Merging adds bucket by bucket, so merging two histograms gives exactly the
/// histogram of the union.</remarks>
internal sealed class DurationHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int MaxExponent = 41;
    private const long MaxMilliseconds = (1L << MaxExponent) - 1;
    internal const int BucketCount = SubBuckets + ((MaxExponent - SubBucketBits) * SubBuckets);

    private readonly long[] buckets = new long[BucketCount];

    public long Count { get; private set; }

    public long MaxMillisecondsSeen { get; private set; }

    public void Add(Duration duration)
    {
        long ms = duration <= Duration.Zero ? 0 : Math.Min(duration.BclCompatibleTicks / TimeSpan.TicksPerMillisecond, MaxMilliseconds);
        buckets[IndexOf(ms)]++;
        Count++;
        if (ms > MaxMillisecondsSeen)
        {
            MaxMillisecondsSeen = ms;
        }
    }

    public void Merge(DurationHistogram other)
    {
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] += other.buckets[i];
        }
        Count += other.Count;
        MaxMillisecondsSeen = Math.Max(MaxMillisecondsSeen, other.MaxMillisecondsSeen);
    }

    public DurationPercentiles ToPercentiles() => Count == 0
        ? DurationPercentiles.Empty
        : new(Count, Percentile(500), Percentile(900), Percentile(990), TimeSpan.FromTicks(MaxMillisecondsSeen * TimeSpan.TicksPerMillisecond));

    internal static int IndexOf(long ms)
    {
        if (ms < SubBuckets)
        {
            return (int)ms;
        }
        int exponent = 63 - BitOperations.LeadingZeroCount((ulong)ms);   // >= SubBucketBits
        int shift = exponent - SubBucketBits;
        return SubBuckets + (shift * SubBuckets) + (int)((ms >> shift) - SubBuckets);
    }

    /// <summary>Returns the largest millisecond value that falls in a bucket.</summary>
    internal static long UpperBound(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }
        int shift = (index - SubBuckets) / SubBuckets;
        long sub = (index - SubBuckets) % SubBuckets;
        return ((SubBuckets + sub + 1) << shift) - 1;
    }

    /// <summary>Returns the nearest-rank percentile, <paramref name="permille"/> thousandths (integer arithmetic: no
    /// rounding error moves a rank).</summary>
    private TimeSpan Percentile(int permille)
    {
        long rank = Math.Max(1, ((Count * permille) + 999) / 1000);
        long seen = 0;
        for (int i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return TimeSpan.FromTicks(Math.Min(UpperBound(i), MaxMillisecondsSeen) * TimeSpan.TicksPerMillisecond);
            }
        }
        return TimeSpan.FromTicks(MaxMillisecondsSeen * TimeSpan.TicksPerMillisecond);
    }
}
