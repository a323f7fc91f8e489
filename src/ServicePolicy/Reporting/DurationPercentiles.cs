// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>The nearest-rank percentiles of a set of durations, from a fixed-bucket histogram.</summary>
/// <remarks>
/// <para>Durations are bucketed in whole milliseconds: exactly below 64 ms, then 64 buckets per power of two. A
/// reported percentile is the top of the bucket holding the value of that rank, capped at <see cref="Max"/>: never
/// below the exact nearest-rank value and less than 1/64 (1.6%) above it (plus the truncation to whole milliseconds).
/// So <see cref="P50"/> &lt;= <see cref="P90"/> &lt;= <see cref="P99"/> &lt;= <see cref="Max"/> always.</para>
/// <para>Immutable. Equality is value equality (a record). With <see cref="Count"/> zero every duration is zero.</para>
/// </remarks>
[Immutable]
public sealed record DurationPercentiles
{
    /// <summary>Creates the percentiles.</summary>
    /// <param name="count">How many durations.</param>
    /// <param name="p50">The median.</param>
    /// <param name="p90">The 90th percentile.</param>
    /// <param name="p99">The 99th percentile.</param>
    /// <param name="max">The largest, exact to the millisecond.</param>
    [JsonConstructor]
    public DurationPercentiles(long count, TimeSpan p50, TimeSpan p90, TimeSpan p99, TimeSpan max)
    {
        Count = count;
        P50 = p50;
        P90 = p90;
        P99 = p99;
        Max = max;
    }

    /// <summary>Gets percentiles of nothing: count and durations zero.</summary>
    public static DurationPercentiles Empty { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Gets how many durations were measured.</summary>
    public long Count { get; }

    /// <summary>Gets the median.</summary>
    public TimeSpan P50 { get; }

    /// <summary>Gets the 90th percentile.</summary>
    public TimeSpan P90 { get; }

    /// <summary>Gets the 99th percentile.</summary>
    public TimeSpan P99 { get; }

    /// <summary>Gets the largest duration, to the millisecond.</summary>
    public TimeSpan Max { get; }
}
