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

    /// <summary>Gets the targets by kind of commitment.</summary>
    /// <value>Keys are <see cref="Commitments.CommitmentKind"/> names other than <c>Custom</c> (<c>FirstResponse</c>,
    /// <c>NextResponse</c>, <c>PeriodicUpdate</c>, <c>FollowUp</c>, <c>Resolution</c>, <c>Appointment</c>,
    /// <c>FeedbackRequest</c>); at least one target (here or in <see cref="CustomTargets"/>) is required. Default: empty.</value>
    public Dictionary<string, TargetOptions> Targets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the host's own named targets (custom commitments, met by a milestone of the same name).</summary>
    /// <value>Keys are the target names. Default: empty.</value>
    public Dictionary<string, TargetOptions> CustomTargets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the pause rules: for each reason for waiting, the kinds of commitment whose clocks stop.</summary>
    /// <value>Keys are <see cref="Policies.PauseReason"/> names (<c>WaitingOnCustomer</c>, <c>WaitingOnThirdParty</c>);
    /// values list commitment kinds, never <c>Appointment</c>. Default: empty.</value>
    public Dictionary<string, List<string>> Pause { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the at-risk threshold of targets that do not have their own.</summary>
    /// <value>Null for none. Default: null.</value>
    public AtRiskOptions? AtRisk { get; set; }

    /// <summary>Gets or sets the name of the escalation chain the policy's commitments escalate with.</summary>
    /// <value>The name of a chain in <see cref="ServicePolicyOptions.EscalationChains"/> (or added in code), or null for
    /// no escalation. A policy with a chain needs an <see cref="Escalation.IEscalationDirectory"/> registered in the
    /// container. Default: null.</value>
    public string? EscalationChain { get; set; }

    /// <summary>Gets or sets the handoff limit.</summary>
    /// <value>Null when handoffs are not limited. Default: null.</value>
    public HandoffLimitOptions? HandoffLimit { get; set; }

    /// <summary>Gets or sets the scale of the scores the policy's feedback requests ask for
    /// (<see cref="Policies.ServiceLevelPolicy.FeedbackScale"/>).</summary>
    /// <value>Null for none (feedback answers are then refused when evaluated). Default: null.</value>
    public FeedbackScaleOptions? FeedbackScale { get; set; }
}
