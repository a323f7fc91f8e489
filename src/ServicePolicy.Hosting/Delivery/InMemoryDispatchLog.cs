// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>
/// An <see cref="IDispatchLog"/> in memory: for a single process, or for tests. Everything is lost when the process
/// ends, so after a restart keys are delivered again; use a durable log in production.
/// </summary>
/// <remarks>Thread-safe: every operation takes one lock. Equality is reference equality.</remarks>
[Mutable]
public sealed class InMemoryDispatchLog : IDispatchLog
{
    private readonly object gate = new();
    private readonly Dictionary<string, (string? Claimant, Instant LeaseUntil, Instant? SentAt)> entries = new(System.StringComparer.Ordinal);

    /// <summary>Gets the number of keys marked sent.</summary>
    public int SentCount
    {
        get
        {
            lock (gate)
            {
                int count = 0;
                foreach (var entry in entries.Values)
                {
                    count += entry.SentAt is null ? 0 : 1;
                }
                return count;
            }
        }
    }

    /// <summary>Returns when a key was marked sent; null when it was not.</summary>
    /// <param name="key">The action's key.</param>
    /// <returns>The instant of delivery, or null.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> is null.</exception>
    public Instant? SentAt(string key)
    {
        Preconditions.CheckNotNull(key);
        lock (gate)
        {
            return entries.TryGetValue(key, out var entry) ? entry.SentAt : null;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> or <paramref name="claimant"/> is null.</exception>
    public ValueTask<DispatchClaim> TryClaimAsync(string key, string claimant, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (entries.TryGetValue(key, out var entry))
            {
                if (entry.SentAt is not null)
                {
                    return new(DispatchClaim.AlreadySent);
                }
                if (entry.Claimant is not null && entry.Claimant != claimant && now < entry.LeaseUntil)
                {
                    return new(DispatchClaim.HeldByAnother);
                }
            }
            entries[key] = (claimant, leaseUntil, null);
            return new(DispatchClaim.Claimed);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> is null.</exception>
    public ValueTask MarkSentAsync(string key, Instant sentAt, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            entries[key] = (null, sentAt, sentAt);
        }
        return default;
    }

    /// <inheritdoc/>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> or <paramref name="claimant"/> is null.</exception>
    public ValueTask ReleaseAsync(string key, string claimant, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (entries.TryGetValue(key, out var entry) && entry.SentAt is null && entry.Claimant == claimant)
            {
                entries.Remove(key);
            }
        }
        return default;
    }
}
