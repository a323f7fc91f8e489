// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>How many times an interaction may be handed from one owner to another before the policy counts it as
/// breached, and the remedies due then.</summary>
/// <remarks>The handoff after the <see cref="MaximumHandoffs"/>-th breaches the limit: with a limit of 3, the fourth
/// handoff. Immutable. Equality is reference equality. Create it with
/// <see cref="ServiceLevelPolicyBuilder.WithHandoffLimit"/>.</remarks>
[Immutable]
public sealed class HandoffLimit
{
    internal HandoffLimit(int maximumHandoffs, IReadOnlyList<BreachRemedy> remedies)
    {
        MaximumHandoffs = maximumHandoffs;
        Remedies = remedies;
    }

    /// <summary>Gets the number of handoffs allowed; zero or more.</summary>
    public int MaximumHandoffs { get; }

    /// <summary>Gets the remedies due, once, when the limit is breached.</summary>
    public IReadOnlyList<BreachRemedy> Remedies { get; }

    /// <summary>Returns the limit for logs, such as <c>at most 3 handoffs</c>.</summary>
    /// <returns>The limit.</returns>
    public override string ToString() => $"at most {MaximumHandoffs} handoffs";
}
