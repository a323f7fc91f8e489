// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>
/// An early delay notice to the customer (a commitment now at risk), as a channel reads it from an outbox payload
/// (<see cref="Storage.OutboxKind.DelayNotice"/>), with the key the channel can de-duplicate on: one notice per
/// commitment cycle.
/// </summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class DelayNoticeMessage
{
    private DelayNoticeMessage(ActionKey key, string interactionId, Instant dueAt, string templateId, Instant deadline,
        CommitmentKind commitment, string? commitmentName, int cycle)
    {
        Key = key;
        InteractionId = interactionId;
        DueAt = dueAt;
        TemplateId = templateId;
        Deadline = deadline;
        Commitment = commitment;
        CommitmentName = commitmentName;
        Cycle = cycle;
    }

    /// <summary>Gets the notice's idempotency key, <c>{interaction}/{kind}/{cycle}/notice</c>.</summary>
    public ActionKey Key { get; }

    /// <summary>Gets the interaction the notice is for.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the instant the commitment became at risk.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets the host's id of the message template.</summary>
    public string TemplateId { get; }

    /// <summary>Gets the at-risk commitment's deadline when the notice was recorded.</summary>
    public Instant Deadline { get; }

    /// <summary>Gets the at-risk commitment's kind.</summary>
    public CommitmentKind Commitment { get; }

    /// <summary>Gets a custom commitment's name; null for the other kinds.</summary>
    public string? CommitmentName { get; }

    /// <summary>Gets the at-risk commitment's cycle.</summary>
    public int Cycle { get; }

    /// <summary>Reads a delay notice payload (<see cref="Storage.OutboxEntry.Payload"/> of a
    /// <see cref="Storage.OutboxKind.DelayNotice"/> entry).</summary>
    /// <param name="payload">The payload text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="payload"/> is null.</exception>
    /// <exception cref="StoredFormatException">The payload is not a delay notice payload of a format this package
    /// reads; the message names the property.</exception>
    public static DelayNoticeMessage Parse(string payload)
    {
        Preconditions.CheckNotNull(payload);
        return OutboxPayload.Read(payload, OutboxPayload.DelayNoticeKind, Read);
    }

    /// <summary>Returns the key and the template for logs.</summary>
    /// <returns>Such as <c>T-1/FirstResponse/0/notice: running-late</c>.</returns>
    public override string ToString() => $"{Key}: {TemplateId}";

    private static DelayNoticeMessage Read(JsonDocument document)
    {
        (JsonFields fields, ActionKey key, string interactionId, Instant dueAt) = OutboxPayload.ReadHeader(document, OutboxPayload.DelayNoticeKind);
        string template = fields.RequiredString("template");
        Instant deadline = fields.RequiredInstant("deadline");
        (CommitmentKind? commitment, string? name, int? cycle) = OutboxPayload.ReadCommitment(fields);
        fields.EnsureAllRead();
        if (commitment is null || key.Step != ActionKeyStep.DelayNotice)
        {
            throw fields.Invalid("a delay notice needs a commitment and a key ending in /notice.");
        }
        return new DelayNoticeMessage(key, interactionId, dueAt, template, deadline, commitment.Value, name, cycle!.Value);
    }
}
