// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>
/// A new deadline for one running cycle of a commitment was agreed with the customer: the cycle is then due at
/// <see cref="Deadline"/> (later or earlier than before) instead of its rule's deadline, and its status keeps the
/// original deadline (<see cref="CommitmentStatus.OriginalDeadline"/>) for reporting ("met the agreed date, missed the
/// original").
/// </summary>
/// <remarks>
/// <para>The cycle is named by its kind, name (custom commitments; null for the others unless the policy names its
/// targets) and cycle number, as in <see cref="CommitmentStatus"/>. It must be running at <see cref="TimelineFact.At"/>:
/// not met, not ended, and not breached (an agreed date cannot undo a breach, which stays in the cycle's history).
/// Otherwise, or when the policy gives the interaction no such cycle, evaluating throws an
/// <see cref="InvalidTimelineException"/> naming this fact, so the host refuses to record it.</para>
/// <para>The at-risk threshold, the escalation warnings and the breach use the agreed deadline; its target is the time
/// on the cycle's clock from its start to the agreed deadline, less what stood still before the agreement. Pauses from
/// the agreement on push the agreed deadline out as they push any deadline; earlier ones do not (they are behind both
/// sides when they agree). A later agreement for the same cycle replaces an earlier one.</para>
/// <para>Appointments are not agreed this way: a new window is a new booking (<see cref="AppointmentBooked"/>).</para>
/// <para>Immutable. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class DeadlineAgreed : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant the deadline was agreed.</param>
    /// <param name="kind">The kind of the commitment; not <see cref="CommitmentKind.Appointment"/>.</param>
    /// <param name="name">The custom commitment's name (required for <see cref="CommitmentKind.Custom"/>); null for the
    /// other kinds unless the policy names its targets.</param>
    /// <param name="cycle">The cycle number (<see cref="CommitmentStatus.Cycle"/>); not negative.</param>
    /// <param name="deadline">The agreed deadline (inclusive, like every deadline); after <paramref name="at"/>.</param>
    /// <param name="agreedBy">The host's id of who agreed it with the customer; not empty.</param>
    /// <param name="reason">Why, in the agent's words; null when not given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="agreedBy"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is an appointment or not a defined kind, a custom
    /// commitment has no name, or a name or <paramref name="agreedBy"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> is negative, <paramref name="deadline"/> is
    /// not after <paramref name="at"/>, or <paramref name="at"/> or <paramref name="deadline"/> is outside the supported
    /// range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public DeadlineAgreed(Instant at, CommitmentKind kind, string? name, int cycle, Instant deadline, string agreedBy, string? reason = null)
        : base(at)
    {
        CommitmentAmendments.CheckCycle(kind, name, cycle);
        Preconditions.CheckArgument(kind != CommitmentKind.Appointment, nameof(kind),
            "An appointment's deadline is its booked window: record a new booking (AppointmentBooked) instead.");
        Limits.CheckInstant(deadline, nameof(deadline), "An agreed deadline");
        if (deadline <= at)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(deadline), deadline, $"The agreed deadline {deadline} must be after the agreement at {at}.");
        }
        Preconditions.CheckNotNull(agreedBy);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(agreedBy), nameof(agreedBy), "Who agreed the deadline must not be empty or white space.");
        Kind = kind;
        Name = name;
        Cycle = cycle;
        Deadline = deadline;
        AgreedBy = agreedBy;
        Reason = reason;
    }

    /// <summary>Gets the kind of the commitment.</summary>
    public CommitmentKind Kind { get; }

    /// <summary>Gets the custom commitment's name; null for the other kinds unless the policy names its targets.</summary>
    public string? Name { get; }

    /// <summary>Gets the cycle number.</summary>
    public int Cycle { get; }

    /// <summary>Gets the agreed deadline (inclusive).</summary>
    public Instant Deadline { get; }

    /// <summary>Gets the host's id of who agreed it with the customer.</summary>
    public string AgreedBy { get; }

    /// <summary>Gets why, in the agent's words; null when not given.</summary>
    public string? Reason { get; }

    /// <summary>Returns the fact, its instant, the cycle and the agreed deadline.</summary>
    /// <returns>The fact for messages and logs.</returns>
    public override string ToString() =>
        $"{base.ToString()} ({CommitmentAmendments.CycleText(Kind, Name, Cycle)} due {InstantPattern.ExtendedIso.Format(Deadline)})";
}
