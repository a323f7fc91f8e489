// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>
/// An early delay notice the host owes the customer: a commitment cycle whose target has a delay notice
/// (<see cref="Policies.ServiceTarget.DelayNotice"/>) is at risk, so the customer is told before the promise is broken.
/// It is listed in every evaluation while the cycle is at risk, with the same <see cref="Key"/>, so the host (its
/// outbox, insert if absent) sends it once per cycle; it is not listed once the cycle is met, ended, paused or breached
/// (the breach's remedies take over).
/// </summary>
/// <remarks>Immutable. Equality is reference equality; compare <see cref="Key"/>s.</remarks>
[Immutable]
public sealed class DelayNotice
{
    internal DelayNotice(string templateId, CommitmentStatus commitment, ActionKey key)
    {
        TemplateId = templateId;
        Commitment = commitment;
        Key = key;
    }

    /// <summary>Gets the host's id of the message template.</summary>
    public string TemplateId { get; }

    /// <summary>Gets the at-risk commitment cycle, with its deadline to tell the customer.</summary>
    public CommitmentStatus Commitment { get; }

    /// <summary>Gets the instant the cycle became at risk: when the notice fell due.</summary>
    public Instant DueAt => Commitment.AtRiskAt!.Value;

    /// <summary>Gets a deterministic key, the same on every evaluation and machine:
    /// <c>{interaction}/{kind}/{cycle}/notice</c> (kind <c>Custom:{name}</c> for custom commitments; the grammar is on
    /// <see cref="ActionKey"/>). Store its <see cref="ActionKey.ToString"/>.</summary>
    public ActionKey Key { get; }

    /// <summary>Returns the key and the template id.</summary>
    /// <returns>The notice for logs.</returns>
    public override string ToString() => $"{Key}: notice '{TemplateId}'";
}
