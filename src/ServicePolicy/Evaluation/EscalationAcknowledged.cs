// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>Someone acknowledged an escalation step, named by its action's key
/// (<see cref="EscalationAction.Key"/>; a key stored as text is read back with <see cref="ActionKey.Parse"/>). The acknowledged step is no longer listed; for a level, the levels
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
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, which is not a key.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public EscalationAcknowledged(Instant at, ActionKey key, string? by = null)
        : base(at)
    {
        Preconditions.CheckArgument(!key.IsDefault, nameof(key), "An acknowledged key must not be the default value; read a stored key with ActionKey.Parse.");
        Key = key;
        By = by;
    }

    /// <summary>Gets the acknowledged action's key.</summary>
    public ActionKey Key { get; }

    /// <summary>Gets who acknowledged; null when unknown.</summary>
    public string? By { get; }

    /// <summary>Returns the fact, its instant and the key.</summary>
    /// <returns>The fact for messages and logs.</returns>
    public override string ToString() => $"{base.ToString()} ({Key})";
}
