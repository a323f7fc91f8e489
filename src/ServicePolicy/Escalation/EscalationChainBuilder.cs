// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>Builds an <see cref="EscalationChain"/>. Start with <see cref="EscalationChain.CreateBuilder"/>.</summary>
/// <remarks>A builder is mutable and not thread-safe; each method returns the same builder for chaining. Rules that
/// span several calls are checked together by <see cref="Build"/>, which reports every problem at once.</remarks>
[Mutable]
public sealed class EscalationChainBuilder
{
    private readonly string name;
    private readonly int version;
    private readonly Instant effectiveFrom;
    private readonly EscalationContact fallback;
    private readonly List<EscalationWarning> warnings = new();
    private readonly List<EscalationLevel> levels = new();
    private EscalationRepeat? repeat;
    private EscalationDelay? acknowledgementTimeout;
    private EscalationCatchUp catchUp = EscalationCatchUp.LatestOnly;

    internal EscalationChainBuilder(string name, int version, Instant effectiveFrom, EscalationContact fallback)
    {
        this.name = name;
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.fallback = fallback;
    }

    /// <summary>Adds a warning before the breach.</summary>
    /// <param name="warning">The warning.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="warning"/> is null.</exception>
    public EscalationChainBuilder AddWarning(EscalationWarning warning)
    {
        warnings.Add(Preconditions.CheckNotNull(warning));
        return this;
    }

    /// <summary>Adds the next level after the breach.</summary>
    /// <param name="level">The level.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="level"/> is null.</exception>
    public EscalationChainBuilder AddLevel(EscalationLevel level)
    {
        levels.Add(Preconditions.CheckNotNull(level));
        return this;
    }

    /// <summary>Sets the repeat rule (by default, the levels fire once).</summary>
    /// <param name="rule">The rule; its <see cref="EscalationRepeat.FromLevel"/> must name a level.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public EscalationChainBuilder WithRepeat(EscalationRepeat rule)
    {
        repeat = Preconditions.CheckNotNull(rule);
        return this;
    }

    /// <summary>Sets how long an acknowledgement holds the levels that stop on it (by default, for the rest of the cycle).</summary>
    /// <param name="timeout">The timeout; more than zero.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeout"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero.</exception>
    public EscalationChainBuilder WithAcknowledgementTimeout(EscalationDelay timeout)
    {
        Preconditions.CheckNotNull(timeout);
        if (timeout.Amount <= Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(timeout), timeout, $"An acknowledgement timeout must be more than zero; got {timeout}.");
        }
        acknowledgementTimeout = timeout;
        return this;
    }

    /// <summary>Sets what evaluation lists when it runs late (by default, <see cref="EscalationCatchUp.LatestOnly"/>).</summary>
    /// <param name="mode">The catch-up rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not defined.</exception>
    public EscalationChainBuilder WithCatchUp(EscalationCatchUp mode)
    {
        Preconditions.CheckArgumentRange((int)mode, (int)EscalationCatchUp.LatestOnly, (int)EscalationCatchUp.FireAllMissed, nameof(mode));
        catchUp = mode;
        return this;
    }

    /// <summary>Builds the chain, checking: at least one warning or level; a repeat rule only with levels, starting at
    /// an existing level; an acknowledgement timeout only with a level that stops on acknowledgement.</summary>
    /// <returns>The chain version.</returns>
    /// <exception cref="InvalidOperationException">The chain breaks one or more of those rules; the message lists every problem.</exception>
    public EscalationChain Build()
    {
        var errors = new List<string>();
        if (warnings.Count == 0 && levels.Count == 0)
        {
            errors.Add("it has no warnings and no levels: add at least one with AddWarning or AddLevel");
        }
        if (repeat is not null && repeat.FromLevel >= levels.Count)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"the repeat rule starts at level {repeat.FromLevel}, but the chain has {levels.Count} level(s) (indices start at 0)"));
        }
        if (acknowledgementTimeout is not null && !levels.Exists(l => l.StopsOnAcknowledgement))
        {
            errors.Add("it has an acknowledgement timeout but no level that stops on acknowledgement");
        }
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Escalation chain '{name} v{version}' is invalid: ")
                + string.Join("; ", errors) + ".");
        }
        return new EscalationChain(name, version, effectiveFrom, fallback, warnings.ToArray(), levels.ToArray(), repeat, acknowledgementTimeout, catchUp);
    }
}
