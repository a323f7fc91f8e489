// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Threading;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;
using ServicePolicy.Telemetry;

namespace ServicePolicy.Catalog;

/// <summary>The <see cref="IServicePolicyEvaluator"/> registered by <c>AddServicePolicy</c>: one per configuration name,
/// evaluating under that configuration's current catalogue.</summary>
internal sealed class ServicePolicyEvaluator : IServicePolicyEvaluator
{
    private readonly IServicePolicyCatalogProvider catalogs;
    private readonly string name;
    private readonly IClock clock;
    private readonly IEscalationDirectory? directory;
    private readonly EvaluationMetrics metrics;
    private ContextCache? cache;

    /// <summary>Creates the evaluator of one configuration.</summary>
    /// <param name="catalogs">The catalogue provider.</param>
    /// <param name="name">The configuration name (<c>Options.DefaultName</c> for the default one).</param>
    /// <param name="clock">The clock that says what "now" is.</param>
    /// <param name="directory">Resolves escalation recipients; null when the host registered none.</param>
    /// <param name="metrics">Counts and times the evaluations; null for the process-wide instruments.</param>
    internal ServicePolicyEvaluator(IServicePolicyCatalogProvider catalogs, string name, IClock clock, IEscalationDirectory? directory = null,
        EvaluationMetrics? metrics = null)
    {
        this.metrics = metrics ?? EvaluationMetrics.Static;
        this.catalogs = catalogs;
        this.name = name;
        this.clock = clock;
        this.directory = directory;
    }

    public EvaluationResult Evaluate(Timeline timeline) => Evaluate(timeline, clock.GetCurrentInstant());

    public EvaluationResult Evaluate(Timeline timeline, string policyName) => Evaluate(timeline, policyName, clock.GetCurrentInstant());

    public EvaluationResult Evaluate(Timeline timeline, Instant now)
    {
        Preconditions.CheckNotNull(timeline);
        IServicePolicyCatalog catalog = catalogs.Get(name);
        return Evaluate(timeline, catalog.SelectPolicy(timeline.Opened.Profile), now, catalog, new PolicySource(catalog.PolicySet, catalog.Calendars));
    }

    public EvaluationResult Evaluate(Timeline timeline, string policyName, Instant now)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policyName);
        IServicePolicyCatalog catalog = catalogs.Get(name);
        return Evaluate(timeline, catalog.GetPolicy(policyName), now, catalog, new PolicySource(null, catalog.Calendars));
    }

    private EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, Instant now, IServicePolicyCatalog catalog, in PolicySource source) =>
        EscalationContextOf(catalog) is { } escalation
            ? Evaluator.Evaluate(timeline, policy, now, escalation, source, metrics)
            : Evaluator.Evaluate(timeline, policy, now, source, metrics);

    /// <summary>Returns the escalation context of a catalogue (built once per catalogue version); null without a
    /// directory or chains, in which case validation has made sure no policy names a chain.</summary>
    private EscalationContext? EscalationContextOf(IServicePolicyCatalog catalog)
    {
        if (directory is null || catalog.EscalationChainVersions.Count == 0)
        {
            return null;
        }
        ContextCache? cached = Volatile.Read(ref cache);
        if (cached is not null && ReferenceEquals(cached.Catalog, catalog))
        {
            return cached.Context;
        }
        EscalationContext context = catalog.CreateEscalationContext(directory);
        Volatile.Write(ref cache, new ContextCache(catalog, context));
        return context;
    }

    /// <summary>The escalation context of one catalogue version.</summary>
    private sealed record ContextCache(IServicePolicyCatalog Catalog, EscalationContext Context);
}
