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

    /// <summary>Puts the stops in order of their start (stable); call once all are added.</summary>
    /// <remarks>An insertion sort: a cycle has a handful of stops, and <see cref="Array.Sort{T}(T[], int, int, IComparer{T})"/>
    /// allocates a comparison delegate on every call.</remarks>
    internal void SortStops()
    {
        for (int i = 1; i < count; i++)
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
