// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// One cycle of a commitment while the evaluator replays a timeline (mutable, private to one evaluation), and the
/// arithmetic that turns it into a <see cref="CommitmentStatus"/>.
/// </summary>
/// <remarks>
/// <para>The deadline starts as the rule's deadline from the cycle's start. Each stopped interval (a pause the policy
/// applies to this kind, or, for resolution, the time it was resolved) that starts before the deadline as it then
/// stands pushes it out by the interval's length on the cycle's clock; an interval that starts at or after the
/// deadline does not (the cycle was already breached). The target is the rule's time on the clock; the at-risk
/// instant is the earliest instant by which the clock, stopped during those intervals, has used the part of the target
/// the threshold allows.</para>
/// </remarks>
internal sealed class CommitmentCycle
{
    private readonly List<(Instant Start, Instant? End)> resolvedGaps = new();

    internal CommitmentCycle(CommitmentKind kind, string? name, int index, Instant start, ServiceTarget? target, DeadlineRule? rule,
        BusinessCalendar calendar, Interval? window, Instant? promisedBy)
    {
        Kind = kind;
        Name = name;
        Index = index;
        Start = start;
        Target = target;
        Rule = rule;
        Calendar = calendar;
        Window = window;
        PromisedBy = promisedBy;
    }

    internal CommitmentKind Kind { get; }

    internal string? Name { get; }

    internal int Index { get; }

    internal Instant Start { get; }

    internal ServiceTarget? Target { get; }

    /// <summary>The rule, or null for a promise by an instant (<see cref="PromisedBy"/>).</summary>
    internal DeadlineRule? Rule { get; }

    internal BusinessCalendar Calendar { get; }

    internal Interval? Window { get; }

    internal Instant? PromisedBy { get; }

    internal Instant? MetAt { get; private set; }

    internal Instant? EndedAt { get; private set; }

    internal bool IsOpen => MetAt is null && EndedAt is null;

    internal void Meet(Instant at) => MetAt = at;

    internal void End(Instant at) => EndedAt = at;

    /// <summary>Records a resolution (resolution cycles only): met now, stopped until reopened.</summary>
    internal void Resolve(Instant at)
    {
        MetAt = at;
        resolvedGaps.Add((at, null));
    }

    /// <summary>Records a reopening (resolution cycles only): running again from where it stopped.</summary>
    internal void Reopen(Instant at)
    {
        MetAt = null;
        resolvedGaps[resolvedGaps.Count - 1] = (resolvedGaps[resolvedGaps.Count - 1].Start, at);
    }

    internal CommitmentStatus ToStatus(Instant now, ServiceLevelPolicy policy, IReadOnlyList<(PauseReason Reason, Instant Start, Instant? End)> pauses)
    {
        bool business = Rule?.UsesBusinessTime ?? false;
        Instant observedUntil = MetAt ?? EndedAt ?? now;
        Instant clockStart = Window?.Start ?? Start;
        Instant ruleDeadline = PromisedBy ?? Rule!.GetDeadline(Start, Calendar, Window);
        Duration target = ruleDeadline > clockStart ? Measure(business, clockStart, ruleDeadline) : Duration.Zero;

        List<Stop> stops = CollectStops(observedUntil, policy, pauses);
        List<Stop> counted = CountStops(business, ruleDeadline, stops, out Instant deadline);
        bool paused = counted.Count > 0 && counted[counted.Count - 1].Ongoing;

        Duration elapsed = observedUntil > clockStart ? Measure(business, clockStart, observedUntil) : Duration.Zero;
        foreach (Stop stop in stops)
        {
            elapsed -= Measure(business, stop.Start, stop.End);
        }

        Duration? usable = (Target?.AtRisk ?? policy.AtRisk).UsableBeforeRisk(target);
        Instant? atRiskAt = usable is { } u ? Walk(business, clockStart, u, counted) : null;

        CommitmentState state;
        Instant? breachedAt = null;
        if (MetAt is { } met)
        {
            state = met < deadline ? CommitmentState.Met : CommitmentState.MetLate;
        }
        else if (EndedAt is { } ended)
        {
            state = ended < deadline ? CommitmentState.Cancelled : CommitmentState.Breached;
        }
        else if (paused)
        {
            state = CommitmentState.Paused;
        }
        else if (now >= deadline)
        {
            state = CommitmentState.Breached;
        }
        else
        {
            state = atRiskAt is { } risk && now >= risk ? CommitmentState.AtRisk : CommitmentState.OnTrack;
        }
        if (state is CommitmentState.MetLate or CommitmentState.Breached)
        {
            breachedAt = deadline;
        }
        Duration remaining = elapsed < target ? target - elapsed : Duration.Zero;
        double percent = target > Duration.Zero ? 100.0 * elapsed.ToInt64Nanoseconds() / target.ToInt64Nanoseconds() : 100.0;
        return new CommitmentStatus(Kind, Name, Index, Start, state, deadline, atRiskAt, target, elapsed, remaining, percent, MetAt, breachedAt, EndedAt);
    }

    /// <summary>The earliest instant by which the cycle's clock has used <paramref name="amount"/>, with the stops so far;
    /// null when an ongoing stop comes first. Used for escalation warnings.</summary>
    internal Instant? WhenUsed(Duration amount, Instant now, ServiceLevelPolicy policy, IReadOnlyList<(PauseReason Reason, Instant Start, Instant? End)> pauses)
    {
        bool business = Rule?.UsesBusinessTime ?? false;
        Instant observedUntil = MetAt ?? EndedAt ?? now;
        Instant ruleDeadline = PromisedBy ?? Rule!.GetDeadline(Start, Calendar, Window);
        List<Stop> counted = CountStops(business, ruleDeadline, CollectStops(observedUntil, policy, pauses), out _);
        return Walk(business, Window?.Start ?? Start, amount, counted);
    }

    /// <summary>The stops that push the deadline out (those starting before the deadline as it then stands), and the
    /// deadline they push it to.</summary>
    private List<Stop> CountStops(bool business, Instant ruleDeadline, List<Stop> stops, out Instant deadline)
    {
        deadline = ruleDeadline;
        var counted = new List<Stop>(stops.Count);
        foreach (Stop stop in stops)
        {
            if (stop.Start >= deadline)
            {
                break;
            }
            deadline = Add(business, deadline, Measure(business, stop.Start, stop.End));
            counted.Add(stop);
        }
        return counted;
    }

    /// <summary>The intervals in which this cycle's clock stood still, clipped to [Start, observedUntil], in order.</summary>
    private List<Stop> CollectStops(Instant observedUntil, ServiceLevelPolicy policy, IReadOnlyList<(PauseReason Reason, Instant Start, Instant? End)> pauses)
    {
        var stops = new List<Stop>();
        if (Kind != CommitmentKind.Appointment)
        {
            foreach ((PauseReason reason, Instant start, Instant? end) in pauses)
            {
                if (policy.Pauses(reason, Kind))
                {
                    AddStop(stops, start, end, observedUntil);
                }
            }
        }
        foreach ((Instant start, Instant? end) in resolvedGaps)
        {
            AddStop(stops, start, end, observedUntil);
        }
        stops.Sort((a, b) => a.Start.CompareTo(b.Start));
        return stops;
    }

    private void AddStop(List<Stop> stops, Instant start, Instant? end, Instant observedUntil)
    {
        Instant from = start > Start ? start : Start;
        bool ongoing = end is null || end > observedUntil;
        Instant to = ongoing ? observedUntil : end!.Value;
        if (from > observedUntil || (to <= from && !ongoing))
        {
            return;
        }
        stops.Add(new Stop(from, to, ongoing));
    }

    /// <summary>The earliest instant by which the clock, started at <paramref name="from"/> and stopped during
    /// <paramref name="stops"/>, has run for <paramref name="amount"/>; null when an ongoing stop comes first.</summary>
    private Instant? Walk(bool business, Instant from, Duration amount, List<Stop> stops)
    {
        Instant cursor = from;
        Duration left = amount;
        foreach (Stop stop in stops)
        {
            Instant candidate = Add(business, cursor, left);
            if (candidate <= stop.Start)
            {
                return candidate;
            }
            left -= Measure(business, cursor, stop.Start);
            if (stop.Ongoing)
            {
                return null;
            }
            cursor = stop.End;
        }
        return Add(business, cursor, left);
    }

    private Duration Measure(bool business, Instant from, Instant to) => business ? Calendar.BusinessTimeBetween(from, to) : to - from;

    private Instant Add(bool business, Instant from, Duration amount) => business ? Calendar.AddBusinessTime(from, amount) : from + amount;

    private readonly record struct Stop(Instant Start, Instant End, bool Ongoing);
}
