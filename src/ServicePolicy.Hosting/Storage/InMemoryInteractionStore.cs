// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>
/// A store in memory, for tests and for a single process that can afford to forget everything when it stops. It
/// keeps the same contract as the database stores (the contract tests run against it too), with one lock for every
/// operation, so it is the reference the others are compared with, not a fast store.
/// </summary>
/// <remarks>Thread-safe. Its clock is the <see cref="IClock"/> it is given.</remarks>
[Mutable]
public sealed class InMemoryInteractionStore : IInteractionStore, IOutboxStore
{
    private readonly object gate = new();
    private readonly IClock clock;
    private readonly Dictionary<string, InteractionRecord> interactions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, OutboxRecord> outbox = new(StringComparer.Ordinal);

    /// <summary>Creates an empty store.</summary>
    /// <param name="clock">The store's clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public InMemoryInteractionStore(IClock clock)
    {
        this.clock = Preconditions.CheckNotNull(clock);
    }

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => Task.FromResult(clock.GetCurrentInstant());

    /// <inheritdoc/>
    public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionId);
        lock (gate)
        {
            return Task.FromResult(interactions.GetValueOrDefault(interactionId));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionIds);
        Preconditions.CheckNotNull(updater);
        Preconditions.CheckArgument(interactionIds.All(id => id is not null), nameof(interactionIds), "An interaction id is null.");
        Preconditions.CheckArgument(interactionIds.Distinct(StringComparer.Ordinal).Count() == interactionIds.Count, nameof(interactionIds),
            "Each interaction may appear once in a transaction.");
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(Write(interactionIds, updater));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue, nameof(maxCount));
        Preconditions.CheckNotNull(updater);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            Instant now = clock.GetCurrentInstant();
            List<string> due = interactions.Values
                .Where(r => r.NextChangeAt is { } at && at <= now)
                .OrderBy(r => r.NextChangeAt).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(maxCount).Select(r => r.Id).ToList();
            return Task.FromResult(Write(due, updater));
        }
    }

    /// <inheritdoc/>
    public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(query);
        lock (gate)
        {
            // Deadline order with rows without one last, then id: the order the database stores read from their index.
            List<InteractionRecord> rows = interactions.Values
                .Where(r => query.Matches(r.Summary) && IsAfter(r, query.After))
                .OrderBy(r => r.Summary.Deadline is null).ThenBy(r => r.Summary.Deadline).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(query.PageSize + 1).ToList();
            bool more = rows.Count > query.PageSize;
            if (more)
            {
                rows.RemoveAt(rows.Count - 1);
            }
            QueueCursor? next = more ? new QueueCursor(rows[^1].Summary.Deadline, rows[^1].Id) : null;
            return Task.FromResult(new QueuePage(rows, next));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxRecord>> LeaseAsync(string claimant, int maxCount, Duration lease, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(claimant);
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue, nameof(maxCount));
        if (lease <= Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(lease), lease, $"A lease must be positive; {lease} is not.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            Instant now = clock.GetCurrentInstant();
            List<OutboxRecord> leased = outbox.Values
                .Where(r => r.State == OutboxState.Pending && (r.LeaseUntil is not { } until || until <= now))
                .OrderBy(r => r.Entry.DueAt).ThenBy(r => r.Entry.Key, StringComparer.Ordinal)
                .Take(maxCount)
                .Select(r => new OutboxRecord(r.Entry, OutboxState.Pending, r.Leases + 1, claimant, now + lease, r.LastError, r.CreatedAt, null))
                .ToList();
            foreach (OutboxRecord record in leased)
            {
                outbox[record.Entry.Key] = record;
            }
            return Task.FromResult<IReadOnlyList<OutboxRecord>>(leased);
        }
    }

    /// <inheritdoc/>
    public Task<bool> MarkSentAsync(string key, string claimant, CancellationToken cancellationToken) =>
        Task.FromResult(Settle(key, claimant, r => new OutboxRecord(r.Entry, OutboxState.Sent, r.Leases, r.LeasedBy, r.LeaseUntil, r.LastError, r.CreatedAt, clock.GetCurrentInstant())));

    /// <inheritdoc/>
    public Task<bool> ReleaseAsync(string key, string claimant, string? error, CancellationToken cancellationToken) =>
        Task.FromResult(Settle(key, claimant, r => new OutboxRecord(r.Entry, OutboxState.Pending, r.Leases, r.LeasedBy, null, error ?? r.LastError, r.CreatedAt, null)));

    /// <inheritdoc/>
    public Task<bool> DeadLetterAsync(string key, string claimant, string error, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(error);
        return Task.FromResult(Settle(key, claimant, r => new OutboxRecord(r.Entry, OutboxState.DeadLettered, r.Leases, r.LeasedBy, null, error, r.CreatedAt, null)));
    }

    /// <inheritdoc/>
    public Task<OutboxRecord?> FindOutboxAsync(string key, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        lock (gate)
        {
            return Task.FromResult(outbox.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(OutboxState state, int maxCount, string? afterKey, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue, nameof(maxCount));
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxRecord>>(outbox.Values
                .Where(r => r.State == state && (afterKey is null || string.CompareOrdinal(r.Entry.Key, afterKey) > 0))
                .Take(maxCount).ToList());
        }
    }

    /// <inheritdoc/>
    public Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(outbox.Values.LongCount(r => r.State == OutboxState.Pending));
        }
    }

    /// <inheritdoc/>
    public Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        lock (gate)
        {
            if (!outbox.TryGetValue(key, out OutboxRecord? r) || r.State != OutboxState.DeadLettered)
            {
                return Task.FromResult(false);
            }
            outbox[key] = new OutboxRecord(r.Entry, OutboxState.Pending, r.Leases, r.LeasedBy, null, r.LastError, r.CreatedAt, null);
            return Task.FromResult(true);
        }
    }

    private static bool IsAfter(InteractionRecord record, QueueCursor? cursor)
    {
        if (cursor is null)
        {
            return true;
        }
        Instant? deadline = record.Summary.Deadline;
        if (cursor.Deadline is not { } after)
        {
            return deadline is null && string.CompareOrdinal(record.Id, cursor.InteractionId) > 0;
        }
        return deadline is not { } d || d > after || (d == after && string.CompareOrdinal(record.Id, cursor.InteractionId) > 0);
    }

    private IReadOnlyList<InteractionRecord> Write(IReadOnlyList<string> ids, InteractionUpdater updater)
    {
        Instant now = clock.GetCurrentInstant();
        // Work out every change before writing any, so that an updater's exception leaves the store as it was.
        var changes = new List<(string Id, InteractionRecord? Current, InteractionChange Change)>();
        foreach (string id in ids)
        {
            InteractionRecord? current = interactions.GetValueOrDefault(id);
            if (updater(id, current, now) is { } change)
            {
                changes.Add((id, current, change));
            }
        }
        var written = new List<InteractionRecord>(changes.Count);
        foreach ((string id, InteractionRecord? current, InteractionChange change) in changes)
        {
            var record = new InteractionRecord(id, (current?.Version ?? 0) + 1, change.Timeline, change.Summary, change.NextChangeAt);
            interactions[id] = record;
            written.Add(record);
            foreach (OutboxEntry entry in change.Outbox)
            {
                outbox.TryAdd(entry.Key, new OutboxRecord(entry, OutboxState.Pending, 0, null, null, null, now, null));
            }
        }
        return written;
    }

    private bool Settle(string key, string claimant, Func<OutboxRecord, OutboxRecord> settle)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        lock (gate)
        {
            if (!outbox.TryGetValue(key, out OutboxRecord? record) || record.State != OutboxState.Pending
                || !string.Equals(record.LeasedBy, claimant, StringComparison.Ordinal) || record.LeaseUntil is null)
            {
                return false;
            }
            outbox[key] = settle(record);
            return true;
        }
    }
}
