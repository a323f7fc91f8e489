// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>The interaction was opened, with its first owner and the profile that selects its policy. Always the first
/// fact of a timeline, and only there. Starts the first-response, resolution, periodic-update and custom commitments
/// the policy has targets for.</summary>
/// <remarks>Immutable. Equality is reference equality. Marked as a customer interaction, so the package's analyzers
/// report creating it with a null or default owner (SP1003).</remarks>
[CustomerInteraction]
[Immutable]
public sealed class InteractionOpened : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant the interaction was opened.</param>
    /// <param name="owner">The first owner; an interaction always has one.</param>
    /// <param name="profile">The channel, priority, tier, internal or external customer, and attributes; null for
    /// <see cref="InteractionProfile.Unspecified"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public InteractionOpened(Instant at, [InteractionOwner] Owner owner, InteractionProfile? profile = null)
        : base(at)
    {
        Owner = Preconditions.CheckNotNull(owner);
        Profile = profile ?? InteractionProfile.Unspecified;
    }

    /// <summary>Gets the first owner.</summary>
    [InteractionOwner]
    public Owner Owner { get; }

    /// <summary>Gets the profile that selects the interaction's policy.</summary>
    public InteractionProfile Profile { get; }
}
