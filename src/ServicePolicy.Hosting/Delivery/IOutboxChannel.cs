// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Threading;
using System.Threading.Tasks;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>
/// Delivers outbox entries to the world: sends the message, pages the person, reassigns the ticket. The host implements
/// it; the <see cref="OutboxRelay"/> calls it with each entry it leased.
/// </summary>
/// <remarks>
/// <para>Delivery is at least once: the channel may see a key more than once. A duplicate happens when a relay
/// delivers an entry and then cannot mark it sent (it stopped, crashed or lost its lease first), after which the
/// lease runs out and a relay delivers the entry again. The channel should therefore drop duplicates by
/// <see cref="OutboxDelivery.Key"/> (pass it on as an idempotency key where the destination takes one): delivery is
/// effectively once where it does. Planning is exactly once: the outbox holds each key once.</para>
/// <para>Completing means "delivered"; throwing means "not delivered" (the relay retries with backoff and, after the
/// last attempt, dead-letters the entry). The relay cancels <c>cancellationToken</c> when the attempt times out or
/// the host stops; a channel should stop promptly then. Implementations must be thread-safe: a relay delivers
/// several entries at once (<see cref="OutboxRelayOptions.Parallelism"/>).</para>
/// </remarks>
public interface IOutboxChannel
{
    /// <summary>Delivers one entry.</summary>
    /// <param name="delivery">The entry, with its key, payload and attempt number.</param>
    /// <param name="cancellationToken">Cancelled when the attempt times out or the relay stops.</param>
    /// <returns>A task that completes when the entry is delivered, and faults when it is not.</returns>
    Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken);
}
