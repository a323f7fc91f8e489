// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>The policy set in configuration: <c>ServicePolicy:PolicySet</c>. An interaction gets the first policy in
/// <see cref="Order"/> whose applicability matches it, or <see cref="Fallback"/>.</summary>
/// <remarks>Mutable options POCO. The default value has no fallback, which is invalid.</remarks>
[Mutable]
public sealed class PolicySetOptions
{
    /// <summary>Gets the names of the policies to try, in order of precedence.</summary>
    /// <value>Each name at most once, and not the fallback. Default: empty.</value>
    public List<string> Order { get; } = new();

    /// <summary>Gets or sets the name of the policy of interactions no other policy matches.</summary>
    /// <value>Required. Default: null.</value>
    public string? Fallback { get; set; }
}
