// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>A deadline rule: due at local time <see cref="At"/> on the first business date after the local date the
/// cycle starts on (from Friday or Saturday, Monday in a Monday-to-Friday calendar). Create it with
/// <see cref="DeadlineRule.NextBusinessDayAt"/>.</summary>
/// <remarks>The date is counted by <see cref="BusinessCalendar.AddBusinessDays"/>; a time in a daylight-saving gap
/// resolves to the end of the gap. Immutable. Equal to another rule of this type with the same <see cref="At"/>.</remarks>
[Immutable]
public sealed class NextBusinessDayRule : DeadlineRule
{
    internal NextBusinessDayRule(LocalTime at)
    {
        At = at;
    }

    /// <summary>Gets the local time on the next business day.</summary>
    public LocalTime At { get; }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => true;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) => RuleText.Format(culture, "Rule.NextBusinessDayAt", RuleText.FormatTime(At, culture));

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window) => calendar.AddBusinessDays(start, 1, At);

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is NextBusinessDayRule rule && rule.At == At;

    /// <inheritdoc/>
    public override int GetHashCode() => At.GetHashCode() ^ 0x1E1E;
}
