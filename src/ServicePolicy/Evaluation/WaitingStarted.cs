// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>The interaction started waiting, for example on the customer: the clocks of the commitments the policy
/// pauses for <see cref="Reason"/> stop until <see cref="WaitingEnded"/> (or resolution). Not valid while already waiting
/// or while resolved.</summary>
/// <remarks>A reason the policy has no pause rule for (a reason of the host's own that this policy, or this version of
/// it, does not list) pauses nothing: the interaction still counts as waiting, so <see cref="WaitingEnded"/> stays valid.
/// Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class WaitingStarted : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant waiting started.</param>
    /// <param name="reason">Why the interaction is waiting: a built-in reason or one of the host's own
    /// (<see cref="PauseReason.Create"/>); by default <see cref="PauseReason.WaitingOnCustomer"/>.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public WaitingStarted(Instant at, PauseReason reason = default)
        : base(at)
    {
        Reason = reason;
    }

    /// <summary>Gets why the interaction is waiting.</summary>
    public PauseReason Reason { get; }
}
