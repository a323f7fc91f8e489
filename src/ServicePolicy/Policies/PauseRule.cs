// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>Which commitments stop their clocks while an interaction waits for a given reason: every target of the
/// kinds it lists, and the targets it names (measures, see <see cref="ServiceTarget.WithName"/>).</summary>
/// <remarks>Immutable. Equality is reference equality. Create rules with
/// <see cref="ServiceLevelPolicyBuilder.PauseWhile(PauseReason, CommitmentKind[])"/>.</remarks>
[Immutable]
public sealed class PauseRule
{
    /// <summary>Bit <c>1 &lt;&lt; kind</c> is set for each paused kind: the evaluation asks for every pause of every cycle.</summary>
    private readonly uint pausedKindBits;

    /// <summary>The paused targets' names, for the evaluation's loop (usually empty).</summary>
    private readonly string[] pausedTargetNames;

    internal PauseRule(PauseReason reason, ImmutableHashSet<CommitmentKind> pausedKinds, ImmutableSortedSet<string> pausedTargets)
    {
        Reason = reason;
        PausedKinds = pausedKinds;
        PausedTargets = pausedTargets;
        pausedTargetNames = pausedTargets.ToArray();
        foreach (CommitmentKind kind in pausedKinds)
        {
            pausedKindBits |= 1u << (int)kind;
        }
    }

    /// <summary>Gets the reason for waiting.</summary>
    public PauseReason Reason { get; }

    /// <summary>Gets the kinds of commitment whose clocks stop meanwhile: every target (and measure) of each.</summary>
    public IReadOnlySet<CommitmentKind> PausedKinds { get; }

    /// <summary>Gets the names of the targets whose clocks stop meanwhile besides those of <see cref="PausedKinds"/>
    /// (compared ordinally, in ordinal order); empty when the rule names none.</summary>
    public IReadOnlySet<string> PausedTargets { get; }

    /// <summary>Returns whether the rule pauses <paramref name="kind"/>, as <see cref="PausedKinds"/> contains it.</summary>
    internal bool Pauses(CommitmentKind kind) => (uint)kind < 32 && (pausedKindBits & (1u << (int)kind)) != 0;

    /// <summary>Returns whether the rule pauses a cycle of <paramref name="kind"/> with the target name
    /// <paramref name="name"/>: by its kind, or by its name.</summary>
    internal bool Pauses(CommitmentKind kind, string? name)
    {
        if (Pauses(kind))
        {
            return true;
        }
        if (name is null)
        {
            return false;
        }
        foreach (string paused in pausedTargetNames)
        {
            if (string.Equals(paused, name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Returns the rule for logs, such as <c>WaitingOnCustomer pauses NextResponse, Resolution</c> or
    /// <c>WaitingOnVendor pauses 'agent work time'</c>.</summary>
    /// <returns>The reason and the paused kinds and targets.</returns>
    public override string ToString() =>
        $"{Reason} pauses {string.Join(", ", PausedKinds.OrderBy(k => k).Select(k => k.ToString()).Concat(PausedTargets.Select(n => $"'{n}'")))}";
}
