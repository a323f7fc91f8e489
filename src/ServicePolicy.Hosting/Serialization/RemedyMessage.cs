// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>
/// A remedy owed to the customer, as a channel reads it from an outbox payload (<see cref="Storage.OutboxKind.Remedy"/>),
/// with the key the channel can de-duplicate on.
/// </summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class RemedyMessage
{
    private RemedyMessage(ActionKey key, string interactionId, Instant dueAt, BreachRemedy remedy, string description,
        CommitmentKind? commitment, string? commitmentName, int? cycle, Instant? deadline)
    {
        Deadline = deadline;
        Key = key;
        InteractionId = interactionId;
        DueAt = dueAt;
        Remedy = remedy;
        Description = description;
        Commitment = commitment;
        CommitmentName = commitmentName;
        Cycle = cycle;
    }

    /// <summary>Gets the remedy's idempotency key.</summary>
    public ActionKey Key { get; }

    /// <summary>Gets the interaction the remedy is for.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the instant of the breach that made it due.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets the remedy's own deadline (<c>RemedyDue.Deadline</c>); null when it has none.</summary>
    public Instant? Deadline { get; }

    /// <summary>Gets the remedy.</summary>
    public BreachRemedy Remedy { get; }

    /// <summary>Gets the remedy described for staff, as <see cref="BreachRemedy.ToString"/> wrote it
    /// (<c>Credit 5 GBP</c>).</summary>
    public string Description { get; }

    /// <summary>Gets the breached commitment's kind; null when the handoff limit was breached.</summary>
    public CommitmentKind? Commitment { get; }

    /// <summary>Gets a custom commitment's name; null for the other kinds.</summary>
    public string? CommitmentName { get; }

    /// <summary>Gets the breached commitment's cycle; null when the handoff limit was breached.</summary>
    public int? Cycle { get; }

    /// <summary>Reads a remedy payload (<see cref="Storage.OutboxEntry.Payload"/> of a
    /// <see cref="Storage.OutboxKind.Remedy"/> entry).</summary>
    /// <param name="payload">The payload text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="payload"/> is null.</exception>
    /// <exception cref="StoredFormatException">The payload is not a remedy payload of a format this package reads; the
    /// message names the property.</exception>
    public static RemedyMessage Parse(string payload)
    {
        Preconditions.CheckNotNull(payload);
        return OutboxPayload.Read(payload, OutboxPayload.RemedyKind, Read);
    }

    /// <summary>Returns the key and the remedy for logs.</summary>
    /// <returns>Such as <c>T-1/FollowUp/0/remedy/1: Credit 5 GBP</c>.</returns>
    public override string ToString() => $"{Key}: {Description}";

    private static RemedyMessage Read(JsonDocument document)
    {
        (JsonFields fields, ActionKey key, string interactionId, Instant dueAt) = OutboxPayload.ReadHeader(document, OutboxPayload.RemedyKind);
        JsonFields remedyFields = fields.RequiredObject("remedy");
        RemedyKind kind = remedyFields.RequiredEnum<RemedyKind>("kind");
        string? detail = remedyFields.OptionalString("detail");
        decimal? amount = remedyFields.OptionalDecimal("amount");
        string? currency = remedyFields.OptionalString("currency");
        string? deadlineRule = remedyFields.OptionalString("deadlineRule");
        remedyFields.EnsureAllRead();
        BreachRemedy remedy = kind switch
        {
            RemedyKind.Apology when detail is null && amount is null => BreachRemedy.Apology(),
            RemedyKind.Accommodation when detail is not null => BreachRemedy.Accommodation(detail, amount, currency),
            RemedyKind.Credit when detail is null && amount is { } credit && currency is not null => BreachRemedy.Credit(credit, currency),
            RemedyKind.ProactiveMessage when detail is not null && amount is null => BreachRemedy.ProactiveMessage(detail),
            _ => throw remedyFields.Invalid($"a {kind} remedy cannot have detail '{detail}', amount '{amount}' and currency '{currency}'."),
        };
        if (deadlineRule is not null)
        {
            remedy = remedy.WithDeadline(DeadlineExpression.TryParse(deadlineRule, out DeadlineRule? rule, out DeadlineExpressionFormatException? error)
                ? rule
                : throw remedyFields.Invalid($"the property 'deadlineRule' must be a deadline expression: {error.Message}", error));
        }
        string description = fields.RequiredString("description");
        Instant? deadline = fields.OptionalInstant("deadline");
        (CommitmentKind? commitment, string? name, int? cycle) = OutboxPayload.ReadCommitment(fields);
        fields.EnsureAllRead();
        return new RemedyMessage(key, interactionId, dueAt, remedy, description, commitment, name, cycle, deadline);
    }
}
