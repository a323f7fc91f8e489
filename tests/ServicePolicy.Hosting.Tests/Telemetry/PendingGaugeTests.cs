// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Telemetry;
using ServicePolicy.Hosting.Tests.Delivery;
using ServicePolicy.Telemetry;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Telemetry;

/// <summary><c>servicepolicy.outbox.pending</c>: the store's own count, read by the relay after each pass and reported
/// by the gauge without touching the store.</summary>
public sealed class PendingGaugeTests : IDisposable
{
    private readonly Meter meter = new(ServicePolicyTelemetry.Name);
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(Instrument Instrument, long Value, int Tags)> observed = new();
    private readonly OutboxFixture fixture = new();
    private readonly HostingMetrics metrics;

    public PendingGaugeTests()
    {
        metrics = new HostingMetrics(meter);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "servicepolicy.outbox.pending")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => observed.Enqueue((i, v, tags.Length)));
    }

    [Fact]
    public async Task Pending_IsTheStoresCountAfterTheLastPass_NothingBeforeTheFirst_AndTheCallbackReadsNoStore()
    {
        listener.Start();
        await fixture.PlanAsync("k1", "k2", "k3");
        var store = new FlakyOutboxStore(fixture.Store);
        OutboxRelay relay = Relay(store);

        Assert.Empty(Observe());
        await relay.RelayOnceAsync();
        Assert.Equal([2L], Observe());
        await relay.RelayOnceAsync();
        Assert.Equal([1L], Observe());
        Assert.Equal(2, store.CountCalls);

        // Planned since the last pass: the gauge shows the last count read until the next pass reads again.
        await fixture.PlanAsync("k4");
        Assert.Equal([1L], Observe());
        Assert.Equal(2, store.CountCalls);
        await relay.RelayOnceAsync();
        Assert.Equal([1L], Observe());

        (Instrument instrument, _, int tags) = observed.First();
        Assert.Equal(("{action}", 0), (instrument.Unit, tags));
        Assert.False(string.IsNullOrEmpty(instrument.Description));
    }

    [Fact]
    public async Task Pending_AnEmptyPassReadsTheCountToo()
    {
        listener.Start();
        OutboxRelay relay = Relay(new FlakyOutboxStore(fixture.Store));

        Assert.Equal(0, (await relay.RelayOnceAsync()).Leased);
        Assert.Equal([0L], Observe());
    }

    [Fact]
    public async Task Pending_ACountThatFails_LeavesThePassItsReport_AndTheGaugeReportsNothingUntilTheNextCount()
    {
        listener.Start();
        await fixture.PlanAsync("k1", "k2", "k3");
        var store = new FlakyOutboxStore(fixture.Store) { FailCounts = 1 };
        OutboxRelay relay = Relay(store);

        Assert.Equal(["k1"], (await relay.RelayOnceAsync()).Delivered);
        Assert.Empty(Observe());
        await relay.RelayOnceAsync();
        Assert.Equal([1L], Observe());
        await relay.RelayOnceAsync();
        Assert.Equal([0L], Observe());
    }

    [Fact]
    public async Task Pending_APassThatFails_ClearsTheGauge()
    {
        listener.Start();
        await fixture.PlanAsync("k1", "k2");
        await Relay(new FlakyOutboxStore(fixture.Store)).RelayOnceAsync();
        Assert.Equal([1L], Observe());

        OutboxRelay down = Relay(new FlakyOutboxStore(fixture.Store) { FailLeases = 1 });
        await Assert.ThrowsAsync<FlakyOutboxStore.StoreDownException>(() => down.RelayOnceAsync());

        Assert.Empty(Observe());
    }

    [Fact]
    public async Task Pending_NotListenedTo_TheRelayDoesNotCount()
    {
        await fixture.PlanAsync("k1");
        var store = new FlakyOutboxStore(fixture.Store);

        Assert.Equal(["k1"], (await Relay(store).RelayOnceAsync()).Delivered);
        Assert.Equal(0, store.CountCalls);
    }

    public void Dispose()
    {
        listener.Dispose();
        meter.Dispose();
    }

    private OutboxRelay Relay(FlakyOutboxStore store) =>
        new(store, new ScriptedChannel(), fixture.Clock, fixture.Clock, new OutboxRelayOptions { BatchSize = 1 }, null, "node-a", null, metrics);

    private long[] Observe()
    {
        observed.Clear();
        listener.RecordObservableInstruments();
        return observed.Select(o => o.Value).ToArray();
    }
}
