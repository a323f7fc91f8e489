// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>
/// How a commitment's deadline is computed from the instant its cycle starts: within an amount of business or
/// elapsed time, by the end of the business day, on a later business day at a local time, or inside an appointment
/// window. Create rules with the static factory methods.
/// </summary>
/// <remarks>
/// <para>Deadlines are exclusive: a commitment met at an instant before its deadline is met on time; met at the
/// deadline itself, it is late.</para>
/// <para>Each rule runs on a clock: business time of the target's calendar (<see cref="UsesBusinessTime"/>), or
/// elapsed time. Paused time on that clock pushes the deadline out, and at-risk thresholds are measured on it.</para>
/// <para>Rules are immutable and thread-safe. Equality is value equality of the rule's kind and parameters.</para>
/// </remarks>
[Immutable]
public abstract class DeadlineRule : IEquatable<DeadlineRule>
{
    private protected DeadlineRule()
    {
    }

    /// <summary>Gets the largest amount a rule, an escalation delay or an at-risk lead time may have: 36,500 days
    /// (876,000 hours, about 100 years). Larger amounts are refused when a rule is created or an expression parsed, so
    /// that every accepted amount can be evaluated from any instant in the supported range; see
    /// <c>docs/limits.md#largest-amount</c>.</summary>
    public static Duration LargestAmount => Limits.LargestAmount;

    /// <summary>Gets whether the rule's clock is business time on a calendar (otherwise it is elapsed time).</summary>
    public abstract bool UsesBusinessTime { get; }

    /// <summary>Creates a rule: due once <paramref name="amount"/> of business time has passed.</summary>
    /// <param name="amount">The business time allowed; positive and at most <see cref="LargestAmount"/>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative, or larger than
    /// <see cref="LargestAmount"/>.</exception>
    public static WithinBusinessTimeRule WithinBusinessTime(Duration amount) => new(CheckPositive(amount, nameof(amount)));

    /// <summary>Creates a rule: due once <paramref name="amount"/> of elapsed (calendar) time has passed, whatever the
    /// business hours.</summary>
    /// <param name="amount">The elapsed time allowed; positive and at most <see cref="LargestAmount"/>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative, or larger than
    /// <see cref="LargestAmount"/>.</exception>
    public static WithinElapsedTimeRule WithinElapsedTime(Duration amount) => new(CheckPositive(amount, nameof(amount)));

    /// <summary>Creates a rule: due at the end of the business day the cycle starts in
    /// (<see cref="BusinessCalendar.EndOfBusinessDay"/>); when a cut-off is given and the cycle starts during a
    /// business day at or after the cut-off (local time), due at the end of the next business day instead.</summary>
    /// <param name="cutOff">The local time from which a new cycle is due the next business day; null for none.</param>
    /// <returns>The rule.</returns>
    public static EndOfBusinessDayRule EndOfBusinessDay(LocalTime? cutOff = null) => new(cutOff);

    /// <summary>Creates a rule: due at local time <paramref name="at"/> on the first business date after the local
    /// date the cycle starts on.</summary>
    /// <param name="at">The local time on the next business day.</param>
    /// <returns>The rule.</returns>
    public static NextBusinessDayRule NextBusinessDayAt(LocalTime at) => new(at);

    /// <summary>Creates a rule: due at local time <paramref name="at"/> on the <paramref name="days"/>-th business
    /// date after the local date the cycle starts on (<see cref="BusinessCalendar.AddBusinessDays"/>).</summary>
    /// <param name="days">How many business dates later; at least 1.</param>
    /// <param name="at">The local time on that date.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1 or more than 3650.</exception>
    public static BusinessDaysRule BusinessDaysAt(int days, LocalTime at)
    {
        Preconditions.CheckArgumentRange(days, 1, 3650);
        return new BusinessDaysRule(days, at);
    }

    /// <summary>Creates a rule: due at the end of the <paramref name="days"/>-th business date after the local date the
    /// cycle starts on (the end of the business day, <see cref="BusinessCalendar.EndOfBusinessDay"/>, of that date's
    /// first opening).</summary>
    /// <param name="days">How many business dates later; at least 1.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1 or more than 3650.</exception>
    public static BusinessDaysRule BusinessDays(int days)
    {
        Preconditions.CheckArgumentRange(days, 1, 3650);
        return new BusinessDaysRule(days, null);
    }

    /// <summary>Creates the rule of appointments: the cycle is met by arriving inside the booked window (not before it
    /// opens, <see cref="EarlyArrival.NotKept"/>) and is due at the window's end; a booked window may be at most
    /// <paramref name="maximumWidth"/> wide.</summary>
    /// <param name="maximumWidth">The widest window that may be booked; positive and at most <see cref="LargestAmount"/>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumWidth"/> is zero or negative, or larger than
    /// <see cref="LargestAmount"/>.</exception>
    public static AppointmentWindowRule AppointmentWindow(Duration maximumWidth) => new(CheckPositive(maximumWidth, nameof(maximumWidth)));

    /// <summary>Creates the rule of appointments with early arrivals counted as <paramref name="earlyArrival"/> says
    /// (<see cref="EarlyArrival.Kept"/>: an arrival before the window opens keeps it too).</summary>
    /// <param name="maximumWidth">The widest window that may be booked; positive and at most <see cref="LargestAmount"/>.</param>
    /// <param name="earlyArrival">Whether an arrival before the window opens keeps the appointment.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumWidth"/> is zero or negative, or larger than
    /// <see cref="LargestAmount"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="earlyArrival"/> is not a defined value.</exception>
    public static AppointmentWindowRule AppointmentWindow(Duration maximumWidth, EarlyArrival earlyArrival) =>
        AppointmentWindow(maximumWidth).WithEarlyArrival(earlyArrival);

    /// <summary>Describes the rule as a phrase that completes a sentence, such as "within 4 business hours" or "by the
    /// end of the business day".</summary>
    /// <param name="culture">The culture of the text; null for the current UI culture.</param>
    /// <returns>The phrase.</returns>
    public abstract string Describe(CultureInfo? culture = null);

    /// <summary>Writes the rule as a deadline expression, such as <c>4 business hours</c> or
    /// <c>end of business day, cut-off 15:00</c>, that <see cref="DeadlineExpression.Parse"/> reads back to an equal
    /// rule.</summary>
    /// <returns>The expression.</returns>
    public string ToExpression() => DeadlineExpression.Format(this);

    /// <summary>Computes the deadline of a cycle that starts at <paramref name="start"/>, before any pause.</summary>
    /// <param name="start">The instant the cycle starts.</param>
    /// <param name="calendar">The calendar of the target.</param>
    /// <param name="window">The booked window for an appointment rule; null otherwise.</param>
    internal abstract Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window);

    /// <summary>Gets the time the rule allows on its clock between a cycle's start and its deadline when that is the
    /// same for every start (an amount of business or elapsed time), so evaluation need not measure the deadline back
    /// on the calendar; null when it depends on the start (calendar dates, appointment windows).</summary>
    internal virtual Duration? FixedTarget => null;

    /// <inheritdoc/>
    public abstract bool Equals(DeadlineRule? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DeadlineRule);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>Returns the rule's English description.</summary>
    /// <returns>The description in the invariant (English) culture.</returns>
    public override string ToString() => Describe(CultureInfo.InvariantCulture);

    private static Duration CheckPositive(Duration value, string paramName)
    {
        if (value <= Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture, $"Value {value} must be positive."));
        }
        return Limits.CheckAmount(value, paramName);
    }
}
