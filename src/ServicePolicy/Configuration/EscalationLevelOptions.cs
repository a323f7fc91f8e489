// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>One level of an escalation chain in configuration: <c>ServicePolicy:EscalationChains:&lt;name&gt;:Levels:&lt;n&gt;</c>.</summary>
/// <remarks>Mutable options POCO. The default value has no recipient, which is invalid.</remarks>
[Mutable]
public sealed class EscalationLevelOptions
{
    /// <summary>Gets or sets who the level escalates to.</summary>
    /// <value>Required: <c>owner</c>, <c>owner-lead</c>, <c>owner-manager</c>, <c>role:&lt;name&gt;</c>,
    /// <c>person:&lt;id&gt;</c> or <c>on-call:&lt;rota&gt;</c> (a rota of <see cref="ServicePolicyOptions.Rotas"/>).
    /// Default: null.</value>
    public string? Recipient { get; set; }

    /// <summary>Gets or sets the wait: after the breach for level 0, after the previous level's step for the others.</summary>
    /// <value>An amount of elapsed time (<c>30 minutes</c>, <c>PT30M</c>), an amount of business time
    /// (<c>1 business hour</c>, measured on <see cref="Calendar"/> or the chain's calendar), <c>immediately</c> or
    /// <c>0</c>, or null for immediately. Default: null.</value>
    public string? Delay { get; set; }

    /// <summary>Gets or sets the name of the calendar that measures a business-time <see cref="Delay"/>.</summary>
    /// <value>The name of a calendar, or null for the chain's <see cref="EscalationChainOptions.Calendar"/>. Default: null.</value>
    public string? Calendar { get; set; }

    /// <summary>Gets or sets what the host does.</summary>
    /// <value><c>Notify</c>, <c>Reassign</c> or <c>RaisePriority</c>, or null for <c>Notify</c> (or for the custom
    /// action when <see cref="CustomAction"/> is set). Default: null.</value>
    public string? Action { get; set; }

    /// <summary>Gets or sets the name of the host's own action, such as <c>page-sre</c>.</summary>
    /// <value>Null for a built-in <see cref="Action"/>; when set, <see cref="Action"/> must be null or <c>Custom</c>. Default: null.</value>
    public string? CustomAction { get; set; }

    /// <summary>Gets or sets whether an acknowledgement stops the level (until the chain's acknowledgement timeout).</summary>
    /// <value>False when only the commitment being met stops it. Default: true.</value>
    public bool StopOnAcknowledgement { get; set; } = true;

    /// <summary>Gets or sets whether the recipient has the authority to decide: a breached handoff limit escalates to
    /// the first such level.</summary>
    /// <value>Default: false.</value>
    public bool AuthorityToDecide { get; set; }

    /// <summary>Gets or sets whether the step waits until one of the resolved contacts' working hours is open (the
    /// hours come from the host's escalation directory, or <see cref="EscalationChainOptions.FallbackWorkingHours"/>
    /// for the fallback contact).</summary>
    /// <value>False to go out at any hour. Default: false.</value>
    public bool WaitForWorkingHours { get; set; }
}
