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
    private static readonly IComparer<Stop> ByStart = Comparer<Stop>.Create((a, b) => a.Start.CompareTo(b.Start));

    /// <summary>Created at the first resolution: most cycles never have one.</summary>
    private List<(Instant Start, Instant? End)>? resolvedGaps;

    /// <summary>What <see cref="ToStatus"/> computed last, for <see cref="WhenUsed"/> with the same arguments (the
    /// planner asks once per warning right after): the rule's deadline, the stops and how many of them count.</summary>
    private Instant cachedRuleDeadline;
    private List<Stop>? cachedStops;
    private int cachedCounted;
    private Instant cachedNow;
    private object? cachedFor;

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
        (resolvedGaps ??= new List<(Instant Start, Instant? End)>(1)).Add((at, null));
    }

    /// <summary>Records a reopening (resolution cycles only): running again from where it stopped.</summary>
    internal void Reopen(Instant at)
    {
        MetAt = null;
        List<(Instant Start, Instant? End)> resolvedGaps = this.resolvedGaps!;
        resolvedGaps[resolvedGaps.Count - 1] = (resolvedGaps[resolvedGaps.Count - 1].Start, at);
    }

    internal CommitmentStatus ToStatus(Instant now, ServiceLevelPolicy policy, IReadOnlyList<(PauseReason Reason, Instant Start, Instant? End)> pauses)
    {
        bool business = Rule?.UsesBusinessTime ?? false;
        Instant observedUntil = MetAt ?? EndedAt ?? now;
        Instant clockStart = Window?.Start ?? Start;
        Instant ruleDeadline = PromisedBy ?? Rule!.GetDeadline(Start, Calendar, Window);
        Duration target = ruleDeadline > clockStart ? Measure(business, clockStart, ruleDeadline) : Duration.Zero;

        List<Stop>? stops = CollectStops(observedUntil, policy, pauses);
        int counted = CountStops(business, ruleDeadline, stops, out Instant deadline);
        bool paused = counted > 0 && stops![counted - 1].Ongoing;
        cachedRuleDeadline = ruleDeadline;
        cachedStops = stops;
        cachedCounted = counted;
        cachedNow = now;
        cachedFor = pauses;

        Duration elapsed = observedUntil > clockStart ? Measure(business, clockStart, observedUntil) : Duration.Zero;
        if (stops is not null)
        {
            foreach (Stop stop in stops)
            {
                elapsed -= Measure(business, stop.Start, stop.End);
            }
        }

        Duration? usable = (Target?.AtRisk ?? policy.AtRisk).UsableBeforeRisk(target);
        Instant? atRiskAt = usable is { } u ? Walk(business, clockStart, u, stops, counted) : null;

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
        if (!ReferenceEquals(cachedFor, pauses) || cachedNow != now)
        {
            Instant observedUntil = MetAt ?? EndedAt ?? now;
            cachedRuleDeadline = PromisedBy ?? Rule!.GetDeadline(Start, Calendar, Window);
            cachedStops = CollectStops(observedUntil, policy, pauses);
            cachedCounted = CountStops(business, cachedRuleDeadline, cachedStops, out _);
            cachedNow = now;
            cachedFor = pauses;
        }
        return Walk(business, Window?.Start ?? Start, amount, cachedStops, cachedCounted);
    }

    /// <summary>The stops that push the deadline out (those starting before the deadline as it then stands), and the
    /// deadline they push it to. They are always the first stops, so this returns how many.</summary>
    private int CountStops(bool business, Instant ruleDeadline, List<Stop>? stops, out Instant deadline)
    {
        deadline = ruleDeadline;
        int counted = 0;
        if (stops is null)
        {
            return 0;
        }
        foreach (Stop stop in stops)
        {
            if (stop.Start >= deadline)
            {
                break;
            }
            deadline = Add(business, deadline, Measure(business, stop.Start, stop.End));
            counted++;
        }
        return counted;
    }

    /// <summary>The intervals in which this cycle's clock stood still, clipped to [Start, observedUntil], in order;
    /// null for none.</summary>
    private List<Stop>? CollectStops(Instant observedUntil, ServiceLevelPolicy policy, IReadOnlyList<(PauseReason Reason, Instant Start, Instant? End)> pauses)
    {
        List<Stop>? stops = null;
        if (Kind != CommitmentKind.Appointment)
        {
            for (int i = 0; i < pauses.Count; i++)
            {
                (PauseReason reason, Instant start, Instant? end) = pauses[i];
                if (Pauses(policy, reason, Kind))
                {
                    AddStop(ref stops, start, end, observedUntil);
                }
            }
        }
        if (resolvedGaps is not null)
        {
            foreach ((Instant start, Instant? end) in resolvedGaps)
            {
                AddStop(ref stops, start, end, observedUntil);
            }
        }
        if (stops is { Count: > 1 })
        {
            stops.Sort(ByStart);
        }
        return stops;
    }

    /// <summary><see cref="ServiceLevelPolicy.Pauses"/> without enumerator allocations.</summary>
    private static bool Pauses(ServiceLevelPolicy policy, PauseReason reason, CommitmentKind kind)
    {
        IReadOnlyList<PauseRule> rules = policy.PauseRules;
        for (int i = 0; i < rules.Count; i++)
        {
            if (rules[i].Reason == reason && rules[i].PausedKinds.Contains(kind))
            {
                return true;
            }
        }
        return false;
    }

    private void AddStop(ref List<Stop>? stops, Instant start, Instant? end, Instant observedUntil)
    {
        Instant from = start > Start ? start : Start;
        bool ongoing = end is null || end > observedUntil;
        Instant to = ongoing ? observedUntil : end!.Value;
        if (from > observedUntil || (to <= from && !ongoing))
        {
            return;
        }
        (stops ??= new List<Stop>(4)).Add(new Stop(from, to, ongoing));
    }

    /// <summary>The earliest instant by which the clock, started at <paramref name="from"/> and stopped during
    /// the first <paramref name="count"/> of <paramref name="stops"/>, has run for <paramref name="amount"/>; null when
    /// an ongoing stop comes first.</summary>
    private Instant? Walk(bool business, Instant from, Duration amount, List<Stop>? stops, int count)
    {
        Instant cursor = from;
        Duration left = amount;
        for (int i = 0; i < count; i++)
        {
            Stop stop = stops![i];
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
