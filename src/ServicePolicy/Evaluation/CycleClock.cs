// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Evaluation;

/// <summary>
/// The clock of one commitment cycle at the evaluated instant (immutable): business time of a calendar or elapsed
/// time, where it starts, the intervals in which it stood still (with their lengths on it, in order), and the deadline
/// they push out.
/// </summary>
/// <remarks>
/// <see cref="CommitmentCycle.ClockAt"/> builds it, <see cref="CommitmentCycle.ToStatus"/> reads the deadline and the
/// stopped time from it, and the escalation planner asks it <see cref="WhenUsed"/> for the same cycle's warnings: a
/// value handed from one step to the next, so the stops are collected and measured once per cycle. The default value
/// is not a clock.
/// </remarks>
internal readonly struct CycleClock
{
    // The stops in order of their start: up to two inline (most cycles have none or one, and a clock is built for
    // every cycle of every evaluation: the queue benchmark allocated 60 more bytes per interaction with an array
    // each), more in an array.
    private readonly Stop stop0;
    private readonly Stop stop1;
    private readonly Stop[]? stops;
    private readonly int count;

    /// <summary>How many of the first stops push the deadline out.</summary>
    private readonly int counted;

    private readonly BusinessCalendar? calendar;
    private readonly Instant start;

    private CycleClock(BusinessCalendar? calendar, Instant start, ReadOnlySpan<Stop> sorted, Instant ruleDeadline)
    {
        this.calendar = calendar;
        this.start = start;
        count = sorted.Length;
        stop0 = count > 0 ? sorted[0] : default;
        stop1 = count > 1 ? sorted[1] : default;
        stops = count > 2 ? sorted.ToArray() : null;
        RuleDeadline = ruleDeadline;
        Stopped = Duration.Zero;
        Instant deadline = ruleDeadline;
        int pushing = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            Stopped += sorted[i].Length;
            if (pushing == i && sorted[i].Start <= deadline)
            {
                deadline = Add(calendar, deadline, sorted[i].Length);
                pushing++;
            }
        }
        counted = pushing;
        Deadline = deadline;
    }

    /// <summary>Gets the deadline the rule gives, before the stops push it out.</summary>
    internal Instant RuleDeadline { get; }

    /// <summary>Gets the total length of the stops, on this clock.</summary>
    internal Duration Stopped { get; }

    /// <summary>Gets the rule's deadline pushed out by the stops that start at or before the deadline as it then stands
    /// (always the first stops; the rest are after a breach, which deadlines being inclusive is only after it).</summary>
    internal Instant Deadline { get; }

    /// <summary>Gets whether the last stop that pushes the deadline out is still going on.</summary>
    internal bool PausedAtDeadline => counted > 0 && StopAt(counted - 1).Ongoing;

    /// <summary>Builds the clock of a cycle.</summary>
    /// <param name="calendar">The calendar whose business time the clock runs on; null for elapsed time.</param>
    /// <param name="start">The instant the clock starts.</param>
    /// <param name="stops">The stops (from, to, ongoing), in any order.</param>
    /// <param name="ruleDeadline">The deadline the rule gives, before stops.</param>
    /// <returns>The clock.</returns>
    internal static CycleClock Create(BusinessCalendar? calendar, Instant start, Span<(Instant From, Instant To, bool Ongoing)> stops, Instant ruleDeadline)
    {
        Span<Stop> measured = stops.Length <= 8 ? stackalloc Stop[stops.Length] : new Stop[stops.Length];
        for (int i = 0; i < stops.Length; i++)
        {
            (Instant from, Instant to, bool ongoing) = stops[i];
            measured[i] = new Stop(from, to, ongoing, Measure(calendar, from, to));
        }
        SortByStart(measured);
        return new CycleClock(calendar, start, measured, ruleDeadline);
    }

    /// <summary>The earliest instant by which the clock, stopped during the stops that push the deadline out, has run
    /// for <paramref name="amount"/>; null when an ongoing stop comes first.</summary>
    internal Instant? WhenUsed(Duration amount)
    {
        Instant cursor = start;
        Duration left = amount;
        for (int i = 0; i < counted; i++)
        {
            Stop stop = StopAt(i);
            Instant candidate = Add(calendar, cursor, left);
            if (candidate <= stop.Start)
            {
                return candidate;
            }
            left -= Measure(calendar, cursor, stop.Start);
            if (stop.Ongoing)
            {
                return null;
            }
            cursor = stop.End;
        }
        return Add(calendar, cursor, left);
    }

    /// <summary>The time on this clock from <paramref name="from"/> to <paramref name="to"/>, stops included.</summary>
    internal Duration Measure(Instant from, Instant to) => Measure(calendar, from, to);

    private static Duration Measure(BusinessCalendar? calendar, Instant from, Instant to) =>
        calendar is { } c ? c.BusinessTimeBetween(from, to) : to - from;

    private static Instant Add(BusinessCalendar? calendar, Instant from, Duration amount) =>
        calendar is { } c ? c.AddBusinessTime(from, amount) : from + amount;

    /// <summary>A stable insertion sort by start: a cycle has a handful of stops.</summary>
    private Stop StopAt(int index) => index switch
    {
        0 when count <= 2 => stop0,
        1 when count <= 2 => stop1,
        _ => stops![index],
    };

    private static void SortByStart(Span<Stop> stops)
    {
        for (int i = 1; i < stops.Length; i++)
        {
            Stop stop = stops[i];
            int j = i - 1;
            while (j >= 0 && stops[j].Start > stop.Start)
            {
                stops[j + 1] = stops[j];
                j--;
            }
            stops[j + 1] = stop;
        }
    }

    private readonly record struct Stop(Instant Start, Instant End, bool Ongoing, Duration Length);
}
