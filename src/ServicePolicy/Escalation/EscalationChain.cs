// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// One version of a named escalation chain: warnings before a breach, levels after it, a repeat rule, an
/// acknowledgement timeout, the fallback contact for recipients that resolve to nobody, and the catch-up rule. A
/// service-level policy names its chain (<see cref="Policies.ServiceLevelPolicyBuilder.WithEscalationChain"/>); build
/// one with <see cref="CreateBuilder"/>.
/// </summary>
/// <remarks>
/// <para>Versions and snapshots: a chain version is in force from <see cref="EffectiveFrom"/> until a later version
/// takes effect. Every commitment cycle escalates with the version in force when it started, so editing a chain (adding
/// a version) never reshuffles escalations already under way; see <see cref="EscalationContext"/> for replaying with
/// an explicit newer version.</para>
/// <para>Immutable and thread-safe. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class EscalationChain
{
    private readonly EscalationWarning[] warnings;
    private readonly EscalationLevel[] levels;

    /// <summary>The custom commitments the chain is limited to (read on every planned cycle, so no interface call).</summary>
    private readonly string[] escalatedCustomNames;

    /// <summary>The kinds the chain escalates, one bit per <see cref="CommitmentKind"/>; zero (with no custom names) for
    /// every kind.</summary>
    private readonly int kindMask;

    /// <summary>The step ids of the warnings and levels (<see cref="StepIds"/>), in their order.</summary>
    private readonly string[] warningStepIds, levelStepIds;

    /// <summary>The step id of warning <paramref name="index"/>, which its keys carry instead of the chain version.</summary>
    internal string WarningStepId(int index) => warningStepIds[index];

    /// <summary>The step id of level <paramref name="index"/>, which its keys carry instead of the chain version.</summary>
    internal string LevelStepId(int index) => levelStepIds[index];

    internal EscalationChain(string name, int version, Instant effectiveFrom, EscalationContact fallback, EscalationWarning[] warnings,
        EscalationLevel[] levels, EscalationRepeat? repeat, EscalationDelay? acknowledgementTimeout, EscalationCatchUp catchUp,
        CommitmentKind[] escalatedKinds, string[] escalatedCustomNames)
    {
        Name = name;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Fallback = fallback;
        this.warnings = warnings;
        this.levels = levels;
        Warnings = Array.AsReadOnly(warnings);
        Levels = Array.AsReadOnly(levels);
        Repeat = repeat;
        AcknowledgementTimeout = acknowledgementTimeout;
        CatchUp = catchUp;
        EscalatedKinds = Array.AsReadOnly(escalatedKinds);
        EscalatedCustomNames = Array.AsReadOnly(escalatedCustomNames);
        this.escalatedCustomNames = escalatedCustomNames;
        foreach (CommitmentKind kind in escalatedKinds)
        {
            kindMask |= 1 << (int)kind;
        }
        warningStepIds = new string[warnings.Length];
        for (int i = 0; i < warnings.Length; i++)
        {
            warningStepIds[i] = StepIds.Of(string.Create(CultureInfo.InvariantCulture, $"warning|{i}|{warnings[i]}"));
        }
        levelStepIds = new string[levels.Length];
        for (int i = 0; i < levels.Length; i++)
        {
            EscalationLevel level = levels[i];
            levelStepIds[i] = StepIds.Of(string.Create(CultureInfo.InvariantCulture,
                $"level|{i}|{level.Recipient}|{level.Delay}|{level.Action}|{level.CustomAction}|{(level.WaitsForWorkingHours ? "waits" : "")}"));
        }
        RepeatRound = EscalationRound.Of(this);
    }

    /// <summary>Gets the chain's name, as policies name it.</summary>
    public string Name { get; }

    /// <summary>Gets the version, 1 or more; part of every action's key.</summary>
    public int Version { get; }

    /// <summary>Gets the instant from which this version is in force (inclusive).</summary>
    public Instant EffectiveFrom { get; }

    /// <summary>Gets the contact that hears when a recipient resolves to nobody.</summary>
    public EscalationContact Fallback { get; }

    /// <summary>Gets the warnings before a breach, in the order they were added.</summary>
    public IReadOnlyList<EscalationWarning> Warnings { get; }

    /// <summary>Gets the levels after a breach, in order.</summary>
    public IReadOnlyList<EscalationLevel> Levels { get; }

    /// <summary>Gets <see cref="Warnings"/> for the evaluation's inner loops, without interface calls.</summary>
    internal ReadOnlySpan<EscalationWarning> WarningSpan => warnings;

    /// <summary>Gets <see cref="Levels"/> for the evaluation's inner loops, without interface calls.</summary>
    internal ReadOnlySpan<EscalationLevel> LevelSpan => levels;

    /// <summary>Gets the chain's repeated round (which levels, and whether and how far it can be skipped), worked out
    /// once here for every ladder the evaluation runs on this chain.</summary>
    internal EscalationRound RepeatRound { get; }

    /// <summary>Gets the repeat rule; null when the levels fire once.</summary>
    public EscalationRepeat? Repeat { get; }

    /// <summary>Gets how long an acknowledgement holds the levels that stop on it; when it runs out and the commitment
    /// is still not met, the ladder restarts from the acknowledged level. Null when an acknowledgement holds them for
    /// the rest of the cycle.</summary>
    public EscalationDelay? AcknowledgementTimeout { get; }

    /// <summary>Gets what evaluation lists when it runs late.</summary>
    public EscalationCatchUp CatchUp { get; }

    /// <summary>The most missed steps one evaluation lists for one commitment cycle under
    /// <see cref="EscalationCatchUp.FireAllMissed"/>: the latest ones. The earliest listed action of a capped cycle
    /// counts the earlier steps not listed (<see cref="EscalationAction.EarlierStepsNotListed"/>); their keys are never
    /// listed, and the keys of those listed are the same as without the cap.</summary>
    public const int MaxCatchUpSteps = 100;

    /// <summary>Gets the kinds of commitment the chain is limited to (<see cref="CommitmentKind.Custom"/> standing for
    /// every custom commitment), in enum order; empty, with empty <see cref="EscalatedCustomNames"/>, when the chain
    /// escalates every kind. See <see cref="Escalates"/>.</summary>
    public IReadOnlyList<CommitmentKind> EscalatedKinds { get; }

    /// <summary>Gets the names of the custom commitments the chain is limited to, besides <see cref="EscalatedKinds"/>,
    /// in ordinal order; empty when none are named.</summary>
    public IReadOnlyList<string> EscalatedCustomNames { get; }

    /// <summary>Returns whether the chain escalates commitments of <paramref name="kind"/>: every kind when the chain is
    /// not limited (<see cref="EscalationChainBuilder.EscalatesOnly"/>), otherwise the kinds it lists, and custom
    /// commitments when it lists <see cref="CommitmentKind.Custom"/> or <paramref name="customName"/>.</summary>
    /// <param name="kind">The kind of commitment.</param>
    /// <param name="customName">For <see cref="CommitmentKind.Custom"/>, the commitment's name (compared ordinally);
    /// otherwise ignored.</param>
    /// <returns>Whether evaluation plans this chain's warnings and levels for such a commitment.</returns>
    public bool Escalates(CommitmentKind kind, string? customName = null)
    {
        if (kindMask == 0 && escalatedCustomNames.Length == 0)
        {
            return true;
        }
        if ((uint)kind < 32 && (kindMask & (1 << (int)kind)) != 0)
        {
            return true;
        }
        if (kind != CommitmentKind.Custom || customName is null)
        {
            return false;
        }
        foreach (string name in escalatedCustomNames)
        {
            if (string.Equals(name, customName, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Starts building a chain version.</summary>
    /// <param name="name">The chain's name.</param>
    /// <param name="version">The version, 1 or more.</param>
    /// <param name="effectiveFrom">The instant from which this version is in force.</param>
    /// <param name="fallback">The contact that hears when a recipient resolves to nobody.</param>
    /// <returns>A builder with no warnings, levels or repeat, no acknowledgement timeout,
    /// <see cref="EscalationCatchUp.LatestOnly"/>, escalating every kind of commitment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space or contains <c>/</c> (which
    /// separates the parts of action keys, see <see cref="ActionKey"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static EscalationChainBuilder CreateBuilder(string name, int version, Instant effectiveFrom, EscalationContact fallback)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A chain name must not be empty or white space.");
        ActionKeyPart.CheckNoSeparator(name, nameof(name), "Chain name");
        Preconditions.CheckArgumentRange(version, 1, int.MaxValue);
        Preconditions.CheckNotNull(fallback);
        return new EscalationChainBuilder(name, version, effectiveFrom, fallback);
    }

    /// <summary>Returns the chain's name, version and start, such as <c>standard v2 (from 2025-03-01T00:00:00Z)</c>; a
    /// version in force from <see cref="Instant.MinValue"/> (a configured chain without <c>EffectiveFrom</c>) is just
    /// <c>standard v1</c>.</summary>
    /// <returns>The chain for logs.</returns>
    public override string ToString() => EffectiveFrom == Instant.MinValue
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} v{Version}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} v{Version} (from {InstantPattern.ExtendedIso.Format(EffectiveFrom)})");
}
