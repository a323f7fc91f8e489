// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>An occurrence of a named milestone began: it starts a new cycle of the custom target of the same name
/// (compared ordinally) when that target recurs independently (<see cref="Policies.MilestoneRecurrence.Independent"/>)
/// and the interaction is open (neither resolved nor cancelled); otherwise it starts nothing. A later
/// <see cref="MilestoneReached"/> of the name meets the oldest open cycle.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class MilestoneStarted : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant the occurrence began.</param>
    /// <param name="name">The milestone's name, the same as its custom target's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public MilestoneStarted(Instant at, string name)
        : base(at)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A milestone name must not be empty or white space.");
        Name = name;
    }

    /// <summary>Gets the milestone's name.</summary>
    public string Name { get; }
}
