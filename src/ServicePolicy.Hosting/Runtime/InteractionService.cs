// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Telemetry;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>The <see cref="IInteractionService"/> registered by <c>AddServicePolicyHosting</c>, and the timer path
/// (<see cref="UpdateDueAsync"/>) its timer worker calls.</summary>
internal sealed class InteractionService : IInteractionService
{
    private readonly IInteractionStore store;
    private readonly IOutboxStore outbox;
    private readonly InteractionEvaluation evaluation;
    private readonly ILogger logger;
    private readonly HostingMetrics metrics;

    internal InteractionService(IInteractionStore store, IOutboxStore outbox, IServicePolicyEvaluator evaluator, ILogger<InteractionService>? logger = null,
        HostingMetrics? metrics = null)
    {
        this.store = Preconditions.CheckNotNull(store);
        this.outbox = Preconditions.CheckNotNull(outbox);
        evaluation = new InteractionEvaluation(Preconditions.CheckNotNull(evaluator));
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.metrics = metrics ?? HostingMetrics.Static;
    }

    public async Task<RecordResult> RecordAsync(string interactionId, TimelineFact fact, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionId);
        Preconditions.CheckNotNull(fact);
        IReadOnlyList<RecordResult> results = await RecordAsync([(interactionId, fact)], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    public async Task<IReadOnlyList<RecordResult>> RecordAsync(IReadOnlyList<(string InteractionId, TimelineFact Fact)> facts, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(facts);
        var groups = new Dictionary<string, List<TimelineFact>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < facts.Count; i++)
        {
            (string id, TimelineFact fact) = facts[i];
            Preconditions.CheckArgument(id is not null && fact is not null, nameof(facts), $"Entry {i} has a null interaction id or fact.");
            if (!groups.TryGetValue(id, out List<TimelineFact>? group))
            {
                groups.Add(id, group = []);
                order.Add(id);
            }
            group.Add(fact);
        }
        if (order.Count == 0)
        {
            return [];
        }

        using Activity? activity = HostingMetrics.Source.StartActivity("servicepolicy.record");
        if (activity is not null)
        {
            activity.SetTag("servicepolicy.interactions", order.Count);
            activity.SetTag("servicepolicy.facts", facts.Count);
            if (order.Count == 1)
            {
                activity.SetTag("servicepolicy.interaction.id", order[0]);
            }
        }

        // The store may call the updater again if it retries its transaction; the last call's results are the ones
        // written (and measured, once committed).
        var evaluations = new Dictionary<string, (EvaluationResult Result, InteractionChange Change, Instant? Previous)>(StringComparer.Ordinal);
        IReadOnlyList<InteractionRecord> records;
        try
        {
            records = await store.UpdateAsync(order, (id, current, now) =>
            {
                Timeline timeline = Extend(id, current, groups[id]);
                (InteractionChange change, EvaluationResult result) = evaluation.Evaluate(timeline, null, now);
                lock (evaluations)
                {
                    evaluations[id] = (result, change, current?.Summary.EvaluatedAt);
                }
                return change;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (HostingTelemetry.Failed(activity, e))
        {
            throw;
        }
        if (metrics.ObservesEvaluations)
        {
            foreach (InteractionRecord record in records)
            {
                (EvaluationResult result, InteractionChange change, Instant? previous) = evaluations[record.Id];
                metrics.RecordEvaluation(result, previous, change.Outbox);
            }
        }
        return records.Select(r => new RecordResult(r, evaluations[r.Id].Result, evaluations[r.Id].Change.Outbox.Select(e => e.Key).ToArray())).ToArray();
    }

    public async Task<InteractionStatus?> GetStatusAsync(string interactionId, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionId);
        if (await store.FindAsync(interactionId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }
        Instant now = await store.GetCurrentInstantAsync(cancellationToken).ConfigureAwait(false);
        Timeline timeline = Read(interactionId, record);
        return new InteractionStatus(record, evaluation.Evaluate(timeline, record.Timeline, now).Result);
    }

    public Task<QueuePage> GetQueueAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(query);
        return store.QueryAsync(query, cancellationToken);
    }

    public Task<IReadOnlyList<OutboxRecord>> ListDeadLettersAsync(int maxCount, string? afterKey, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue);
        return outbox.ListOutboxAsync(OutboxState.DeadLettered, maxCount, afterKey, cancellationToken);
    }

    public Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        return outbox.RetryDeadLetterAsync(key, cancellationToken);
    }

    /// <summary>The timer path: claims up to <paramref name="batchSize"/> due interactions in one store transaction and
    /// re-evaluates each. An interaction whose timeline no longer evaluates (any exception, such as
    /// <see cref="InvalidTimelineException"/> under a new policy version, or a stored form this version cannot read) is
    /// stored as <see cref="QueueState.Failed"/> with the error, not woken again, and logged once the transaction has
    /// committed; the rest of the batch goes on.</summary>
    /// <returns>How many interactions were written.</returns>
    internal async Task<int> UpdateDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        using Activity? activity = HostingMetrics.Source.StartActivity("servicepolicy.timer.batch");
        activity?.SetTag("servicepolicy.timer.batch_size", batchSize);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        // Gathered only while someone listens; measured once the transaction has committed.
        Dictionary<string, TimerObservation>? observed = metrics.ObservesEvaluations || metrics.ObservesTimerLag
            ? new(StringComparer.Ordinal)
            : null;
        IReadOnlyList<InteractionRecord> written;
        try
        {
            written = await store.UpdateDueAsync(batchSize, (id, current, now) =>
            {
                if (current is null)
                {
                    // A store claims only stored interactions; nothing to do for one that vanished.
                    return null;
                }
                lock (failures)
                {
                    failures.Remove(id);
                }
                InteractionChange change;
                EvaluationResult? result = null;
                try
                {
                    (change, result) = evaluation.Evaluate(Read(id, current), current.Timeline, now);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    lock (failures)
                    {
                        failures[id] = InteractionEvaluation.Describe(e);
                    }
                    change = InteractionEvaluation.Failed(current, now, e);
                }
                if (observed is not null)
                {
                    lock (observed)
                    {
                        observed[id] = new TimerObservation(result, change, current.Summary.EvaluatedAt, now - (current.NextChangeAt ?? now));
                    }
                }
                return change;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (HostingTelemetry.Failed(activity, e))
        {
            throw;
        }
        foreach ((string id, string failure) in failures)
        {
            HostingLog.InteractionFailed(logger, id, failure);
        }
        if (observed is not null)
        {
            foreach (InteractionRecord record in written)
            {
                TimerObservation observation = observed[record.Id];
                metrics.RecordTimerLag(observation.Lag);
                if (observation.Result is not null && metrics.ObservesEvaluations)
                {
                    metrics.RecordEvaluation(observation.Result, observation.Previous, observation.Change.Outbox);
                }
            }
        }
        if (activity is not null)
        {
            activity.SetTag("servicepolicy.timer.written", written.Count);
            activity.SetTag("servicepolicy.timer.failed", failures.Count);
            if (written.Count == 0)
            {
                // A pass that found nothing due is not worth a span a second: not recorded, so exporters drop it.
                activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            }
        }
        return written.Count;
    }

    /// <summary>What the timer path measures of one interaction once its batch has committed.</summary>
    private sealed record TimerObservation(EvaluationResult? Result, InteractionChange Change, Instant Previous, Duration Lag);

    /// <summary>The stored timeline with new facts appended, or a new timeline when none is stored.</summary>
    private static Timeline Extend(string id, InteractionRecord? current, List<TimelineFact> facts)
    {
        if (current is not null)
        {
            return Read(id, current).Append([.. facts]);
        }
        if (facts[0] is not InteractionOpened)
        {
            Preconditions.ThrowArgument("fact", $"Interaction '{id}' is not stored, so its first fact must be {nameof(InteractionOpened)}; " +
                $"the first fact given is {facts[0]}. Nothing was written.");
        }
        return Timeline.Create(id, facts);
    }

    private static Timeline Read(string id, InteractionRecord record)
    {
        Timeline timeline = TimelineJson.Deserialize(record.Timeline);
        if (!string.Equals(timeline.InteractionId, id, StringComparison.Ordinal))
        {
            throw new StoredFormatException($"The timeline stored for interaction '{id}' is the timeline of '{timeline.InteractionId}'.");
        }
        return timeline;
    }
}
