// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>What replaying history under a proposed policy set would change: both reports, the attainment per group
/// side by side, the cycles that would newly breach and those that would no longer, and the escalations and remedies
/// under each. Made by <see cref="PolicyImpactPreview.Compare"/>.</summary>
/// <remarks>Immutable (the lists are read-only copies). Equality is reference equality of the lists (a record);
/// compare two by their JSON.</remarks>
[Immutable]
public sealed record PolicyImpactReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="current">Attainment under the current policies.</param>
    /// <param name="proposed">Attainment under the proposed policies.</param>
    /// <param name="groups">Every group of either report, side by side.</param>
    /// <param name="breachesGained">Cycles breached (met late or breached) only under the proposed policies.</param>
    /// <param name="breachesLost">Cycles breached only under the current policies.</param>
    /// <param name="escalationsCurrent">Escalation steps that would have fired under the current policies; null when
    /// not counted.</param>
    /// <param name="escalationsProposed">Escalation steps that would have fired under the proposed policies; null when
    /// not counted.</param>
    /// <exception cref="System.ArgumentNullException">A reference argument is null.</exception>
    [JsonConstructor]
    public PolicyImpactReport(AttainmentReport current, AttainmentReport proposed, IReadOnlyList<AttainmentDelta> groups,
        IReadOnlyList<BreachChange> breachesGained, IReadOnlyList<BreachChange> breachesLost, long? escalationsCurrent, long? escalationsProposed)
    {
        Current = Preconditions.CheckNotNull(current);
        Proposed = Preconditions.CheckNotNull(proposed);
        Groups = Preconditions.CheckNotNull(groups).ToArray().AsReadOnly();
        BreachesGained = Preconditions.CheckNotNull(breachesGained).ToArray().AsReadOnly();
        BreachesLost = Preconditions.CheckNotNull(breachesLost).ToArray().AsReadOnly();
        EscalationsCurrent = escalationsCurrent;
        EscalationsProposed = escalationsProposed;
    }

    /// <summary>Gets the attainment under the current policies (its remedies due are those that would have been owed).</summary>
    public AttainmentReport Current { get; }

    /// <summary>Gets the attainment under the proposed policies.</summary>
    public AttainmentReport Proposed { get; }

    /// <summary>Gets every group of either report, side by side, ordered by dimension and key (ordinal).</summary>
    public IReadOnlyList<AttainmentDelta> Groups { get; }

    /// <summary>Gets the cycles breached only under the proposed policies, by interaction id (ordinal), kind and cycle.</summary>
    public IReadOnlyList<BreachChange> BreachesGained { get; }

    /// <summary>Gets the cycles breached only under the current policies, in the same order.</summary>
    public IReadOnlyList<BreachChange> BreachesLost { get; }

    /// <summary>Gets how many escalation steps (distinct action keys) would have fired under the current policies from
    /// each interaction's opening to the evaluated instant; null when no escalation context was given.</summary>
    public long? EscalationsCurrent { get; }

    /// <summary>Gets the same under the proposed policies.</summary>
    public long? EscalationsProposed { get; }
}
