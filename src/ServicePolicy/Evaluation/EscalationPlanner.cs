// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Plans the escalation steps of one evaluation (mutable, private to it): which steps are due at the evaluated instant,
/// and the earliest step after it.
/// </summary>
/// <remarks>
/// <para>Per commitment cycle that is running (not met, ended or paused), the steps are the chain's warnings whose
/// moment is before the deadline, then, once breached, the ladder: level 0 its delay after the breach, each next level
/// its delay after the previous step, then the repeats. A level that waits for working hours moves to the earliest
/// instant one of its contacts is working, and the next level counts from there.</para>
/// <para>An acknowledgement of a level's key at instant a holds the levels that stop on acknowledgement from a until the
/// timeout ends (for the rest of the cycle without a timeout); when it ends, the ladder restarts at the acknowledged
/// level, with a fresh repeat budget. Steps of levels that do not stop on acknowledgement keep their schedule while
/// held. The repeat number in a key counts the level's earlier firings in the cycle.</para>
/// <para>Of the steps at or before the evaluated instant, <see cref="EscalationCatchUp.LatestOnly"/> lists those at the
/// latest such instant and <see cref="EscalationCatchUp.FireAllMissed"/> all of them; acknowledged keys never.</para>
/// </remarks>
internal sealed class EscalationPlanner
{
    private readonly Timeline timeline;
    private readonly ServiceLevelPolicy policy;
    private readonly string chainName;
    private readonly EscalationContext context;
    private readonly Instant now;
    private readonly Owner owner;
    private readonly IReadOnlyList<(PauseReason Reason, Instant Start, Instant? End)> pauses;
    private readonly Dictionary<string, Instant> acknowledged = new(StringComparer.Ordinal);
    private readonly List<EscalationAction> actions = new();

    internal EscalationPlanner(Timeline timeline, ServiceLevelPolicy policy, string chainName, EscalationContext context, Instant now, Owner owner,
        IReadOnlyList<(PauseReason Reason, Instant Start, Instant? End)> pauses)
    {
        this.timeline = timeline;
        this.policy = policy;
        this.chainName = chainName;
        this.context = context;
        this.now = now;
        this.owner = owner;
        this.pauses = pauses;
        foreach (TimelineFact fact in timeline)
        {
            if (fact is EscalationAcknowledged ack)
            {
                acknowledged.TryAdd(ack.Key, ack.At);
            }
        }
    }

    internal IReadOnlyList<EscalationAction> Actions => actions;

    /// <summary>The earliest instant after the evaluated one at which a step falls due; null for none.</summary>
    internal Instant? Next { get; private set; }

    internal void PlanCycle(CommitmentCycle cycle, CommitmentStatus status)
    {
        if (cycle.MetAt is not null || cycle.EndedAt is not null || status.State == CommitmentState.Paused)
        {
            return;
        }
        EscalationChain chain = context.InForce(chainName, status.StartedAt);
        string kind = cycle.Name is null ? cycle.Kind.ToString() : "Custom:" + cycle.Name;
        string prefix = string.Create(CultureInfo.InvariantCulture, $"{timeline.InteractionId}/{kind}/{cycle.Index}/{chain.Name}@v{chain.Version}");
        var track = new Track(chain, status);
        for (int i = 0; i < chain.Warnings.Count; i++)
        {
            EscalationWarning warning = chain.Warnings[i];
            if (cycle.WhenUsed(warning.UsedWhenDue(status.Target), now, policy, pauses) is { } at && at < status.Deadline)
            {
                Place(track, at, prefix + "/W" + i.ToString(CultureInfo.InvariantCulture), EscalationStep.Warning, i, 0,
                    warning.Recipient, EscalationActionKind.Notify, null, at);
            }
        }
        if (status.BreachedAt is { } breach && chain.Levels.Count > 0)
        {
            RunLadder(track, prefix, breach);
        }
        Flush(track);
    }

    internal void PlanHandoffLimit(Instant breachedAt)
    {
        EscalationChain chain = context.InForce(chainName, timeline.Opened.At);
        int index = -1;
        for (int i = 0; i < chain.Levels.Count && index < 0; i++)
        {
            index = chain.Levels[i].HasAuthorityToDecide ? i : -1;
        }
        if (index < 0)
        {
            return;
        }
        EscalationLevel level = chain.Levels[index];
        var track = new Track(chain, null);
        Instant at = WaitFor(chain, level, breachedAt);
        string key = string.Create(CultureInfo.InvariantCulture, $"{timeline.InteractionId}/HandoffLimit/{chain.Name}@v{chain.Version}/L{index}/R0");
        Place(track, at, key, EscalationStep.HandoffLimit, index, 0, level.Recipient, level.Action, level.CustomAction, breachedAt);
        Flush(track);
    }

    private void RunLadder(Track track, string prefix, Instant breach)
    {
        EscalationChain chain = track.Chain;
        int[] firings = new int[chain.Levels.Count];
        var pendingAcks = new List<(Instant At, int Level)>();
        Instant? holdEnd = null;
        bool heldForGood = false;
        int restartLevel = 0;
        int suppressedAfterNow = 0;
        IEnumerator<(int Level, Instant Nominal, Instant At)> ladder = Ladder(chain, 0, chain.Levels[0].Delay.After(breach)).GetEnumerator();
        bool hasStep = ladder.MoveNext();
        while (true)
        {
            Instant? stepAt = hasStep ? ladder.Current.At : null;
            int ackIndex = EarliestAck(pendingAcks);
            if (ackIndex >= 0 && (stepAt is null || pendingAcks[ackIndex].At <= stepAt) && (holdEnd is null || pendingAcks[ackIndex].At <= holdEnd))
            {
                (Instant ackAt, int ackLevel) = pendingAcks[ackIndex];
                pendingAcks.RemoveAt(ackIndex);
                holdEnd = chain.AcknowledgementTimeout?.After(ackAt);
                heldForGood = holdEnd is null;
                restartLevel = ackLevel;
                continue;
            }
            if (holdEnd is { } end && (stepAt is null || end <= stepAt))
            {
                holdEnd = null;
                ladder.Dispose();
                ladder = Ladder(chain, restartLevel, end).GetEnumerator();
                hasStep = ladder.MoveNext();
                continue;
            }
            if (!hasStep)
            {
                break;
            }
            (int index, Instant nominal, Instant at) = ladder.Current;
            EscalationLevel level = chain.Levels[index];
            bool suppressed = level.StopsOnAcknowledgement && (heldForGood || holdEnd is not null);
            if (at > now && (!suppressed || ++suppressedAfterNow > 2 * (chain.Levels.Count + 1)))
            {
                track.NoteFuture(suppressed ? null : at);
                break;
            }
            if (!suppressed)
            {
                string key = prefix + string.Create(CultureInfo.InvariantCulture, $"/L{index}/R{firings[index]++}");
                Place(track, at, key, EscalationStep.Level, index, firings[index] - 1, level.Recipient, level.Action, level.CustomAction, nominal);
                if (acknowledged.TryGetValue(key, out Instant ackAt) && ackAt >= at)
                {
                    pendingAcks.Add((ackAt, index));
                }
            }
            hasStep = ladder.MoveNext();
        }
        ladder.Dispose();
    }

    /// <summary>The ladder from <paramref name="start"/>, its first step due at <paramref name="firstNominal"/>, then
    /// each level its delay after the previous step, then the repeats; endless when the chain repeats until met.</summary>
    private IEnumerable<(int Level, Instant Nominal, Instant At)> Ladder(EscalationChain chain, int start, Instant firstNominal)
    {
        int index = start;
        int round = 0;
        Instant nominal = firstNominal;
        while (true)
        {
            Instant at = WaitFor(chain, chain.Levels[index], nominal);
            yield return (index, nominal, at);
            index++;
            EscalationDelay delay;
            if (index < chain.Levels.Count)
            {
                delay = chain.Levels[index].Delay;
            }
            else if (chain.Repeat is { } repeat && (repeat.MaxRepeats is null || round < repeat.MaxRepeats))
            {
                round++;
                index = repeat.FromLevel;
                delay = repeat.Every;
            }
            else
            {
                yield break;
            }
            nominal = delay.After(at);
        }
    }

    private static int EarliestAck(List<(Instant At, int Level)> pending)
    {
        int best = -1;
        for (int i = 0; i < pending.Count; i++)
        {
            if (best < 0 || pending[i].At < pending[best].At)
            {
                best = i;
            }
        }
        return best;
    }

    private Instant WaitFor(EscalationChain chain, EscalationLevel level, Instant nominal)
    {
        if (!level.WaitsForWorkingHours)
        {
            return nominal;
        }
        Instant? earliest = null;
        foreach (EscalationContact contact in Resolve(chain, level.Recipient, nominal).Contacts)
        {
            Instant open = contact.WorkingHours is { } hours ? hours.NextOpen(nominal) : nominal;
            earliest = earliest is null || open < earliest ? open : earliest;
        }
        return earliest ?? nominal;
    }

    private (IReadOnlyList<EscalationContact> Contacts, bool UsedFallback) Resolve(EscalationChain chain, EscalationRecipient recipient, Instant at)
    {
        EscalationRecipient asked = recipient.Rota is { } rota ? EscalationRecipient.Person(rota.OnCallAt(at)) : recipient;
        IReadOnlyList<EscalationContact>? found = context.Directory.Resolve(asked, owner, at);
        if (found is null || found.Count == 0)
        {
            return (new[] { chain.Fallback }, true);
        }
        var contacts = new EscalationContact[found.Count];
        for (int i = 0; i < contacts.Length; i++)
        {
            contacts[i] = found[i] ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The escalation directory returned a null contact (at position {i}) for recipient '{asked}' at {at}."));
        }
        return (Array.AsReadOnly(contacts), false);
    }

    private void Place(Track track, Instant at, string key, EscalationStep step, int index, int repeat, EscalationRecipient recipient,
        EscalationActionKind action, string? customAction, Instant resolveAt)
    {
        if (at > now)
        {
            track.NoteFuture(at);
            return;
        }
        track.Passed.Add((at, key, () =>
        {
            (IReadOnlyList<EscalationContact> contacts, bool fallback) = Resolve(track.Chain, recipient, resolveAt);
            CommitmentStatus? status = track.Status;
            return new EscalationAction(key, timeline.InteractionId, status?.Kind, status?.Name, status?.Cycle, track.Chain, step, index, repeat,
                at, at < now, recipient, action, customAction, contacts, fallback);
        }));
    }

    private void Flush(Track track)
    {
        if (track.Future is { } future && (Next is null || future < Next))
        {
            Next = future;
        }
        if (track.Passed.Count == 0)
        {
            return;
        }
        Instant latest = track.Passed[0].At;
        foreach ((Instant at, _, _) in track.Passed)
        {
            latest = at > latest ? at : latest;
        }
        foreach ((Instant at, string key, Func<EscalationAction> create) in track.Passed)
        {
            if ((track.Chain.CatchUp == EscalationCatchUp.FireAllMissed || at == latest) && !acknowledged.ContainsKey(key))
            {
                actions.Add(create());
            }
        }
    }

    /// <summary>The steps of one cycle (or of the handoff limit): those at or before the evaluated instant, and the
    /// earliest after it.</summary>
    private sealed class Track
    {
        internal Track(EscalationChain chain, CommitmentStatus? status)
        {
            Chain = chain;
            Status = status;
        }

        internal EscalationChain Chain { get; }

        internal CommitmentStatus? Status { get; }

        internal List<(Instant At, string Key, Func<EscalationAction> Create)> Passed { get; } = new();

        internal Instant? Future { get; private set; }

        internal void NoteFuture(Instant? at)
        {
            if (at is { } a && (Future is null || a < Future))
            {
                Future = a;
            }
        }
    }
}
