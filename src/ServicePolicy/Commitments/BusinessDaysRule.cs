// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Commitments;

/// <summary>A deadline rule: due at local time <see cref="At"/> on the <see cref="Days"/>-th business date after the
/// local date the cycle starts on. Create it with <see cref="DeadlineRule.BusinessDaysAt"/>.</summary>
/// <remarks>The date is counted by <see cref="BusinessCalendar.AddBusinessDays"/>: from Saturday, 1 business day at
/// 12:00 is Monday 12:00; from Monday 10:00 it is Tuesday 12:00. Immutable. Equal to another rule of this type with
/// the same <see cref="Days"/> and <see cref="At"/>.</remarks>
public sealed class BusinessDaysRule : DeadlineRule
{
    internal BusinessDaysRule(int days, LocalTime at)
    {
        Days = days;
        At = at;
    }

    /// <summary>Gets how many business dates later the cycle is due; at least 1.</summary>
    public int Days { get; }

    /// <summary>Gets the local time on that date.</summary>
    public LocalTime At { get; }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => true;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) =>
        RuleText.Format(culture, Days == 1 ? "Rule.BusinessDaysAt.One" : "Rule.BusinessDaysAt.Other", Days, RuleText.FormatTime(At));

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window) => calendar.AddBusinessDays(start, Days, At);

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is BusinessDaysRule rule && rule.Days == Days && rule.At == At;

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Days, At);
}
