// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>
/// The hosting runtime's front door: records facts (the fact path) and reads what a support UI needs (an interaction's
/// status, the queue, dead letters). Registered by <c>AddServicePolicyHosting</c>; the timer worker runs the timer path
/// beside it.
/// </summary>
/// <remarks>
/// <para>Recording a fact is one store transaction: the store locks the interaction, the stored timeline is read, the
/// fact appended (validated as <see cref="Timeline.Append"/> validates), the timeline evaluated with the registered
/// <see cref="Catalog.IServicePolicyEvaluator"/>, and the new timeline, its summary, its <c>NextChangeAt</c> and every
/// escalation action and remedy the evaluation lists are written; the outbox inserts each key once. If anything
/// throws, nothing is written and the exception reaches the caller.</para>
/// <para>Evaluations run at the store's clock (the database's, not this node's), except that a timeline whose last fact
/// is stamped after the store's clock is evaluated at that fact's instant: a fact from a node whose clock runs ahead is
/// never evaluated "before it happened". Escalation actions and remedies that evaluation lists as due after the store's
/// clock are not written to the outbox yet: the interaction's next wake-up is brought forward to the earliest of them,
/// and they are recorded when the store's clock reaches them (if still due), so no node's clock skew sends anything
/// early.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public interface IInteractionService
{
    /// <summary>Records one fact for an interaction, in one transaction.</summary>
    /// <param name="interactionId">The interaction's id (no <c>/</c>: it is part of every action key).</param>
    /// <param name="fact">The fact; <see cref="InteractionOpened"/> for an interaction that is not stored yet.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentException">The interaction is not stored and <paramref name="fact"/> is not
    /// <see cref="InteractionOpened"/>, or the id is not valid for a timeline.</exception>
    /// <exception cref="InvalidTimelineException">The fact contradicts the timeline, or the timeline cannot be
    /// evaluated under its policy; nothing is written.</exception>
    /// <exception cref="Serialization.StoredFormatException">The stored timeline cannot be read.</exception>
    Task<RecordResult> RecordAsync(string interactionId, TimelineFact fact, CancellationToken cancellationToken);

    /// <summary>Records many facts, for many interactions, in ONE store transaction: the facts are grouped by
    /// interaction id, and each interaction's facts are appended in the order given. Grouping gives the same stored
    /// state as recording the facts one by one at the same store instant, with one transaction instead of many.</summary>
    /// <param name="facts">The facts with their interaction ids.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written.</param>
    /// <returns>What was written, one result per interaction, in the order of each interaction's first fact.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="facts"/>, an id or a fact is null.</exception>
    /// <exception cref="System.ArgumentException">An interaction is not stored and its first fact is not
    /// <see cref="InteractionOpened"/>, or an id is not valid for a timeline.</exception>
    /// <exception cref="InvalidTimelineException">A fact contradicts its timeline, or a timeline cannot be evaluated;
    /// nothing is written for any interaction.</exception>
    /// <exception cref="Serialization.StoredFormatException">A stored timeline cannot be read.</exception>
    Task<IReadOnlyList<RecordResult>> RecordAsync(IReadOnlyList<(string InteractionId, TimelineFact Fact)> facts, CancellationToken cancellationToken);

    /// <summary>Evaluates an interaction's stored timeline now (the store's clock).</summary>
    /// <param name="interactionId">The interaction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status; null when the interaction is not stored.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="interactionId"/> is null.</exception>
    /// <exception cref="InvalidTimelineException">The stored timeline no longer evaluates (its stored summary, read with
    /// <see cref="IInteractionStore.FindAsync"/>, says <see cref="QueueState.Failed"/> once the timer has passed).</exception>
    /// <exception cref="Serialization.StoredFormatException">The stored timeline cannot be read.</exception>
    Task<InteractionStatus?> GetStatusAsync(string interactionId, CancellationToken cancellationToken);

    /// <summary>Reads a page of the queue from the store's index (see <see cref="QueueQuery"/>).</summary>
    /// <param name="query">What to read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="query"/> is null.</exception>
    Task<QueuePage> GetQueueAsync(QueueQuery query, CancellationToken cancellationToken);

    /// <summary>Lists dead-lettered outbox entries (every delivery attempt failed), ordered by key.</summary>
    /// <param name="maxCount">The most entries to return; at least 1.</param>
    /// <param name="afterKey">Return only entries whose key sorts after this one (ordinal); null from the start.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries, with their last error.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    Task<IReadOnlyList<OutboxRecord>> ListDeadLettersAsync(int maxCount, string? afterKey, CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered entry back to pending, so that the relay delivers it again.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True if it was dead-lettered and is now pending; false otherwise.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> is null.</exception>
    Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken);
}
