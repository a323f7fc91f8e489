// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Plans the escalation steps of one evaluation (mutable: started for it with <see cref="Start"/>, cleared with
/// <see cref="Clear"/> when the pooled replay that owns it is returned): which steps are due at the evaluated instant,
/// and the earliest step after it.
/// </summary>
/// <remarks>
/// <para>Per commitment cycle that is running (not met, ended or paused), the steps are the chain's warnings whose
/// moment is at or before the deadline, then, once breached, the ladder (<see cref="EscalationLadder"/>: levels, repeats,
/// acknowledgement holds and restarts, computed without walking the rounds that are not listed).</para>
/// <para>The ladder itself is escalation planning and lives with the chain model in <c>ServicePolicy.Escalation</c>;
/// this class is the evaluation's side of it (cycles, statuses, the timeline's acknowledgements), so that
/// <c>Escalation</c> never depends on <c>Evaluation</c>.</para>
/// <para>Of the steps at or before the evaluated instant, <see cref="EscalationCatchUp.LatestOnly"/> lists those at the
/// latest such instant and <see cref="EscalationCatchUp.FireAllMissed"/> all of them; acknowledged keys never.</para>
/// </remarks>
internal sealed partial class EscalationPlanner
{
    private readonly List<EscalationAction> actions = new();
    private readonly Track track = new();
    private readonly List<LadderStep> ladderSteps = new();

    /// <summary>The acknowledged keys and when; empty when the timeline acknowledges nothing (the usual case).</summary>
    private readonly Dictionary<ActionKey, Instant> acknowledged = new();

    private Timeline timeline = null!;
    private string? chainName;
    private EscalationContext context = null!;
    private Instant now;
    private Owner owner = null!;

    /// <summary>Starts planning one evaluation, with no actions so far.</summary>
    /// <param name="timeline">The timeline; its <see cref="EscalationAcknowledged"/> facts stop what they acknowledge.</param>
    /// <param name="chainName">The chain of the policy that governs at <paramref name="now"/>, for a breached handoff
    /// limit; null for none. Each cycle escalates with the chain of the policy that governs it.</param>
    /// <param name="context">The chain versions and the directory.</param>
    /// <param name="now">The evaluated instant.</param>
    /// <param name="owner">The interaction's owner at <paramref name="now"/>.</param>
    /// <returns>This planner.</returns>
    internal EscalationPlanner Start(Timeline timeline, string? chainName, EscalationContext context, Instant now, Owner owner)
    {
        this.timeline = timeline;
        this.chainName = chainName;
        this.context = context;
        this.now = now;
        this.owner = owner;
        Next = null;
        foreach (TimelineFact fact in timeline.Facts)
        {
            if (fact is EscalationAcknowledged ack)
            {
                acknowledged.TryAdd(ack.Key, ack.At);
            }
        }
        return this;
    }

    /// <summary>Forgets the evaluation (its objects, actions and acknowledgements), keeping the buffers.</summary>
    internal void Clear()
    {
        actions.Clear();
        acknowledged.Clear();
        ladderSteps.Clear();
        track.Reset(null!, null, null);
        timeline = null!;
        chainName = null;
        context = null!;
        owner = null!;
        Next = null;
    }

    /// <summary>The earliest instant after the evaluated one at which a step falls due; null for none.</summary>
    internal Instant? Next { get; private set; }

    private bool AnyAcknowledged => acknowledged.Count > 0;

    /// <summary>Returns the actions planned so far, in an array of their own.</summary>
    internal IReadOnlyList<EscalationAction> TakeActions() =>
        actions.Count == 0 ? Array.Empty<EscalationAction>() : Array.AsReadOnly(actions.ToArray());

    /// <summary>Plans the steps of a cycle whose status was just computed, with its clock as that left it.</summary>
    internal void PlanCycle(CommitmentCycle cycle, CommitmentStatus status, in CycleClock clock)
    {
        if (cycle.MetAt is not null || cycle.EndedAt is not null || status.State == CommitmentState.Paused)
        {
            return;
        }
        if (cycle.Policy.EscalationChainName is not { } cycleChain)
        {
            return;
        }
        EscalationChain chain = context.InForce(cycleChain, status.StartedAt);
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
            RunLadder(track, status.Deadline, status.BreachedAt!.Value);
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
                RunLadder(track, status.Deadline, status.BreachedAt!.Value);
            }
        }
        Flush(track);
    }

    private void PlaceWarnings(Track track, CommitmentStatus status, in CycleClock clock)
    {
        ReadOnlySpan<EscalationWarning> warnings = track.Chain.WarningSpan;
        for (int i = 0; i < warnings.Length; i++)
        {
            EscalationWarning warning = warnings[i];
            if (clock.WhenUsed(warning.UsedWhenDue(status.Target)) is { } at && at <= status.Deadline)
            {
                Place(track, at, null, EscalationStep.Warning, i, 0, at);
            }
        }
    }

    internal void PlanHandoffLimit(Instant breachedAt)
    {
        if (chainName is null)
        {
            return;
        }
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
        Place(track, at, HandoffKey(chain, index), EscalationStep.HandoffLimit, index, 0, breachedAt);
        Flush(track);
    }

    /// <summary>Plans the ladder of a remedy with its own deadline and not given (<see cref="RemedyDue.Deadline"/>),
    /// as the ladder of a breached commitment whose deadline is the remedy's: the levels of the chain version in force
    /// when the breached cycle started (the interaction's opening for the handoff limit), of the policy that governed
    /// the cycle (the current policy for the handoff limit; none: no ladder), keyed
    /// <c>{remedy-key}/{chain}@{step-id}/L{level}/R{repeat}</c>. A chain limited to some kinds escalates the remedies
    /// of those kinds' breaches (and always the handoff limit's).</summary>
    internal void PlanRemedy(RemedyDue due, Instant deadline)
    {
        CommitmentStatus? status = due.Commitment;
        // A cycle's remedy escalates with the chain of the policy that governed the cycle, the handoff limit's with the
        // chain of the policy in force now.
        if ((status is null ? chainName : status.Policy.EscalationChainName) is not { } remedyChain)
        {
            return;
        }
        EscalationChain chain = context.InForce(remedyChain, status?.StartedAt ?? timeline.Opened.At);
        if (chain.LevelSpan.Length == 0 || (status is not null && !chain.Escalates(status.Kind, status.Name)))
        {
            return;
        }
        Track track = this.track.Reset(chain, status, null, due.Key);
        RunLadder(track, deadline, deadline + Duration.Epsilon);
        Flush(track);
    }

    /// <summary>Places the ladder's listed steps (<see cref="EscalationLadder.Run"/>) and notes its next one.</summary>
    /// <param name="track">The cycle's track.</param>
    /// <param name="deadline">The cycle's deadline: the ladder counts its delays from it.</param>
    /// <param name="breachedAt">The first instant the cycle is breached (deadlines are inclusive: the deadline plus
    /// one nanosecond): no step is due before it, so a step at the deadline itself (a first level without delay) is
    /// due then.</param>
    private void RunLadder(Track track, Instant deadline, Instant breachedAt)
    {
        List<LadderStep> steps = ladderSteps;
        steps.Clear();
        LadderAhead ahead = EscalationLadder.Plan(track.Chain, deadline, now, new Site(this, track), steps);
        foreach (LadderStep step in steps)
        {
            Place(track, step.At < breachedAt ? breachedAt : step.At, null, EscalationStep.Level, step.Level, step.Repeat, step.Nominal);
        }
        track.Unlisted += ahead.Unlisted;
        track.NoteFuture(ahead.Next, acknowledged: true);
        track.NoteFuture(ahead.NextUnacknowledged, acknowledged: false);
    }

    /// <summary>When a level's step at <paramref name="nominal"/> is due: then, or when its recipient's working hours
    /// next open if the level waits for them.</summary>
    /// <remarks>Called for every step the ladder walks, most of which do not wait: the check is inlined into the caller
    /// and only the waiting case (<see cref="WaitForWorkingHours"/>, a directory call) pays for a call of its own.</remarks>
    private Instant WaitFor(EscalationChain chain, EscalationLevel level, Instant nominal) =>
        level.WaitsForWorkingHours ? WaitForWorkingHours(chain, level, nominal) : nominal;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Instant WaitForWorkingHours(EscalationChain chain, EscalationLevel level, Instant nominal)
    {
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
            bool acked = AnyAcknowledged && acknowledged.ContainsKey(key ?? (step == EscalationStep.Warning
                ? WarningKey(track, index)
                : LevelKey(track, index, repeat)));
            track.NoteFuture(at, acked);
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

    /// <summary>Lists the track's passed steps that are not acknowledged, and folds its next change into
    /// <see cref="Next"/>: the next step of any kind while a step is listed under
    /// <see cref="EscalationCatchUp.LatestOnly"/> (a later step supersedes it, acknowledged or not), otherwise the next
    /// step that is not acknowledged (one that is never shows).</summary>
    private void Flush(Track track)
    {
        int before = actions.Count;
        ListPassed(track);
        bool supersedes = track.Chain.CatchUp != EscalationCatchUp.FireAllMissed && actions.Count > before;
        if ((supersedes ? track.Future : track.FutureUnacknowledged) is { } future && (Next is null || future < Next))
        {
            Next = future;
        }
    }

    private void ListPassed(Track track)
    {
        if (track.Passed.Count == 0)
        {
            return;
        }
        Instant latest = track.Passed[0].At;
        foreach (PassedStep passed in track.Passed)
        {
            latest = passed.At > latest ? passed.At : latest;
        }
        bool fireAll = track.Chain.CatchUp == EscalationCatchUp.FireAllMissed;
        int first = actions.Count;
        foreach (PassedStep passed in track.Passed)
        {
            if (!fireAll && passed.At != latest)
            {
                continue;
            }
            if (fireAll && track.Unlisted > 0 && passed.Step == EscalationStep.Warning)
            {
                // The ladder skipped missed levels, which are later than every warning: the warning is not listed either.
                track.Unlisted += IsAcknowledged(WarningKey(track, passed.Index)) ? 0 : 1;
                continue;
            }
            ActionKey key = passed.Key ?? (passed.Step == EscalationStep.Warning
                ? WarningKey(track, passed.Index)
                : LevelKey(track, passed.Index, passed.Repeat));
            if (!IsAcknowledged(key))
            {
                actions.Add(Create(track, passed, key));
            }
        }
        int over = actions.Count - first - EscalationChain.MaxCatchUpSteps;
        if (over > 0)
        {
            actions.RemoveRange(first, over);   // the earliest ones: keep the latest the cap allows
            track.Unlisted += over;
        }
        if (track.Unlisted > 0 && actions.Count > first)
        {
            EscalationAction earliest = actions[first];
            actions[first] = Create(track, track.PassedOf(earliest), earliest.Key, track.Unlisted);
        }
    }

    private bool IsAcknowledged(ActionKey key) => AnyAcknowledged && acknowledged.ContainsKey(key);

    private EscalationAction Create(Track track, PassedStep passed, ActionKey key, int earlierStepsNotListed = 0)
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
            passed.Repeat, passed.At, passed.At < now, recipient, action, customAction, contacts, fallback, earlierStepsNotListed);
    }

    /// <summary>The key of a warning, <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/W{warning}</c>, built in one go.</summary>
    private ActionKey WarningKey(Track track, int index)
    {
        CommitmentCycle cycle = track.Cycle!;
        return ActionKey.Warning(timeline.InteractionId, cycle.Kind, cycle.Name, cycle.Index, track.Chain.Name, track.Chain.WarningStepId(index), index);
    }

    /// <summary>The key of the handoff limit's step, <c>{interaction}/HandoffLimit/{chain}@{step-id}/L{level}/R0</c>.</summary>
    private ActionKey HandoffKey(EscalationChain chain, int index) =>
        ActionKey.HandoffLimitLevel(timeline.InteractionId, chain.Name, chain.LevelStepId(index), index);

    /// <summary>The key of a level, <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/L{level}/R{repeat}</c>.</summary>
    private ActionKey LevelKey(Track track, int index, int repeat)
    {
        if (track.Remedy is { } remedy)
        {
            return ActionKey.RemedyLevel(remedy, track.Chain.Name, track.Chain.LevelStepId(index), index, repeat);
        }
        CommitmentCycle cycle = track.Cycle!;
        return ActionKey.Level(timeline.InteractionId, cycle.Kind, cycle.Name, cycle.Index, track.Chain.Name, track.Chain.LevelStepId(index), index, repeat);
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

        /// <summary>The key of the overdue remedy the track escalates; null for a cycle's or the handoff limit's track.</summary>
        internal ActionKey? Remedy { get; private set; }

        internal List<PassedStep> Passed { get; } = new();

        /// <summary>The earliest step after the evaluated instant.</summary>
        internal Instant? Future { get; private set; }

        /// <summary>The earliest step after the evaluated instant that is not acknowledged.</summary>
        internal Instant? FutureUnacknowledged { get; private set; }

        /// <summary>The missed steps, not acknowledged, that a capped catch-up does not list.</summary>
        internal int Unlisted { get; set; }

        /// <summary>The passed step an action was created from.</summary>
        internal PassedStep PassedOf(EscalationAction action)
        {
            foreach (PassedStep passed in Passed)
            {
                if (passed.Step == action.Step && passed.Index == action.StepIndex && passed.Repeat == action.Repeat && passed.At == action.DueAt)
                {
                    return passed;
                }
            }
            throw new System.Diagnostics.UnreachableException("Every action of a track comes from one of its passed steps.");
        }

        internal Track Reset(EscalationChain chain, CommitmentStatus? status, CommitmentCycle? cycle, ActionKey? remedy = null)
        {
            Chain = chain;
            Status = status;
            Cycle = cycle;
            Remedy = remedy;
            Passed.Clear();
            Future = null;
            FutureUnacknowledged = null;
            Unlisted = 0;
            return this;
        }

        /// <summary>Notes a step after the evaluated instant (null: none), acknowledged already or not.</summary>
        internal void NoteFuture(Instant? at, bool acknowledged)
        {
            if (at is not { } a)
            {
                return;
            }
            Future = Future is null || a < Future ? a : Future;
            if (!acknowledged)
            {
                FutureUnacknowledged = FutureUnacknowledged is null || a < FutureUnacknowledged ? a : FutureUnacknowledged;
            }
        }
    }
}
