// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Evaluation;

/// <summary>
/// The clock of the commitment cycle being evaluated (mutable, private to one evaluation, reused for each of its
/// cycles): business time of a calendar or elapsed time, where it starts, and the intervals in which it stood still
/// with their lengths on it, in order.
/// </summary>
/// <remarks>
/// <see cref="CommitmentCycle.ToStatus"/> fills it; the escalation planner then asks <see cref="WhenUsed"/> for the same
/// cycle's warnings before the next cycle refills it, so the stops are collected and measured once per cycle.
/// </remarks>
internal sealed class CycleClock
{
    private static readonly IComparer<Stop> ByStart = Comparer<Stop>.Create((a, b) => a.Start.CompareTo(b.Start));

    private BusinessCalendar? calendar;
    private Instant start;
    private Stop[] stops = new Stop[4];
    private int count;
    private int counted;

    /// <summary>Gets the total length of the stops, on this clock.</summary>
    internal Duration Stopped { get; private set; }

    /// <summary>Gets whether the last stop that pushes the deadline out is still going on.</summary>
    internal bool PausedAtDeadline => counted > 0 && stops[counted - 1].Ongoing;

    /// <summary>Starts the clock of a cycle, with no stops.</summary>
    /// <param name="businessCalendar">The calendar whose business time the clock runs on; null for elapsed time.</param>
    /// <param name="clockStart">The instant the clock starts.</param>
    internal void Reset(BusinessCalendar? businessCalendar, Instant clockStart)
    {
        calendar = businessCalendar;
        start = clockStart;
        count = 0;
        counted = 0;
        Stopped = Duration.Zero;
    }

    /// <summary>Adds the interval [<paramref name="from"/>, <paramref name="to"/>) in which the clock stood still.</summary>
    internal void AddStop(Instant from, Instant to, bool ongoing)
    {
        if (count == stops.Length)
        {
            Array.Resize(ref stops, count * 2);
        }
        Duration length = Measure(from, to);
        stops[count++] = new Stop(from, to, ongoing, length);
        Stopped += length;
    }

    /// <summary>Puts the stops in order of their start; call once all are added.</summary>
    internal void SortStops()
    {
        if (count > 1)
        {
            Array.Sort(stops, 0, count, ByStart);
        }
    }

    /// <summary>Pushes <paramref name="ruleDeadline"/> out by the stops that start before the deadline as it then
    /// stands (always the first stops; the rest are after a breach), and remembers how many for
    /// <see cref="WhenUsed"/>.</summary>
    /// <returns>The deadline.</returns>
    internal Instant PushDeadline(Instant ruleDeadline)
    {
        Instant deadline = ruleDeadline;
        counted = 0;
        while (counted < count && stops[counted].Start < deadline)
        {
            deadline = Add(deadline, stops[counted].Length);
            counted++;
        }
        return deadline;
    }

    /// <summary>The earliest instant by which the clock, stopped during the stops that push the deadline out, has run
    /// for <paramref name="amount"/>; null when an ongoing stop comes first.</summary>
    internal Instant? WhenUsed(Duration amount)
    {
        Instant cursor = start;
        Duration left = amount;
        for (int i = 0; i < counted; i++)
        {
            Stop stop = stops[i];
            Instant candidate = Add(cursor, left);
            if (candidate <= stop.Start)
            {
                return candidate;
            }
            left -= Measure(cursor, stop.Start);
            if (stop.Ongoing)
            {
                return null;
            }
            cursor = stop.End;
        }
        return Add(cursor, left);
    }

    /// <summary>The time on this clock from <paramref name="from"/> to <paramref name="to"/>, stops included.</summary>
    internal Duration Measure(Instant from, Instant to) => calendar is { } c ? c.BusinessTimeBetween(from, to) : to - from;

    private Instant Add(Instant from, Duration amount) => calendar is { } c ? c.AddBusinessTime(from, amount) : from + amount;

    private readonly record struct Stop(Instant Start, Instant End, bool Ongoing, Duration Length);
}
