// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// One cycle of a commitment while the evaluator replays a timeline (mutable, private to one evaluation; a pooled
/// replay reuses it for the next one, see <see cref="Reset"/>), and the arithmetic that turns it into a
/// <see cref="CommitmentStatus"/>.
/// </summary>
/// <remarks>
/// <para>The deadline starts as the rule's deadline from the cycle's start. Each stopped interval (a pause the policy
/// applies to this kind, or, for resolution, the time it was resolved) that starts before the deadline as it then
/// stands, or at it, pushes it out by the interval's length on the cycle's clock; an interval that starts after the
/// deadline does not (the cycle was already breached).</para>
/// <para>Deadlines are inclusive, as a customer reads "by 10:00": met at or before the deadline is on time, ended at or
/// before it is not a breach, and a running cycle is breached only once the evaluated instant is after it (from
/// <see cref="CommitmentStatus.BreachedAt"/>, the deadline plus one nanosecond). The target is the rule's time on the clock; the at-risk
/// instant is the earliest instant by which the clock, stopped during those intervals, has used the part of the target
/// the threshold allows.</para>
/// </remarks>
internal sealed class CommitmentCycle
{
    /// <summary>The resolutions and reopenings (resolution cycles only); empty or null for most cycles.</summary>
    private List<(Instant Start, Instant? End)>? resolvedGaps;

    /// <summary>The stops of the clock last built by <see cref="ClockAt"/>, which that clock reads.</summary>
    private ClockStop[] stops = new ClockStop[2];

    internal CommitmentKind Kind { get; private set; }

    internal string? Name { get; private set; }

    internal int Index { get; private set; }

    internal Instant Start { get; private set; }

    internal ServiceTarget? Target { get; private set; }

    /// <summary>The policy that governs the cycle (whose target, pause rules and at-risk threshold it uses).</summary>
    internal ServiceLevelPolicy Policy { get; private set; } = null!;

    /// <summary>Since when <see cref="Policy"/> governs the interaction.</summary>
    internal Instant PolicySince { get; private set; }

    /// <summary>The rule, or null for a promise by an instant (<see cref="PromisedBy"/>).</summary>
    internal DeadlineRule? Rule { get; private set; }

    internal BusinessCalendar Calendar { get; private set; } = null!;

    internal Interval? Window { get; private set; }

    internal Instant? PromisedBy { get; private set; }

    internal Instant? MetAt { get; private set; }

    internal Instant? EndedAt { get; private set; }

    internal bool IsOpen => MetAt is null && EndedAt is null;

    /// <summary>The deadline last agreed with the customer for this cycle; null when none was.</summary>
    internal DeadlineAgreed? Agreement { get; private set; }

    /// <summary>The waiver that ended this cycle; null when it was not waived.</summary>
    internal TargetWaived? Waiver { get; private set; }

    /// <summary>Makes this a new cycle, neither met nor ended, forgetting the one it was (every field is set here).</summary>
    /// <returns>This cycle.</returns>
    internal CommitmentCycle Reset(CommitmentKind kind, string? name, int index, Instant start, ServiceTarget? target, DeadlineRule? rule,
        BusinessCalendar calendar, Interval? window, Instant? promisedBy, ServiceLevelPolicy policy, Instant policySince)
    {
        Policy = policy;
        PolicySince = policySince;
        Kind = kind;
        Name = name;
        Index = index;
        Start = start;
        Target = target;
        Rule = rule;
        Calendar = calendar;
        Window = window;
        PromisedBy = promisedBy;
        MetAt = null;
        EndedAt = null;
        Agreement = null;
        Waiver = null;
        resolvedGaps?.Clear();
        return this;
    }

    internal void Meet(Instant at) => MetAt = at;

    internal void End(Instant at) => EndedAt = at;

    /// <summary>Records a deadline agreed with the customer (the cycle is running and not breached at its instant).</summary>
    internal void Agree(DeadlineAgreed agreement) => Agreement = agreement;

    /// <summary>Records a waiver: the cycle ends at its instant.</summary>
    internal void Waive(TargetWaived waiver)
    {
        Waiver = waiver;
        EndedAt = waiver.At;
    }

    /// <summary>Records a resolution (resolution cycles only): met now, stopped until reopened.</summary>
    internal void Resolve(Instant at)
    {
        MetAt = at;
        (resolvedGaps ??= new List<(Instant Start, Instant? End)>(1)).Add((at, null));
    }

    /// <summary>Adds a time the interaction spent resolved, from <paramref name="resolved"/> to <paramref name="reopened"/>,
    /// to a resolution cycle that starts before it (a retroactive one, see <see cref="Policies.TargetStart.Retroactive"/>).</summary>
    internal void AddResolvedGap(Instant resolved, Instant reopened) =>
        (resolvedGaps ??= new List<(Instant Start, Instant? End)>(1)).Add((resolved, reopened));

    /// <summary>Records a reopening (resolution cycles only): running again from where it stopped.</summary>
    internal void Reopen(Instant at)
    {
        if (MetAt is null || resolvedGaps is not { Count: > 0 })
        {
            return; // not resolved: ended otherwise (waived), which a reopening does not undo
        }
        MetAt = null;
        resolvedGaps![^1] = (resolvedGaps[^1].Start, at);
    }

    /// <summary>Builds the cycle's clock as it stands at <paramref name="now"/>: its rule's deadline and the intervals in
    /// which it stood still, clipped to [start, the instant it was met or ended, or now].</summary>
    /// <returns>The clock, for <see cref="ToStatus"/> and the escalation planner.</returns>
    /// <remarks>Not inlined, on purpose: inlined (with the calendar arithmetic it inlines in turn) into
    /// <see cref="Replay"/>'s loop over the cycles, it made that loop's code almost twice as long (12 KB), spilling to a
    /// frame of almost 2 KB that every evaluation zeroed in part, and the queue benchmark about 10% slower
    /// (docs/performance.md, "After the restructuring").</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal CycleClock ClockAt(Instant now, ServiceLevelPolicy policy, List<(PauseReason Reason, Instant Start, Instant? End)> pauses)
    {
        BusinessCalendar? calendar = Rule?.UsesBusinessTime ?? false ? Calendar : null;
        Instant observedUntil = MetAt ?? EndedAt ?? now;
        Instant ruleDeadline = PromisedBy ?? Rule!.GetDeadline(Start, Calendar, Window);
        int count = 0;
        if (Kind != CommitmentKind.Appointment)
        {
            for (int i = 0; i < pauses.Count; i++)
            {
                (PauseReason reason, Instant start, Instant? end) = pauses[i];
                if (policy.Pauses(reason, Kind, Name))
                {
                    AddStop(calendar, ref count, start, end, observedUntil);
                }
            }
        }
        for (int i = 0; resolvedGaps is not null && i < resolvedGaps.Count; i++)
        {
            AddStop(calendar, ref count, resolvedGaps[i].Start, resolvedGaps[i].End, observedUntil);
        }
        return Agreement is { } agreement
            ? new CycleClock(calendar, Window?.Start ?? Start, stops, count, ruleDeadline, agreement.At, agreement.Deadline)
            : new CycleClock(calendar, Window?.Start ?? Start, stops, count, ruleDeadline);
    }

    /// <summary>Computes the cycle's status at <paramref name="now"/> on its clock (<see cref="ClockAt"/>).</summary>
    internal CommitmentStatus ToStatus(Instant now, ServiceLevelPolicy policy, in CycleClock clock)
    {
        Instant observedUntil = MetAt ?? EndedAt ?? now;
        Instant clockStart = Window?.Start ?? Start;
        Instant ruleDeadline = clock.RuleDeadline;
        Duration target = Agreement is { } agreement
            ? AgreedTarget(clock, clockStart, agreement.Deadline)
            : PromisedBy is null && Rule!.FixedTarget is { } fixedTarget
            ? fixedTarget
            : ruleDeadline > clockStart ? clock.Measure(clockStart, ruleDeadline) : Duration.Zero;

        Instant deadline = clock.Deadline;
        bool paused = clock.PausedAtDeadline;

        Duration elapsed = (observedUntil > clockStart ? clock.Measure(clockStart, observedUntil) : Duration.Zero) - clock.Stopped;

        Duration? usable = (Target?.AtRisk ?? policy.AtRisk).UsableBeforeRisk(target);
        Instant? atRiskAt = usable is { } u ? clock.WhenUsed(u) : null;

        CommitmentState state;
        if (MetAt is { } met)
        {
            state = met > deadline ? CommitmentState.MetLate
                : Window is { } window && met < window.Start && Rule is AppointmentWindowRule { EarlyArrival: EarlyArrival.NotKept }
                ? CommitmentState.MetEarly
                : CommitmentState.Met;
        }
        else if (EndedAt is { } ended)
        {
            state = ended > deadline ? CommitmentState.Breached : Waiver is null ? CommitmentState.Cancelled : CommitmentState.Waived;
        }
        else if (paused)
        {
            state = CommitmentState.Paused;
        }
        else if (now > deadline)
        {
            state = CommitmentState.Breached;
        }
        else
        {
            state = atRiskAt is { } risk && now >= risk ? CommitmentState.AtRisk : CommitmentState.OnTrack;
        }
        CommitmentAmendments? amendments = Agreement is null && Waiver is null
            ? null
            : new CommitmentAmendments(Agreement is null ? null : clock.OriginalDeadline, Agreement, Waiver, Name);
        return new CommitmentStatus(Kind, Name, Index, Start, state, deadline, atRiskAt, target, elapsed, MetAt, EndedAt, Policy, PolicySince, amendments);
    }

    /// <summary>The target under an agreed deadline: the time on the clock from its start to the agreed deadline,
    /// less what stood still before the agreement; zero when that leaves none.</summary>
    private static Duration AgreedTarget(in CycleClock clock, Instant clockStart, Instant agreedDeadline)
    {
        Duration target = agreedDeadline > clockStart ? clock.Measure(clockStart, agreedDeadline) - clock.StoppedBeforeAgreement : Duration.Zero;
        return target > Duration.Zero ? target : Duration.Zero;
    }

    private void AddStop(BusinessCalendar? calendar, ref int count, Instant start, Instant? end, Instant observedUntil)
    {
        Instant from = start > Start ? start : Start;
        bool ongoing = end is null || end > observedUntil;
        Instant to = ongoing ? observedUntil : end!.Value;
        if (from > observedUntil || (to <= from && !ongoing))
        {
            return;
        }
        if (count == stops.Length)
        {
            Array.Resize(ref stops, count * 2);
        }
        stops[count++] = new ClockStop(from, to, ongoing, CycleClock.Measure(calendar, from, to));
    }
}
