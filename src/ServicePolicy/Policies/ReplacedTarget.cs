// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Policies;

/// <summary>What happens to a running commitment cycle when a profile change (<see cref="Evaluation.ProfileChanged"/>)
/// selects another policy than the one that started it.</summary>
/// <remarks>Set per policy with <see cref="ServiceLevelPolicyBuilder.WithReplacedTarget"/>; the setting of the policy
/// that no longer applies decides. Cycles already met or ended are never touched: a breach stays a breach, with its
/// instants. The default value is <see cref="Cancel"/>.</remarks>
public enum ReplacedTarget
{
    /// <summary>The running cycle ends at the change (visibly: <see cref="Evaluation.CommitmentStatus.EndedAt"/> is the
    /// change, and its state <see cref="Evaluation.CommitmentState.Cancelled"/>, or <see cref="Evaluation.CommitmentState.Breached"/>
    /// when it was already past its deadline); the new policy's cycle of the same commitment starts.</summary>
    Cancel,

    /// <summary>The running cycle keeps running under its policy until it is met or ended as it would have been; the new
    /// policy's cycle of the same commitment runs beside it, and a fact that meets one meets both.</summary>
    KeepToEnd,
}
