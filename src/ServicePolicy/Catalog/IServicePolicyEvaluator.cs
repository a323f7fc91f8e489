// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Catalog;

/// <summary>
/// Evaluates interactions under the configured policies: <see cref="Evaluator"/> with the policies and escalation chains
/// of the current catalogue, now (the instant read from the <see cref="IClock"/> registered in the container) or at an
/// instant the caller gives (a dashboard's refresh instant, a report's cut-off, a test).
/// </summary>
/// <remarks>
/// <para>Thread-safe. Each call reads its configuration's current catalogue
/// (<see cref="IServicePolicyCatalogProvider.Get"/>) once, so an evaluation that is under way when the configuration
/// reloads finishes on the version it started with (<see cref="EvaluationResult.Policy"/> names the policy and its
/// version).</para>
/// <para>The evaluator of the default configuration is registered as <see cref="IServicePolicyEvaluator"/>; the
/// evaluator of a configuration registered with <c>AddServicePolicy(name, ...)</c> is a keyed service under that
/// name (<c>[FromKeyedServices("name")]</c> or <c>GetRequiredKeyedService&lt;IServicePolicyEvaluator&gt;("name")</c>).</para>
/// </remarks>
public interface IServicePolicyEvaluator
{
    /// <summary>Evaluates a timeline now under the policy the catalogue's policy set selects for it.</summary>
    /// <param name="timeline">The interaction's facts; none may be after the clock's current instant.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The catalogue has several policies and no policy set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fact is after the clock's current instant.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the selected policy.</exception>
    EvaluationResult Evaluate(Timeline timeline);

    /// <summary>Evaluates a timeline now under a named policy.</summary>
    /// <param name="timeline">The interaction's facts; none may be after the clock's current instant.</param>
    /// <param name="policyName">The policy's name in the catalogue.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">No policy has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fact is after the clock's current instant.</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the policy.</exception>
    EvaluationResult Evaluate(Timeline timeline, string policyName);

    /// <summary>Evaluates a timeline at an instant under the policy the catalogue's policy set selects for it.</summary>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/> (to look at the past,
    /// pass <c>timeline.AsOf(now)</c>).</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The catalogue has several policies and no policy set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fact is after <paramref name="now"/>, or <paramref name="now"/> is outside the
    /// supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive).</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the selected policy.</exception>
    EvaluationResult Evaluate(Timeline timeline, Instant now);

    /// <summary>Evaluates a timeline at an instant under a named policy.</summary>
    /// <param name="timeline">The interaction's facts; none may be after <paramref name="now"/>.</param>
    /// <param name="policyName">The policy's name in the catalogue.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">No policy has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fact is after <paramref name="now"/>, or <paramref name="now"/> is outside the
    /// supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive).</exception>
    /// <exception cref="InvalidTimelineException">A fact cannot be evaluated under the policy.</exception>
    EvaluationResult Evaluate(Timeline timeline, string policyName, Instant now);
}
