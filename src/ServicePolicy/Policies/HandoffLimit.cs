// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>How many times an interaction may be handed from one owner to another before the policy counts it as
/// breached, and the remedies due then.</summary>
/// <remarks>The limit counts reassignments, not owners: the reassignment after the <see cref="MaxReassignments"/>-th
/// breaches it. A ticket that "passed through four people" was reassigned three times, so
/// <c>WithHandoffLimit(maxReassignments: 3)</c> allows it and the fourth reassignment (a fifth owner) breaches.
/// Immutable. Equality is reference equality. Create it with <see cref="ServiceLevelPolicyBuilder.WithHandoffLimit"/>.</remarks>
[Immutable]
public sealed class HandoffLimit
{
    internal HandoffLimit(int maxReassignments, IReadOnlyList<BreachRemedy> remedies)
    {
        MaxReassignments = maxReassignments;
        Remedies = remedies;
    }

    /// <summary>Gets the number of reassignments allowed (each <c>OwnerAssigned</c> fact is one); zero or more. The
    /// interaction may have this many owners plus one, the first.</summary>
    public int MaxReassignments { get; }

    /// <summary>Gets the remedies due, once, when the limit is breached.</summary>
    public IReadOnlyList<BreachRemedy> Remedies { get; }

    /// <summary>Returns the limit for logs, such as <c>at most 3 reassignments</c>.</summary>
    /// <returns>The limit.</returns>
    public override string ToString() => $"at most {MaxReassignments} reassignments";
}
