// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The customer wrote. The first customer message after a public agent reply starts a next-response cycle (unless one is already open or the interaction is resolved; a host reopens a resolved interaction with <see cref="InteractionReopened"/>).</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class CustomerReplied : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of the message.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public CustomerReplied(Instant at)
        : base(at)
    {
    }
}
