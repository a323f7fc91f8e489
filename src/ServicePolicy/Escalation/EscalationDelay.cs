// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// A wait in an escalation chain: elapsed (wall-clock) time, or business time of a chosen calendar.
/// </summary>
/// <remarks>Immutable. Equal to another delay with the same <see cref="Amount"/> and the same <see cref="Calendar"/>
/// instance (or both elapsed).</remarks>
[Immutable]
public sealed class EscalationDelay : IEquatable<EscalationDelay>
{
    private EscalationDelay(Duration amount, BusinessCalendar? calendar)
    {
        Amount = amount;
        Calendar = calendar;
    }

    /// <summary>Gets a delay of zero: the step happens at the instant it is measured from.</summary>
    public static EscalationDelay Zero { get; } = new(Duration.Zero, null);

    /// <summary>Gets the length of the wait, on the calendar's clock when <see cref="Calendar"/> is set.</summary>
    public Duration Amount { get; }

    /// <summary>Gets the calendar whose business time measures the wait; null for elapsed time.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>Creates a delay in elapsed time.</summary>
    /// <param name="amount">The wait; zero or more and at most <see cref="Commitments.DeadlineRule.LargestAmount"/>.</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or larger than
    /// <see cref="Commitments.DeadlineRule.LargestAmount"/>.</exception>
    public static EscalationDelay Elapsed(Duration amount) => new(CheckAmount(amount), null);

    /// <summary>Creates a delay in business time of <paramref name="calendar"/>: "1 business hour later".</summary>
    /// <param name="amount">The wait; zero or more and at most <see cref="Commitments.DeadlineRule.LargestAmount"/>.</param>
    /// <param name="calendar">The calendar that measures it.</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or larger than
    /// <see cref="Commitments.DeadlineRule.LargestAmount"/>.</exception>
    public static EscalationDelay Business(Duration amount, BusinessCalendar calendar) =>
        new(CheckAmount(amount), Preconditions.CheckNotNull(calendar));

    /// <summary>Returns the instant the wait ends when it starts at <paramref name="start"/>: <c>start + Amount</c>
    /// for elapsed time, <see cref="BusinessCalendar.AddBusinessTime"/> otherwise.</summary>
    /// <param name="start">The instant the wait starts.</param>
    /// <returns>The instant it ends.</returns>
    /// <exception cref="NoWorkingTimeException">The calendar runs out of working time.</exception>
    public Instant After(Instant start) => Calendar is { } calendar ? calendar.AddBusinessTime(start, Amount) : start + Amount;

    /// <inheritdoc/>
    public bool Equals(EscalationDelay? other) => other is not null && Amount == other.Amount && ReferenceEquals(Calendar, other.Calendar);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EscalationDelay);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Calendar);

    /// <summary>Returns the delay for logs, such as <c>01:00:00 business (uk-office)</c> or <c>00:30:00 elapsed</c>.</summary>
    /// <returns>The delay.</returns>
    public override string ToString() => Calendar is { } calendar
        ? string.Create(CultureInfo.InvariantCulture, $"{Amount:-H:mm:ss} business ({calendar.Name})")
        : string.Create(CultureInfo.InvariantCulture, $"{Amount:-H:mm:ss} elapsed");

    private static Duration CheckAmount(Duration amount)
    {
        if (amount < Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(amount), amount, string.Create(CultureInfo.InvariantCulture, $"Delay {amount} must not be negative."));
        }
        return Limits.CheckAmount(amount, nameof(amount), "Delay");
    }
}
