// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Telemetry;

/// <summary>
/// A scripted day of two tickets in a container (AddMetrics, AddServicePolicy, AddServicePolicyHosting with the
/// in-memory store and a FakeClock), with a <see cref="MeterListener"/> on the container's meter only (so tests running
/// in parallel on the process-wide meter do not show up).
/// </summary>
/// <remarks>
/// Policy <c>standard</c>: first response within 4 business hours (Mon-Fri 09:00-17:00, London), at risk at 75%,
/// an apology when breached. Both tickets open Monday 09:00: at risk from 12:00, breached after 13:00. The timer runs at
/// 12:30 and at 14:00; ticket one is answered at 14:05; then the relay runs once: the channel fails the first attempt of
/// every key and every attempt of ticket two's keys, with two attempts allowed, so ticket one's apology is sent on its
/// second attempt and ticket two's is dead-lettered; then the observable instruments are collected once.
/// </remarks>
internal sealed class TelemetryScenario : IDisposable
{
    public const string TicketOne = "ticket-7f3a";
    public const string TicketTwo = "ticket-91c2";
    public const string OwnerOne = "agent-ann";
    public const string OwnerTwo = "agent-bob";

    public static readonly Instant Monday9 = Instant.FromUtc(2025, 3, 3, 9, 0);

    private readonly ServiceProvider provider;
    private readonly MeterListener listener = new();

    public TelemetryScenario()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<IClock>(Clock);
        services.AddServicePolicy(b => b
            .AddCalendar("office", c =>
            {
                c.TimeZone = "Europe/London";
                c.Hours = "Mon-Fri 09:00-17:00";
            })
            .AddPolicy("standard", p =>
            {
                p.Calendar = "office";
                p.Targets["FirstResponse"] = new TargetOptions
                {
                    Deadline = "4 business hours",
                    AtRisk = new AtRiskOptions { Percent = 75 },
                    Remedies = { new RemedyOptions { Kind = "Apology" } },
                };
            }));
        services.AddServicePolicyHosting(h => h.UseInMemoryStore().UseChannel(Channel));
        services.Configure<OutboxRelayOptions>(o =>
        {
            o.MaxAttempts = 2;
            o.InitialBackoff = Duration.Zero;
        });
        provider = services.BuildServiceProvider();
        IMeterFactory factory = provider.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    public FakeClock Clock { get; } = new(Monday9);

    public FailingChannel Channel { get; } = new(TicketTwo);

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public IServiceProvider Services => provider;

    public static Instant At(int hour, int minute) => Monday9 + Duration.FromHours(hour - 9) + Duration.FromMinutes(minute);

    /// <summary>Runs the day.</summary>
    public async Task RunAsync()
    {
        CancellationToken none = CancellationToken.None;
        InteractionService service = provider.GetRequiredService<InteractionService>();
        await service.RecordAsync([(TicketOne, new InteractionOpened(Monday9, Owner.Person(OwnerOne))),
            (TicketTwo, new InteractionOpened(Monday9, Owner.Person(OwnerTwo)))], none);
        Clock.Reset(At(12, 30));
        Assert.Equal(2, await service.UpdateDueAsync(10, none));
        Clock.Reset(At(14, 0));
        Assert.Equal(2, await service.UpdateDueAsync(10, none));
        Clock.Reset(At(14, 5));
        await service.RecordAsync(TicketOne, new AgentReplied(At(14, 5)), none);
        OutboxRelayReport report = await provider.GetRequiredService<OutboxRelay>().RelayOnceAsync(none);
        Assert.Single(report.Delivered);
        Assert.Single(report.DeadLettered);
        // The observable instruments report when collected (an exporter's interval); once here, after the relay.
        listener.RecordObservableInstruments();
    }

    /// <summary>Every outbox key the scenario wrote.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        IOutboxStore outbox = provider.GetRequiredService<IOutboxStore>();
        var keys = new List<string>();
        foreach (OutboxState state in Enum.GetValues<OutboxState>())
        {
            keys.AddRange((await outbox.ListOutboxAsync(state, 1000, null, CancellationToken.None)).Select(r => r.Entry.Key));
        }
        return keys;
    }

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument.Name == instrument).ToList();

    public void Dispose()
    {
        listener.Dispose();
        provider.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        Measurements.Enqueue(new Measurement(instrument, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
            tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)));

    /// <summary>One measurement: the instrument, the value and the tags.</summary>
    public sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}

/// <summary>A channel that fails the first attempt of every key, and every attempt of one interaction's keys.</summary>
internal sealed class FailingChannel(string alwaysFails) : IOutboxChannel
{
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);

    public Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        int attempt = attempts.AddOrUpdate(delivery.Key, 1, (_, n) => n + 1);
        if (attempt == 1 || delivery.InteractionId == alwaysFails)
        {
            throw new IOException($"the mail server refused attempt {attempt}");
        }
        return Task.CompletedTask;
    }
}
