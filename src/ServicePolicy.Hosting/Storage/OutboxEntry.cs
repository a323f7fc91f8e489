// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>An action planned for delivery: an escalation step or a breach remedy, identified by its idempotency
/// key.</summary>
[Immutable]
public sealed class OutboxEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="key">The action's idempotency key (<c>ActionKey.ToString()</c>): the outbox holds each key once.</param>
    /// <param name="interactionId">The interaction the action is for.</param>
    /// <param name="kind">What the action is.</param>
    /// <param name="dueAt">When the action fell due.</param>
    /// <param name="payload">What the channel needs to deliver it, serialized (see <c>docs/hosting.md</c>); opaque to the
    /// store.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="kind"/> is not defined.</exception>
    public OutboxEntry(string key, string interactionId, OutboxKind kind, Instant dueAt, string payload)
    {
        Key = Preconditions.CheckNotNull(key);
        InteractionId = Preconditions.CheckNotNull(interactionId);
        Preconditions.CheckArgumentRange((int)kind, (int)OutboxKind.Escalation, (int)OutboxKind.DelayNotice, nameof(kind));
        Kind = kind;
        DueAt = dueAt;
        Payload = Preconditions.CheckNotNull(payload);
    }

    /// <summary>Gets the action's idempotency key.</summary>
    public string Key { get; }

    /// <summary>Gets the interaction the action is for.</summary>
    public string InteractionId { get; }

    /// <summary>Gets what the action is.</summary>
    public OutboxKind Kind { get; }

    /// <summary>Gets when the action fell due.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets the serialized payload.</summary>
    public string Payload { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Key}";
}
