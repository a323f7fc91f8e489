// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.Contracts;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// A working range in local (wall-clock) time that belongs to one date: from <see cref="Open"/> on that date
/// to <see cref="Close"/> on the same date, or on the next date when <see cref="Close"/> is not after
/// <see cref="Open"/> (an overnight range such as 22:00-06:00).
/// </summary>
/// <remarks>
/// <para>The range is half-open: <see cref="Open"/> is working time, <see cref="Close"/> is not. A closing time of
/// midnight means the end of the day and is written <c>24:00</c>; <c>00:00-24:00</c> is the whole day, and in general
/// a range whose closing equals its opening is 24 hours long.</para>
/// <para>Equality compares <see cref="Open"/> and <see cref="Close"/>. The default value is
/// <c>00:00-24:00</c>, the whole day.</para>
/// </remarks>
public readonly struct TimeRange : IEquatable<TimeRange>
{
    private readonly LocalTime open;
    private readonly LocalTime close;

    /// <summary>Creates a range from <paramref name="open"/> to <paramref name="close"/>.</summary>
    /// <param name="open">The first working time of the range.</param>
    /// <param name="close">The first time after the range; midnight means the end of the day (24:00), and a time
    /// not after <paramref name="open"/> means the range ends on the next day.</param>
    public TimeRange(LocalTime open, LocalTime close)
    {
        this.open = open;
        this.close = close;
    }

    /// <summary>Gets the opening time: the first working time of the range.</summary>
    public LocalTime Open => open;

    /// <summary>Gets the closing time: the first time after the range (midnight meaning 24:00).</summary>
    public LocalTime Close => close;

    /// <summary>Gets whether the range ends on the day after the one it belongs to (an overnight range, or one
    /// closing at 24:00).</summary>
    public bool EndsNextDay => close <= open;

    /// <summary>Gets the wall-clock length of the range, between one tick and 24 hours. On a day with a daylight-saving
    /// change the elapsed length differs: people work the hours the wall clock shows.</summary>
    public Duration WallClockLength
    {
        get
        {
            long nanos = close.NanosecondOfDay - open.NanosecondOfDay;
            if (nanos <= 0)
            {
                nanos += NodaConstants.NanosecondsPerDay;
            }
            return Duration.FromNanoseconds(nanos);
        }
    }

    /// <summary>Parses a single range such as <c>09:00-17:00</c>, <c>22:00-06:00</c> or <c>00:00-24:00</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="BusinessHoursFormatException"><paramref name="text"/> is not a range.</exception>
    public static TimeRange Parse(string text) => BusinessHoursParser.ParseSingleRange(text);

    /// <summary>Formats the range as <c>HH:mm-HH:mm</c> (with seconds or fractions when present), closing midnight as <c>24:00</c>.</summary>
    /// <returns>The range in the same form <see cref="Parse"/> reads.</returns>
    [Pure]
    public override string ToString() =>
        TimeOfDayGrammar.Format(open, isEndOfDay: false) + "-" + TimeOfDayGrammar.Format(close, isEndOfDay: true);

    /// <inheritdoc/>
    [Pure]
    public bool Equals(TimeRange other) => open == other.open && close == other.close;

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => obj is TimeRange other && Equals(other);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => HashCode.Combine(open, close);

    /// <summary>Compares two ranges for equality.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns>Whether the ranges have the same opening and closing times.</returns>
    public static bool operator ==(TimeRange left, TimeRange right) => left.Equals(right);

    /// <summary>Compares two ranges for inequality.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns>Whether the ranges differ.</returns>
    public static bool operator !=(TimeRange left, TimeRange right) => !left.Equals(right);
}
