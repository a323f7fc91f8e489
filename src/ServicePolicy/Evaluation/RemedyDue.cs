// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// A remedy the host owes the customer because a commitment cycle or the handoff limit was breached. It is listed in
/// every evaluation after the breach, once, with the same <see cref="Key"/>, until a <see cref="RemedyGiven"/> fact
/// records it given: the host acts on each key once.
/// </summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class RemedyDue
{
    internal RemedyDue(BreachRemedy remedy, Instant dueAt, CommitmentStatus? commitment, ActionKey key, Instant? deadline = null, Instant now = default)
    {
        Remedy = remedy;
        DueAt = dueAt;
        Commitment = commitment;
        Key = key;
        Deadline = deadline;
        IsOverdue = deadline is { } d && now > d;
    }

    /// <summary>Gets the remedy.</summary>
    public BreachRemedy Remedy { get; }

    /// <summary>Gets the instant of the breach that made it due.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets the remedy's own deadline: its <see cref="BreachRemedy.Deadline"/> rule counted on the breached
    /// target's calendar from the breached cycle's deadline (as escalation delays are; <see cref="DueAt"/> is one
    /// nanosecond later), or from the handoff that breached the handoff limit; inclusive, as every deadline; null when
    /// the remedy has none.</summary>
    public Instant? Deadline { get; }

    /// <summary>Gets whether the evaluated instant is after <see cref="Deadline"/> and the remedy was not given: the
    /// remedy's deadline is breached, and it escalates like a breached commitment.</summary>
    public bool IsOverdue { get; }

    /// <summary>Gets the breached commitment cycle; null when the handoff limit was breached.</summary>
    public CommitmentStatus? Commitment { get; }

    /// <summary>Gets a deterministic key, the same on every evaluation and machine:
    /// <c>{interaction}/{kind}/{cycle}/remedy/{index}</c> (kind <c>Custom:{name}</c> for custom commitments), or
    /// <c>{interaction}/HandoffLimit/remedy/{index}</c>, where index is the remedy's position in the policy (the
    /// grammar is on <see cref="ActionKey"/>). Store its <see cref="ActionKey.ToString"/>.</summary>
    public ActionKey Key { get; }

    /// <summary>Returns the key and the remedy.</summary>
    /// <returns>The remedy for logs.</returns>
    public override string ToString() => $"{Key}: {Remedy}";
}
