// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The interaction was handed to another owner (a staff change, a shift handover, an escalation to a team).
/// Every commitment keeps running; the handoff is counted against the policy's handoff limit. Assigning the current
/// owner again is not valid.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class OwnerAssigned : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of the handoff.</param>
    /// <param name="owner">The new owner.</param>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public OwnerAssigned(Instant at, Owner owner)
        : base(at)
    {
        Owner = Preconditions.CheckNotNull(owner);
    }

    /// <summary>Gets the new owner.</summary>
    public Owner Owner { get; }
}
