// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>One group of a report: the cycles of one value of one <see cref="ReportDimension"/>, and the interactions
/// that have cycles in it.</summary>
/// <remarks>Immutable. Equality is value equality (a record).</remarks>
[Immutable]
public sealed record AttainmentRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="dimension">What the row groups by.</param>
    /// <param name="key">The value grouped on (see <see cref="ReportDimension"/> for each dimension's form); empty when unknown.</param>
    /// <param name="cycles">The cycles by attainment.</param>
    /// <param name="interactions">The interactions counted in the row.</param>
    /// <param name="interactionsBreached">Of those, the interactions with a breach counted in the row.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> or <paramref name="cycles"/> is null.</exception>
    [JsonConstructor]
    public AttainmentRow(ReportDimension dimension, string key, AttainmentCounts cycles, long interactions, long interactionsBreached)
    {
        Dimension = dimension;
        Key = Preconditions.CheckNotNull(key);
        Cycles = Preconditions.CheckNotNull(cycles);
        Interactions = interactions;
        InteractionsBreached = interactionsBreached;
    }

    /// <summary>Gets what the row groups by.</summary>
    public ReportDimension Dimension { get; }

    /// <summary>Gets the value grouped on; empty when the host did not know it.</summary>
    public string Key { get; }

    /// <summary>Gets the cycles by attainment.</summary>
    public AttainmentCounts Cycles { get; }

    /// <summary>Gets the interactions counted in the row: for <see cref="ReportDimension.Kind"/> and
    /// <see cref="ReportDimension.Period"/>, those with at least one cycle in it; for the other dimensions, every
    /// interaction with that value (so these rows add up to the report's interactions).</summary>
    public long Interactions { get; }

    /// <summary>Gets the interactions "ever breached" in this row: with a cycle of the row met late or breached, or,
    /// for the interaction dimensions, a breached handoff limit.</summary>
    public long InteractionsBreached { get; }
}
