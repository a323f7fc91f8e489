// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Benchmarks.Queue;
using ServicePolicy.Catalog;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// The evaluator the runtime calls: the queue benchmark's policy (<c>Standard</c>: first response and next response
/// within 4 business hours, resolution on the fifth business day, London office hours) with its escalation chain
/// (<c>queue</c>: a warning at 75%, four levels, repeats, acknowledgement timeout), through
/// <see cref="Evaluator.Evaluate(Timeline, ServiceLevelPolicy, Instant, EscalationContext)"/>, as the catalogue's
/// evaluator registered by <c>AddServicePolicy</c> would call it.
/// </summary>
public sealed class LoadEvaluator : IServicePolicyEvaluator
{
    private readonly ServiceLevelPolicy policy;
    private readonly EscalationContext context;
    private readonly IClock clock;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="scenario">The queue whose policy and escalation context to use.</param>
    /// <param name="clock">The clock of the overloads without an instant (the runtime never calls them).</param>
    public LoadEvaluator(QueueScenario scenario, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        policy = scenario.Policy;
        context = scenario.Context;
        this.clock = clock;
    }

    /// <inheritdoc/>
    public EvaluationResult Evaluate(Timeline timeline) => Evaluate(timeline, clock.GetCurrentInstant());

    /// <inheritdoc/>
    public EvaluationResult Evaluate(Timeline timeline, string policyName) => Evaluate(timeline, policyName, clock.GetCurrentInstant());

    /// <inheritdoc/>
    public EvaluationResult Evaluate(Timeline timeline, Instant now) => Evaluator.Evaluate(timeline, policy, now, context);

    /// <inheritdoc/>
    public EvaluationResult Evaluate(Timeline timeline, string policyName, Instant now)
    {
        if (policyName != policy.Name)
        {
            throw new ArgumentException($"The load tool knows policy '{policy.Name}' only, not '{policyName}'.", nameof(policyName));
        }
        return Evaluate(timeline, now);
    }
}
