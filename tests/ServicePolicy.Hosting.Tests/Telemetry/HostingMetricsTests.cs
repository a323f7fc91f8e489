// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Telemetry;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Telemetry;

/// <summary>The instruments of <c>docs/telemetry.md</c>, measured over <see cref="TelemetryScenario"/>.</summary>
public class HostingMetricsTests
{
    private static readonly IReadOnlyDictionary<string, object?> Standard = Tags(("servicepolicy.policy", "standard"));
    private static readonly IReadOnlyDictionary<string, object?> FirstResponse =
        Tags(("servicepolicy.commitment.kind", "FirstResponse"), ("servicepolicy.policy", "standard"));
    private static readonly IReadOnlyDictionary<string, object?> Remedy = Tags(("servicepolicy.outbox.kind", "remedy"));

    [Fact]
    public async Task Scenario_EveryInstrument_HasItsNameUnitTagsAndValues()
    {
        using var scenario = new TelemetryScenario();

        await scenario.RunAsync();

        // Two tickets opened (one fact-path evaluation each), two timer passes of two, one reply.
        AssertCounter(scenario, "servicepolicy.evaluations", "{evaluation}", Standard, 7);
        IReadOnlyList<TelemetryScenario.Measurement> durations = AssertInstrument(scenario, "servicepolicy.evaluation.duration", "s", Standard, 7);
        Assert.All(durations, d => Assert.True(d.Value >= 0, $"duration {d.Value}"));
        // Both entered at risk at 12:00 (seen at 12:30) and breached after 13:00 (seen at 14:00); the reply at 14:05
        // (met late) counts nothing again.
        AssertCounter(scenario, "servicepolicy.commitments.at_risk", "{commitment}", FirstResponse, 2);
        AssertCounter(scenario, "servicepolicy.commitments.breached", "{commitment}", FirstResponse, 2);
        // One apology each, written at 14:00 and not again at 14:05.
        AssertCounter(scenario, "servicepolicy.outbox.planned", "{action}", Remedy, 2);
        // Ticket one: attempt 1 failed, 2 sent. Ticket two: both failed, dead-lettered.
        AssertCounter(scenario, "servicepolicy.outbox.failed_attempts", "{attempt}", Remedy, 3);
        AssertCounter(scenario, "servicepolicy.outbox.sent", "{action}", Remedy, 1);
        AssertCounter(scenario, "servicepolicy.outbox.dead_lettered", "{action}", Remedy, 1);
        // Inserted at 14:00 (after it fell due at 13:00), sent at 14:05 by the relay's clock.
        TelemetryScenario.Measurement latency = Assert.Single(AssertInstrument(scenario, "servicepolicy.outbox.delivery.latency", "s", Remedy, 1));
        Assert.Equal(300, latency.Value, 9);
        // The store's count read after the relay's pass: one sent, one dead-lettered, none left.
        TelemetryScenario.Measurement pending = Assert.Single(AssertInstrument(scenario, "servicepolicy.outbox.pending", "{action}", Tags(), 1));
        Assert.Equal(0, pending.Value);
        // 12:30 for a wake-up at 12:00 (twice), 14:00 for one at 13:00 plus a nanosecond (twice).
        IReadOnlyList<TelemetryScenario.Measurement> lags = AssertInstrument(scenario, "servicepolicy.timer.lag", "s", Tags(), 4);
        Assert.Equal([1800, 1800, 3600, 3600], lags.Select(l => Math.Round(l.Value, 6)).Order());
        Assert.All(scenario.Measurements, m => Assert.Equal(ServicePolicyTelemetry.Name, m.Instrument.Meter.Name));
    }

    [Fact]
    public async Task Scenario_NoTagOfAnyMeasurement_CarriesAnInteractionIdOwnerOrKey()
    {
        using var scenario = new TelemetryScenario();

        await scenario.RunAsync();

        IReadOnlyList<string> keys = await scenario.KeysAsync();
        Assert.Equal(2, keys.Count);
        string[] forbidden = [TelemetryScenario.TicketOne, TelemetryScenario.TicketTwo, TelemetryScenario.OwnerOne, TelemetryScenario.OwnerTwo, .. keys];
        Assert.NotEmpty(scenario.Measurements);
        foreach (TelemetryScenario.Measurement measurement in scenario.Measurements)
        {
            foreach ((string name, object? value) in measurement.Tags)
            {
                string text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                Assert.DoesNotContain(forbidden, f => text.Contains(f, StringComparison.Ordinal) || name.Contains(f, StringComparison.Ordinal));
            }
        }
    }

    private static IReadOnlyDictionary<string, object?> Tags(params (string Key, object? Value)[] tags) =>
        tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    private static void AssertCounter(TelemetryScenario scenario, string name, string unit, IReadOnlyDictionary<string, object?> tags, int total) =>
        Assert.Equal(total, AssertInstrument(scenario, name, unit, tags, null).Sum(m => m.Value));

    /// <summary>Asserts that every measurement of an instrument has the unit and exactly the tags given, and (when
    /// given) how many there are.</summary>
    private static IReadOnlyList<TelemetryScenario.Measurement> AssertInstrument(TelemetryScenario scenario, string name, string unit,
        IReadOnlyDictionary<string, object?> tags, int? count)
    {
        IReadOnlyList<TelemetryScenario.Measurement> measurements = scenario.Of(name);
        Assert.NotEmpty(measurements);
        if (count is { } expected)
        {
            Assert.Equal(expected, measurements.Count);
        }
        Assert.All(measurements, m =>
        {
            Assert.Equal(unit, m.Instrument.Unit);
            Assert.False(string.IsNullOrEmpty(m.Instrument.Description));
            Assert.Equal(tags.OrderBy(t => t.Key, StringComparer.Ordinal), m.Tags.OrderBy(t => t.Key, StringComparer.Ordinal));
        });
        return measurements;
    }
}
