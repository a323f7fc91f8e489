// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// What evaluation needs to escalate: every version of the host's escalation chains and the directory that resolves
/// recipients. Pass it to <see cref="Evaluation.Evaluator.Evaluate(Evaluation.Timeline, Policies.ServiceLevelPolicy, Instant, EscalationContext)"/>.
/// </summary>
/// <remarks>
/// <para>Each commitment cycle escalates with the version of its policy's chain in force when the cycle started
/// (<see cref="InForce"/>); <see cref="WithReplayVersion"/> replays every cycle with one explicit version instead,
/// to repair history after a chain was corrected.</para>
/// <para>Immutable and thread-safe when the directory is. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class EscalationContext
{
    private readonly ImmutableArray<EscalationChain> chains;

    private EscalationContext(IEscalationDirectory directory, ImmutableArray<EscalationChain> chains, int? replayVersion)
    {
        Directory = directory;
        this.chains = chains;
        Chains = chains;
        ReplayVersion = replayVersion;
    }

    /// <summary>Gets the directory that resolves recipients.</summary>
    public IEscalationDirectory Directory { get; }

    /// <summary>Gets every chain version, in the order given.</summary>
    public IReadOnlyList<EscalationChain> Chains { get; }

    /// <summary>Gets <see cref="Chains"/> for the evaluation, without interface calls.</summary>
    internal ReadOnlySpan<EscalationChain> ChainSpan => chains.AsSpan();

    /// <summary>Gets the chain version every cycle is replayed with; null to use the version in force when each cycle started.</summary>
    public int? ReplayVersion { get; }

    /// <summary>Creates a context.</summary>
    /// <param name="directory">The directory that resolves recipients.</param>
    /// <param name="chainVersions">Every version of every chain; at most one per name and version.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/>, <paramref name="chainVersions"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">Two chains have the same name and version.</exception>
    public static EscalationContext Create(IEscalationDirectory directory, params EscalationChain[] chainVersions)
    {
        Preconditions.CheckNotNull(directory);
        Preconditions.CheckNotNull(chainVersions);
        for (int i = 0; i < chainVersions.Length; i++)
        {
            Preconditions.CheckArgument(chainVersions[i] is not null, nameof(chainVersions), $"Chain {i} is null.");
        }
        foreach (var group in chainVersions.GroupBy(c => (c.Name, c.Version)).Where(g => g.Count() > 1))
        {
            Preconditions.ThrowArgument(nameof(chainVersions), string.Create(CultureInfo.InvariantCulture,
                $"Chain '{group.Key.Name}' version {group.Key.Version} is given {group.Count()} times."));
        }
        return new EscalationContext(directory, chainVersions.ToImmutableArray(), null);
    }

    /// <summary>Returns a copy that replays every cycle with version <paramref name="version"/> of the policy's chain,
    /// whatever version was in force when the cycle started.</summary>
    /// <param name="version">The version, 1 or more; evaluation fails if the policy's chain has no such version.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public EscalationContext WithReplayVersion(int version)
    {
        Preconditions.CheckArgumentRange(version, 1, int.MaxValue);
        return new EscalationContext(Directory, chains, version);
    }

    /// <summary>Returns the version of chain <paramref name="name"/> in force at <paramref name="instant"/>: the one with
    /// the latest <see cref="EscalationChain.EffectiveFrom"/> at or before it (the higher version on a tie). A cycle that
    /// started before the chain's first version took effect uses that first version, so introducing a chain covers
    /// interactions already open. With <see cref="ReplayVersion"/> set, returns that version.</summary>
    /// <param name="name">The chain's name (ordinal).</param>
    /// <param name="instant">The instant, usually when a commitment cycle started.</param>
    /// <returns>The chain version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no chain of that name, or not the replay version of it.</exception>
    public EscalationChain InForce(string name, Instant instant)
    {
        Preconditions.CheckNotNull(name);
        EscalationChain? inForce = null, earliest = null;
        for (int i = 0; i < chains.Length; i++)
        {
            EscalationChain chain = chains[i];
            if (!string.Equals(chain.Name, name, StringComparison.Ordinal))
            {
                continue;
            }
            if (ReplayVersion is { } replay)
            {
                if (chain.Version == replay)
                {
                    return chain;
                }
                continue;
            }
            if (chain.EffectiveFrom <= instant && (inForce is null || Later(chain, inForce)))
            {
                inForce = chain;
            }
            if (earliest is null || Later(earliest, chain))
            {
                earliest = chain;
            }
        }
        if (inForce is null && earliest is null)
        {
            Preconditions.ThrowArgument(nameof(name), ReplayVersion is { } v
                ? string.Create(CultureInfo.InvariantCulture, $"Escalation chain '{name}' has no version {v} to replay with.")
                : $"There is no escalation chain named '{name}' in the context.");
        }
        return inForce ?? earliest!;
    }

    private static bool Later(EscalationChain a, EscalationChain b) =>
        a.EffectiveFrom > b.EffectiveFrom || (a.EffectiveFrom == b.EffectiveFrom && a.Version > b.Version);
}
