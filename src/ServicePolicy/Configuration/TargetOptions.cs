// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>One target of a policy in configuration: <c>ServicePolicy:Policies:&lt;name&gt;:Targets:&lt;kind&gt;</c>, or
/// <c>ServicePolicy:Policies:&lt;name&gt;:Targets:&lt;measure name&gt;</c> with <see cref="Kind"/>.</summary>
/// <remarks>Mutable options POCO. The default value has no deadline, which is invalid.</remarks>
[Mutable]
public sealed class TargetOptions
{
    /// <summary>Gets or sets the deadline expression.</summary>
    /// <value>Required: see <see cref="Commitments.DeadlineExpression"/>, such as <c>4 business hours</c> or
    /// <c>end of business day, cut-off 15:00</c>; an Appointment target takes <c>appointment window of 4 hours</c>. Default: null.</value>
    public string? Deadline { get; set; }

    /// <summary>Gets or sets whether an arrival before an appointment's window opens keeps the appointment (Appointment
    /// targets only).</summary>
    /// <value><c>NotKept</c> (the customer's view: arrive inside the window) or <c>Kept</c>; null for what the deadline
    /// expression says (<c>appointment window of 4 hours, early arrival kept</c>), <c>NotKept</c> unless it says so; when
    /// given, it wins over the expression.
    /// Any other value, or a value on a target whose deadline is not an appointment window, is an error. Default:
    /// null.</value>
    public string? EarlyArrival { get; set; }

    /// <summary>Gets or sets the name of the target's own calendar.</summary>
    /// <value>Null for the policy's calendar. Default: null.</value>
    public string? Calendar { get; set; }

    /// <summary>Gets or sets whose hours the target is measured in (<see cref="Policies.ServiceTarget.Hours"/>).</summary>
    /// <value><c>Policy</c> (the target's or policy's calendar) or <c>Customer</c> (the customer's hours, from the
    /// interaction's profile; see <see cref="Policies.TargetHours.Customer"/>); null for <c>Policy</c>. Default: null.</value>
    public string? Hours { get; set; }

    /// <summary>Gets or sets the target's own at-risk threshold.</summary>
    /// <value>Null for the policy's. Default: null.</value>
    public AtRiskOptions? AtRisk { get; set; }

    /// <summary>Gets the remedies due when the target is breached.</summary>
    /// <value>Default: empty.</value>
    public List<RemedyOptions> Remedies { get; } = new();

    /// <summary>Gets or sets what a reopening does to a Resolution target's cycle.</summary>
    /// <value><c>Resume</c> (the cycle runs on where it stopped) or <c>NewCycle</c> (it stays met and a new cycle starts
    /// at the reopening); only for a Resolution target. Default: null, which means <c>Resume</c>.</value>
    public string? ReopenMode { get; set; }

    /// <summary>Gets or sets how a custom target (a milestone) recurs within one interaction
    /// (<see cref="Policies.ServiceTarget.Recurrence"/>).</summary>
    /// <value><c>None</c> (one cycle, from the opening), <c>Sequential</c> (the next cycle starts when one is met) or
    /// <c>Independent</c> (a cycle per <see cref="Evaluation.MilestoneStarted"/>); only under
    /// <see cref="PolicyOptions.CustomTargets"/>. Default: null, which means <c>None</c>.</value>
    public string? Recurrence { get; set; }

    /// <summary>Gets or sets the kind of commitment of a named measure: with it, the target's key under
    /// <see cref="PolicyOptions.Targets"/> is the measure's name (such as <c>AgentWorkTime</c> with kind
    /// <c>Resolution</c>), so that a policy can measure one kind several ways, each with its own pause rules.</summary>
    /// <value>Null when the key is the kind (an unnamed target); otherwise a <see cref="Commitments.CommitmentKind"/>
    /// name other than <c>Custom</c> and <c>Appointment</c>. Not allowed under <see cref="PolicyOptions.CustomTargets"/>.
    /// Default: null.</value>
    public string? Kind { get; set; }

    /// <summary>Gets or sets the host's template id of the early delay notice sent to the customer when a cycle becomes
    /// at risk (<see cref="Policies.ServiceTarget.DelayNotice"/>).</summary>
    /// <value>Null for none; otherwise not empty nor white space. Default: null.</value>
    public string? DelayNotice { get; set; }
}
