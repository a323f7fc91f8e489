// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>A breach remedy in configuration.</summary>
/// <remarks>Mutable options POCO. The default value has no kind, which is invalid.</remarks>
[Mutable]
public sealed class RemedyOptions
{
    /// <summary>Gets or sets the kind of remedy.</summary>
    /// <value>Required: <c>Apology</c>, <c>Accommodation</c> (needs <see cref="Description"/>, optionally
    /// <see cref="Amount"/> and <see cref="Currency"/>), <c>Credit</c> (needs <see cref="Amount"/> and
    /// <see cref="Currency"/>) or <c>ProactiveMessage</c> (needs <see cref="Template"/>). Default: null.</value>
    public string? Kind { get; set; }

    /// <summary>Gets or sets what an accommodation offers.</summary>
    /// <value>Default: null.</value>
    public string? Description { get; set; }

    /// <summary>Gets or sets the amount of a credit or accommodation.</summary>
    /// <value>Positive, or null. Default: null.</value>
    public decimal? Amount { get; set; }

    /// <summary>Gets or sets the ISO 4217 currency of <see cref="Amount"/>.</summary>
    /// <value>Three letters such as <c>GBP</c>, or null. Default: null.</value>
    public string? Currency { get; set; }

    /// <summary>Gets or sets the host's template id of a proactive message.</summary>
    /// <value>Default: null.</value>
    public string? Template { get; set; }

    /// <summary>Gets or sets the remedy's own deadline, counted from the breach (<see cref="Policies.BreachRemedy.Deadline"/>).</summary>
    /// <value>A deadline expression such as <c>1 business hour</c> (not an appointment window), or null for none.
    /// Default: null.</value>
    public string? Deadline { get; set; }
}
