// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace ServicePolicy.Hosting.Storage;

/// <summary>
/// Where interactions live: their timelines, the summary of their latest evaluation and when to wake them, written
/// together with the actions that fall due, in one transaction. Implemented by the in-memory store (tests, one
/// process), SQLite (the embedded default) and PostgreSQL (several nodes on one database); every implementation
/// passes the same contract tests.
/// </summary>
/// <remarks>
/// <para>The store evaluates nothing: the caller's <see cref="InteractionUpdater"/> works out each change while the
/// store holds the interaction's lock, and the store writes the record, increases its version by one and inserts each
/// outbox entry unless its key is already there, all in one transaction. Two writers never change one interaction at
/// the same time, on one machine or several: versions of an interaction only increase, one at a time.</para>
/// <para>Time is the store's: <see cref="GetCurrentInstantAsync"/> reads the database's clock (an implementation may
/// take an <c>IClock</c> for tests), so that due interactions are found by one clock, not by each node's.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IInteractionStore
{
    /// <summary>Creates the schema, or migrates it to this version of the package. Safe to call from several nodes at
    /// once.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the schema is ready.</returns>
    /// <exception cref="StoreSchemaException">The database's schema is newer than this package understands.</exception>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Reads the store's clock.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The current instant by the store's clock.</returns>
    Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken);

    /// <summary>Reads one interaction.</summary>
    /// <param name="interactionId">The interaction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record; null when the interaction is not stored.</returns>
    Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken);

    /// <summary>The fact path: in one transaction, locks each interaction (stored or not), calls
    /// <paramref name="updater"/> for it, and writes what it returns.</summary>
    /// <param name="interactionIds">The interactions to change, each once. The store locks them in an order of its own
    /// (one fixed order for every transaction, so that two never deadlock); the updater is called, and the records
    /// returned, in the order given.</param>
    /// <param name="updater">Works out each change.</param>
    /// <param name="cancellationToken">Cancels the call; the transaction rolls back.</param>
    /// <returns>The records written, in the order of <paramref name="interactionIds"/> (an interaction for which the
    /// updater returned null is left out).</returns>
    /// <exception cref="System.ArgumentException">An id is repeated.</exception>
    Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken);

    /// <summary>The timer path: in one transaction, claims up to <paramref name="maxCount"/> interactions whose
    /// <see cref="InteractionRecord.NextChangeAt"/> is at or before the store's clock, earliest first, skipping any that
    /// another writer holds, calls <paramref name="updater"/> for each and writes what it returns.</summary>
    /// <param name="maxCount">The most interactions to claim.</param>
    /// <param name="updater">Works out each change.</param>
    /// <param name="cancellationToken">Cancels the call; the transaction rolls back.</param>
    /// <returns>The records written.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken);

    /// <summary>Reads a page of the queue from an index, ordered by deadline then id.</summary>
    /// <param name="query">What to read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken);
}
