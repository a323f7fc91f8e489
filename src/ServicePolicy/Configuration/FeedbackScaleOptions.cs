// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>The scale of a policy's feedback scores in configuration:
/// <c>ServicePolicy:Policies:&lt;name&gt;:FeedbackScale</c>. See <see cref="Policies.FeedbackScale"/>.</summary>
/// <remarks>Mutable options POCO. The default value has no bounds, which is invalid.</remarks>
[Mutable]
public sealed class FeedbackScaleOptions
{
    /// <summary>Gets or sets the lowest score, inclusive.</summary>
    /// <value>Required, 0 to 999. Default: null.</value>
    public int? Minimum { get; set; }

    /// <summary>Gets or sets the highest score, inclusive.</summary>
    /// <value>Required, greater than <see cref="Minimum"/> and at most 1000. Default: null.</value>
    public int? Maximum { get; set; }
}
