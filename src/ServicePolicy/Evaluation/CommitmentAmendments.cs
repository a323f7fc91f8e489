// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>What was agreed or waived for one cycle: the rare part of a <see cref="CommitmentStatus"/>, held apart so
/// that a status without any costs one null reference.</summary>
[Immutable]
internal sealed class CommitmentAmendments
{
    internal CommitmentAmendments(Instant? originalDeadline, DeadlineAgreed? agreement, TargetWaived? waiver, string? name = null)
    {
        Name = name;
        OriginalDeadline = originalDeadline;
        Agreement = agreement;
        Waiver = waiver;
    }

    /// <summary>The cycle's name, which the status keeps here when it has amendments.</summary>
    internal string? Name { get; }

    internal Instant? OriginalDeadline { get; }

    internal DeadlineAgreed? Agreement { get; }

    internal TargetWaived? Waiver { get; }

    internal CommitmentAmendments WithName(string? name) =>
        ReferenceEquals(name, Name) ? this : new CommitmentAmendments(OriginalDeadline, Agreement, Waiver, name);

    /// <summary>Checks how a fact names a cycle: a defined kind, a name for a custom commitment, a cycle number not negative.</summary>
    internal static void CheckCycle(CommitmentKind kind, string? name, int cycle)
    {
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), $"{(int)kind} is not a defined commitment kind.");
        Preconditions.CheckArgument(kind != CommitmentKind.Custom || name is not null, nameof(name), "A custom commitment is named by its name.");
        Preconditions.CheckArgument(name is null || !string.IsNullOrWhiteSpace(name), nameof(name), "A commitment's name must not be empty or white space.");
        if (cycle < 0)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(cycle), cycle, $"A cycle number must not be negative; it is {cycle}.");
        }
    }

    /// <summary>Names a cycle as <see cref="CommitmentStatus.ToString"/> does: <c>Resolution#0</c>, <c>Custom 'x'#1</c>.</summary>
    internal static string CycleText(CommitmentKind kind, string? name, int cycle) =>
        $"{(name is null ? kind.ToString() : kind == CommitmentKind.Custom ? $"Custom '{name}'" : $"{kind} '{name}'")}#{cycle}";
}
