// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>
/// The target of one running cycle of a commitment was waived: the cycle ends at <see cref="TimelineFact.At"/>, as
/// <see cref="CommitmentState.Waived"/> when that is at or before its deadline, which reporting tells from met and from
/// cancelled (<see cref="Reporting.Attainment.Waived"/>). A waiver after the deadline ends the cycle and its
/// escalation, but the cycle stays <see cref="CommitmentState.Breached"/> (a breach is history) with the waiver on its
/// status (<see cref="CommitmentStatus.Waiver"/>).
/// </summary>
/// <remarks>
/// <para>The cycle is named as for <see cref="DeadlineAgreed"/>. It must be running (not met and not ended; paused is
/// running); otherwise, or when the policy gives the interaction no such cycle, evaluating throws an
/// <see cref="InvalidTimelineException"/> naming this fact. The waiver ends that cycle only: later cycles of the kind
/// start at their own facts, and a reopening does not resume a waived resolution cycle.</para>
/// <para>Immutable. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class TargetWaived : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of the waiver.</param>
    /// <param name="kind">The kind of the commitment.</param>
    /// <param name="name">The custom commitment's name (required for <see cref="CommitmentKind.Custom"/>); null for the
    /// other kinds unless the policy names its targets.</param>
    /// <param name="cycle">The cycle number (<see cref="CommitmentStatus.Cycle"/>); not negative.</param>
    /// <param name="by">The host's id of who waived it; not empty.</param>
    /// <param name="reason">Why, in their words; null when not given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a defined kind, a custom commitment has no
    /// name, or a name or <paramref name="by"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> is negative, or <paramref name="at"/> is
    /// outside the supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); see
    /// <c>docs/limits.md#supported-range</c>.</exception>
    public TargetWaived(Instant at, CommitmentKind kind, string? name, int cycle, string by, string? reason = null)
        : base(at)
    {
        CommitmentAmendments.CheckCycle(kind, name, cycle);
        Preconditions.CheckNotNull(by);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(by), nameof(by), "Who waived the target must not be empty or white space.");
        Kind = kind;
        Name = name;
        Cycle = cycle;
        By = by;
        Reason = reason;
    }

    /// <summary>Gets the kind of the commitment.</summary>
    public CommitmentKind Kind { get; }

    /// <summary>Gets the custom commitment's name; null for the other kinds unless the policy names its targets.</summary>
    public string? Name { get; }

    /// <summary>Gets the cycle number.</summary>
    public int Cycle { get; }

    /// <summary>Gets the host's id of who waived the target.</summary>
    public string By { get; }

    /// <summary>Gets why, in their words; null when not given.</summary>
    public string? Reason { get; }

    /// <summary>Returns the fact, its instant and the cycle.</summary>
    /// <returns>The fact for messages and logs.</returns>
    public override string ToString() => $"{base.ToString()} ({CommitmentAmendments.CycleText(Kind, Name, Cycle)})";
}
