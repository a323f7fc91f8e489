// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>One target of a policy in configuration: <c>ServicePolicy:Policies:&lt;name&gt;:Targets:&lt;kind&gt;</c>.</summary>
/// <remarks>Mutable options POCO. The default value has no deadline, which is invalid.</remarks>
[Mutable]
public sealed class TargetOptions
{
    /// <summary>Gets or sets the deadline expression.</summary>
    /// <value>Required: see <see cref="Commitments.DeadlineExpression"/>, such as <c>4 business hours</c> or
    /// <c>end of business day, cut-off 15:00</c>; an Appointment target takes <c>appointment window of 4 hours</c>. Default: null.</value>
    public string? Deadline { get; set; }

    /// <summary>Gets or sets the name of the target's own calendar.</summary>
    /// <value>Null for the policy's calendar. Default: null.</value>
    public string? Calendar { get; set; }

    /// <summary>Gets or sets the target's own at-risk threshold.</summary>
    /// <value>Null for the policy's. Default: null.</value>
    public AtRiskOptions? AtRisk { get; set; }

    /// <summary>Gets the remedies due when the target is breached.</summary>
    /// <value>Default: empty.</value>
    public List<RemedyOptions> Remedies { get; } = new();

    /// <summary>Gets or sets the host's template id of the early delay notice sent to the customer when a cycle becomes
    /// at risk (<see cref="Policies.ServiceTarget.DelayNotice"/>).</summary>
    /// <value>Null for none; otherwise not empty nor white space. Default: null.</value>
    public string? DelayNotice { get; set; }
}
