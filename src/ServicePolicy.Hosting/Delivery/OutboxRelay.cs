// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Polly;
using Polly.Retry;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Telemetry;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>
/// Delivers the outbox: leases a batch of due entries, hands each to the <see cref="IOutboxChannel"/> through a Polly
/// pipeline (retries with exponential backoff and jitter, a timeout per attempt), and marks it sent; an entry whose
/// every attempt fails is dead-lettered with its last error.
/// </summary>
/// <remarks>
/// <para>Guarantees. Planning is exactly once (the outbox holds each key once). Delivery is at least once: an entry
/// stays pending until a relay marks it sent or dead-letters it, and a lease that runs out (its relay crashed, hung, or
/// lost the database) lets another relay lease it again. A key reaches the channel more than once only when a relay
/// delivered it and could not mark it sent: it stopped or crashed in between, or its lease ran out and another claimant
/// leased the entry (the first relay's <see cref="IOutboxStore.MarkSentAsync"/> is then refused and logged, event
/// 2102). A channel that drops duplicates by <see cref="OutboxDelivery.Key"/> gives effectively-once delivery.</para>
/// <para>Leases and the lease budget. Every entry is leased for <see cref="OutboxRelayOptions.LeaseDuration"/> by the
/// store's clock, which the options check is longer than every attempt timing out plus the longest waits between them.
/// The entries of a batch share one lease, and are delivered <see cref="OutboxRelayOptions.Parallelism"/> at a time in
/// the order the store leased them (earliest due first); before it starts an entry, the relay checks, by its own
/// <see cref="IClock"/>, that what is left of the lease still covers that worst case, and gives the entry back at once
/// (<see cref="OutboxRelayReport.Released"/>) when it does not, so a long batch cannot make a late entry outlive its
/// lease.</para>
/// <para>Concurrency. The relay is thread-safe, and one instance may be called concurrently (a timer tick and a manual
/// call at the same moment): the store never leases an entry that is already leased, so the calls get different
/// entries, and the relay never hands one entry to two deliveries: if the store leases it again (its lease ran out
/// while this relay was still delivering it), the second call leaves it to the delivery in flight
/// (<see cref="OutboxRelayReport.InFlight"/>).</para>
/// <para>Outcomes. After a successful attempt the entry is marked sent, even if the caller cancels meanwhile (so a
/// stopping host records what it delivered). When the caller cancels during an attempt or a wait between attempts,
/// the entry, and every entry of the batch not yet started, is released at once (<see cref="IOutboxStore.ReleaseAsync"/>
/// with no cancellation) and the call throws <see cref="OperationCanceledException"/>. Each failed attempt is logged
/// (event 2103); a dead letter is logged as an error (event 2101) and stays in the store, listed by
/// <see cref="IOutboxStore.ListOutboxAsync"/> with <see cref="OutboxState.DeadLettered"/>, until the host retries it
/// with <see cref="IOutboxStore.RetryDeadLetterAsync"/>. Store exceptions propagate (the lease then runs out).</para>
/// <para>Time. The lease budget is measured on the <see cref="IClock"/>; the waits between attempts and the attempt
/// timeouts run on the <see cref="TimeProvider"/> (Polly's timer), so tests run them without sleeping. A channel must
/// honour its cancellation token: the attempt timeout cancels it, and the relay waits for the attempt to end.</para>
/// </remarks>
[Mutable]
public sealed class OutboxRelay
{
    private readonly IOutboxStore store;
    private readonly IOutboxChannel channel;
    private readonly IClock clock;
    private readonly ILogger logger;
    private readonly int batchSize;
    private readonly int maxAttempts;
    private readonly int parallelism;
    private readonly Duration lease;
    private readonly Duration worstCase;
    private readonly Duration attemptTimeout;
    private readonly ResiliencePipeline pipeline;
    private readonly HostingMetrics metrics;
    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);

    /// <summary>Creates a relay.</summary>
    /// <param name="store">The outbox.</param>
    /// <param name="channel">Delivers entries.</param>
    /// <param name="clock">The relay's clock, for its lease budget.</param>
    /// <param name="timeProvider">The timer for the waits between attempts and the attempt timeouts.</param>
    /// <param name="options">The options; copied and checked now.</param>
    /// <param name="logger">Where failures, dead letters and lost leases are logged; null for none.</param>
    /// <param name="nodeId">This node's name, the first part of <see cref="Claimant"/>; null for the machine name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="channel"/>,
    /// <paramref name="clock"/>, <paramref name="timeProvider"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of its range (the message names every one, with its
    /// configuration path and value), or <paramref name="nodeId"/> is empty.</exception>
    public OutboxRelay(IOutboxStore store, IOutboxChannel channel, IClock clock, TimeProvider timeProvider, OutboxRelayOptions options,
        ILogger<OutboxRelay>? logger = null, string? nodeId = null)
        : this(store, channel, clock, timeProvider, options, logger, nodeId, randomizer: null)
    {
    }

    /// <summary>Creates a relay whose jitter comes from <paramref name="randomizer"/> (tests), measured on
    /// <paramref name="metrics"/> (the container's; null for the process-wide instruments).</summary>
    internal OutboxRelay(IOutboxStore store, IOutboxChannel channel, IClock clock, TimeProvider timeProvider, OutboxRelayOptions options,
        ILogger? logger, string? nodeId, Func<double>? randomizer, HostingMetrics? metrics = null)
    {
        this.metrics = metrics ?? HostingMetrics.Static;
        this.store = Preconditions.CheckNotNull(store);
        this.channel = Preconditions.CheckNotNull(channel);
        this.clock = Preconditions.CheckNotNull(clock);
        Preconditions.CheckNotNull(timeProvider);
        IReadOnlyList<string> errors = OutboxRelayOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            Preconditions.ThrowArgument(nameof(options), string.Join(" ", errors));
        }
        Preconditions.CheckArgument(nodeId is null || nodeId.Length > 0, nameof(nodeId), "A node id must not be empty.");
        this.logger = logger ?? NullLogger.Instance;
        batchSize = options.BatchSize;
        maxAttempts = options.MaxAttempts;
        parallelism = options.Parallelism;
        lease = options.LeaseDuration;
        attemptTimeout = options.AttemptTimeout;
        worstCase = OutboxRelayOptionsValidator.WorstCase(options);
        Claimant = string.Create(CultureInfo.InvariantCulture, $"{nodeId ?? Environment.MachineName}/{Guid.NewGuid():N}");
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (maxAttempts > 1)
        {
            var retry = new RetryStrategyOptions
            {
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.InitialBackoff.ToTimeSpan(),
                MaxDelay = options.MaxBackoff.ToTimeSpan(),
                // Every exception but the caller's cancellation is a failed attempt, a timed-out one included.
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } e &&
                    !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
            };
            if (randomizer is not null)
            {
                retry.Randomizer = randomizer;
            }
            builder.AddRetry(retry);
        }
        pipeline = builder.AddTimeout(attemptTimeout.ToTimeSpan()).Build();
    }

    /// <summary>Gets this relay's claimant in the store: <c>{node id}/{a new GUID}</c>, different for every
    /// instance.</summary>
    public string Claimant { get; }

    /// <summary>Leases up to <see cref="OutboxRelayOptions.BatchSize"/> due entries and delivers them: each is marked
    /// sent, dead-lettered after its last attempt, or released (see the class remarks).</summary>
    /// <param name="cancellationToken">Stops the run: the entries not yet settled are released and the call throws.</param>
    /// <returns>What happened to each entry leased.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Any exception the store throws propagates, after the entries not yet started are released where the
    /// store still answers.</remarks>
    public async Task<OutboxRelayReport> RelayOnceAsync(CancellationToken cancellationToken = default)
    {
        OutboxRelayReport report;
        try
        {
            Instant leasedAt = clock.GetCurrentInstant();
            IReadOnlyList<OutboxRecord> batch = await store.LeaseAsync(Claimant, batchSize, lease, cancellationToken).ConfigureAwait(false);
            report = batch.Count == 0
                ? new OutboxRelayReport(0, [], [], [], [], [])
                : await RelayBatchInSpanAsync(batch, leasedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A pass that failed (the store down, the host stopping) leaves no count standing for it.
            metrics.RecordPending(null);
            throw;
        }
        await RefreshPendingAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<OutboxRelayReport> RelayBatchInSpanAsync(IReadOnlyList<OutboxRecord> batch, Instant leasedAt, CancellationToken cancellationToken)
    {
        // A span for a batch, not for every poll that finds nothing.
        using Activity? activity = HostingMetrics.Source.StartActivity("servicepolicy.outbox.relay");
        activity?.SetTag("servicepolicy.outbox.leased", batch.Count);
        try
        {
            return await RelayBatchAsync(batch, leasedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (HostingTelemetry.Failed(activity, e))
        {
            throw;
        }
    }

    /// <summary>Reads the store's pending count for the <c>servicepolicy.outbox.pending</c> gauge, when it is listened
    /// to. The pass is done by then: a failed or cancelled count clears the gauge (it reports nothing until the next
    /// count) instead of failing the pass.</summary>
    private async Task RefreshPendingAsync(CancellationToken cancellationToken)
    {
        if (!metrics.ObservesPending)
        {
            return;
        }
        long? count;
        try
        {
            count = await store.CountPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            count = null;
        }
        metrics.RecordPending(count);
    }

    private async Task<OutboxRelayReport> RelayBatchAsync(IReadOnlyList<OutboxRecord> batch, Instant leasedAt, CancellationToken cancellationToken)
    {
        var outcomes = new Outcome[batch.Count];
        int next = -1;
        int stop = 0;

        async Task WorkAsync()
        {
            while (Volatile.Read(ref stop) == 0)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= batch.Count)
                {
                    return;
                }
                outcomes[i] = Outcome.Started;
                try
                {
                    outcomes[i] = await RelayAsync(batch[i], leasedAt, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    Volatile.Write(ref stop, 1);
                    throw;
                }
            }
        }

        Task all = Task.WhenAll(Enumerable.Range(0, Math.Min(parallelism, batch.Count)).Select(_ => WorkAsync()).ToArray());
        try
        {
            await all.ConfigureAwait(false);
        }
        catch (Exception)
        {
            string reason = cancellationToken.IsCancellationRequested ? "the relay stopped before delivering it." : "the delivery run failed before delivering it.";
            for (int i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] == Outcome.NotStarted)
                {
                    await ReleaseQuietlyAsync(batch[i].Entry.Key, reason).ConfigureAwait(false);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        return new OutboxRelayReport(batch.Count, KeysWith(Outcome.Delivered), KeysWith(Outcome.DeadLettered), KeysWith(Outcome.Released),
            KeysWith(Outcome.LostLease), KeysWith(Outcome.InFlight));

        IReadOnlyList<string> KeysWith(Outcome outcome) =>
            batch.Where((_, i) => outcomes[i] == outcome).Select(r => r.Entry.Key).ToList().AsReadOnly();
    }

    /// <summary>Delivers one leased entry and settles it, in a span when someone listens.</summary>
    private async Task<Outcome> RelayAsync(OutboxRecord record, Instant leasedAt, CancellationToken cancellationToken)
    {
        using Activity? activity = HostingMetrics.Source.StartActivity("servicepolicy.outbox.deliver");
        if (activity is null)
        {
            return await DeliverAsync(record, leasedAt, cancellationToken).ConfigureAwait(false);
        }
        activity.SetTag(HostingMetrics.OutboxKindTag, HostingMetrics.KindName(record.Entry.Kind));
        activity.SetTag("servicepolicy.outbox.key", record.Entry.Key);
        activity.SetTag("servicepolicy.interaction.id", record.Entry.InteractionId);
        activity.SetTag("servicepolicy.outbox.leases", record.Leases);
        try
        {
            Outcome outcome = await DeliverAsync(record, leasedAt, cancellationToken).ConfigureAwait(false);
            activity.SetTag("servicepolicy.outbox.outcome", OutcomeName(outcome));
            if (outcome is Outcome.DeadLettered or Outcome.LostLease)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
            return outcome;
        }
        catch (Exception e) when (HostingTelemetry.Failed(activity, e))
        {
            throw;
        }
    }

    private static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Delivered => "sent",
        Outcome.DeadLettered => "dead_lettered",
        Outcome.Released => "released",
        Outcome.LostLease => "lease_lost",
        _ => "in_flight",
    };

    /// <summary>Delivers one leased entry and settles it.</summary>
    private async Task<Outcome> DeliverAsync(OutboxRecord record, Instant leasedAt, CancellationToken cancellationToken)
    {
        OutboxEntry entry = record.Entry;
        if (!inFlight.TryAdd(entry.Key, 0))
        {
            OutboxRelayLog.AlreadyInFlight(logger, entry.Key, Claimant);
            return Outcome.InFlight;
        }
        try
        {
            if (clock.GetCurrentInstant() - leasedAt + worstCase >= lease)
            {
                // Too little of the lease is left for every attempt: give the entry back rather than risk a delivery
                // that outlives its lease (and a duplicate from whoever leases it next).
                string reason = "too little of its lease was left to make every attempt; the next run leases it again.";
                bool released = await store.ReleaseAsync(entry.Key, Claimant, null, CancellationToken.None).ConfigureAwait(false);
                if (!released)
                {
                    OutboxRelayLog.LeaseLost(logger, entry.Key, Claimant, "released");
                    return Outcome.LostLease;
                }
                OutboxRelayLog.Released(logger, entry.Key, Claimant, reason);
                return Outcome.Released;
            }
            int attempts = 0;
            string? lastError = null;
            try
            {
                await pipeline.ExecuteAsync(async token =>
                {
                    int attempt = ++attempts;
                    try
                    {
                        await channel.DeliverAsync(new OutboxDelivery(entry.Key, entry.InteractionId, entry.Kind, entry.DueAt, entry.Payload, attempt, record.Leases), token)
                            .ConfigureAwait(false);
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Recorded here, where the channel's own exception is still visible (a timeout shows as the
                        // channel's cancellation); the pipeline then decides whether to retry.
                        lastError = Describe(e, token);
                        OutboxRelayLog.AttemptFailed(logger, entry.Key, attempt, maxAttempts, lastError, e);
                        metrics.RecordFailedAttempt(entry.Kind);
                        throw;
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Cancelled by the caller (during an attempt, or while waiting for the next): the entry goes back at once,
                // and RelayOnceAsync answers with the cancellation, whatever the last attempt threw.
                await ReleaseQuietlyAsync(entry.Key, "the relay stopped during its delivery.").ConfigureAwait(false);
                throw;
            }
            catch (Exception) when (lastError is not null)
            {
                string error = string.Create(CultureInfo.InvariantCulture, $"{attempts} of {maxAttempts} attempt(s) failed; the last: {lastError}");
                if (!await store.DeadLetterAsync(entry.Key, Claimant, error, CancellationToken.None).ConfigureAwait(false))
                {
                    OutboxRelayLog.LeaseLost(logger, entry.Key, Claimant, "dead-lettered");
                    return Outcome.LostLease;
                }
                OutboxRelayLog.DeadLettered(logger, entry.Key, entry.Kind.ToString(), entry.InteractionId, attempts, Claimant, error);
                metrics.RecordDeadLettered(entry.Kind);
                return Outcome.DeadLettered;
            }
            // Delivered: recorded even when the caller cancels meanwhile, so that a stopping host does not send it twice.
            if (!await store.MarkSentAsync(entry.Key, Claimant, CancellationToken.None).ConfigureAwait(false))
            {
                OutboxRelayLog.LeaseLost(logger, entry.Key, Claimant, "sent");
                return Outcome.LostLease;
            }
            metrics.RecordSent(record, metrics.ObservesDeliveryLatency ? clock.GetCurrentInstant() : default);
            return Outcome.Delivered;
        }
        finally
        {
            inFlight.TryRemove(entry.Key, out _);
        }
    }

    /// <summary>Releases an entry with no cancellation; a store error is logged, not thrown (the lease then runs
    /// out).</summary>
    private async Task ReleaseQuietlyAsync(string key, string reason)
    {
        try
        {
            // No error to record: the entry was not tried, or its attempt was cut short by the stop.
            if (await store.ReleaseAsync(key, Claimant, null, CancellationToken.None).ConfigureAwait(false))
            {
                OutboxRelayLog.Released(logger, key, Claimant, reason);
            }
        }
        catch (Exception e)
        {
            OutboxRelayLog.ReleaseFailed(logger, key, Claimant, e);
        }
    }

    private string Describe(Exception e, CancellationToken attemptToken) =>
        e is OperationCanceledException && attemptToken.IsCancellationRequested
            ? string.Create(CultureInfo.InvariantCulture, $"it timed out after {attemptTimeout}.")
            : $"{e.GetType().FullName}: {e.Message}";

    /// <summary>What became of one leased entry.</summary>
    private enum Outcome
    {
        NotStarted,
        Started,
        Delivered,
        DeadLettered,
        Released,
        LostLease,
        InFlight,
    }
}
