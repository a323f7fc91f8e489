// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>One attempt to deliver an outbox entry, as an <see cref="IOutboxChannel"/> receives it.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class OutboxDelivery
{
    /// <summary>Creates a delivery (the relay does; tests of a channel may).</summary>
    /// <param name="key">The entry's idempotency key.</param>
    /// <param name="interactionId">The interaction the entry is for.</param>
    /// <param name="kind">What the entry delivers.</param>
    /// <param name="dueAt">When the action fell due.</param>
    /// <param name="payload">The serialized payload (JSON).</param>
    /// <param name="attempt">The attempt number within this lease, from 1.</param>
    /// <param name="lease">How many times the entry has been leased so far, this lease included, from 1.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/>, <paramref name="interactionId"/> or
    /// <paramref name="payload"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, or
    /// <paramref name="attempt"/> or <paramref name="lease"/> is less than 1.</exception>
    public OutboxDelivery(string key, string interactionId, OutboxKind kind, Instant dueAt, string payload, int attempt, int lease)
    {
        Key = Preconditions.CheckNotNull(key);
        InteractionId = Preconditions.CheckNotNull(interactionId);
        Preconditions.CheckArgumentRange((int)kind, (int)OutboxKind.Escalation, (int)OutboxKind.DelayNotice, nameof(kind));
        Preconditions.CheckArgumentRange(attempt, 1, int.MaxValue, nameof(attempt));
        Preconditions.CheckArgumentRange(lease, 1, int.MaxValue, nameof(lease));
        Kind = kind;
        DueAt = dueAt;
        Payload = Preconditions.CheckNotNull(payload);
        Attempt = attempt;
        Lease = lease;
    }

    /// <summary>Gets the entry's idempotency key: the same for every attempt and every lease of the entry, so a channel
    /// drops duplicates by it.</summary>
    public string Key { get; }

    /// <summary>Gets the interaction the entry is for.</summary>
    public string InteractionId { get; }

    /// <summary>Gets what the entry delivers.</summary>
    public OutboxKind Kind { get; }

    /// <summary>Gets when the action fell due.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets the serialized payload (JSON; see <c>docs/hosting.md</c>).</summary>
    public string Payload { get; }

    /// <summary>Gets the attempt number within this lease: 1 for the first, up to
    /// <see cref="OutboxRelayOptions.MaxAttempts"/>.</summary>
    public int Attempt { get; }

    /// <summary>Gets how many times the entry has been leased so far, this lease included: more than 1 means an earlier
    /// delivery run ended without marking it sent (a crash, a lost lease, a stop, or a retried dead letter), so the
    /// channel may have seen this key before.</summary>
    public int Lease { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Key} (lease {Lease}, attempt {Attempt})";
}
