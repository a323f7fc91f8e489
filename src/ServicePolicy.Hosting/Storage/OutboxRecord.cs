// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>An outbox entry as the store holds it, with its delivery state.</summary>
[Immutable]
public sealed class OutboxRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="state">Its delivery state.</param>
    /// <param name="leases">How many times it was leased (each lease is one delivery run, with its own retries).</param>
    /// <param name="leasedBy">The claimant holding or last holding the lease; null if never leased.</param>
    /// <param name="leaseUntil">When the lease ends (by the store's clock); null if never leased.</param>
    /// <param name="lastError">The last delivery error; null if none.</param>
    /// <param name="createdAt">When the entry was inserted (by the store's clock).</param>
    /// <param name="sentAt">When it was marked sent (by the store's clock); null unless sent.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public OutboxRecord(OutboxEntry entry, OutboxState state, int leases, string? leasedBy, Instant? leaseUntil, string? lastError, Instant createdAt, Instant? sentAt)
    {
        Entry = Preconditions.CheckNotNull(entry);
        Preconditions.CheckArgumentRange((int)state, (int)OutboxState.Pending, (int)OutboxState.DeadLettered, nameof(state));
        Preconditions.CheckArgumentRange(leases, 0, int.MaxValue, nameof(leases));
        State = state;
        Leases = leases;
        LeasedBy = leasedBy;
        LeaseUntil = leaseUntil;
        LastError = lastError;
        CreatedAt = createdAt;
        SentAt = sentAt;
    }

    /// <summary>Gets the entry.</summary>
    public OutboxEntry Entry { get; }

    /// <summary>Gets the delivery state.</summary>
    public OutboxState State { get; }

    /// <summary>Gets how many times the entry was leased.</summary>
    public int Leases { get; }

    /// <summary>Gets the claimant holding or last holding the lease; null if never leased.</summary>
    public string? LeasedBy { get; }

    /// <summary>Gets when the lease ends; null if never leased.</summary>
    public Instant? LeaseUntil { get; }

    /// <summary>Gets the last delivery error; null if none.</summary>
    public string? LastError { get; }

    /// <summary>Gets when the entry was inserted.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets when it was marked sent; null unless sent.</summary>
    public Instant? SentAt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Entry} {State} (leases {Leases})";
}
