// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>
/// The pure step both paths run inside the store's transaction: evaluate a timeline with the registered evaluator and
/// turn the result into the change to write (serialized timeline, summary, next wake-up, outbox entries).
/// </summary>
internal sealed class InteractionEvaluation
{
    private readonly IServicePolicyEvaluator evaluator;

    internal InteractionEvaluation(IServicePolicyEvaluator evaluator)
    {
        this.evaluator = evaluator;
    }

    /// <summary>The instant a timeline is evaluated at: the store's clock, or the last fact's instant when that is later
    /// (a fact stamped by a node whose clock runs ahead of the database's is evaluated at its own instant, never before
    /// it happened; what that evaluation lists as due after the store's clock is withheld until the store's clock
    /// reaches it).</summary>
    internal static Instant EvaluationInstant(Timeline timeline, Instant storeNow) =>
        timeline.LastInstant > storeNow ? timeline.LastInstant : storeNow;

    /// <summary>Evaluates a timeline and builds the change to write.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <param name="serialized">Its stored form when it is unchanged (the timer path); null to serialize it.</param>
    /// <param name="storeNow">The store's clock.</param>
    /// <exception cref="Exception">Whatever the evaluator throws.</exception>
    internal (InteractionChange Change, EvaluationResult Result) Evaluate(Timeline timeline, string? serialized, Instant storeNow)
    {
        EvaluationResult result = evaluator.Evaluate(timeline, EvaluationInstant(timeline, storeNow));
        // A fact stamped ahead of the store's clock is evaluated at its own instant, but what that evaluation lists as
        // due after the store's clock is withheld: the interaction is woken when the store's clock reaches it, and the
        // action is recorded then (if still due). So a recording node's clock skew never sends anything early.
        var outbox = new List<OutboxEntry>(result.EscalationActions.Count + result.RemediesDue.Count + result.DelayNotices.Count);
        Instant? next = result.NextChangeAt;
        foreach (EscalationAction action in result.EscalationActions)
        {
            if (Withhold(action.DueAt, storeNow, ref next))
            {
                continue;
            }
            outbox.Add(OutboxPayload.For(action));
        }
        foreach (RemedyDue remedy in result.RemediesDue)
        {
            if (Withhold(remedy.DueAt, storeNow, ref next))
            {
                continue;
            }
            outbox.Add(OutboxPayload.For(remedy, timeline.InteractionId));
        }
        foreach (DelayNotice notice in result.DelayNotices)
        {
            if (Withhold(notice.DueAt, storeNow, ref next))
            {
                continue;
            }
            outbox.Add(OutboxPayload.For(notice, timeline.InteractionId));
        }
        var change = new InteractionChange(serialized ?? TimelineJson.Serialize(timeline), Summarize(result), next, outbox);
        return (change, result);
    }

    /// <summary>The summary of an evaluation: the queue state by precedence (breached, then at risk, then waiting when
    /// an open commitment is paused, then on track; closed when no commitment is open), the earliest deadline of an
    /// open commitment, the owner and <c>policy@version</c>.</summary>
    /// <remarks>Open commitments are those on track, at risk, breached or paused; met, met late and cancelled ones
    /// are closed.</remarks>
    private static bool Withhold(Instant dueAt, Instant storeNow, ref Instant? next)
    {
        if (dueAt <= storeNow)
        {
            return false;
        }
        if (next is not { } earliest || dueAt < earliest)
        {
            next = dueAt;
        }
        return true;
    }

    internal static InteractionSummary Summarize(EvaluationResult result)
    {
        bool breached = false, atRisk = false, paused = false, open = false;
        Instant? deadline = null;
        foreach (CommitmentStatus commitment in result.Commitments)
        {
            switch (commitment.State)
            {
                case CommitmentState.Breached:
                    breached = true;
                    break;
                case CommitmentState.AtRisk:
                    atRisk = true;
                    break;
                case CommitmentState.Paused:
                    paused = true;
                    break;
                case CommitmentState.OnTrack:
                    break;
                default:
                    continue;
            }
            open = true;
            if (deadline is not { } earliest || commitment.Deadline < earliest)
            {
                deadline = commitment.Deadline;
            }
        }
        QueueState state = breached ? QueueState.Breached
            : atRisk ? QueueState.AtRisk
            : paused ? QueueState.Waiting
            : open ? QueueState.OnTrack
            : QueueState.Closed;
        return new InteractionSummary(state, deadline, result.Owner.ToString(), $"{result.Policy.Name}@{result.Policy.Version}", result.Now);
    }

    /// <summary>The change that marks a stored interaction as no longer evaluating: its timeline kept as stored, state
    /// <see cref="QueueState.Failed"/> with the error, no wake-up until a new fact arrives, nothing in the outbox.</summary>
    internal static InteractionChange Failed(InteractionRecord current, Instant storeNow, Exception error) =>
        new(current.Timeline, new InteractionSummary(QueueState.Failed, null, current.Summary.Owner, null, storeNow, Describe(error)), null, []);

    internal static string Describe(Exception error) => $"{error.GetType().Name}: {error.Message}";
}
