// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ServicePolicy.Internal;

/// <summary>
/// The limits of docs/limits.md that more than one part of the library checks: the supported range of instants and
/// dates, and the largest amount. Each check throws <see cref="ArgumentOutOfRangeException"/> naming the caller's
/// parameter, the value and the limit, ending with <see cref="LimitsDocs.See"/> of its section.
/// </summary>
internal static class Limits
{
    /// <summary>The earliest supported instant, 1700-01-01T00:00:00Z (inclusive).</summary>
    internal static readonly Instant MinInstant = Instant.FromUtc(1700, 1, 1, 0, 0);

    /// <summary>The end of the supported range of instants, 2250-01-01T00:00:00Z (exclusive).</summary>
    internal static readonly Instant MaxInstant = Instant.FromUtc(2250, 1, 1, 0, 0);

    /// <summary>The first supported local date, 1700-01-01.</summary>
    internal static readonly LocalDate MinDate = new(1700, 1, 1);

    /// <summary>The last supported local date, 2250-01-01: in zones east of UTC some of its local times are still
    /// before the end of the supported range of instants.</summary>
    internal static readonly LocalDate MaxDate = new(2250, 1, 1);

    /// <summary>The largest amount of a deadline, delay, lead time or repeat: 36,500 days (876,000 hours), about 100
    /// years, so that any amount added to any supported instant stays far inside what <see cref="Instant"/> and
    /// <see cref="Duration"/> arithmetic can hold.</summary>
    internal static readonly Duration LargestAmount = Duration.FromDays(36_500);

    /// <summary>The longest name (time zone, calendar, policy, chain) the library looks up or suggests for.</summary>
    internal const int MaxNameLength = 200;

    /// <summary>The supported range of instants, for messages.</summary>
    internal static readonly string InstantRangeText =
        $"the supported range {InstantPattern.ExtendedIso.Format(MinInstant)} (inclusive) to {InstantPattern.ExtendedIso.Format(MaxInstant)} (exclusive)";

    /// <summary>The supported range of dates, for messages.</summary>
    internal static readonly string DateRangeText =
        $"the supported range of dates {LocalDatePattern.Iso.Format(MinDate)} to {LocalDatePattern.Iso.Format(MaxDate)}";

    /// <summary>The largest amount, for messages.</summary>
    internal const string LargestAmountText = "the largest amount, 36500 days (876000 hours)";

    internal static bool IsSupported(Instant instant) => instant >= MinInstant && instant < MaxInstant;

    internal static bool IsSupported(LocalDate date) => date >= MinDate && date <= MaxDate;

    /// <summary>The message for an instant outside the supported range.</summary>
    internal static string InstantOutOfRange(string what, Instant instant) =>
        $"{what} {InstantPattern.ExtendedIso.Format(instant)} is outside {InstantRangeText}.{LimitsDocs.See(LimitsDocs.SupportedRange)}";

    /// <summary>The message for a date outside the supported range.</summary>
    internal static string DateOutOfRange(string what, string date) =>
        $"{what} {date} is outside {DateRangeText}.{LimitsDocs.See(LimitsDocs.SupportedRange)}";

    /// <summary>The message for an amount larger than the largest amount.</summary>
    internal static string AmountTooLarge(string what, Duration amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} {amount:-D:hh:mm:ss.FFFFFFFFF} is larger than {LargestAmountText}.{LimitsDocs.See(LimitsDocs.LargestAmount)}");

    /// <summary>Throws unless <paramref name="instant"/> is in the supported range.</summary>
    internal static Instant CheckInstant(Instant instant, string paramName, string what = "Instant")
    {
        if (!IsSupported(instant))
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, instant, InstantOutOfRange(what, instant));
        }
        return instant;
    }

    /// <summary>Throws unless <paramref name="date"/> is in the supported range.</summary>
    internal static LocalDate CheckDate(LocalDate date, string paramName, string what = "Date")
    {
        if (!IsSupported(date))
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, date, DateOutOfRange(what, LocalDatePattern.Iso.Format(date)));
        }
        return date;
    }

    /// <summary>Throws when <paramref name="amount"/> is larger than <see cref="LargestAmount"/>.</summary>
    internal static Duration CheckAmount(Duration amount, string paramName, string what = "Amount")
    {
        if (amount > LargestAmount)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, amount, AmountTooLarge(what, amount));
        }
        return amount;
    }
}
