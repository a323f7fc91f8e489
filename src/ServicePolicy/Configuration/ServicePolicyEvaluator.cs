// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Threading;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>The <see cref="IServicePolicyEvaluator"/> registered by <c>AddServicePolicy</c>.</summary>
internal sealed class ServicePolicyEvaluator : IServicePolicyEvaluator
{
    private readonly IServicePolicyCatalogProvider catalogs;
    private readonly IClock clock;
    private readonly IEscalationDirectory? directory;
    private ContextCache? cache;

    public ServicePolicyEvaluator(IServicePolicyCatalogProvider catalogs, IClock clock, IEscalationDirectory? directory = null)
    {
        this.catalogs = catalogs;
        this.clock = clock;
        this.directory = directory;
    }

    public EvaluationResult Evaluate(Timeline timeline)
    {
        Preconditions.CheckNotNull(timeline);
        IServicePolicyCatalog catalog = catalogs.Current;
        if (catalog.PolicySet is not { } set)
        {
            throw new InvalidOperationException(
                $"Catalogue version {catalog.Version} has {catalog.Policies.Count} policies and no policy set: configure "
                + $"{ServicePolicyConstants.DefaultSectionName}:PolicySet or evaluate under a named policy.");
        }
        Instant now = clock.GetCurrentInstant();
        return EscalationContextOf(catalog) is { } escalation
            ? Evaluator.Evaluate(timeline, set, now, escalation)
            : Evaluator.Evaluate(timeline, set, now);
    }

    public EvaluationResult Evaluate(Timeline timeline, string policyName)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policyName);
        IServicePolicyCatalog catalog = catalogs.Current;
        ServiceLevelPolicy policy = catalog.GetPolicy(policyName);
        Instant now = clock.GetCurrentInstant();
        return EscalationContextOf(catalog) is { } escalation
            ? Evaluator.Evaluate(timeline, policy, now, escalation)
            : Evaluator.Evaluate(timeline, policy, now);
    }

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
