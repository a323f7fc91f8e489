// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>One group's attainment under the current and the proposed policies.</summary>
/// <remarks>Immutable. Equality is value equality (a record).</remarks>
[Immutable]
public sealed record AttainmentDelta
{
    /// <summary>Creates a delta.</summary>
    /// <param name="dimension">What the group is by.</param>
    /// <param name="key">The group's value.</param>
    /// <param name="current">Its cycles under the current policies (all zero when the group does not occur there).</param>
    /// <param name="proposed">Its cycles under the proposed policies (all zero when the group does not occur there).</param>
    /// <exception cref="System.ArgumentNullException">A reference argument is null.</exception>
    [JsonConstructor]
    public AttainmentDelta(ReportDimension dimension, string key, AttainmentCounts current, AttainmentCounts proposed)
    {
        Dimension = dimension;
        Key = Preconditions.CheckNotNull(key);
        Current = Preconditions.CheckNotNull(current);
        Proposed = Preconditions.CheckNotNull(proposed);
    }

    /// <summary>Gets what the group is by.</summary>
    public ReportDimension Dimension { get; }

    /// <summary>Gets the group's value.</summary>
    public string Key { get; }

    /// <summary>Gets the cycles under the current policies.</summary>
    public AttainmentCounts Current { get; }

    /// <summary>Gets the cycles under the proposed policies.</summary>
    public AttainmentCounts Proposed { get; }

    /// <summary>Gets the change in breaches (met late or breached), proposed minus current.</summary>
    [JsonIgnore]
    public long BreachesChange => Proposed.Breaches - Current.Breaches;
}
