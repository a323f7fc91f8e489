// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Evaluation;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>The <see cref="IServicePolicyEvaluator"/> registered by <c>AddServicePolicy</c>.</summary>
internal sealed class ServicePolicyEvaluator : IServicePolicyEvaluator
{
    private readonly IServicePolicyCatalogProvider catalogs;
    private readonly IClock clock;

    public ServicePolicyEvaluator(IServicePolicyCatalogProvider catalogs, IClock clock)
    {
        this.catalogs = catalogs;
        this.clock = clock;
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
        return Evaluator.Evaluate(timeline, set, clock.GetCurrentInstant());
    }

    public EvaluationResult Evaluate(Timeline timeline, string policyName)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(policyName);
        return Evaluator.Evaluate(timeline, catalogs.Current.GetPolicy(policyName), clock.GetCurrentInstant());
    }
}
