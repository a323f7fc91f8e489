// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using NodaTime.Text;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// An escalation step due at the evaluated instant: who to reach, what to do, and a deterministic <see cref="Key"/> the
/// host de-duplicates by (the runtime in ServicePolicy.Hosting records it in its outbox once per key, insert if absent,
/// and its relay passes the key to the channel, which drops a duplicate delivery by it).
/// </summary>
/// <remarks>Immutable. Equality is reference equality; compare <see cref="Key"/>s.</remarks>
[Immutable]
public sealed class EscalationAction
{
    internal EscalationAction(ActionKey key, string interactionId, CommitmentKind? commitment, string? commitmentName, int? cycle,
        EscalationChain chain, EscalationStep step, int stepIndex, int repeat, Instant dueAt, bool isLate, EscalationRecipient recipient,
        EscalationActionKind action, string? customAction, IReadOnlyList<EscalationContact> contacts, bool usedFallback, int earlierStepsNotListed)
    {
        Key = key;
        InteractionId = interactionId;
        Commitment = commitment;
        CommitmentName = commitmentName;
        Cycle = cycle;
        ChainName = chain.Name;
        ChainVersion = chain.Version;
        Step = step;
        StepIndex = stepIndex;
        Repeat = repeat;
        DueAt = dueAt;
        IsLate = isLate;
        Recipient = recipient;
        Action = action;
        CustomAction = customAction;
        Contacts = contacts;
        UsedFallback = usedFallback;
        EarlierStepsNotListed = earlierStepsNotListed;
    }

    /// <summary>Gets the deterministic idempotency key, the same on every evaluation, machine and restart, and across
    /// chain versions that leave the step as it was:
    /// <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/W{warning}</c> for warnings,
    /// <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/L{level}/R{repeat}</c> for levels, and
    /// <c>{interaction}/HandoffLimit/{chain}@{step-id}/L{level}/R0</c> for a breached handoff limit, where kind is
    /// <c>Custom:{name}</c> for custom commitments and step-id the fingerprint of the warning's or level's definition
    /// (the grammar is on <see cref="ActionKey"/>). Store or send its <see cref="ActionKey.ToString"/>; acknowledge a
    /// step with this key.</summary>
    public ActionKey Key { get; }

    /// <summary>Gets the host's id of the interaction.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the kind of the escalated commitment; null for a breached handoff limit.</summary>
    public CommitmentKind? Commitment { get; }

    /// <summary>Gets the name of an escalated custom commitment; null otherwise.</summary>
    public string? CommitmentName { get; }

    /// <summary>Gets the escalated commitment's cycle; null for a breached handoff limit.</summary>
    public int? Cycle { get; }

    /// <summary>Gets the chain's name.</summary>
    public string ChainName { get; }

    /// <summary>Gets the chain version the cycle escalates with.</summary>
    public int ChainVersion { get; }

    /// <summary>Gets the part of the chain the step comes from.</summary>
    public EscalationStep Step { get; }

    /// <summary>Gets the zero-based index of the warning or level in the chain.</summary>
    public int StepIndex { get; }

    /// <summary>Gets how many times this level fired before in this cycle (repeats and restarts after an
    /// acknowledgement timeout); 0 for warnings and first firings.</summary>
    public int Repeat { get; }

    /// <summary>Gets the step's moment: the trigger instant, moved to a recipient's working hours for levels that wait.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets whether the evaluation ran after <see cref="DueAt"/> (catch-up after downtime, or a retry).</summary>
    public bool IsLate { get; }

    /// <summary>Gets the recipient role of the step.</summary>
    public EscalationRecipient Recipient { get; }

    /// <summary>Gets what the host does.</summary>
    public EscalationActionKind Action { get; }

    /// <summary>Gets the name of the host's own action when <see cref="Action"/> is <see cref="EscalationActionKind.Custom"/>; null otherwise.</summary>
    public string? CustomAction { get; }

    /// <summary>Gets who to reach: the recipient's contacts, or the chain's fallback contact; never empty.</summary>
    public IReadOnlyList<EscalationContact> Contacts { get; }

    /// <summary>Gets whether the recipient resolved to nobody, so <see cref="Contacts"/> is the chain's fallback contact.</summary>
    public bool UsedFallback { get; }

    /// <summary>Gets how many missed steps of the same cycle, all earlier than this one, the evaluation did not list
    /// because its <see cref="EscalationCatchUp.FireAllMissed"/> catch-up lists at most
    /// <see cref="EscalationChain.MaxCatchUpSteps"/> (the latest ones): more than zero only on the earliest action listed
    /// for a capped cycle; zero otherwise. Those steps are not listed later either: a host that wants them said
    /// summarises them (say, "and 43,041 earlier reminders").</summary>
    public int EarlierStepsNotListed { get; }

    /// <summary>Returns the key, action, contacts and moment, such as
    /// <c>T-1/FirstResponse/0/standard@5d1c0e6f2a9b/L0/R0: Notify lead-1 at 2025-03-10T17:00:00Z</c>.</summary>
    /// <returns>The action for logs.</returns>
    public override string ToString() =>
        $"{Key}: {(Action == EscalationActionKind.Custom ? CustomAction : Action.ToString())} {string.Join(", ", Contacts)}{(UsedFallback ? " (fallback)" : "")} at {InstantPattern.ExtendedIso.Format(DueAt)}{(IsLate ? " (late)" : "")}";
}
