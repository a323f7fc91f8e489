// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace ServicePolicy.Hosting.Storage;

/// <summary>
/// The outbox the fact and timer paths insert into (<see cref="IInteractionStore"/>) and the relay delivers from:
/// entries are leased to one claimant at a time, marked sent by the holder of the lease only, and dead-lettered when
/// every attempt failed.
/// </summary>
/// <remarks>
/// <para>A lease is taken by the store's clock and lasts <c>lease</c>; when it ends without the entry being marked
/// sent (the claimant died, hung, or was cut off from the database), any claimant can lease the entry again. A
/// claimant never leases an entry it already holds, so one relay polling twice at once does not deliver twice.</para>
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Leases up to <paramref name="maxCount"/> pending entries whose lease is free or has ended, earliest due
    /// first, skipping entries another transaction is leasing at the same moment.</summary>
    /// <param name="claimant">Who takes the lease (a node and relay id).</param>
    /// <param name="maxCount">The most entries to lease.</param>
    /// <param name="lease">How long the lease lasts, by the store's clock.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leased entries, each with its lease count already increased.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="claimant"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1 or
    /// <paramref name="lease"/> is not positive.</exception>
    Task<IReadOnlyList<OutboxRecord>> LeaseAsync(string claimant, int maxCount, Duration lease, CancellationToken cancellationToken);

    /// <summary>Marks an entry sent, if <paramref name="claimant"/> still holds its lease (the lease may have ended: what
    /// matters is that no one else leased it since).</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="claimant">The claimant that delivered it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True if marked; false when another claimant leased the entry since, or it is no longer pending.</returns>
    Task<bool> MarkSentAsync(string key, string claimant, CancellationToken cancellationToken);

    /// <summary>Gives a leased entry back at once (the relay is stopping, or one delivery run failed and another may try),
    /// recording the error, if <paramref name="claimant"/> holds it.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="claimant">The claimant giving it back.</param>
    /// <param name="error">Why; null when there was no error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True if released; false when the claimant did not hold it.</returns>
    Task<bool> ReleaseAsync(string key, string claimant, string? error, CancellationToken cancellationToken);

    /// <summary>Dead-letters an entry whose every attempt failed, with the last error, if <paramref name="claimant"/>
    /// holds it.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="claimant">The claimant that tried it.</param>
    /// <param name="error">The last error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True if dead-lettered; false when the claimant did not hold it.</returns>
    Task<bool> DeadLetterAsync(string key, string claimant, string error, CancellationToken cancellationToken);

    /// <summary>Reads one entry.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record; null when no entry has that key.</returns>
    Task<OutboxRecord?> FindOutboxAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads entries in one state, ordered by key (ordinal, byte order in a database), for paging.</summary>
    /// <param name="state">The state.</param>
    /// <param name="maxCount">The most entries to return.</param>
    /// <param name="afterKey">Return only entries whose key sorts after this one (ordinal); null from the start.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries, ordered by key.</returns>
    Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(OutboxState state, int maxCount, string? afterKey, CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered entry back to pending, free to lease, so that it is delivered again.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True if it was dead-lettered and is now pending; false otherwise.</returns>
    Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken);

    /// <summary>Counts the pending entries, leased or not, due or not: what is still to be delivered.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of entries in <see cref="OutboxState.Pending"/>.</returns>
    /// <remarks>The relay calls it after every pass while the <c>servicepolicy.outbox.pending</c> instrument is
    /// listened to, so an implementation should answer from an index (a count over the pending entries), not by
    /// reading them.</remarks>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);
}
