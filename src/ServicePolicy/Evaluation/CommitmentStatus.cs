// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Where one cycle of one commitment stands at the evaluated instant: its state, deadline, the target and how much of
/// it is used, and when it was met or breached.
/// </summary>
/// <remarks>
/// <para>Durations are on the commitment's clock: business time of its calendar for calendar rules, elapsed time for
/// elapsed-time rules, promised instants and appointment windows. Paused time is not elapsed time.</para>
/// <para>Immutable (the derived values, <see cref="Remaining"/>, <see cref="PercentUsed"/> and <see cref="BreachedAt"/>,
/// are computed from the others when read, which keeps the status small). Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class CommitmentStatus
{
    // Compact (128 bytes instead of 176, a queue holds millions; 152 with the governing policy and since when): the kind
    // and state in a byte each, and the nullable instants as plain ones with flags; a cycle is never both met and ended,
    // so those share one field.
    private readonly Instant atRiskAt;
    private readonly Instant closedAt;
    private readonly byte kind;
    private readonly byte state;
    private readonly Present present;

    /// <summary>The name (a string or null) or, for the rare cycle with an agreed deadline or a waiver, the
    /// <see cref="CommitmentAmendments"/> that hold it too: one field for both keeps the status at 128 bytes.</summary>
    private readonly object? nameOrAmendments;

    internal CommitmentStatus(CommitmentKind kind, string? name, int cycle, Instant startedAt, CommitmentState state, Instant deadline,
        Instant? atRiskAt, Duration target, Duration elapsed, Instant? metAt, Instant? endedAt, ServiceLevelPolicy policy, Instant policySince,
        CommitmentAmendments? amendments = null)
    {
        Policy = policy;
        PolicySince = policySince;
        Debug.Assert(metAt is null || endedAt is null, "A cycle is either met or ended.");
        this.kind = (byte)kind;
        nameOrAmendments = amendments is null ? name : amendments.WithName(name);
        Cycle = cycle;
        StartedAt = startedAt;
        this.state = (byte)state;
        Deadline = deadline;
        this.atRiskAt = atRiskAt.GetValueOrDefault();
        Target = target;
        Elapsed = elapsed;
        closedAt = metAt ?? endedAt ?? default;
        present = (atRiskAt is null ? Present.None : Present.AtRiskAt) | (metAt is null ? Present.None : Present.MetAt) | (endedAt is null ? Present.None : Present.EndedAt);
    }

    /// <summary>Which of the optional instants the status has.</summary>
    [Flags]
    private enum Present : byte
    {
        None = 0,
        AtRiskAt = 1,
        MetAt = 2,
        EndedAt = 4,
    }

    /// <summary>Gets the kind of commitment.</summary>
    public CommitmentKind Kind => (CommitmentKind)kind;

    /// <summary>Gets the target's name: a custom commitment's, or a named measure's (one of several targets of a
    /// built-in kind, such as "agent work time"); null for an unnamed target.</summary>
    public string? Name => nameOrAmendments is CommitmentAmendments a ? a.Name : (string?)nameOrAmendments;

    /// <summary>Gets the cycle number: 0 for the first cycle of this kind (and name), then 1, 2, …; stable across
    /// evaluations of longer timelines.</summary>
    public int Cycle { get; }

    /// <summary>Gets the instant the cycle started.</summary>
    public Instant StartedAt { get; }

    /// <summary>Gets the policy (name and version) that governs the cycle: the one whose target it measures. With profile
    /// changes (<see cref="ProfileChanged"/>), cycles of one evaluation may have different policies.</summary>
    public ServiceLevelPolicy Policy { get; }

    /// <summary>Gets since when <see cref="Policy"/> governs the interaction: the opening, or the profile change that
    /// selected it (a retroactive cycle, <see cref="TargetStart.Retroactive"/>, starts before it).</summary>
    public Instant PolicySince { get; }

    /// <summary>Gets the state.</summary>
    public CommitmentState State => (CommitmentState)state;

    /// <summary>Gets the deadline (inclusive: met at or before it is on time; breached only after it), pushed out by
    /// paused time so far; the agreed deadline when one was agreed (<see cref="Agreement"/>); for an appointment booked
    /// wider than the policy's maximum window, the instant of booking, which broke the policy. While <see cref="CommitmentState.Paused"/>,
    /// it is the deadline if the clock ran again at the evaluated instant; once met or ended, the deadline at that
    /// instant.</summary>
    public Instant Deadline { get; }

    /// <summary>Gets the instant the cycle became (or will become, if nothing changes) at risk; null when the
    /// threshold does not apply or the cycle is paused before reaching it.</summary>
    public Instant? AtRiskAt => (present & Present.AtRiskAt) != 0 ? atRiskAt : null;

    /// <summary>Gets the target: the time the rule allows on the commitment's clock. It is zero when a calendar rule's
    /// deadline leaves no business time (a message at 18:00 due at 09:00 the next business day).</summary>
    public Duration Target { get; }

    /// <summary>Gets the time used on the commitment's clock, up to the evaluated instant or until met or ended.</summary>
    public Duration Elapsed { get; }

    /// <summary>Gets the time left on the commitment's clock: <see cref="Target"/> minus <see cref="Elapsed"/>, and
    /// never negative.</summary>
    public Duration Remaining => Elapsed < Target ? Target - Elapsed : Duration.Zero;

    /// <summary>Gets <see cref="Elapsed"/> as a percentage of <see cref="Target"/> (over 100 once breached); 100 when
    /// the target is zero.</summary>
    public double PercentUsed => Target > Duration.Zero ? 100.0 * Elapsed.ToInt64Nanoseconds() / Target.ToInt64Nanoseconds() : 100.0;

    /// <summary>Gets the instant the cycle was met; null unless <see cref="CommitmentState.Met"/>,
    /// <see cref="CommitmentState.MetLate"/> or <see cref="CommitmentState.MetEarly"/>.</summary>
    public Instant? MetAt => (present & Present.MetAt) != 0 ? closedAt : null;

    /// <summary>Gets the instant the cycle was breached: the first instant after the deadline, <see cref="Deadline"/>
    /// plus one nanosecond (NodaTime's resolution), since deadlines are inclusive; null unless it was breached.</summary>
    /// <remarks>It is the first instant at which evaluating gives <see cref="CommitmentState.Breached"/> (a cycle still
    /// running), the start of the escalation ladder, and the instant of the remedies due.</remarks>
    public Instant? BreachedAt => State switch
    {
        CommitmentState.MetLate or CommitmentState.Breached => Deadline + Duration.Epsilon,
        CommitmentState.MetEarly => closedAt,
        _ => null,
    };

    /// <summary>Gets the instant the cycle ended unmet (resolution, cancellation, replacement or waiver); null otherwise.</summary>
    public Instant? EndedAt => (present & Present.EndedAt) != 0 ? closedAt : null;

    /// <summary>Gets the deadline the cycle had before a deadline was agreed with the customer: the rule's deadline,
    /// pushed out by paused time as <see cref="Deadline"/> would be without the agreement; null when none was agreed.
    /// A cycle met after it but at or before <see cref="Deadline"/> "met the agreed date, missed the original".</summary>
    public Instant? OriginalDeadline => (nameOrAmendments as CommitmentAmendments)?.OriginalDeadline;

    /// <summary>Gets the last deadline agreed with the customer for this cycle (who agreed, when and why); null when
    /// none was.</summary>
    public DeadlineAgreed? Agreement => (nameOrAmendments as CommitmentAmendments)?.Agreement;

    /// <summary>Gets the waiver that ended this cycle (who waived it, when and why): state
    /// <see cref="CommitmentState.Waived"/>, or <see cref="CommitmentState.Breached"/> when it came after the deadline;
    /// null when the cycle was not waived.</summary>
    public TargetWaived? Waiver => (nameOrAmendments as CommitmentAmendments)?.Waiver;

    /// <summary>Returns the status for logs, such as <c>FirstResponse#0 AtRisk, due 2025-03-10T17:00:00Z</c>.</summary>
    /// <returns>The kind, cycle, state and deadline.</returns>
    public override string ToString() =>
        $"{(Name is null ? Kind.ToString() : $"{Kind} '{Name}'")}#{Cycle} {State}, due {Deadline}";
}
