// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>The deadline rule of appointments: arrive inside the booked window <c>[start, end)</c>; due at the window's
/// end. A booked window may be at most <see cref="MaximumWidth"/> wide. Create it with
/// <see cref="DeadlineRule.AppointmentWindow"/>.</summary>
/// <remarks>The clock is elapsed time over the window: a 10:00-14:00 window is 4 hours of target, none of it used
/// before 10:00. Immutable. Equal to another rule of this type with the same <see cref="MaximumWidth"/>.</remarks>
[Immutable]
public sealed class AppointmentWindowRule : DeadlineRule
{
    internal AppointmentWindowRule(Duration maximumWidth)
    {
        MaximumWidth = maximumWidth;
    }

    /// <summary>Gets the widest window that may be booked; positive.</summary>
    public Duration MaximumWidth { get; }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => false;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) =>
        RuleText.Format(culture, "Rule.AppointmentWindow", RuleText.FormatDuration(MaximumWidth, business: false, culture));

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window)
    {
        Preconditions.CheckState(window.HasValue, "An appointment deadline needs the booked window.");
        return window.Value.End;
    }

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is AppointmentWindowRule rule && rule.MaximumWidth == MaximumWidth;

    /// <inheritdoc/>
    public override int GetHashCode() => MaximumWidth.GetHashCode() ^ 0x7777;
}
