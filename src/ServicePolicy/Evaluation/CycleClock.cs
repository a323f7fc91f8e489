// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Evaluation;

/// <summary>
/// The clock of one commitment cycle at the evaluated instant (a read-only view): business time of a calendar or
/// elapsed time, where it starts, the intervals in which it stood still (with their lengths on it, in order), and the
/// deadline they push out.
/// </summary>
/// <remarks>
/// <see cref="CommitmentCycle.ClockAt"/> builds it, <see cref="CommitmentCycle.ToStatus"/> reads the deadline and the
/// stopped time from it, and the escalation planner asks it <see cref="WhenUsed"/> for the same cycle's warnings: a
/// value handed from one step to the next, so the stops are collected and measured once per cycle. The stops live in
/// the cycle's own buffer, which the cycle refills at its next <see cref="CommitmentCycle.ClockAt"/> (once per
/// evaluation): a clock is valid until then. (Copying the stops into each clock cost the queue benchmark,
/// <c>QueueEvaluationBenchmarks.SingleThreaded</c>, time and 11 bytes per interaction.) The default value is not a
/// clock.
/// </remarks>
internal readonly struct CycleClock
{
    /// <summary>The stops, in order of their start: the first <see cref="count"/> of the cycle's buffer.</summary>
    private readonly ClockStop[] stops;
    private readonly int count;

    /// <summary>How many of the first stops push the deadline out.</summary>
    private readonly int counted;

    private readonly BusinessCalendar? calendar;
    private readonly Instant start;

    /// <summary>Builds the clock of a cycle.</summary>
    /// <param name="calendar">The calendar whose business time the clock runs on; null for elapsed time.</param>
    /// <param name="start">The instant the clock starts.</param>
    /// <param name="stops">The cycle's buffer: its first <paramref name="count"/> stops, measured with
    /// <see cref="Measure(BusinessCalendar?, Instant, Instant)"/>, in any order; sorted in place (stable).</param>
    /// <param name="count">How many stops.</param>
    /// <param name="ruleDeadline">The deadline the rule gives, before stops.</param>
    /// <param name="agreedAt">The instant a deadline was last agreed with the customer (<see cref="DeadlineAgreed"/>);
    /// null when none was.</param>
    /// <param name="agreedDeadline">The agreed deadline, after <paramref name="agreedAt"/>; ignored without it.</param>
    internal CycleClock(BusinessCalendar? calendar, Instant start, ClockStop[] stops, int count, Instant ruleDeadline,
        Instant? agreedAt = null, Instant agreedDeadline = default)
    {
        SortByStart(stops, count);
        this.calendar = calendar;
        this.start = start;
        this.stops = stops;
        this.count = count;
        RuleDeadline = ruleDeadline;
        Stopped = Duration.Zero;
        StoppedBeforeAgreement = Duration.Zero;
        Instant deadline = ruleDeadline;
        int pushing = 0;
        for (int i = 0; i < count; i++)
        {
            Stopped += stops[i].Length;
            if (pushing == i && stops[i].Start <= deadline)
            {
                deadline = Add(calendar, deadline, stops[i].Length);
                pushing++;
            }
        }
        OriginalDeadline = deadline;
        if (agreedAt is { } agreed)
        {
            // The agreed deadline replaces the rule's: what stood still before the agreement is behind it (both sides
            // knew it when they agreed), so only what stands still from the agreement on pushes it out.
            deadline = agreedDeadline;
            pushing = 0;
            for (int i = 0; i < count; i++)
            {
                ClockStop stop = stops[i];
                if (stop.Start < agreed)
                {
                    Instant before = stop.End < agreed ? stop.End : agreed;
                    StoppedBeforeAgreement += Measure(calendar, stop.Start, before);
                    if (pushing == i)
                    {
                        if (stop.End > agreed)
                        {
                            deadline = Add(calendar, deadline, Measure(calendar, agreed, stop.End));
                        }
                        pushing++;
                    }
                }
                else if (pushing == i && stop.Start <= deadline)
                {
                    deadline = Add(calendar, deadline, stop.Length);
                    pushing++;
                }
            }
        }
        counted = pushing;
        Deadline = deadline;
    }

    /// <summary>Gets the deadline the rule gives, before the stops push it out.</summary>
    internal Instant RuleDeadline { get; }

    /// <summary>Gets the deadline the rule gives, pushed out by the stops as <see cref="Deadline"/> would be without an
    /// agreed deadline: the original deadline, which reporting compares with the agreed one.</summary>
    internal Instant OriginalDeadline { get; }

    /// <summary>Gets the length on this clock of the stops before the deadline was agreed (zero without an
    /// agreement): time that counted neither way when the customer agreed the new deadline.</summary>
    internal Duration StoppedBeforeAgreement { get; }

    /// <summary>Gets the total length of the stops, on this clock.</summary>
    internal Duration Stopped { get; }

    /// <summary>Gets the rule's deadline pushed out by the stops that start at or before the deadline as it then stands
    /// (always the first stops; the rest are after a breach, which deadlines being inclusive is only after it); with an
    /// agreed deadline, the agreed one pushed out by what stood still from the agreement on.</summary>
    internal Instant Deadline { get; }

    /// <summary>Gets whether the last stop that pushes the deadline out is still going on.</summary>
    internal bool PausedAtDeadline => counted > 0 && stops[counted - 1].Ongoing;

    /// <summary>The earliest instant by which the clock, stopped during the stops that push the deadline out, has run
    /// for <paramref name="amount"/>; null when an ongoing stop comes first.</summary>
    internal Instant? WhenUsed(Duration amount)
    {
        Instant cursor = start;
        Duration left = amount;
        for (int i = 0; i < counted; i++)
        {
            ClockStop stop = stops[i];
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

    /// <summary>The time from <paramref name="from"/> to <paramref name="to"/> on a clock of
    /// <paramref name="calendar"/> (elapsed time when null).</summary>
    internal static Duration Measure(BusinessCalendar? calendar, Instant from, Instant to) =>
        calendar is { } c ? c.BusinessTimeBetween(from, to) : to - from;

    private static Instant Add(BusinessCalendar? calendar, Instant from, Duration amount) =>
        calendar is { } c ? c.AddBusinessTime(from, amount) : from + amount;

    /// <summary>A stable insertion sort by start: a cycle has a handful of stops.</summary>
    private static void SortByStart(ClockStop[] stops, int count)
    {
        for (int i = 1; i < count; i++)
        {
            ClockStop stop = stops[i];
            int j = i - 1;
            while (j >= 0 && stops[j].Start > stop.Start)
            {
                stops[j + 1] = stops[j];
                j--;
            }
            stops[j + 1] = stop;
        }
    }
}

/// <summary>An interval [<see cref="Start"/>, <see cref="End"/>) in which a cycle's clock stood still, still going on
/// at the evaluated instant or not, and its length on the clock.</summary>
internal readonly record struct ClockStop(Instant Start, Instant End, bool Ongoing, Duration Length);
