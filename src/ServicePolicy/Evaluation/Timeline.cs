// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>
/// The append-only, ordered facts about one interaction, validated on creation: it starts with
/// <see cref="InteractionOpened"/>, instants never go backwards (facts at the same instant keep their order), and no
/// fact contradicts an earlier one.
/// </summary>
/// <remarks>
/// <para>The contradictions rejected are: a second <see cref="InteractionOpened"/>; any fact after
/// <see cref="InteractionCancelled"/>; <see cref="WaitingStarted"/> while waiting or resolved; <see cref="WaitingEnded"/> while not
/// waiting; <see cref="InteractionResolved"/> while resolved; <see cref="InteractionReopened"/> while not resolved;
/// <see cref="OwnerAssigned"/> to the current owner; <see cref="AppointmentArrived"/> with no appointment pending
/// (booked, not yet arrived, and not ended by a resolution). Resolution ends waiting.</para>
/// <para>Immutable and thread-safe: <see cref="Append"/> and <see cref="AsOf"/> return new timelines. Equality is
/// reference equality.</para>
/// </remarks>
[Immutable]
public sealed class Timeline : IReadOnlyList<TimelineFact>
{
    private readonly ImmutableArray<TimelineFact> facts;

    private Timeline(string interactionId, ImmutableArray<TimelineFact> facts)
    {
        InteractionId = interactionId;
        this.facts = facts;
    }

    /// <summary>Gets the host's id of the interaction, used in the keys of remedies and actions.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the first fact, which opened the interaction.</summary>
    public InteractionOpened Opened => (InteractionOpened)facts[0];

    /// <summary>Gets the instant of the last fact.</summary>
    public Instant LastInstant => facts[facts.Length - 1].At;

    /// <summary>Gets the number of facts; at least 1.</summary>
    public int Count => facts.Length;

    /// <summary>Gets the fact at a zero-based position.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public TimelineFact this[int index] => facts[index];

    /// <summary>Creates a timeline, validating every fact.</summary>
    /// <param name="interactionId">The host's id of the interaction.</param>
    /// <param name="facts">The facts in the order they happened; the first must be <see cref="InteractionOpened"/>.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="interactionId"/> is empty, white space or contains <c>/</c>
    /// (which separates the parts of action keys, see <see cref="Escalation.ActionKey"/>), or there are no facts.</exception>
    /// <exception cref="InvalidTimelineException">A fact is null, out of order or contradicts an earlier one; the
    /// message names it and its position.</exception>
    public static Timeline Create(string interactionId, IEnumerable<TimelineFact> facts)
    {
        Preconditions.CheckNotNull(interactionId);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(interactionId), nameof(interactionId), "An interaction id must not be empty or white space.");
        ActionKeyPart.CheckNoSeparator(interactionId, nameof(interactionId), "Interaction id");
        Preconditions.CheckNotNull(facts);
        ImmutableArray<TimelineFact> array = facts.ToImmutableArray();
        Preconditions.CheckArgument(array.Length > 0, nameof(facts), "A timeline needs at least the InteractionOpened fact.");
        Validate(array, nameof(facts));
        return new Timeline(interactionId, array);
    }

    /// <summary>Returns a timeline with <paramref name="newFacts"/> appended, validated as a whole.</summary>
    /// <param name="newFacts">The facts to append, in order.</param>
    /// <returns>The longer timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newFacts"/> is null.</exception>
    /// <exception cref="InvalidTimelineException">A new fact is null, out of order or contradicts an earlier one; the
    /// message gives its position in the combined timeline.</exception>
    public Timeline Append(params TimelineFact[] newFacts)
    {
        Preconditions.CheckNotNull(newFacts);
        ImmutableArray<TimelineFact> array = facts.AddRange(newFacts);
        Validate(array, nameof(newFacts));
        return new Timeline(InteractionId, array);
    }

    /// <summary>Returns the timeline as it stood at <paramref name="instant"/>: the facts at or before it.</summary>
    /// <param name="instant">The instant; not before the interaction was opened.</param>
    /// <returns>The shorter (or same) timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is before the interaction was opened.</exception>
    public Timeline AsOf(Instant instant)
    {
        if (instant < Opened.At)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(instant), instant, $"Instant {instant} is before the interaction was opened at {Opened.At}.");
        }
        int count = 0;
        while (count < facts.Length && facts[count].At <= instant)
        {
            count++;
        }
        return count == facts.Length ? this : new Timeline(InteractionId, facts.RemoveRange(count, facts.Length - count));
    }

    /// <summary>Returns an enumerator over the facts in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<TimelineFact> GetEnumerator() => ((IEnumerable<TimelineFact>)facts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns the interaction id and the number of facts, such as <c>T-42 (7 facts)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{InteractionId} ({facts.Length} facts)";

    private static void Validate(ImmutableArray<TimelineFact> facts, string paramName)
    {
        Owner? owner = null;
        bool waiting = false, resolved = false, cancelled = false, appointmentPending = false;
        for (int i = 0; i < facts.Length; i++)
        {
            TimelineFact fact = facts[i];
            string? problem = fact switch
            {
                null => "a timeline cannot contain null",
                _ when i == 0 && fact is not InteractionOpened => $"a timeline must start with {nameof(InteractionOpened)}",
                _ when i > 0 && fact.At < facts[i - 1].At => $"it is earlier than fact {i - 1} ({facts[i - 1]}); facts must be in the order they happened",
                _ when cancelled => "the interaction was already cancelled, and no fact may follow the cancellation",
                InteractionOpened when i > 0 => "the interaction was already opened by fact 0",
                WaitingStarted when waiting => "the interaction is already waiting; a pause must be resumed before another starts",
                WaitingStarted when resolved => "the interaction is resolved; reopen it before waiting",
                WaitingEnded when !waiting => "there is no pause to resume",
                InteractionResolved when resolved => "the interaction is already resolved",
                InteractionReopened when !resolved => "the interaction is not resolved, so it cannot be reopened",
                OwnerAssigned assigned when assigned.Owner.Equals(owner) => $"{assigned.Owner} already owns the interaction",
                AppointmentArrived when !appointmentPending => "no appointment is pending (booked, not yet arrived, and not ended by a resolution)",
                _ => null,
            };
            if (problem is not null)
            {
                throw new InvalidTimelineException(paramName, i, fact, problem);
            }
            switch (fact)
            {
                case InteractionOpened opened:
                    owner = opened.Owner;
                    break;
                case OwnerAssigned assigned:
                    owner = assigned.Owner;
                    break;
                case WaitingStarted:
                    waiting = true;
                    break;
                case WaitingEnded:
                    waiting = false;
                    break;
                case InteractionResolved:
                    resolved = true;
                    waiting = false;
                    appointmentPending = false;
                    break;
                case InteractionReopened:
                    resolved = false;
                    break;
                case AppointmentBooked:
                    appointmentPending = true;
                    break;
                case AppointmentArrived:
                    appointmentPending = false;
                    break;
                case InteractionCancelled:
                    cancelled = true;
                    break;
            }
        }
    }
}
