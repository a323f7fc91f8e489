// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>A commitment cycle breached under one policy set and not under the other.</summary>
/// <remarks>Immutable. Equality is value equality (a record).</remarks>
[Immutable]
public sealed record BreachChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="kind">The commitment kind, as in <see cref="ReportDimension.Kind"/>.</param>
    /// <param name="cycle">The cycle number.</param>
    /// <param name="current">The cycle's attainment under the current policies; null when it has no such cycle.</param>
    /// <param name="proposed">The cycle's attainment under the proposed policies; null when it has no such cycle.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="interactionId"/> or <paramref name="kind"/> is null.</exception>
    [JsonConstructor]
    public BreachChange(string interactionId, string kind, int cycle, Attainment? current, Attainment? proposed)
    {
        InteractionId = Preconditions.CheckNotNull(interactionId);
        Kind = Preconditions.CheckNotNull(kind);
        Cycle = cycle;
        Current = current;
        Proposed = proposed;
    }

    /// <summary>Gets the interaction's id.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the commitment kind, such as <c>FirstResponse</c> or <c>Custom:callback</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the cycle number (0 for the first cycle of the kind).</summary>
    public int Cycle { get; }

    /// <summary>Gets the attainment under the current policies; null when they give the interaction no such cycle.</summary>
    public Attainment? Current { get; }

    /// <summary>Gets the attainment under the proposed policies; null when they give the interaction no such cycle.</summary>
    public Attainment? Proposed { get; }
}
