// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Telemetry;
using ServicePolicy.Hosting.Tests.Runtime;
using ServicePolicy.Telemetry;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Hosting.Tests.Telemetry;

/// <summary>Transitions and planned entries are counted once: after the transaction commits, by the evaluation that
/// first sees them, however often the store runs the updater and however often the interaction is evaluated.</summary>
public sealed class TransitionCountTests : IDisposable
{
    private static readonly Instant Monday9 = At("2025-03-03 09:00");

    private readonly Meter meter = new(ServicePolicyTelemetry.Name);
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, double> totals = new(StringComparer.Ordinal);
    private readonly FakeClock clock = new(Monday9);
    private readonly InMemoryInteractionStore store;

    public TransitionCountTests()
    {
        store = new InMemoryInteractionStore(clock);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => totals.AddOrUpdate(i.Name, v, (_, t) => t + v));
        listener.SetMeasurementEventCallback<double>((i, _, _, _) => totals.AddOrUpdate(i.Name + "#count", 1, (_, t) => t + 1));
        listener.Start();
    }

    [Fact]
    public async Task StoreRetriesTheTimerTransaction_TransitionsAndPlannedEntriesAreCountedOnce()
    {
        var metrics = new HostingMetrics(meter);
        await new InteractionService(store, store, new RuntimeEvaluator(), metrics: metrics)
            .RecordAsync("A", new InteractionOpened(Monday9, Owner.Person("p0")), CancellationToken.None);
        clock.Reset(At("2025-03-10 09:00"));
        var service = new InteractionService(new RetryingStore(store), store, new RuntimeEvaluator(), metrics: metrics);

        Assert.Equal(1, await service.UpdateDueAsync(10, CancellationToken.None));
        // Evaluating again a minute later (the timer, a status read, another node) counts nothing again.
        clock.Reset(At("2025-03-10 09:01"));
        await service.RecordAsync("A", new CustomerReplied(At("2025-03-10 09:01")), CancellationToken.None);

        InteractionRecord stored = (await store.FindAsync("A", CancellationToken.None))!;
        EvaluationResult week = RuntimePolicy.Evaluate(Timeline.Create("A", [new InteractionOpened(Monday9, Owner.Person("p0"))]), At("2025-03-10 09:00"));
        int breached = week.Commitments.Count(c => c.BreachedAt is not null);
        int outbox = week.EscalationActions.Count + week.RemediesDue.Count;
        Assert.True(breached > 0 && outbox > 0, $"{breached} breached, {outbox} actions");
        Assert.Equal(breached, totals.GetValueOrDefault("servicepolicy.commitments.breached"));
        Assert.Equal(outbox, totals.GetValueOrDefault("servicepolicy.outbox.planned"));
        Assert.Equal(1, totals.GetValueOrDefault("servicepolicy.timer.lag#count"));
        Assert.Equal(QueueState.Breached, stored.Summary.State);
    }

    public void Dispose()
    {
        listener.Dispose();
        meter.Dispose();
    }

    /// <summary>A store whose first attempt at every timer transaction fails after running the updater: it runs the
    /// updater again on the same rows, and writes the second result.</summary>
    private sealed class RetryingStore(InMemoryInteractionStore inner) : IInteractionStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => inner.GetCurrentInstantAsync(cancellationToken);

        public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken) => inner.FindAsync(interactionId, cancellationToken);

        public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken) =>
            inner.UpdateAsync(interactionIds, updater, cancellationToken);

        public Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken) =>
            inner.UpdateDueAsync(maxCount, (id, current, now) =>
            {
                _ = updater(id, current, now);
                return updater(id, current, now);
            }, cancellationToken);

        public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);
    }
}
