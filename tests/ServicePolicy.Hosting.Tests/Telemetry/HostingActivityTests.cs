// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Telemetry;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Telemetry;

/// <summary>The spans of <c>docs/telemetry.md</c>, over <see cref="TelemetryScenario"/>. The activity source is
/// process-wide, so the test keeps only the spans of its own trace (those under a root activity it starts).</summary>
public class HostingActivityTests
{
    [Fact]
    public async Task Scenario_Spans_CoverTheFactPathTimerBatchesAndDeliveries()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServicePolicyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var scenario = new TelemetryScenario();
        using var root = new Activity("test").Start();

        await scenario.RunAsync();

        root.Stop();
        List<Activity> spans = stopped.Where(a => a.TraceId == root.TraceId && a != root).ToList();
        Assert.All(spans, s => Assert.Equal(ServicePolicyTelemetry.Name, s.Source.Name));
        Assert.Equal(["servicepolicy.outbox.deliver", "servicepolicy.outbox.deliver", "servicepolicy.outbox.relay", "servicepolicy.record",
            "servicepolicy.record", "servicepolicy.timer.batch", "servicepolicy.timer.batch"], spans.Select(s => s.OperationName).Order(StringComparer.Ordinal));

        List<Activity> records = spans.Where(s => s.OperationName == "servicepolicy.record").ToList();
        // The batch of two openings: counts only. The reply: one interaction, so its id is on the span.
        Assert.Contains(records, s => Equals(s.GetTagItem("servicepolicy.interactions"), 2) && Equals(s.GetTagItem("servicepolicy.facts"), 2)
            && s.GetTagItem("servicepolicy.interaction.id") is null);
        Assert.Contains(records, s => Equals(s.GetTagItem("servicepolicy.interactions"), 1)
            && Equals(s.GetTagItem("servicepolicy.interaction.id"), TelemetryScenario.TicketOne));

        Assert.All(spans.Where(s => s.OperationName == "servicepolicy.timer.batch"), s =>
        {
            Assert.Equal(10, s.GetTagItem("servicepolicy.timer.batch_size"));
            Assert.Equal(2, s.GetTagItem("servicepolicy.timer.written"));
            Assert.Equal(0, s.GetTagItem("servicepolicy.timer.failed"));
        });

        Activity relay = spans.Single(s => s.OperationName == "servicepolicy.outbox.relay");
        Assert.Equal(2, relay.GetTagItem("servicepolicy.outbox.leased"));
        List<Activity> deliveries = spans.Where(s => s.OperationName == "servicepolicy.outbox.deliver").ToList();
        Assert.All(deliveries, d =>
        {
            Assert.Equal(relay.SpanId, d.ParentSpanId);
            Assert.Equal("remedy", d.GetTagItem("servicepolicy.outbox.kind"));
            Assert.Equal(1, d.GetTagItem("servicepolicy.outbox.leases"));
            Assert.StartsWith((string)d.GetTagItem("servicepolicy.interaction.id")! + "/", (string)d.GetTagItem("servicepolicy.outbox.key")!, StringComparison.Ordinal);
        });
        Activity sent = deliveries.Single(d => Equals(d.GetTagItem("servicepolicy.interaction.id"), TelemetryScenario.TicketOne));
        Assert.Equal("sent", sent.GetTagItem("servicepolicy.outbox.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, sent.Status);
        Activity deadLettered = deliveries.Single(d => Equals(d.GetTagItem("servicepolicy.interaction.id"), TelemetryScenario.TicketTwo));
        Assert.Equal("dead_lettered", deadLettered.GetTagItem("servicepolicy.outbox.outcome"));
        Assert.Equal(ActivityStatusCode.Error, deadLettered.Status);
    }

    [Fact]
    public async Task IdlePolls_RelayStartsNoSpan_AndTheTimerPassIsNotRecorded()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServicePolicyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var scenario = new TelemetryScenario();
        using var root = new Activity("test").Start();

        // Nothing stored: nothing due, nothing to lease.
        Assert.Equal(0, await scenario.Services.GetRequiredService<InteractionService>().UpdateDueAsync(10, CancellationToken.None));
        Assert.Equal(0, (await scenario.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync(CancellationToken.None)).Leased);

        root.Stop();
        Activity pass = Assert.Single(stopped, a => a.TraceId == root.TraceId && a != root);
        Assert.Equal("servicepolicy.timer.batch", pass.OperationName);
        Assert.False(pass.Recorded);
    }

    [Fact]
    public async Task FactPath_StoreThrows_SpanIsAnErrorWithTheExceptionType()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServicePolicyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var scenario = new TelemetryScenario();
        using var root = new Activity("test").Start();
        IInteractionService service = scenario.Services.GetRequiredService<IInteractionService>();

        // The first fact of an unknown interaction must be an opening: the updater throws inside the transaction.
        await Assert.ThrowsAsync<ArgumentException>(() => service.RecordAsync("ticket-x", new AgentReplied(TelemetryScenario.Monday9), CancellationToken.None));

        root.Stop();
        Activity span = Assert.Single(stopped, a => a.TraceId == root.TraceId && a.OperationName == "servicepolicy.record");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(ArgumentException).FullName, span.GetTagItem("error.type"));
    }
}
