// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>Which commitments stop their clocks while an interaction waits for a given reason.</summary>
/// <remarks>Immutable. Equality is reference equality. Create rules with
/// <see cref="ServiceLevelPolicyBuilder.PauseWhile"/>.</remarks>
[Immutable]
public sealed class PauseRule
{
    /// <summary>Bit <c>1 &lt;&lt; kind</c> is set for each paused kind: the evaluation asks for every pause of every cycle.</summary>
    private readonly uint pausedKindBits;

    internal PauseRule(PauseReason reason, ImmutableHashSet<CommitmentKind> pausedKinds)
    {
        Reason = reason;
        PausedKinds = pausedKinds;
        foreach (CommitmentKind kind in pausedKinds)
        {
            pausedKindBits |= 1u << (int)kind;
        }
    }

    /// <summary>Gets the reason for waiting.</summary>
    public PauseReason Reason { get; }

    /// <summary>Gets the kinds of commitment whose clocks stop meanwhile.</summary>
    public IReadOnlySet<CommitmentKind> PausedKinds { get; }

    /// <summary>Returns whether the rule pauses <paramref name="kind"/>, as <see cref="PausedKinds"/> contains it.</summary>
    internal bool Pauses(CommitmentKind kind) => (uint)kind < 32 && (pausedKindBits & (1u << (int)kind)) != 0;

    /// <summary>Returns the rule for logs, such as <c>WaitingOnCustomer pauses NextResponse, Resolution</c>.</summary>
    /// <returns>The reason and the paused kinds.</returns>
    public override string ToString() => $"{Reason} pauses {string.Join(", ", PausedKinds.OrderBy(k => k))}";
}
