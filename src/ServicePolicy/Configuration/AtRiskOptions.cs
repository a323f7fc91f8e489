// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>An at-risk threshold in configuration: at a share of the target, before the deadline, or whichever comes first.</summary>
/// <remarks>Mutable options POCO. At least one of the two is required; the default value has neither.</remarks>
[Mutable]
public sealed class AtRiskOptions
{
    /// <summary>Gets or sets the share of the target, in percent, after which a commitment is at risk.</summary>
    /// <value>Greater than 0 and less than 100, or null. Default: null.</value>
    public double? Percent { get; set; }

    /// <summary>Gets or sets how long before the deadline a commitment is at risk, on the rule's clock.</summary>
    /// <value>A positive duration such as <c>30 minutes</c> or <c>PT30M</c>, or null. Default: null.</value>
    public string? Before { get; set; }
}
