// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Escalation;

/// <summary>The step an <see cref="ActionKey"/> names: the last part of the key.</summary>
public enum ActionKeyStep
{
    /// <summary>An escalation chain's warning before the deadline: <c>W{warning}</c>.</summary>
    Warning,

    /// <summary>An escalation chain's level, once breached, or the level with the authority to decide when the handoff
    /// limit is breached: <c>L{level}/R{repeat}</c>.</summary>
    Level,

    /// <summary>A breach remedy the policy owes the customer: <c>remedy/{remedy}</c>.</summary>
    Remedy,

    /// <summary>An early delay notice to the customer when a commitment cycle becomes at risk: <c>notice</c>.</summary>
    DelayNotice,
}
