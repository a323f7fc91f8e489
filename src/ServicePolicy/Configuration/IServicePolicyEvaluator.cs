// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Configuration;

/// <summary>
/// Evaluates interactions now, under the configured policies: <see cref="Evaluator"/> with the instant read from the
/// <see cref="NodaTime.IClock"/> registered in the container and the policies of the current catalogue.
/// </summary>
/// <remarks>Thread-safe. Each call reads <see cref="IServicePolicyCatalogProvider.Current"/> once, so an evaluation that
/// is under way when the configuration reloads finishes on the version it started with
/// (<see cref="EvaluationResult.Policy"/> names the policy and its version).</remarks>
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
}
