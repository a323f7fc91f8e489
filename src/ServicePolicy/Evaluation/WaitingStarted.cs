// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>The interaction started waiting, for example on the customer: the clocks of the commitments the policy
/// pauses for <see cref="Reason"/> stop until <see cref="WaitingEnded"/> (or resolution). Not valid while already waiting
/// or while resolved.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class WaitingStarted : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant waiting started.</param>
    /// <param name="reason">Why the interaction is waiting.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined reason.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public WaitingStarted(Instant at, PauseReason reason = PauseReason.WaitingOnCustomer)
        : base(at)
    {
        Preconditions.CheckArgumentRange((int)reason, (int)PauseReason.WaitingOnCustomer, (int)PauseReason.WaitingOnThirdParty, nameof(reason));
        Reason = reason;
    }

    /// <summary>Gets why the interaction is waiting.</summary>
    public PauseReason Reason { get; }
}
