// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
/// <para><see cref="Append"/> validates only the new facts, against the state the timeline ends in, and takes time in
/// proportion to the number of new facts (amortised): appending facts one by one costs as much as creating the
/// timeline at once. Timelines made by appending share their facts' storage; each sees only its own facts.</para>
/// </remarks>
[Immutable]
public sealed class Timeline : IReadOnlyList<TimelineFact>
{
    private readonly Storage storage;
    private readonly int count;
    private readonly State end;

    private Timeline(string interactionId, Storage storage, int count, State end)
    {
        InteractionId = interactionId;
        this.storage = storage;
        this.count = count;
        this.end = end;
    }

    /// <summary>Gets the host's id of the interaction, used in the keys of remedies and actions.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the first fact, which opened the interaction.</summary>
    public InteractionOpened Opened => (InteractionOpened)storage.Facts[0];

    /// <summary>Gets the profile as it stands after the last fact: the opening's, or that of the last
    /// <see cref="ProfileChanged"/>.</summary>
    public Policies.InteractionProfile CurrentProfile => end.Profile ?? Opened.Profile;

    /// <summary>Gets whether the timeline has a <see cref="ProfileChanged"/> fact (the evaluator's fast path skips
    /// policy re-selection when it has none).</summary>
    internal bool HasProfileChanges => end.ProfileChanges;

    /// <summary>Gets the instant of the last fact.</summary>
    public Instant LastInstant => storage.Facts[count - 1].At;

    /// <summary>Gets the number of facts; at least 1.</summary>
    public int Count => count;

    /// <summary>Gets the fact at a zero-based position.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public TimelineFact this[int index] => new ReadOnlySpan<TimelineFact>(storage.Facts, 0, count)[index];

    /// <summary>The facts as a span, for the evaluator's loops (one bounds check for the whole loop, not one per fact).</summary>
    internal ReadOnlySpan<TimelineFact> Facts => new(storage.Facts, 0, count);

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
        TimelineFact[] array = facts.ToArray();
        Preconditions.CheckArgument(array.Length > 0, nameof(facts), "A timeline needs at least the InteractionOpened fact.");
        State end = Validate(State.Empty, null, array, 0, nameof(facts));
        return new Timeline(interactionId, new Storage(array, array.Length), array.Length, end);
    }

    /// <summary>Returns a timeline with <paramref name="newFacts"/> appended. The new facts are validated against the
    /// end of this timeline, as <see cref="Create"/> would validate the combined timeline.</summary>
    /// <param name="newFacts">The facts to append, in order.</param>
    /// <returns>The longer timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newFacts"/> is null.</exception>
    /// <exception cref="InvalidTimelineException">A new fact is null, out of order or contradicts an earlier one; the
    /// message gives its position in the combined timeline.</exception>
    public Timeline Append(params TimelineFact[] newFacts)
    {
        Preconditions.CheckNotNull(newFacts);
        State next = Validate(end, storage.Facts[count - 1], newFacts, count, nameof(newFacts));
        return new Timeline(InteractionId, storage.Append(count, newFacts), count + newFacts.Length, next);
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
        TimelineFact[] facts = storage.Facts;
        int shorter = 0;
        State state = State.Empty;
        while (shorter < count && facts[shorter].At <= instant)
        {
            state = state.After(facts[shorter]);
            shorter++;
        }
        return shorter == count ? this : new Timeline(InteractionId, storage, shorter, state);
    }

    /// <summary>Returns an enumerator over the facts in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<TimelineFact> GetEnumerator()
    {
        TimelineFact[] facts = storage.Facts;
        for (int i = 0; i < count; i++)
        {
            yield return facts[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns the interaction id and the number of facts, such as <c>T-42 (7 facts)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{InteractionId} ({count} facts)";

    /// <summary>Checks <paramref name="facts"/>, which follow <paramref name="previous"/> (null when they are the first) at
    /// position <paramref name="offset"/>, starting from <paramref name="state"/>; returns the state after them.</summary>
    private static State Validate(State state, TimelineFact? previous, TimelineFact[] facts, int offset, string paramName)
    {
        for (int j = 0; j < facts.Length; j++)
        {
            TimelineFact fact = facts[j];
            int i = offset + j;
            string? problem = fact switch
            {
                null => "a timeline cannot contain null",
                _ when i == 0 && fact is not InteractionOpened => $"a timeline must start with {nameof(InteractionOpened)}",
                _ when i > 0 && fact.At < previous!.At => $"it is earlier than fact {i - 1} ({previous}); facts must be in the order they happened",
                _ when state.Cancelled => "the interaction was already cancelled, and no fact may follow the cancellation",
                InteractionOpened when i > 0 => "the interaction was already opened by fact 0",
                WaitingStarted when state.Waiting => "the interaction is already waiting; a pause must be resumed before another starts",
                WaitingStarted when state.Resolved => "the interaction is resolved; reopen it before waiting",
                WaitingEnded when !state.Waiting => "there is no pause to resume",
                InteractionResolved when state.Resolved => "the interaction is already resolved",
                InteractionReopened when !state.Resolved => "the interaction is not resolved, so it cannot be reopened",
                OwnerAssigned assigned when assigned.Owner.Equals(state.Owner) => $"{assigned.Owner} already owns the interaction",
                AppointmentArrived when !state.AppointmentPending => "no appointment is pending (booked, not yet arrived, and not ended by a resolution)",
                _ => null,
            };
            if (problem is not null)
            {
                throw new InvalidTimelineException(paramName, i, fact, problem);
            }
            state = state.After(fact!);
            previous = fact;
        }
        return state;
    }

    /// <summary>What validating a fact needs to know of the facts before it.</summary>
    private readonly record struct State(Owner? Owner, bool Waiting, bool Resolved, bool Cancelled, bool AppointmentPending,
        Policies.InteractionProfile? Profile = null, bool ProfileChanges = false)
    {
        internal static State Empty => default;

        /// <summary>Returns the state after a fact that has passed validation.</summary>
        internal State After(TimelineFact fact) => fact switch
        {
            InteractionOpened opened => this with { Owner = opened.Owner, Profile = opened.Profile },
            ProfileChanged changed => this with { Profile = changed.Profile, ProfileChanges = true },
            OwnerAssigned assigned => this with { Owner = assigned.Owner },
            WaitingStarted => this with { Waiting = true },
            WaitingEnded => this with { Waiting = false },
            InteractionResolved => this with { Resolved = true, Waiting = false, AppointmentPending = false },
            InteractionReopened => this with { Resolved = false },
            AppointmentBooked => this with { AppointmentPending = true },
            AppointmentArrived => this with { AppointmentPending = false },
            InteractionCancelled => this with { Cancelled = true },
            _ => this,
        };
    }

    /// <summary>
    /// The array the facts live in, shared by the timelines appended from one another. A timeline reads only its first
    /// <c>count</c> slots, which never change once a timeline covering them exists. Appending to the timeline that
    /// ends where the array is filled up to (the usual case) claims the next slots in place; appending to any other
    /// (an older or shorter timeline, or one whose array is full) copies into a new array of twice the size, so that
    /// appending one by one is amortised constant time. Measured by TimelineAppendBenchmarks (benchmarks/): 5,000
    /// appends cost about 7 times creating the timeline at once, where copying on every append cost 2,400 times.
    /// </summary>
    private sealed class Storage
    {
        private int claimed;

        internal Storage(TimelineFact[] facts, int claimed)
        {
            Facts = facts;
            this.claimed = claimed;
        }

        internal TimelineFact[] Facts { get; }

        /// <summary>Returns the storage holding the first <paramref name="count"/> facts of this one followed by
        /// <paramref name="newFacts"/>.</summary>
        internal Storage Append(int count, TimelineFact[] newFacts)
        {
            int total = checked(count + newFacts.Length);
            // Only one caller can move the claim from count: concurrent appends to the same timeline, and appends to
            // shorter ones, copy instead. The slots written here are read only through the timeline created after.
            if (total <= Facts.Length && Interlocked.CompareExchange(ref claimed, total, count) == count)
            {
                newFacts.CopyTo(Facts, count);
                return this;
            }
            var copy = new TimelineFact[Math.Max(total, Math.Max(4, count * 2))];
            Array.Copy(Facts, copy, count);
            newFacts.CopyTo(copy, count);
            return new Storage(copy, total);
        }
    }
}
