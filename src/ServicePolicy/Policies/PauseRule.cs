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
    internal PauseRule(PauseReason reason, ImmutableHashSet<CommitmentKind> pausedKinds)
    {
        Reason = reason;
        PausedKinds = pausedKinds;
    }

    /// <summary>Gets the reason for waiting.</summary>
    public PauseReason Reason { get; }

    /// <summary>Gets the kinds of commitment whose clocks stop meanwhile.</summary>
    public IReadOnlySet<CommitmentKind> PausedKinds { get; }

    /// <summary>Returns the rule for logs, such as <c>WaitingOnCustomer pauses NextResponse, Resolution</c>.</summary>
    /// <returns>The reason and the paused kinds.</returns>
    public override string ToString() => $"{Reason} pauses {string.Join(", ", PausedKinds.OrderBy(k => k))}";
}
