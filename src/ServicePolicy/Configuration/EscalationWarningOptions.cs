// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>A warning before a breach in configuration: <c>ServicePolicy:EscalationChains:&lt;name&gt;:Warnings:&lt;n&gt;</c>.</summary>
/// <remarks>Mutable options POCO. Exactly one of <see cref="Percent"/> and <see cref="Before"/> is required; the
/// default value has neither and no recipient, which is invalid.</remarks>
[Mutable]
public sealed class EscalationWarningOptions
{
    /// <summary>Gets or sets the share of the target used, in percent, at which the warning fires.</summary>
    /// <value>Greater than 0 and less than 100, or null. Default: null.</value>
    public double? Percent { get; set; }

    /// <summary>Gets or sets how long before the deadline the warning fires, on the commitment's own clock.</summary>
    /// <value>A positive duration such as <c>30 minutes</c> or <c>PT30M</c>, or null. Default: null.</value>
    public string? Before { get; set; }

    /// <summary>Gets or sets who is warned.</summary>
    /// <value>Required, in the same forms as <see cref="EscalationLevelOptions.Recipient"/>. Default: null.</value>
    public string? Recipient { get; set; }
}
