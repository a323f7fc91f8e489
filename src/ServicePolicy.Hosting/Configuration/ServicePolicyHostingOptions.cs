// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Configuration;

/// <summary>
/// The hosting runtime's options, bound from the configuration section <c>ServicePolicy:Hosting</c>
/// (<see cref="SectionName"/>) and from <c>AddServicePolicyHosting(h =&gt; h.Configure(...))</c>, validated when the
/// host starts; every error names its configuration path and value.
/// </summary>
/// <remarks>Mutable POCO; read through <c>IOptionsMonitor&lt;ServicePolicyHostingOptions&gt;</c>.</remarks>
[Mutable]
public sealed class ServicePolicyHostingOptions
{
    /// <summary>The configuration section bound by default: <c>ServicePolicy:Hosting</c>.</summary>
    public const string SectionName = "ServicePolicy:Hosting";

    /// <summary>Gets or sets this node's id, used in the claimant names of leases and in logs, so that an operator can
    /// tell nodes apart.</summary>
    /// <value>Not empty or white space. Default: the machine name.</value>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>Gets or sets the timer worker's options (<c>ServicePolicy:Hosting:Timer</c>).</summary>
    /// <value>Not null. Default: the defaults of <see cref="HostingTimerOptions"/>.</value>
    public HostingTimerOptions Timer { get; set; } = new();
}
