// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>Someone acknowledged an escalation step, named by its action's key
/// (<see cref="Escalation.EscalationAction.Key"/>). The acknowledged step is no longer listed; for a level, the levels
/// that stop on acknowledgement are held until the chain's acknowledgement timeout, after which, if the commitment is
/// still not met, the ladder restarts from the acknowledged level. A key that names no step of the evaluated chain
/// version is ignored.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class EscalationAcknowledged : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of the acknowledgement.</param>
    /// <param name="key">The acknowledged action's key.</param>
    /// <param name="by">The host's id of who acknowledged; null when unknown.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or white space.</exception>
    public EscalationAcknowledged(Instant at, string key, string? by = null)
        : base(at)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(key), nameof(key), "An acknowledged key must not be empty or white space.");
        Key = key;
        By = by;
    }

    /// <summary>Gets the acknowledged action's key.</summary>
    public string Key { get; }

    /// <summary>Gets who acknowledged; null when unknown.</summary>
    public string? By { get; }

    /// <summary>Returns the fact, its instant and the key.</summary>
    /// <returns>The fact for messages and logs.</returns>
    public override string ToString() => $"{base.ToString()} ({Key})";
}
