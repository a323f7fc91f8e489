// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>The deadline rule of appointments: arrive inside the booked window, from its start to its end inclusive
/// (as every deadline); due at the window's end. By default an arrival before the window opens does not keep it
/// (<see cref="EarlyArrival"/>). A booked window may be at most <see cref="MaximumWidth"/> wide: a wider booking is a
/// violation of that appointment, breached from the instant it was booked. Create it with
/// <see cref="DeadlineRule.AppointmentWindow(Duration)"/>.</summary>
/// <remarks>The clock is elapsed time over the window: a 10:00-14:00 window is 4 hours of target, none of it used
/// before 10:00. Immutable. Equal to another rule of this type with the same <see cref="MaximumWidth"/> and
/// <see cref="EarlyArrival"/>.</remarks>
[Immutable]
public sealed class AppointmentWindowRule : DeadlineRule
{
    internal AppointmentWindowRule(Duration maximumWidth, EarlyArrival earlyArrival = EarlyArrival.NotKept)
    {
        MaximumWidth = maximumWidth;
        EarlyArrival = earlyArrival;
    }

    /// <summary>Gets the widest window that may be booked; positive.</summary>
    public Duration MaximumWidth { get; }

    /// <summary>Gets whether an arrival before the window opens keeps the appointment; <see cref="EarlyArrival.NotKept"/>
    /// unless set with <see cref="WithEarlyArrival"/>.</summary>
    public EarlyArrival EarlyArrival { get; }

    /// <summary>Returns this rule with early arrivals counted as <paramref name="earlyArrival"/> says.</summary>
    /// <param name="earlyArrival">Whether an arrival before the window opens keeps the appointment.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="earlyArrival"/> is not a defined value.</exception>
    public AppointmentWindowRule WithEarlyArrival(EarlyArrival earlyArrival)
    {
        Preconditions.CheckArgument(earlyArrival is EarlyArrival.NotKept or EarlyArrival.Kept, nameof(earlyArrival), $"{(int)earlyArrival} is not a defined EarlyArrival value.");
        return earlyArrival == EarlyArrival ? this : new AppointmentWindowRule(MaximumWidth, earlyArrival);
    }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => false;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) =>
        RuleText.Format(culture, EarlyArrival == EarlyArrival.Kept ? "Rule.AppointmentWindow.EarlyKept" : "Rule.AppointmentWindow",
            RuleText.FormatDuration(MaximumWidth, business: false, culture));

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window)
    {
        Preconditions.CheckState(window.HasValue, "An appointment deadline needs the booked window.");
        return window.Value.End;
    }

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is AppointmentWindowRule rule && rule.MaximumWidth == MaximumWidth && rule.EarlyArrival == EarlyArrival;

    /// <inheritdoc/>
    public override int GetHashCode() => MaximumWidth.GetHashCode() ^ 0x7777 ^ ((int)EarlyArrival << 20);
}
