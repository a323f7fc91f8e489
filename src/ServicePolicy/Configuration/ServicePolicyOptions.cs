// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System;
using ServicePolicy.Calendars;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>
/// The <c>ServicePolicy</c> configuration section: calendars, policies, the policy set, escalation chains and on-call rotas, bound from
/// <c>IConfiguration</c> by <see cref="Microsoft.Extensions.DependencyInjection.ServicePolicyServiceCollectionExtensions.AddServicePolicy(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// or filled in code through <see cref="ServicePolicyBuilder"/>. See <c>docs/configuration.md</c> for a complete example.
/// </summary>
/// <remarks>
/// <para>Names (the dictionary keys) are compared case-insensitively, as configuration keys are. The options are
/// validated as a whole when they are built (and at start-up with <c>ValidateOnStart</c>): every error is reported at
/// once, each prefixed with its configuration path such as <c>ServicePolicy:Policies:standard:Calendar</c>. Settings the
/// options do not know are errors too.</para>
/// <para>Mutable and not thread-safe, like every options class; the catalogue built from it is immutable. The default
/// value has no calendars, no policies and no policy set, which is invalid.</para>
/// </remarks>
[Mutable]
public sealed class ServicePolicyOptions
{
    /// <summary>Gets the business calendars by name.</summary>
    /// <value>Calendars that policies and targets refer to by name. Default: empty.</value>
    public Dictionary<string, CalendarOptions> Calendars { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the service-level policies by name.</summary>
    /// <value>At least one policy is required (configured here or added in code). Default: empty.</value>
    public Dictionary<string, PolicyOptions> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the escalation chains by name.</summary>
    /// <value>Chains that policies name with <see cref="PolicyOptions.EscalationChain"/>. Default: empty.</value>
    public Dictionary<string, EscalationChainOptions> EscalationChains { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the weekly on-call rotas by name.</summary>
    /// <value>Rotas that escalation recipients name as <c>on-call:&lt;name&gt;</c>. Default: empty.</value>
    public Dictionary<string, RotaOptions> Rotas { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the policy set that selects a policy for each interaction.</summary>
    /// <value>Optional. When null and exactly one policy is defined, that policy is the fallback of an implicit set;
    /// with several policies and no set, interactions must be evaluated under a named policy. Default: null.</value>
    public PolicySetOptions? PolicySet { get; set; }

    /// <summary>Gets the reasons for waiting the host declares besides the built-in <c>WaitingOnCustomer</c> and
    /// <c>WaitingOnThirdParty</c>, such as <c>WaitingOnVendor</c> or <c>ChangeFreeze</c>; a policy's
    /// <see cref="PolicyOptions.Pause"/> may name them (bound from <c>ServicePolicy:PauseReasons</c>).</summary>
    /// <value>Names that are not empty, have no white space at either end and no <c>:</c>, at most 200 characters, each
    /// once (case-insensitive) and not a built-in reason; timelines name them exactly as declared
    /// (<see cref="Policies.PauseReason.Create"/>). Default: empty.</value>
    public List<string> PauseReasons { get; } = new();

    /// <summary>Gets or sets a value indicating whether a reload may take a policy or an escalation chain back to a
    /// lower <c>Version</c> than one the catalogue has already published (bound from
    /// <c>ServicePolicy:AllowVersionDecrease</c>).</summary>
    /// <value>When false, such a reload is refused: the last good catalogue stays current and each lower version is
    /// logged (<c>VersionDecreaseRefused</c>, event 1005). When true, it is published and each lower version is logged
    /// as a warning (<c>VersionDecreaseAllowed</c>, event 1006). It applies to the reload whose options set it, so set it
    /// for a deliberate rollback and remove it afterwards. The first load of a configuration name has nothing to compare
    /// with. Default: false.</value>
    public bool AllowVersionDecrease { get; set; }

    /// <summary>Gets the configuration path that prefixes error messages (the bound section's path).</summary>
    internal string SectionPath { get; set; } = ServicePolicyConstants.DefaultSectionName;

    /// <summary>Gets errors found while reading the configuration (unknown keys, unconvertible values, duplicates).</summary>
    internal List<string> ConfigurationErrors { get; } = new();

    /// <summary>Gets calendars added in code as built objects.</summary>
    internal List<BusinessCalendar> BuiltCalendars { get; } = new();

    /// <summary>Gets policies added in code as built objects.</summary>
    internal List<ServiceLevelPolicy> BuiltPolicies { get; } = new();

    /// <summary>Gets escalation chain versions added in code as built objects.</summary>
    internal List<EscalationChain> BuiltEscalationChains { get; } = new();

    /// <summary>Gets on-call rotas added in code as built objects.</summary>
    internal List<WeeklyRota> BuiltRotas { get; } = new();
}
