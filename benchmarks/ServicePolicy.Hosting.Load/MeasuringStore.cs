// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using NodaTime;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// Wraps the real store as the runtime's <see cref="IInteractionStore"/>, to measure without touching the runtime:
/// counts the interactions each path writes, the time spent inside the runtime's updater (reading the stored timeline,
/// evaluating, serializing: the runtime's CPU work) against the whole store call (that plus SQL, locks and commit), and
/// for the timer path the lag of each re-evaluation: the store's clock after the commit minus the interaction's
/// <c>NextChangeAt</c> before it.
/// </summary>
/// <remarks>While <see cref="WakeOverride"/> is set, the fact path's changes get that wake-up instead of the one the
/// evaluation computed (seeding only: it is how the tool makes interactions fall due when it wants).</remarks>
public sealed class MeasuringStore : IInteractionStore
{
    private readonly IInteractionStore inner;
    private readonly IClock clock;
    private readonly List<double> lagsMs = [];
    private long factWritten, dueWritten, dueCalls, emptyDueCalls, updaterTicks, factStoreTicks, dueStoreTicks;
    private long lastCommitTicks = long.MinValue, firstClaimTicks = long.MaxValue;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="inner">The real store.</param>
    /// <param name="clock">The store's clock, read after each timer commit.</param>
    public MeasuringStore(IInteractionStore inner, IClock clock)
    {
        this.inner = inner;
        this.clock = clock;
    }

    /// <summary>Gets or sets the wake-up forced on the fact path's changes; null to keep the evaluated one.</summary>
    public Func<string, Instant?>? WakeOverride { get; set; }

    /// <summary>Gets how many interactions the fact path wrote.</summary>
    public long FactWritten => Interlocked.Read(ref factWritten);

    /// <summary>Gets how many interactions the timer path wrote.</summary>
    public long DueWritten => Interlocked.Read(ref dueWritten);

    /// <summary>Gets how many timer passes found nothing due.</summary>
    public long EmptyDueCalls => Interlocked.Read(ref emptyDueCalls);

    /// <summary>Gets how many timer passes ran.</summary>
    public long DueCalls => Interlocked.Read(ref dueCalls);

    /// <summary>Gets the time spent in the runtime's updater, both paths.</summary>
    public TimeSpan UpdaterTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref updaterTicks));

    /// <summary>Gets the time spent in the store's fact path calls (updater included).</summary>
    public TimeSpan FactStoreTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref factStoreTicks));

    /// <summary>Gets the time spent in the store's timer path calls (updater included).</summary>
    public TimeSpan DueStoreTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref dueStoreTicks));

    /// <summary>Gets the wall-clock time (Unix ms) the first timer pass that wrote something started; null if none.</summary>
    public long? FirstClaimUnixMs => Interlocked.Read(ref firstClaimTicks) is long t && t != long.MaxValue ? t : null;

    /// <summary>Gets the wall-clock time (Unix ms) of the last timer commit that wrote something; null if none.</summary>
    public long? LastCommitUnixMs => Interlocked.Read(ref lastCommitTicks) is long t && t != long.MinValue ? t : null;

    /// <summary>Raised after every timer pass with the number of interactions it wrote.</summary>
    public event Action<int>? DuePassCompleted;

    /// <summary>The lags measured so far, in milliseconds.</summary>
    /// <returns>A copy.</returns>
    public double[] LagsMs()
    {
        lock (lagsMs)
        {
            return [.. lagsMs];
        }
    }

    /// <summary>Forgets the counters and lags (after seeding).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref factWritten, 0);
        Interlocked.Exchange(ref dueWritten, 0);
        Interlocked.Exchange(ref dueCalls, 0);
        Interlocked.Exchange(ref emptyDueCalls, 0);
        Interlocked.Exchange(ref updaterTicks, 0);
        Interlocked.Exchange(ref factStoreTicks, 0);
        Interlocked.Exchange(ref dueStoreTicks, 0);
        Interlocked.Exchange(ref lastCommitTicks, long.MinValue);
        Interlocked.Exchange(ref firstClaimTicks, long.MaxValue);
        lock (lagsMs)
        {
            lagsMs.Clear();
        }
    }

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => inner.GetCurrentInstantAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken) => inner.FindAsync(interactionId, cancellationToken);

    /// <inheritdoc/>
    public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        Func<string, Instant?>? wake = WakeOverride;
        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<InteractionRecord> written = await inner.UpdateAsync(interactionIds, (id, current, now) =>
        {
            long t = Stopwatch.GetTimestamp();
            InteractionChange? change = updater(id, current, now);
            Interlocked.Add(ref updaterTicks, Stopwatch.GetTimestamp() - t);
            return change is null || wake is null ? change : new InteractionChange(change.Timeline, change.Summary, wake(id), change.Outbox);
        }, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref factStoreTicks, Stopwatch.GetTimestamp() - start);
        Interlocked.Add(ref factWritten, written.Count);
        return written;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        var due = new Dictionary<string, Instant?>(StringComparer.Ordinal);
        long startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<InteractionRecord> written = await inner.UpdateDueAsync(maxCount, (id, current, now) =>
        {
            long t = Stopwatch.GetTimestamp();
            InteractionChange? change = updater(id, current, now);
            Interlocked.Add(ref updaterTicks, Stopwatch.GetTimestamp() - t);
            lock (due)
            {
                due[id] = current?.NextChangeAt;
            }
            return change;
        }, cancellationToken).ConfigureAwait(false);
        Instant committed = clock.GetCurrentInstant();
        Interlocked.Add(ref dueStoreTicks, Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref dueCalls);
        if (written.Count == 0)
        {
            Interlocked.Increment(ref emptyDueCalls);
        }
        else
        {
            Interlocked.Add(ref dueWritten, written.Count);
            long endMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            InterlockedMax(ref lastCommitTicks, endMs);
            InterlockedMin(ref firstClaimTicks, startMs);
            lock (lagsMs)
            {
                foreach (InteractionRecord record in written)
                {
                    if (due.TryGetValue(record.Id, out Instant? wake) && wake is { } w)
                    {
                        lagsMs.Add((committed - w).TotalMilliseconds);
                    }
                }
            }
        }
        DuePassCompleted?.Invoke(written.Count);
        return written;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void InterlockedMin(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) > value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
