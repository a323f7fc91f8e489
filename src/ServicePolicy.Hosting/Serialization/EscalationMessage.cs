// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Text.Json;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>
/// An escalation step as a channel reads it from an outbox payload (<see cref="Storage.OutboxKind.Escalation"/>): who to
/// tell, what to do, and why, with the key the channel can de-duplicate on.
/// </summary>
/// <remarks>Immutable. Equality is reference equality. Read from the payload written when the step was planned, so it
/// reflects the chain version and recipients of that moment.</remarks>
[Immutable]
public sealed class EscalationMessage
{
    private EscalationMessage(ActionKey key, string interactionId, Instant dueAt, bool isLate, (CommitmentKind? Kind, string? Name, int? Cycle) commitment,
        (string Name, int Version) chain, (EscalationStep Step, int Index, int Repeat) step, (EscalationRecipientKind Kind, string? Name) recipient,
        IReadOnlyList<string> contacts, (EscalationActionKind Kind, string? Custom) action, bool usedFallback)
    {
        Key = key;
        InteractionId = interactionId;
        DueAt = dueAt;
        IsLate = isLate;
        (Commitment, CommitmentName, Cycle) = commitment;
        (ChainName, ChainVersion) = chain;
        (Step, StepIndex, Repeat) = step;
        (RecipientKind, RecipientName) = recipient;
        Contacts = contacts;
        (Action, CustomAction) = action;
        UsedFallback = usedFallback;
    }

    /// <summary>Gets the step's idempotency key.</summary>
    public ActionKey Key { get; }

    /// <summary>Gets the interaction the step is for.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the instant the step fell due.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets whether the step was planned after it fell due (the host was down, or a fact came late).</summary>
    public bool IsLate { get; }

    /// <summary>Gets the breached or endangered commitment's kind; null for the handoff limit's step.</summary>
    public CommitmentKind? Commitment { get; }

    /// <summary>Gets a custom commitment's name; null for the other kinds.</summary>
    public string? CommitmentName { get; }

    /// <summary>Gets the commitment's cycle; null for the handoff limit's step.</summary>
    public int? Cycle { get; }

    /// <summary>Gets the escalation chain's name.</summary>
    public string ChainName { get; }

    /// <summary>Gets the escalation chain's version.</summary>
    public int ChainVersion { get; }

    /// <summary>Gets whether the step is a warning, a level or the handoff limit's step.</summary>
    public EscalationStep Step { get; }

    /// <summary>Gets the step's index among the chain's warnings or levels.</summary>
    public int StepIndex { get; }

    /// <summary>Gets the repeat round (0 for the first pass through the levels).</summary>
    public int Repeat { get; }

    /// <summary>Gets who the step is for.</summary>
    public EscalationRecipientKind RecipientKind { get; }

    /// <summary>Gets the recipient's role, person or rota name; null for the owner, the owner's lead and the owner's
    /// manager.</summary>
    public string? RecipientName { get; }

    /// <summary>Gets the ids of the people to contact, as the directory resolved them when the step was planned.</summary>
    public IReadOnlyList<string> Contacts { get; }

    /// <summary>Gets what to do.</summary>
    public EscalationActionKind Action { get; }

    /// <summary>Gets a custom action's name; null for the other actions.</summary>
    public string? CustomAction { get; }

    /// <summary>Gets whether the chain's fallback contact was used because the recipient could not be resolved.</summary>
    public bool UsedFallback { get; }

    /// <summary>Reads an escalation payload (<see cref="Storage.OutboxEntry.Payload"/> of an
    /// <see cref="Storage.OutboxKind.Escalation"/> entry).</summary>
    /// <param name="payload">The payload text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="payload"/> is null.</exception>
    /// <exception cref="StoredFormatException">The payload is not an escalation payload of a format this package reads;
    /// the message names the property.</exception>
    public static EscalationMessage Parse(string payload)
    {
        Preconditions.CheckNotNull(payload);
        return OutboxPayload.Read(payload, OutboxPayload.EscalationKind, Read);
    }

    /// <summary>Returns the key and recipient for logs.</summary>
    /// <returns>Such as <c>T-1/FirstResponse/0/standard@a8d12acb2806/L0/R0 to OwnersLead</c>.</returns>
    public override string ToString() => $"{Key} to {RecipientKind}{(RecipientName is null ? "" : " " + RecipientName)}";

    private static EscalationMessage Read(JsonDocument document)
    {
        (JsonFields fields, ActionKey key, string interactionId, Instant dueAt) = OutboxPayload.ReadHeader(document, OutboxPayload.EscalationKind);
        bool late = fields.RequiredBool("late");
        (CommitmentKind? kind, string? name, int? cycle) = OutboxPayload.ReadCommitment(fields);
        JsonFields chain = fields.RequiredObject("chain");
        string chainName = chain.RequiredString("name");
        int chainVersion = chain.RequiredInt("version");
        chain.EnsureAllRead();
        EscalationStep step = fields.RequiredEnum<EscalationStep>("step");
        int stepIndex = fields.RequiredInt("stepIndex");
        int repeat = fields.RequiredInt("repeat");
        JsonFields recipient = fields.RequiredObject("recipient");
        EscalationRecipientKind recipientKind = recipient.RequiredEnum<EscalationRecipientKind>("kind");
        string? recipientName = recipient.OptionalString("name");
        recipient.EnsureAllRead();
        var contacts = new List<string>();
        foreach (JsonElement contact in fields.RequiredArray("contacts").EnumerateArray())
        {
            contacts.Add(contact.ValueKind == JsonValueKind.String ? contact.GetString()! : throw fields.Invalid("contacts", contact, "an array of strings"));
        }
        EscalationActionKind action = fields.RequiredEnum<EscalationActionKind>("action");
        string? customAction = fields.OptionalString("customAction");
        bool fallback = fields.RequiredBool("fallback");
        fields.EnsureAllRead();
        return new EscalationMessage(key, interactionId, dueAt, late, (kind, name, cycle), (chainName, chainVersion), (step, stepIndex, repeat),
            (recipientKind, recipientName), contacts.AsReadOnly(), (action, customAction), fallback);
    }
}
