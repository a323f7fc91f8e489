// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>An outbox that forwards to another one, except that its first <see cref="FailLeases"/> leases and first
/// <see cref="FailMarkSent"/> sent marks and first <see cref="FailReleases"/> releases throw <see cref="Failure"/>, as
/// a database that is unreachable would; and its first <see cref="FailCounts"/> pending counts.</summary>
internal sealed class FlakyOutboxStore(IOutboxStore inner) : IOutboxStore
{
    private int leases;
    private int marks;
    private int releases;
    private int counts;

    public int FailLeases { get; init; }

    public int FailMarkSent { get; init; }

    public int FailReleases { get; init; }

    public int FailCounts { get; init; }

    public Func<Exception> Failure { get; init; } = () => new StoreDownException();

    public int LeaseCalls => Volatile.Read(ref leases);

    public int CountCalls => Volatile.Read(ref counts);

    public Task<IReadOnlyList<OutboxRecord>> LeaseAsync(string claimant, int maxCount, Duration lease, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref leases) <= FailLeases ? throw Failure() : inner.LeaseAsync(claimant, maxCount, lease, cancellationToken);

    public Task<bool> MarkSentAsync(string key, string claimant, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref marks) <= FailMarkSent ? throw Failure() : inner.MarkSentAsync(key, claimant, cancellationToken);

    public Task<bool> ReleaseAsync(string key, string claimant, string? error, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref releases) <= FailReleases ? throw Failure() : inner.ReleaseAsync(key, claimant, error, cancellationToken);

    public Task<bool> DeadLetterAsync(string key, string claimant, string error, CancellationToken cancellationToken) =>
        inner.DeadLetterAsync(key, claimant, error, cancellationToken);

    public Task<OutboxRecord?> FindOutboxAsync(string key, CancellationToken cancellationToken) => inner.FindOutboxAsync(key, cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(OutboxState state, int maxCount, string? afterKey, CancellationToken cancellationToken) =>
        inner.ListOutboxAsync(state, maxCount, afterKey, cancellationToken);

    public Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken) => inner.RetryDeadLetterAsync(key, cancellationToken);

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        Interlocked.Increment(ref counts) <= FailCounts ? throw Failure() : inner.CountPendingAsync(cancellationToken);

    /// <summary>The store is unreachable.</summary>
    public sealed class StoreDownException() : IOException("the database is unreachable");
}
