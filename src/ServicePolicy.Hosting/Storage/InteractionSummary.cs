// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>
/// The few values of an interaction's latest evaluation that a store indexes, so that queues are read from an index
/// and not by evaluating every timeline.
/// </summary>
[Immutable]
public sealed class InteractionSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="state">The queue state.</param>
    /// <param name="deadline">The earliest deadline of an open commitment; null when none is open.</param>
    /// <param name="owner">The owner, as <c>Owner.ToString()</c> writes it (<c>person:ann</c>, <c>team:billing</c>).</param>
    /// <param name="policy">The policy that evaluated the timeline, with its version (<c>standard@3</c>); null when it
    /// failed before a policy was selected.</param>
    /// <param name="evaluatedAt">The instant the evaluation was made at.</param>
    /// <param name="failure">Why the timeline did not evaluate; required when <paramref name="state"/> is
    /// <see cref="QueueState.Failed"/> and null otherwise.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="owner"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="failure"/> does not match <paramref name="state"/>, or
    /// <paramref name="state"/> is not defined.</exception>
    public InteractionSummary(QueueState state, Instant? deadline, string owner, string? policy, Instant evaluatedAt, string? failure = null)
    {
        Preconditions.CheckArgumentRange((int)state, (int)QueueState.OnTrack, (int)QueueState.Failed, nameof(state));
        Preconditions.CheckNotNull(owner);
        Preconditions.CheckArgument((state == QueueState.Failed) == (failure is not null), nameof(failure),
            $"A failure message is required when the state is {QueueState.Failed} and not allowed otherwise (state {state}, failure '{failure}').");
        State = state;
        Deadline = deadline;
        Owner = owner;
        Policy = policy;
        EvaluatedAt = evaluatedAt;
        Failure = failure;
    }

    /// <summary>Gets the queue state.</summary>
    public QueueState State { get; }

    /// <summary>Gets the earliest deadline of an open commitment; null when none is open.</summary>
    public Instant? Deadline { get; }

    /// <summary>Gets the owner (<c>person:ann</c>, <c>team:billing</c>).</summary>
    public string Owner { get; }

    /// <summary>Gets the policy and its version (<c>standard@3</c>); null when the evaluation failed before a policy
    /// was selected.</summary>
    public string? Policy { get; }

    /// <summary>Gets the instant the evaluation was made at.</summary>
    public Instant EvaluatedAt { get; }

    /// <summary>Gets why the timeline did not evaluate; null unless <see cref="State"/> is <see cref="QueueState.Failed"/>.</summary>
    public string? Failure { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{State} (deadline {Deadline?.ToString() ?? "none"}, owner {Owner})";
}
