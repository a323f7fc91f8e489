// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// When a running commitment counts as at risk: once a share of its target has been used, and/or once no more than a
/// lead time of it remains — whichever comes first. Both are measured on the commitment's clock (business time for
/// calendar rules, elapsed time otherwise), so paused time does not count.
/// </summary>
/// <remarks>Immutable. Equal to another threshold with the same <see cref="Percent"/> and <see cref="LeadTime"/>.
/// <see cref="None"/> never marks a commitment at risk.</remarks>
[Immutable]
public sealed class AtRiskThreshold : IEquatable<AtRiskThreshold>
{
    private AtRiskThreshold(double? percent, Duration? leadTime)
    {
        Percent = percent;
        LeadTime = leadTime;
    }

    /// <summary>Gets a threshold that never marks a commitment at risk.</summary>
    public static AtRiskThreshold None { get; } = new(null, null);

    /// <summary>Gets the share of the target, in percent (exclusive 0 to 100), after which a commitment is at risk; null for none.</summary>
    public double? Percent { get; }

    /// <summary>Gets the remaining time before the deadline from which a commitment is at risk; null for none.</summary>
    public Duration? LeadTime { get; }

    /// <summary>Creates a threshold: at risk once <paramref name="percent"/> percent of the target has been used.</summary>
    /// <param name="percent">The share in percent, greater than 0 and less than 100.</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not greater than 0 and less than 100.</exception>
    public static AtRiskThreshold AtPercent(double percent) => new(CheckPercent(percent), null);

    /// <summary>Creates a threshold: at risk once no more than <paramref name="leadTime"/> remains before the deadline.</summary>
    /// <param name="leadTime">The lead time; positive and at most <see cref="Commitments.DeadlineRule.LargestAmount"/>.</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadTime"/> is zero or negative, or larger than
    /// <see cref="Commitments.DeadlineRule.LargestAmount"/>.</exception>
    public static AtRiskThreshold BeforeDeadline(Duration leadTime) => new(null, CheckLeadTime(leadTime));

    /// <summary>Creates a threshold that marks a commitment at risk at the percentage or the lead time, whichever comes first.</summary>
    /// <param name="percent">The share in percent, greater than 0 and less than 100.</param>
    /// <param name="leadTime">The lead time; positive and at most <see cref="Commitments.DeadlineRule.LargestAmount"/>.</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static AtRiskThreshold AtPercentOrBeforeDeadline(double percent, Duration leadTime) => new(CheckPercent(percent), CheckLeadTime(leadTime));

    /// <summary>The longest target (either sign) whose share <see cref="UsableBeforeRisk"/> computes in a long: 50,000
    /// days, 4.32e18 nanoseconds, well inside a long whatever the double rounding of the product.</summary>
    private static readonly Duration LongTargetLimit = Duration.FromDays(50_000);

    /// <summary>Returns how much of <paramref name="target"/> may be used before the commitment is at risk; null when
    /// the threshold never applies.</summary>
    internal Duration? UsableBeforeRisk(Duration target)
    {
        Duration? usable = null;
        if (Percent is { } percent)
        {
            // A target measured between two deadlines may be longer than 292 years of nanoseconds (a long): those go
            // through Int128, whose conversions are calls; every other target (the usual case, evaluated for every open
            // cycle) through a long, which gives the same result while the share (under 100%) fits in one.
            usable = target >= -LongTargetLimit && target <= LongTargetLimit
                ? Duration.FromNanoseconds((long)Math.Floor(target.ToInt64Nanoseconds() * (percent / 100.0)))
                : Duration.FromNanoseconds((Int128)Math.Floor((double)target.ToInt128Nanoseconds() * (percent / 100.0)));
        }
        if (LeadTime is { } lead)
        {
            Duration beforeLead = target - lead;
            usable = usable is { } u && u < beforeLead ? u : beforeLead;
        }
        return usable is { } result && result < Duration.Zero ? Duration.Zero : usable;
    }

    /// <inheritdoc/>
    public bool Equals(AtRiskThreshold? other) => other is not null && Percent == other.Percent && LeadTime == other.LeadTime;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AtRiskThreshold);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Percent, LeadTime);

    /// <summary>Returns the threshold for logs, such as <c>75% or 01:00:00 before the deadline</c>.</summary>
    /// <returns>The threshold.</returns>
    public override string ToString() => (Percent, LeadTime) switch
    {
        (null, null) => "never",
        ({ } p, null) => string.Create(CultureInfo.InvariantCulture, $"{p}%"),
        (null, { } l) => string.Create(CultureInfo.InvariantCulture, $"{l:-H:mm:ss} before the deadline"),
        ({ } p, { } l) => string.Create(CultureInfo.InvariantCulture, $"{p}% or {l:-H:mm:ss} before the deadline"),
    };

    private static double CheckPercent(double percent)
    {
        if (!(percent > 0 && percent < 100))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(percent), percent, string.Create(CultureInfo.InvariantCulture, $"Percent {percent} must be greater than 0 and less than 100."));
        }
        return percent;
    }

    private static Duration CheckLeadTime(Duration leadTime)
    {
        if (leadTime <= Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(leadTime), leadTime, string.Create(CultureInfo.InvariantCulture, $"Lead time {leadTime} must be positive."));
        }
        return Limits.CheckAmount(leadTime, nameof(leadTime), "Lead time");
    }
}
