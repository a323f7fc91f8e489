// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>A handoff limit in configuration: the handoff after the <see cref="Maximum"/>-th breaches the policy.</summary>
/// <remarks>Mutable options POCO. The default value has no maximum, which is invalid.</remarks>
[Mutable]
public sealed class HandoffLimitOptions
{
    /// <summary>Gets or sets the number of handoffs allowed.</summary>
    /// <value>Required, zero or more. Default: null.</value>
    public int? Maximum { get; set; }

    /// <summary>Gets the remedies due when the limit is breached.</summary>
    /// <value>Default: empty.</value>
    public List<RemedyOptions> Remedies { get; } = new();
}
