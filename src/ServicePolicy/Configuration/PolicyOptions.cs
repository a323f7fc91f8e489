// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>One service-level policy in configuration: <c>ServicePolicy:Policies:&lt;name&gt;</c>.</summary>
/// <remarks>Mutable options POCO. The default value has no calendar and no targets, which is invalid.</remarks>
[Mutable]
public sealed class PolicyOptions
{
    /// <summary>Gets or sets the policy's version.</summary>
    /// <value>1 or more; a corrected policy is a new version. Default: 1.</value>
    public int Version { get; set; } = 1;

    /// <summary>Gets or sets the name of the policy's calendar.</summary>
    /// <value>Required: the name of a calendar in <see cref="ServicePolicyOptions.Calendars"/> (or added in code). Default: null.</value>
    public string? Calendar { get; set; }

    /// <summary>Gets or sets which interactions the policy applies to.</summary>
    /// <value>Null for every interaction. Default: null.</value>
    public ApplicabilityOptions? AppliesTo { get; set; }

    /// <summary>Gets the targets by kind of commitment, or by measure name.</summary>
    /// <value>Keys are <see cref="Commitments.CommitmentKind"/> names other than <c>Custom</c> (<c>FirstResponse</c>,
    /// <c>NextResponse</c>, <c>PeriodicUpdate</c>, <c>FollowUp</c>, <c>Resolution</c>, <c>Appointment</c>,
    /// <c>FeedbackRequest</c>), or the names of measures that give their <see cref="TargetOptions.Kind"/> (two
    /// resolution measures, say, <c>RequesterWaitTime</c> and <c>AgentWorkTime</c>); at least one target (here or in
    /// <see cref="CustomTargets"/>) is required. Default: empty.</value>
    public Dictionary<string, TargetOptions> Targets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the host's own named targets (custom commitments, met by a milestone of the same name).</summary>
    /// <value>Keys are the target names. Default: empty.</value>
    public Dictionary<string, TargetOptions> CustomTargets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the pause rules: for each reason for waiting, the kinds of commitment (or the targets) whose clocks stop.</summary>
    /// <value>Keys are <see cref="Policies.PauseReason"/> names: <c>WaitingOnCustomer</c>, <c>WaitingOnThirdParty</c>
    /// and those declared in <see cref="ServicePolicyOptions.PauseReasons"/>; values list commitment kinds (never
    /// <c>Appointment</c>), each pausing every target of the kind, or the names of this policy's measures and custom
    /// targets. Default: empty.</value>
    public Dictionary<string, List<string>> Pause { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the at-risk threshold of targets that do not have their own.</summary>
    /// <value>Null for none. Default: null.</value>
    public AtRiskOptions? AtRisk { get; set; }

    /// <summary>Gets or sets the name of the escalation chain the policy's commitments escalate with.</summary>
    /// <value>The name of a chain in <see cref="ServicePolicyOptions.EscalationChains"/> (or added in code), or null for
    /// no escalation. A policy with a chain needs an <see cref="Escalation.IEscalationDirectory"/> registered in the
    /// container. Default: null.</value>
    public string? EscalationChain { get; set; }

    /// <summary>Gets or sets from when the policy's commitments count when a profile change makes it govern an
    /// interaction (<see cref="Policies.ServiceLevelPolicy.TargetStart"/>).</summary>
    /// <value><c>FromChange</c> or <c>Retroactive</c> (<see cref="Policies.TargetStart"/>); null for <c>FromChange</c>. Default: null.</value>
    public string? TargetStart { get; set; }

    /// <summary>Gets or sets what happens to the policy's running cycles when a profile change selects another policy
    /// (<see cref="Policies.ServiceLevelPolicy.ReplacedTarget"/>).</summary>
    /// <value><c>Cancel</c> or <c>KeepToEnd</c> (<see cref="Policies.ReplacedTarget"/>); null for <c>Cancel</c>. Default: null.</value>
    public string? ReplacedTarget { get; set; }

    /// <summary>Gets or sets the handoff limit.</summary>
    /// <value>Null when handoffs are not limited. Default: null.</value>
    public HandoffLimitOptions? HandoffLimit { get; set; }

    /// <summary>Gets or sets the scale of the scores the policy's feedback requests ask for
    /// (<see cref="Policies.ServiceLevelPolicy.FeedbackScale"/>).</summary>
    /// <value>Null for none (feedback answers are then refused when evaluated). Default: null.</value>
    public FeedbackScaleOptions? FeedbackScale { get; set; }
}
