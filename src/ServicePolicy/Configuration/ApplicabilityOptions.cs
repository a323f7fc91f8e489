// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>Which interactions a policy applies to, in configuration: <c>ServicePolicy:Policies:&lt;name&gt;:AppliesTo</c>.</summary>
/// <remarks>Mutable options POCO. Each empty list or null value places no condition; values are compared
/// case-insensitively. The default value applies to every interaction.</remarks>
[Mutable]
public sealed class ApplicabilityOptions
{
    /// <summary>Gets the priorities the policy applies to.</summary>
    /// <value>Empty for any priority. Default: empty.</value>
    public List<string> Priorities { get; } = new();

    /// <summary>Gets the channels the policy applies to.</summary>
    /// <value>Empty for any channel. Default: empty.</value>
    public List<string> Channels { get; } = new();

    /// <summary>Gets the customer tiers the policy applies to.</summary>
    /// <value>Empty for any tier. Default: empty.</value>
    public List<string> CustomerTiers { get; } = new();

    /// <summary>Gets or sets whether the policy applies only to internal (true) or only to external (false) customers.</summary>
    /// <value>Null for both. Default: null.</value>
    public bool? Internal { get; set; }

    /// <summary>Gets host attributes the interaction must have, with their values.</summary>
    /// <value>Default: empty.</value>
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);
}
