// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// The working ranges of an ordinary week, in local time, per day of the week; for example
/// <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c> or <c>Mon-Thu 22:00-06:00</c>.
/// </summary>
/// <remarks>
/// <para>A range belongs to the day it opens on and may end after midnight on the next day
/// (<c>Fri 22:00-06:00</c> runs into Saturday). Ranges of the same day that overlap or touch are merged
/// (<c>Mon 09:00-12:00, 12:00-17:00</c> is <c>Mon 09:00-17:00</c>), unless the merged range would be longer than
/// 24 hours, in which case both are kept; either way the working time is their union.</para>
/// <para>Instances are immutable and thread-safe. Equality compares the normalised ranges of every day.</para>
/// </remarks>
[Immutable]
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    private static readonly TimeRange[] NoRanges = Array.Empty<TimeRange>();

    /// <summary>Gets weekly hours with no working time at all (a calendar using them needs special days).</summary>
    public static WeeklyHours None { get; } = new(Enumerable.Repeat(NoRanges, 7).ToArray());

    /// <summary>Gets weekly hours that are open around the clock, every day (<c>24x7</c>).</summary>
    public static WeeklyHours AllDay { get; } = new(Enumerable.Repeat(new[] { new TimeRange(LocalTime.Midnight, LocalTime.Midnight) }, 7).ToArray());

    // Index 0 is Monday, 6 is Sunday.
    private readonly TimeRange[][] rangesByDay;

    /// <summary>Read-only views of <see cref="rangesByDay"/> for the indexer, made once.</summary>
    private readonly IReadOnlyList<TimeRange>[] publicRangesByDay;

    private WeeklyHours(TimeRange[][] rangesByDay)
    {
        this.rangesByDay = rangesByDay;
        publicRangesByDay = Array.ConvertAll(rangesByDay, ranges => (IReadOnlyList<TimeRange>)Array.AsReadOnly(ranges));
    }

    /// <summary>Gets whether no day of the week has any working range.</summary>
    public bool IsEmpty => rangesByDay.All(r => r.Length == 0);

    /// <summary>Gets whether every day is open from 00:00 to 24:00.</summary>
    public bool IsAllDay => Equals(AllDay);

    /// <summary>Parses weekly-hours text such as <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c>, <c>Mon-Thu 22:00-06:00</c>,
    /// <c>Mon,Wed 08:00-12:00, 13:00-17:00</c> or <c>24x7</c>.</summary>
    /// <param name="text">The text: clauses separated by <c>;</c>, each a set of days (single days, spans such as
    /// <c>Mon-Fri</c>, separated by commas) and one or more ranges separated by commas. Day names and <c>24x7</c>
    /// are case-insensitive; a closing time not after the opening time ends on the next day; <c>24:00</c> is the end of the day.</param>
    /// <returns>The weekly hours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="BusinessHoursFormatException">The text is malformed; the message quotes it and points at the position.</exception>
    public static WeeklyHours Parse(string text) => BusinessHoursParser.ParseWeekly(text);

    /// <summary>Tries to parse weekly-hours text; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The weekly hours when the text is valid; otherwise null.</param>
    /// <param name="error">The error when the text is invalid; otherwise null.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, out WeeklyHours? result, out BusinessHoursFormatException? error)
    {
        if (text is null)
        {
            result = null;
            error = new BusinessHoursFormatException(string.Empty, 0, "weekly hours text, not null");
            return false;
        }
        if (BusinessHoursParser.TryParseWeekly(text, out result, out ParseFailure failure))
        {
            error = null;
            return true;
        }
        error = new BusinessHoursFormatException(text, failure.Position, failure.Expected);
        return false;
    }

    /// <summary>Creates weekly hours from (day, range) pairs; ranges of the same day are merged as described in the remarks.</summary>
    /// <param name="ranges">The ranges, each with the day it opens on.</param>
    /// <returns>The weekly hours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day is not a valid <see cref="IsoDayOfWeek"/>.</exception>
    public static WeeklyHours FromRanges(IEnumerable<(IsoDayOfWeek Day, TimeRange Range)> ranges)
    {
        Preconditions.CheckNotNull(ranges);
        var lists = new List<TimeRange>[7];
        for (int i = 0; i < 7; i++)
        {
            lists[i] = new List<TimeRange>();
        }
        foreach ((IsoDayOfWeek day, TimeRange range) in ranges)
        {
            Preconditions.CheckArgumentRange((int)day, 1, 7, nameof(ranges));
            lists[(int)day - 1].Add(range);
        }
        return new WeeklyHours(lists.Select(Normalize).ToArray());
    }

    /// <summary>Gets the working ranges that open on <paramref name="day"/>, sorted by opening time.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>The ranges, possibly empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a valid day of the week.</exception>
    public IReadOnlyList<TimeRange> this[IsoDayOfWeek day]
    {
        get
        {
            Preconditions.CheckArgumentRange((int)day, 1, 7);
            return publicRangesByDay[(int)day - 1];
        }
    }

    internal TimeRange[] RangesOf(IsoDayOfWeek day) => rangesByDay[(int)day - 1];

    /// <summary>Merges the ranges of one day: sorts by opening and joins those that overlap or touch.</summary>
    internal static TimeRange[] Normalize(IEnumerable<TimeRange> ranges)
    {
        var sorted = ranges.Select(r => (Start: r.Open.NanosecondOfDay, End: r.Open.NanosecondOfDay + r.WallClockLength.ToInt64Nanoseconds()))
            .OrderBy(r => r.Start).ThenBy(r => r.End).ToList();
        if (sorted.Count == 0)
        {
            return NoRanges;
        }
        var merged = new List<(long Start, long End)> { sorted[0] };
        for (int i = 1; i < sorted.Count; i++)
        {
            var last = merged[merged.Count - 1];
            var next = sorted[i];
            long end = Math.Max(last.End, next.End);
            if (next.Start <= last.End && end - last.Start <= NodaConstants.NanosecondsPerDay)
            {
                merged[merged.Count - 1] = (last.Start, end);
            }
            else
            {
                merged.Add(next);
            }
        }
        return merged.Select(r => new TimeRange(
                LocalTime.FromNanosecondsSinceMidnight(r.Start),
                LocalTime.FromNanosecondsSinceMidnight(r.End % NodaConstants.NanosecondsPerDay)))
            .ToArray();
    }

    /// <summary>Formats the hours in the text form <see cref="Parse"/> reads: consecutive days with the same ranges are
    /// written as a span (<c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c>); all-day hours as <c>24x7</c>.</summary>
    /// <returns>The canonical text; an empty string for <see cref="None"/>.</returns>
    public override string ToString()
    {
        if (IsAllDay)
        {
            return "24x7";
        }
        var text = new StringBuilder();
        int day = 0;
        while (day < 7)
        {
            if (rangesByDay[day].Length == 0)
            {
                day++;
                continue;
            }
            int last = day;
            while (last + 1 < 7 && rangesByDay[last + 1].SequenceEqual(rangesByDay[day]))
            {
                last++;
            }
            if (text.Length > 0)
            {
                text.Append("; ");
            }
            text.Append(DayName(day));
            if (last > day)
            {
                text.Append('-').Append(DayName(last));
            }
            text.Append(' ').Append(string.Join(", ", rangesByDay[day]));
            day = last + 1;
        }
        return text.ToString();
    }

    private static string DayName(int index) => ((IsoDayOfWeek)(index + 1)).ToString().Substring(0, 3);

    /// <inheritdoc/>
    public bool Equals(WeeklyHours? other)
    {
        if (other is null)
        {
            return false;
        }
        for (int i = 0; i < 7; i++)
        {
            if (!rangesByDay[i].SequenceEqual(other.rangesByDay[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (TimeRange[] day in rangesByDay)
        {
            hash.Add(day.Length);
            foreach (TimeRange range in day)
            {
                hash.Add(range);
            }
        }
        return hash.ToHashCode();
    }
}
