// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>A deadline rule: due at local time <see cref="At"/> on the <see cref="Days"/>-th business date after the
/// local date the cycle starts on, or, when <see cref="At"/> is null, at the end of that business date. Create it with
/// <see cref="DeadlineRule.BusinessDaysAt"/> or <see cref="DeadlineRule.BusinessDays"/>.</summary>
/// <remarks>The date is counted by <see cref="BusinessCalendar.AddBusinessDays"/>: from Saturday, 1 business day at
/// 12:00 is Monday 12:00; from Monday 10:00 it is Tuesday 12:00. Without a time, 2 business days from Monday 10:00 in
/// a Monday-to-Friday 09:00-17:00 calendar is Wednesday 17:00: the end of the business day
/// (<see cref="BusinessCalendar.EndOfBusinessDay"/>) of the date's first opening. Immutable. Equal to another rule of
/// this type with the same <see cref="Days"/> and <see cref="At"/>.</remarks>
[Immutable]
public sealed class BusinessDaysRule : DeadlineRule
{
    internal BusinessDaysRule(int days, LocalTime? at)
    {
        Days = days;
        At = at;
    }

    /// <summary>Gets how many business dates later the cycle is due; at least 1.</summary>
    public int Days { get; }

    /// <summary>Gets the local time on that date; null for the end of that business date.</summary>
    public LocalTime? At { get; }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => true;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) => At is { } at
        ? RuleText.Format(culture, Days == 1 ? "Rule.BusinessDaysAt.One" : "Rule.BusinessDaysAt.Other", Days, RuleText.FormatTime(at, culture))
        : RuleText.Format(culture, Days == 1 ? "Rule.BusinessDays.One" : "Rule.BusinessDays.Other", Days);

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window)
    {
        if (At is { } at)
        {
            return calendar.AddBusinessDays(start, Days, at);
        }
        // The N-th business date, then the end of the business day that its first range opens.
        LocalDate date = calendar.AddBusinessDays(start, Days, LocalTime.Midnight).InZone(calendar.Zone).Date;
        LocalTime firstOpen = LocalTime.MaxValue;
        foreach (TimeRange range in calendar.RangesOf(date))
        {
            if (range.Open < firstOpen)
            {
                firstOpen = range.Open;
            }
        }
        Instant opening = LocalTimeResolution.Resolve(calendar.Zone, date.At(firstOpen), Resolvers.LenientResolver);
        return calendar.EndOfBusinessDay(opening);
    }

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is BusinessDaysRule rule && rule.Days == Days && rule.At == At;

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Days, At);
}
