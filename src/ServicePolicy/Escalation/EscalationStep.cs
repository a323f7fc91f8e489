// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Escalation;

/// <summary>Which part of a chain an <see cref="EscalationAction"/> comes from.</summary>
/// <remarks>The default value is <see cref="Warning"/>.</remarks>
public enum EscalationStep
{
    /// <summary>A warning before the breach (<see cref="EscalationChain.Warnings"/>).</summary>
    Warning,

    /// <summary>A level after the breach (<see cref="EscalationChain.Levels"/>), including its repeats and restarts.</summary>
    Level,

    /// <summary>The policy's handoff limit was breached: the first level with the authority to decide.</summary>
    HandoffLimit,
}
