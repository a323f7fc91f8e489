// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>The interaction's profile changed (re-prioritised, transferred to another team, the customer's tier or time
/// zone corrected): from now on, <see cref="Profile"/> is the whole profile. Evaluating against a policy set or a
/// catalogue selects the policy again; when that selects another policy, its targets start (from the change or
/// retroactively, <see cref="ServiceLevelPolicy.TargetStart"/>) and the old policy's running cycles end at the change or
/// run to their end (<see cref="ServiceLevelPolicy.ReplacedTarget"/>). Cycles that started later use the new profile's
/// customer hours (<see cref="TargetHours.Customer"/>).</summary>
/// <remarks>Immutable. Equality is reference equality. Valid at any point of an open timeline, even when the profile
/// is the same as before (nothing then changes).</remarks>
[Immutable]
public sealed class ProfileChanged : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of the change.</param>
    /// <param name="profile">The whole new profile (derive it with the profile's <c>With…</c> methods).</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public ProfileChanged(Instant at, InteractionProfile profile)
        : base(at)
    {
        Profile = Preconditions.CheckNotNull(profile);
    }

    /// <summary>Gets the profile from this fact on.</summary>
    public InteractionProfile Profile { get; }
}
