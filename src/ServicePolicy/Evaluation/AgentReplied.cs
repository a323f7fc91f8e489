// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>An agent wrote on the interaction: a public reply the customer sees, or an internal note. A public reply
/// meets the open first-response, next-response and follow-up cycles and the running periodic update (starting the
/// next one while the interaction is open); an internal note meets nothing.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class AgentReplied : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of the reply.</param>
    /// <param name="isPublic">Whether the customer sees it (a reply) rather than only colleagues (an internal note).</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public AgentReplied(Instant at, bool isPublic = true)
        : base(at)
    {
        IsPublic = isPublic;
    }

    /// <summary>Gets whether the customer sees the reply; false for an internal note.</summary>
    public bool IsPublic { get; }
}
