// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Telemetry;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Telemetry;

/// <summary>Where evaluations are counted: the static evaluator on the process-wide meter, the container's evaluator on
/// the meter of the container's <see cref="IMeterFactory"/>, each evaluation once. Other tests evaluate on the
/// process-wide meter at the same time, so each test's policy has a name of its own and only its measurements count.</summary>
public class EvaluationMetricsTests
{
    private static readonly Instant Monday9 = At("2025-03-03 09:00");

    [Fact]
    public void StaticEvaluator_CountsAndTimesEachEvaluation_OnTheProcessWideMeter()
    {
        ServiceLevelPolicy policy = Policy("metrics-static");
        using var measurements = new Measurements(scope: null, "metrics-static");

        Evaluator.Evaluate(Opened(), policy, Monday9 + Duration.FromHours(1));
        Evaluator.Evaluate(Opened(), policy, Monday9 + Duration.FromHours(2));

        Assert.Equal(2, measurements.Of("servicepolicy.evaluations").Sum(m => m.Value));
        Assert.Equal(2, measurements.Of("servicepolicy.evaluation.duration").Count);
        Assert.All(measurements.All, m =>
        {
            Assert.Equal(ServicePolicyTelemetry.Name, m.Instrument.Meter.Name);
            Assert.Equal(ServicePolicyTelemetry.Version, m.Instrument.Meter.Version);
            Assert.Equal([KeyValuePair.Create("servicepolicy.policy", (object?)"metrics-static")], m.Tags);
        });
        Assert.Equal("{evaluation}", measurements.Of("servicepolicy.evaluations")[0].Instrument.Unit);
        Assert.Equal("s", measurements.Of("servicepolicy.evaluation.duration")[0].Instrument.Unit);
    }

    [Fact]
    public void StaticEvaluator_EvaluationThrows_IsCountedWithTheErrorType()
    {
        ServiceLevelPolicy policy = Policy("metrics-error");
        using var measurements = new Measurements(scope: null, "metrics-error");
        // A promise without a deadline, under a policy with no follow-up target.
        Timeline timeline = Opened().Append(new FollowUpPromised(Monday9 + Duration.FromMinutes(5)));

        Assert.Throws<InvalidTimelineException>(() => Evaluator.Evaluate(timeline, policy, Monday9 + Duration.FromHours(1)));

        Measurements.Measurement counted = Assert.Single(measurements.Of("servicepolicy.evaluations"));
        Assert.Equal(typeof(InvalidTimelineException).FullName, counted.Tags.Single(t => t.Key == "error.type").Value);
        Assert.Single(measurements.Of("servicepolicy.evaluation.duration"), m => m.Tags.Any(t => t.Key == "error.type"));
    }

    [Fact]
    public void ContainerEvaluator_CountsOnTheContainersMeter_AndNotOnTheProcessWideOne()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<IClock>(new FakeClock(Monday9 + Duration.FromHours(1)));
        services.AddServicePolicy(b => b
            .AddCalendar("office", c =>
            {
                c.TimeZone = "Europe/London";
                c.Hours = "Mon-Fri 09:00-17:00";
            })
            .AddPolicy("metrics-container", p =>
            {
                p.Calendar = "office";
                p.Targets["FirstResponse"] = new TargetOptions { Deadline = "4 business hours" };
            }));
        using ServiceProvider provider = services.BuildServiceProvider();
        using var container = new Measurements(provider.GetRequiredService<IMeterFactory>(), "metrics-container");
        using var processWide = new Measurements(scope: null, "metrics-container");

        provider.GetRequiredService<IServicePolicyEvaluator>().Evaluate(Opened());

        Assert.Equal(1, Assert.Single(container.Of("servicepolicy.evaluations")).Value);
        Assert.Single(container.Of("servicepolicy.evaluation.duration"));
        Assert.Empty(processWide.All);
    }

    private static Timeline Opened() => Timeline.Create("T-1", [new InteractionOpened(Monday9, Owner.Person("ann"))]);

    private static ServiceLevelPolicy Policy(string name) => ServiceLevelPolicy.CreateBuilder(name, 1, Office)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .Build();

    /// <summary>The measurements of the instruments of one meter scope (null: the process-wide meter), for one
    /// policy.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<Measurement> all = new();

        public Measurements(object? scope, string policy)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServicePolicyTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t, policy));
            listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t, policy));
            listener.Start();
        }

        public IReadOnlyList<Measurement> All => all.ToArray();

        public IReadOnlyList<Measurement> Of(string name) => all.Where(m => m.Instrument.Name == name).ToList();

        public void Dispose() => listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string policy)
        {
            KeyValuePair<string, object?>[] copy = tags.ToArray();
            if (copy.Any(t => t.Key == "servicepolicy.policy" && Equals(t.Value, policy)))
            {
                all.Enqueue(new Measurement(instrument, value, copy));
            }
        }

        public sealed record Measurement(Instrument Instrument, double Value, IReadOnlyList<KeyValuePair<string, object?>> Tags);
    }
}
