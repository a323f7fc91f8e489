// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServicePolicy.Commitments;
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
    private readonly SortedSet<CommitmentKind> kinds = new();
    private readonly SortedSet<string> customNames = new(StringComparer.Ordinal);

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

    /// <summary>Limits the chain to commitments of <paramref name="kinds"/> (by default it escalates every kind).
    /// Calls add up, with each other and with <see cref="EscalatesOnlyCustom"/>: the chain escalates a commitment of
    /// any kind named in any call. <see cref="CommitmentKind.Custom"/> stands for every custom commitment.</summary>
    /// <param name="kinds">The kinds; at least one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentException">No kind is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not defined.</exception>
    /// <example><code>
    /// // A late feedback request is not worth the team lead's time: escalate only replies and resolutions.
    /// builder.EscalatesOnly(CommitmentKind.FirstResponse, CommitmentKind.Resolution);
    /// </code></example>
    public EscalationChainBuilder EscalatesOnly(params CommitmentKind[] kinds)
    {
        Preconditions.CheckNotNull(kinds);
        Preconditions.CheckArgument(kinds.Length > 0, nameof(kinds), "At least one kind of commitment is required.");
        foreach (CommitmentKind kind in kinds)
        {
            Preconditions.CheckArgumentRange((int)kind, (int)CommitmentKind.FirstResponse, (int)CommitmentKind.Custom, nameof(kinds));
        }
        this.kinds.UnionWith(kinds);
        return this;
    }

    /// <summary>Limits the chain to custom commitments with these names, besides the kinds given to
    /// <see cref="EscalatesOnly"/> (by default it escalates every commitment).</summary>
    /// <param name="customNames">The custom targets' names, compared ordinally; at least one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customNames"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">No name is given, or a name is empty or white space.</exception>
    public EscalationChainBuilder EscalatesOnlyCustom(params string[] customNames)
    {
        Preconditions.CheckNotNull(customNames);
        Preconditions.CheckArgument(customNames.Length > 0, nameof(customNames), "At least one custom commitment name is required.");
        foreach (string customName in customNames)
        {
            Preconditions.CheckNotNull(customName, nameof(customNames));
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(customName), nameof(customNames), "A custom commitment name must not be empty or white space.");
        }
        this.customNames.UnionWith(customNames);
        return this;
    }

    /// <summary>Builds the chain, checking: at least one warning or level; a repeat rule only with levels, starting at
    /// an existing level; a repeat rule whose round is walked step by step (a repeated level waits for working hours, or
    /// the round's delays mix clocks) caps its repeats within <see cref="EscalationLadder.MaxWalkedSteps"/> steps from a
    /// start of the ladder; an acknowledgement timeout only with a level that stops on acknowledgement.</summary>
    /// <returns>The chain version.</returns>
    /// <exception cref="InvalidOperationException">The chain breaks one or more of those rules; the message lists every problem.</exception>
    public EscalationChain Build()
    {
        BuildError.ThrowIfAny(string.Create(CultureInfo.InvariantCulture, $"Escalation chain '{name} v{version}' is invalid"), Validate());
        return new EscalationChain(name, version, effectiveFrom, fallback, warnings.ToArray(), levels.ToArray(), repeat, acknowledgementTimeout, catchUp,
            kinds.ToArray(), customNames.ToArray());
    }

    /// <summary>Checks the rules that span several calls (see <see cref="Build"/>) and returns every problem, each
    /// naming the builder call that breaks the rule.</summary>
    /// <returns>The problems; empty when the builder would build.</returns>
    internal IReadOnlyList<BuildError> Validate() =>
        Validate(warnings.Count, levels.Select(l => l.StopsOnAcknowledgement).ToArray(), repeat?.FromLevel, acknowledgementTimeout is not null,
            RepeatIsWalked(levels, repeat), repeat?.MaxRepeats);

    /// <summary>Whether the repeated round of these levels is walked step by step when evaluated (it does not
    /// translate: a level waits for working hours, or its delays mix clocks); false without a repeat rule or when the
    /// rule starts at a level that does not exist.</summary>
    internal static bool RepeatIsWalked(List<EscalationLevel> levels, EscalationRepeat? repeat) =>
        repeat is not null && repeat.FromLevel < levels.Count
        && !EscalationRound.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(levels), repeat).Translates;

    /// <summary>The rules that span several calls, over the chain's shape. Configuration checks the shape it was given
    /// with this, even when some of its parts did not parse.</summary>
    /// <param name="warningCount">The number of warnings.</param>
    /// <param name="levelsStopOnAcknowledgement">For each level, in order, whether it stops on acknowledgement.</param>
    /// <param name="repeatFromLevel">The level the repeat rule starts at, or null without a repeat rule.</param>
    /// <param name="hasAcknowledgementTimeout">Whether the chain has an acknowledgement timeout.</param>
    /// <param name="repeatIsWalked">Whether the repeated round is walked step by step (<see cref="RepeatIsWalked"/>).</param>
    /// <param name="maxRepeats">The repeat rule's cap, or null to repeat until met (or without a repeat rule).</param>
    /// <returns>The problems.</returns>
    internal static IReadOnlyList<BuildError> Validate(int warningCount, IReadOnlyList<bool> levelsStopOnAcknowledgement, int? repeatFromLevel,
        bool hasAcknowledgementTimeout, bool repeatIsWalked, int? maxRepeats)
    {
        var errors = new List<BuildError>();
        int levelCount = levelsStopOnAcknowledgement.Count;
        if (warningCount == 0 && levelCount == 0)
        {
            errors.Add(new(nameof(AddLevel), null, null, "it has no warnings and no levels: add at least one with AddWarning or AddLevel"));
        }
        if (repeatFromLevel is { } from && (from < 0 || from >= levelCount))
        {
            errors.Add(new(nameof(WithRepeat), null, null, levelCount == 0
                ? string.Create(CultureInfo.InvariantCulture, $"the repeat rule starts at level {from}, but the chain has no levels")
                : string.Create(CultureInfo.InvariantCulture,
                    $"the repeat rule starts at level {from}, which is out of range: expected 0 to {levelCount - 1} (the index of a level)")));
        }
        if (repeatFromLevel is { } first && first >= 0 && first < levelCount && repeatIsWalked
            && WalkedRoundTooLong(first, levelCount, maxRepeats) is { } why)
        {
            errors.Add(new(nameof(WithRepeat), null, null, why));
        }
        if (hasAcknowledgementTimeout && !levelsStopOnAcknowledgement.Contains(true))
        {
            errors.Add(new(nameof(WithAcknowledgementTimeout), null, null, "it has an acknowledgement timeout but no level that stops on acknowledgement"));
        }
        return errors;
    }

    /// <summary>Why a repeat rule from level <paramref name="from"/> whose round is walked step by step (a level waits
    /// for working hours, so each step's instant depends on the contacts' hours; or its delays mix elapsed and business
    /// time, or two calendars, so a round has no fixed length) is refused: evaluation walks its repeats one by one (see
    /// <see cref="EscalationLadder.MaxWalkedSteps"/>), so the rule must cap them so that the walk from one (re)start of
    /// the ladder stays within that bound. Null when the rule is fine.</summary>
    private static string? WalkedRoundTooLong(int from, int levels, int? maxRepeats)
    {
        long largest = Math.Max(0, (EscalationLadder.MaxWalkedSteps - levels) / (levels - from));
        if (maxRepeats is { } max && max <= largest)
        {
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"the repeat rule repeats {(maxRepeats is { } m ? $"{m} times" : "until met")} levels that wait for working hours or mix clocks (elapsed and business time, or two calendars): such a rule needs MaxRepeats of at most {largest}, because each of its steps is worked out one by one (at most {EscalationLadder.MaxWalkedSteps} steps from a start of the ladder).{LimitsDocs.See(LimitsDocs.MinimumRepeat)}");
    }
}
