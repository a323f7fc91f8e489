// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>A handoff limit in configuration: the reassignment after the <see cref="MaxReassignments"/>-th breaches the
/// policy. See <see cref="Policies.HandoffLimit"/>.</summary>
/// <remarks>Mutable options POCO. The default value has no limit, which is invalid.</remarks>
[Mutable]
public sealed class HandoffLimitOptions
{
    /// <summary>Gets or sets the number of reassignments allowed (owners are one more: the first owner and those it
    /// was reassigned to).</summary>
    /// <value>Required, zero or more. To let an interaction pass through at most four people, set 3: the fourth
    /// reassignment breaches. Default: null.</value>
    public int? MaxReassignments { get; set; }

    /// <summary>Gets the remedies due when the limit is breached.</summary>
    /// <value>Default: empty.</value>
    public List<RemedyOptions> Remedies { get; } = new();
}
