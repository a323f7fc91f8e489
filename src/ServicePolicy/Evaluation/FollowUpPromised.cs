// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>
/// An agent promised to come back to the customer: by a given instant, within a given rule, or — with neither — by the
/// policy's follow-up target. Starts a follow-up cycle whose deadline replaces the default one; an earlier unmet
/// promise ends (cancelled, or breached when already past its deadline). The next public agent reply meets it.
/// </summary>
/// <remarks>A promise by an instant runs on elapsed time (pausing it, when the policy pauses follow-ups, moves the
/// instant out by the paused time); a promise by a rule runs on the follow-up target's calendar, or the policy's.
/// Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class FollowUpPromised : TimelineFact
{
    /// <summary>Creates a promise that uses the policy's follow-up target.</summary>
    /// <param name="at">The instant of the promise.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public FollowUpPromised(Instant at)
        : base(at)
    {
    }

    /// <summary>Creates a promise to come back by an instant.</summary>
    /// <param name="at">The instant of the promise.</param>
    /// <param name="by">The promised instant; after <paramref name="at"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not after <paramref name="at"/>.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public FollowUpPromised(Instant at, Instant by)
        : base(at)
    {
        if (by <= at)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(by), by, $"The promised instant {by} must be after the promise at {at}.");
        }
        By = by;
    }

    /// <summary>Creates a promise to come back within a rule, such as the next business day at 10:00.</summary>
    /// <param name="at">The instant of the promise.</param>
    /// <param name="rule">The rule; not an appointment window rule.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rule"/> is an appointment window rule.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public FollowUpPromised(Instant at, DeadlineRule rule)
        : base(at)
    {
        Preconditions.CheckNotNull(rule);
        Preconditions.CheckArgument(rule is not AppointmentWindowRule, nameof(rule), $"Rule '{rule}' is only for appointments.");
        Rule = rule;
    }

    /// <summary>Gets the promised instant; null when the promise is by a rule or by the policy.</summary>
    public Instant? By { get; }

    /// <summary>Gets the promised rule; null when the promise is by an instant or by the policy.</summary>
    public DeadlineRule? Rule { get; }
}
