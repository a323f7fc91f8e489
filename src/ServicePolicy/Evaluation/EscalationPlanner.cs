// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Plans the escalation steps of one evaluation (mutable, private to it and reused by the next one on the same thread):
/// which steps are due at the evaluated instant, and the earliest step after it.
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
    private readonly List<EscalationAction> actions = new();
    private readonly Track track = new();

    private Timeline timeline = null!;
    private string chainName = null!;
    private EscalationContext context = null!;
    private Instant now;
    private Owner owner = null!;

    /// <summary>The acknowledged keys and when; null or empty when the timeline acknowledges nothing (the usual case).</summary>
    private Dictionary<ActionKey, Instant>? acknowledged;

    /// <summary>Per level, how many times it fired in the ladder being run; reused across cycles.</summary>
    private int[] firingsBuffer = Array.Empty<int>();

    /// <summary>The earliest instant after the evaluated one at which a step falls due; null for none.</summary>
    internal Instant? Next { get; private set; }

    private bool AnyAcknowledged => acknowledged is { Count: > 0 };

    /// <summary>Starts planning one evaluation, with no actions so far.</summary>
    /// <returns>This planner.</returns>
    internal EscalationPlanner Start(Timeline timeline, string chainName, EscalationContext context, Instant now, Owner owner)
    {
        this.timeline = timeline;
        this.chainName = chainName;
        this.context = context;
        this.now = now;
        this.owner = owner;
        Next = null;
        for (int i = 0; i < timeline.Count; i++)
        {
            if (timeline[i] is EscalationAcknowledged ack)
            {
                (acknowledged ??= new Dictionary<ActionKey, Instant>()).TryAdd(ack.Key, ack.At);
            }
        }
        return this;
    }

    /// <summary>Lets go of the evaluation's objects once it is over, keeping the buffers for the next.</summary>
    internal void Release()
    {
        actions.Clear();
        acknowledged?.Clear();
        track.Reset(null!, null, null);
        timeline = null!;
        chainName = null!;
        context = null!;
        owner = null!;
    }

    /// <summary>Returns the actions planned so far, in an array of their own.</summary>
    internal IReadOnlyList<EscalationAction> TakeActions() =>
        actions.Count == 0 ? Array.Empty<EscalationAction>() : Array.AsReadOnly(actions.ToArray());

    /// <summary>Plans the steps of a cycle whose status was just computed, with its clock as that left it.</summary>
    internal void PlanCycle(CommitmentCycle cycle, CommitmentStatus status, CycleClock clock)
    {
        if (cycle.MetAt is not null || cycle.EndedAt is not null || status.State == CommitmentState.Paused)
        {
            return;
        }
        EscalationChain chain = context.InForce(chainName, status.StartedAt);
        if (!chain.Escalates(cycle.Kind, cycle.Name))
        {
            return;
        }
        Track track = this.track.Reset(chain, status, cycle);
        bool ladder = status.BreachedAt is not null && chain.LevelSpan.Length > 0;
        if (ladder && chain.CatchUp != EscalationCatchUp.FireAllMissed)
        {
            // Every warning is before the deadline, so before every level: once a level has passed, a warning could
            // only be superseded, and the ladder goes first to save working out when the warnings were due.
            RunLadder(track, status.Deadline);
            if (track.Passed.Count == 0)
            {
                PlaceWarnings(track, status, clock);
            }
        }
        else
        {
            PlaceWarnings(track, status, clock);
            if (ladder)
            {
                RunLadder(track, status.Deadline);
            }
        }
        Flush(track);
    }

    private void PlaceWarnings(Track track, CommitmentStatus status, CycleClock clock)
    {
        ReadOnlySpan<EscalationWarning> warnings = track.Chain.WarningSpan;
        for (int i = 0; i < warnings.Length; i++)
        {
            EscalationWarning warning = warnings[i];
            if (clock.WhenUsed(warning.UsedWhenDue(status.Target)) is { } at && at < status.Deadline)
            {
                Place(track, at, null, EscalationStep.Warning, i, 0, at);
            }
        }
    }

    internal void PlanHandoffLimit(Instant breachedAt)
    {
        EscalationChain chain = context.InForce(chainName, timeline.Opened.At);
        int index = -1;
        for (int i = 0; i < chain.LevelSpan.Length && index < 0; i++)
        {
            index = chain.LevelSpan[i].HasAuthorityToDecide ? i : -1;
        }
        if (index < 0)
        {
            return;
        }
        EscalationLevel level = chain.LevelSpan[index];
        Track track = this.track.Reset(chain, null, null);
        Instant at = WaitFor(chain, level, breachedAt);
        ActionKey key = ActionKey.HandoffLimitLevel(timeline.InteractionId, chain.Name, chain.Version, index);
        Place(track, at, key, EscalationStep.HandoffLimit, index, 0, breachedAt);
        Flush(track);
    }

    private void RunLadder(Track track, Instant breach)
    {
        EscalationChain chain = track.Chain;
        if (firingsBuffer.Length < chain.LevelSpan.Length)
        {
            firingsBuffer = new int[chain.LevelSpan.Length];
        }
        else
        {
            Array.Clear(firingsBuffer);
        }
        int[] firings = firingsBuffer;
        List<(Instant At, int Level)>? pendingAcks = null;
        Instant? holdEnd = null;
        bool heldForGood = false;
        int restartLevel = 0;
        int suppressedAfterNow = 0;
        var ladder = new Ladder(0, chain.LevelSpan[0].Delay.After(breach));
        bool hasStep = ladder.MoveNext(this, chain);
        while (true)
        {
            Instant? stepAt = hasStep ? ladder.At : null;
            int ackIndex = pendingAcks is null ? -1 : EarliestAck(pendingAcks);
            if (ackIndex >= 0 && (stepAt is null || pendingAcks![ackIndex].At <= stepAt) && (holdEnd is null || pendingAcks![ackIndex].At <= holdEnd))
            {
                (Instant ackAt, int ackLevel) = pendingAcks![ackIndex];
                pendingAcks.RemoveAt(ackIndex);
                holdEnd = chain.AcknowledgementTimeout?.After(ackAt);
                heldForGood = holdEnd is null;
                restartLevel = ackLevel;
                continue;
            }
            if (holdEnd is { } end && (stepAt is null || end <= stepAt))
            {
                holdEnd = null;
                ladder = new Ladder(restartLevel, end);
                hasStep = ladder.MoveNext(this, chain);
                continue;
            }
            if (!hasStep)
            {
                break;
            }
            int index = ladder.Level;
            Instant nominal = ladder.Nominal, at = ladder.At;
            EscalationLevel level = chain.LevelSpan[index];
            bool suppressed = level.StopsOnAcknowledgement && (heldForGood || holdEnd is not null);
            if (at > now && (!suppressed || ++suppressedAfterNow > 2 * (chain.LevelSpan.Length + 1)))
            {
                track.NoteFuture(suppressed ? null : at);
                break;
            }
            if (!suppressed)
            {
                int repeat = firings[index]++;
                // The key is needed now only to look up an acknowledgement; otherwise Flush builds it for the steps it lists.
                ActionKey? key = AnyAcknowledged ? LevelKey(track, index, repeat) : null;
                Place(track, at, key, EscalationStep.Level, index, repeat, nominal);
                if (key is { } levelKey && acknowledged!.TryGetValue(levelKey, out Instant ackAt) && ackAt >= at)
                {
                    (pendingAcks ??= new List<(Instant At, int Level)>()).Add((ackAt, index));
                }
            }
            hasStep = ladder.MoveNext(this, chain);
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
        // As Resolve, without copying the contacts.
        EscalationRecipient asked = Ask(level.Recipient, nominal);
        IReadOnlyList<EscalationContact>? found = context.Directory.Resolve(asked, owner, nominal);
        if (found is null || found.Count == 0)
        {
            return chain.Fallback.WorkingHours is { } fallbackHours ? fallbackHours.NextOpen(nominal) : nominal;
        }
        for (int i = 0; i < found.Count; i++)
        {
            if (found[i] is null)
            {
                throw NullContact(asked, nominal, i);
            }
        }
        Instant? earliest = null;
        for (int i = 0; i < found.Count; i++)
        {
            EscalationContact contact = found[i];
            Instant open = contact.WorkingHours is { } hours ? hours.NextOpen(nominal) : nominal;
            earliest = earliest is null || open < earliest ? open : earliest;
        }
        return earliest ?? nominal;
    }

    private static EscalationRecipient Ask(EscalationRecipient recipient, Instant at) =>
        recipient.Rota is { } rota ? EscalationRecipient.Person(rota.OnCallAt(at)) : recipient;

    private static InvalidOperationException NullContact(EscalationRecipient asked, Instant at, int position) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The escalation directory returned a null contact (at position {position}) for recipient '{asked}' at {at}."));

    private (IReadOnlyList<EscalationContact> Contacts, bool UsedFallback) Resolve(EscalationChain chain, EscalationRecipient recipient, Instant at)
    {
        EscalationRecipient asked = Ask(recipient, at);
        IReadOnlyList<EscalationContact>? found = context.Directory.Resolve(asked, owner, at);
        if (found is null || found.Count == 0)
        {
            return (new[] { chain.Fallback }, true);
        }
        var contacts = new EscalationContact[found.Count];
        for (int i = 0; i < contacts.Length; i++)
        {
            contacts[i] = found[i] ?? throw NullContact(asked, at, i);
        }
        return (Array.AsReadOnly(contacts), false);
    }

    /// <summary>Records a step: one at or before the evaluated instant is kept for <see cref="Flush"/> (under
    /// <see cref="EscalationCatchUp.LatestOnly"/>, only while no later passed step supersedes it; all of them share one
    /// moment), a later one only as the track's next moment. <paramref name="key"/> may be null: Flush builds the warning's or level's key.</summary>
    private void Place(Track track, Instant at, ActionKey? key, EscalationStep step, int index, int repeat, Instant resolveAt)
    {
        if (at > now)
        {
            track.NoteFuture(at);
            return;
        }
        List<PassedStep> passed = track.Passed;
        if (track.Chain.CatchUp != EscalationCatchUp.FireAllMissed && passed.Count > 0)
        {
            // Only the steps at the latest passed moment are listed: drop the earlier ones as soon as they are superseded.
            Instant latest = passed[0].At;
            if (at < latest)
            {
                return;
            }
            if (at > latest)
            {
                if (passed.Count == 1)
                {
                    // The usual case walking a ladder: the step replaces the one before it.
                    CollectionsMarshal.AsSpan(passed)[0] = new PassedStep(at, key, step, index, repeat, resolveAt);
                    return;
                }
                passed.Clear();
            }
        }
        passed.Add(new PassedStep(at, key, step, index, repeat, resolveAt));
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
        foreach (PassedStep passed in track.Passed)
        {
            latest = passed.At > latest ? passed.At : latest;
        }
        foreach (PassedStep passed in track.Passed)
        {
            if (track.Chain.CatchUp != EscalationCatchUp.FireAllMissed && passed.At != latest)
            {
                continue;
            }
            ActionKey key = passed.Key ?? (passed.Step == EscalationStep.Warning
                ? WarningKey(track, passed.Index)
                : LevelKey(track, passed.Index, passed.Repeat));
            if (!AnyAcknowledged || !acknowledged!.ContainsKey(key))
            {
                actions.Add(Create(track, passed, key));
            }
        }
    }

    private EscalationAction Create(Track track, PassedStep passed, ActionKey key)
    {
        EscalationChain chain = track.Chain;
        EscalationRecipient recipient;
        EscalationActionKind action = EscalationActionKind.Notify;
        string? customAction = null;
        if (passed.Step == EscalationStep.Warning)
        {
            recipient = chain.WarningSpan[passed.Index].Recipient;
        }
        else
        {
            EscalationLevel level = chain.LevelSpan[passed.Index];
            (recipient, action, customAction) = (level.Recipient, level.Action, level.CustomAction);
        }
        (IReadOnlyList<EscalationContact> contacts, bool fallback) = Resolve(chain, recipient, passed.ResolveAt);
        CommitmentStatus? status = track.Status;
        return new EscalationAction(key, timeline.InteractionId, status?.Kind, status?.Name, status?.Cycle, track.Chain, passed.Step, passed.Index,
            passed.Repeat, passed.At, passed.At < now, recipient, action, customAction, contacts, fallback);
    }

    /// <summary>The key of a warning, <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/W{warning}</c>, built in one go.</summary>
    private ActionKey WarningKey(Track track, int index)
    {
        CommitmentCycle cycle = track.Cycle!;
        return ActionKey.Warning(timeline.InteractionId, cycle.Kind, cycle.Name, cycle.Index, track.Chain.Name, track.Chain.Version, index);
    }

    /// <summary>The key of a level, <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/L{level}/R{repeat}</c>.</summary>
    private ActionKey LevelKey(Track track, int index, int repeat)
    {
        CommitmentCycle cycle = track.Cycle!;
        return ActionKey.Level(timeline.InteractionId, cycle.Kind, cycle.Name, cycle.Index, track.Chain.Name, track.Chain.Version, index, repeat);
    }

    /// <summary>The ladder from a level, its first step due at a nominal instant, then each level its delay after the
    /// previous step, then the repeats; endless when the chain repeats until met. A cursor: each
    /// <see cref="MoveNext"/> computes the next step (its delay and, for levels that wait, the working hours).</summary>
    private struct Ladder
    {
        private int round;
        private bool started;
        private bool done;

        internal Ladder(int start, Instant firstNominal)
        {
            Level = start;
            Nominal = firstNominal;
            At = default;
            round = 0;
            started = false;
            done = false;
        }

        internal int Level { get; private set; }

        internal Instant Nominal { get; private set; }

        internal Instant At { get; private set; }

        internal bool MoveNext(EscalationPlanner planner, EscalationChain chain)
        {
            if (done)
            {
                return false;
            }
            if (started)
            {
                int index = Level + 1;
                EscalationDelay delay;
                if (index < chain.LevelSpan.Length)
                {
                    delay = chain.LevelSpan[index].Delay;
                }
                else if (chain.Repeat is { } repeat && (repeat.MaxRepeats is null || round < repeat.MaxRepeats))
                {
                    round++;
                    index = repeat.FromLevel;
                    delay = repeat.Every;
                }
                else
                {
                    done = true;
                    return false;
                }
                Level = index;
                Nominal = delay.After(At);
            }
            started = true;
            At = planner.WaitFor(chain, chain.LevelSpan[Level], Nominal);
            return true;
        }
    }

    /// <summary>A step at or before the evaluated instant, kept until <see cref="Flush"/> decides whether to list it; its
    /// recipient and action are those of the chain's warning or level <see cref="Index"/>.</summary>
    private readonly record struct PassedStep(Instant At, ActionKey? Key, EscalationStep Step, int Index, int Repeat, Instant ResolveAt);

    /// <summary>The steps of one cycle (or of the handoff limit): those at or before the evaluated instant, and the
    /// earliest after it. One instance per planner, reset for each cycle.</summary>
    private sealed class Track
    {
        internal EscalationChain Chain { get; private set; } = null!;

        internal CommitmentStatus? Status { get; private set; }

        internal CommitmentCycle? Cycle { get; private set; }

        internal List<PassedStep> Passed { get; } = new();

        internal Instant? Future { get; private set; }

        internal Track Reset(EscalationChain chain, CommitmentStatus? status, CommitmentCycle? cycle)
        {
            Chain = chain;
            Status = status;
            Cycle = cycle;
            Passed.Clear();
            Future = null;
            return this;
        }

        internal void NoteFuture(Instant? at)
        {
            if (at is { } a && (Future is null || a < Future))
            {
                Future = a;
            }
        }
    }
}
