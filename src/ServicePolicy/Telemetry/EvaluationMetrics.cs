// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Telemetry;

/// <summary>
/// The evaluation instruments: <c>servicepolicy.evaluations</c> (a counter) and
/// <c>servicepolicy.evaluation.duration</c> (a histogram, seconds), both tagged with the policy's name and, for an
/// evaluation that threw, <c>error.type</c>.
/// </summary>
/// <remarks>
/// <para>Where they live, without global mutable state: the static <see cref="Evaluator"/> uses
/// <see cref="Static"/>, on a process-wide meter created once; the <see cref="Catalog.IServicePolicyEvaluator"/> that
/// <c>AddServicePolicy</c> registers holds an instance on the meter of the container's
/// <see cref="IMeterFactory"/> (or <see cref="Static"/> when the container has none) and calls the evaluator's internal
/// overloads that take it, so an evaluation is counted once, on one meter.</para>
/// <para>When neither instrument is enabled, <see cref="Evaluate"/> goes straight to the evaluation: no timestamp, no
/// tag, no allocation. With a listener: two timestamps and one tag on the stack (no allocation either).</para>
/// </remarks>
internal sealed class EvaluationMetrics
{
    /// <summary>The tag naming the policy (its name, without version: a low-cardinality set the host configures).</summary>
    internal const string PolicyTag = "servicepolicy.policy";

    /// <summary>The tag naming the exception type of an evaluation that threw (OpenTelemetry's <c>error.type</c>).</summary>
    internal const string ErrorTypeTag = "error.type";

    private readonly Counter<long> evaluations;
    private readonly Histogram<double> duration;

    /// <summary>Creates the instruments on a meter.</summary>
    /// <param name="meter">The meter (named <see cref="ServicePolicyTelemetry.Name"/>).</param>
    internal EvaluationMetrics(Meter meter)
    {
        evaluations = meter.CreateCounter<long>("servicepolicy.evaluations", "{evaluation}",
            "Evaluations of a timeline under a policy.");
        duration = meter.CreateHistogram<double>("servicepolicy.evaluation.duration", "s",
            "How long one evaluation took.");
    }

    /// <summary>Gets the instruments on the process-wide meter, used by the static <see cref="Evaluator"/> and by
    /// containers without an <see cref="IMeterFactory"/>.</summary>
    internal static EvaluationMetrics Static { get; } = new(new Meter(ServicePolicyTelemetry.Name, ServicePolicyTelemetry.Version));

    /// <summary>Creates the instruments a container uses: on its meter factory's meter when it has one, else
    /// <see cref="Static"/>.</summary>
    /// <param name="factory">The container's meter factory; null when none is registered.</param>
    /// <returns>The instruments.</returns>
    internal static EvaluationMetrics For(IMeterFactory? factory) =>
        factory is null ? Static : new(factory.Create(new MeterOptions(ServicePolicyTelemetry.Name) { Version = ServicePolicyTelemetry.Version }));

    /// <summary>Evaluates (<see cref="ReplayPool.Evaluate"/> on the shared pool), measuring the evaluation when an
    /// instrument is enabled. The arguments are checked by the caller.</summary>
    internal EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, in PolicySource source, EscalationContext? escalation, Instant now)
    {
        if (!evaluations.Enabled && !duration.Enabled)
        {
            return ReplayPool.Shared.Evaluate(timeline, policy, source, escalation, now);
        }
        long started = Stopwatch.GetTimestamp();
        EvaluationResult result;
        try
        {
            result = ReplayPool.Shared.Evaluate(timeline, policy, source, escalation, now);
        }
        catch (Exception e)
        {
            Record(policy, started, e.GetType().FullName);
            throw;
        }
        Record(policy, started, null);
        return result;
    }

    private void Record(ServiceLevelPolicy policy, long started, string? errorType)
    {
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var tags = new TagList { { PolicyTag, policy.Name } };
        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
        }
        evaluations.Add(1, tags);
        duration.Record(seconds, tags);
    }
}
