// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>How an escalation chain keeps going after its last level: <c>ServicePolicy:EscalationChains:&lt;name&gt;:Repeat</c>.</summary>
/// <remarks>Mutable options POCO. The default value has no interval, which is invalid.</remarks>
[Mutable]
public sealed class EscalationRepeatOptions
{
    /// <summary>Gets or sets the zero-based index of the first level that repeats.</summary>
    /// <value>From 0 to the index of the last level. Default: 0.</value>
    public int FromLevel { get; set; }

    /// <summary>Gets or sets the wait before each repeat (after the previous step).</summary>
    /// <value>Required: a positive delay such as <c>30 minutes</c> or <c>1 business hour</c> (on the chain's calendar).
    /// Default: null.</value>
    public string? Every { get; set; }

    /// <summary>Gets or sets how many times the levels repeat after their first firing.</summary>
    /// <value>1 or more, or null to repeat until the commitment is met. Default: null.</value>
    public int? MaxRepeats { get; set; }
}
