// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Where an interaction stands at an instant under a policy: every commitment cycle, the owner and handoffs, the
/// remedies and escalation actions due, and <see cref="NextChangeAt"/>, the next instant at which anything changes unless a fact is added.
/// </summary>
/// <remarks>Immutable. Equality is reference equality. Produced by <see cref="Evaluator"/>.</remarks>
[Immutable]
public sealed class EvaluationResult
{
    internal EvaluationResult(string interactionId, ServiceLevelPolicy policy, Instant now, Owner owner, int handoffs,
        Instant? handoffLimitBreachedAt, IReadOnlyList<CommitmentStatus> commitments, IReadOnlyList<RemedyDue> remediesDue, IReadOnlyList<EscalationAction> escalationActions, Instant? nextChangeAt,
        Instant policySince)
    {
        PolicySince = policySince;
        InteractionId = interactionId;
        Policy = policy;
        Now = now;
        Owner = owner;
        Handoffs = handoffs;
        HandoffLimitBreachedAt = handoffLimitBreachedAt;
        Commitments = commitments;
        RemediesDue = remediesDue;
        EscalationActions = escalationActions;
        NextChangeAt = nextChangeAt;
    }

    /// <summary>Gets the host's id of the interaction.</summary>
    public string InteractionId { get; }

    /// <summary>Gets the policy that governs at <see cref="Now"/>: the one evaluated against, or, evaluating against a
    /// policy set or a catalogue, the one selected by the profile as it stands after the last <see cref="ProfileChanged"/>.
    /// Each cycle names its own (<see cref="CommitmentStatus.Policy"/>).</summary>
    public ServiceLevelPolicy Policy { get; }

    /// <summary>Gets since when <see cref="Policy"/> governs: the opening, or the profile change that selected it.</summary>
    public Instant PolicySince { get; }

    /// <summary>Gets the evaluated instant.</summary>
    public Instant Now { get; }

    /// <summary>Gets the current owner.</summary>
    public Owner Owner { get; }

    /// <summary>Gets how many times the interaction was handed to another owner.</summary>
    public int Handoffs { get; }

    /// <summary>Gets the instant of the handoff that breached the policy's handoff limit; null when it was not breached
    /// or there is no limit.</summary>
    public Instant? HandoffLimitBreachedAt { get; }

    /// <summary>Gets the status of every commitment cycle, in the order the cycles started.</summary>
    public IReadOnlyList<CommitmentStatus> Commitments { get; }

    /// <summary>Gets the remedies due for breaches so far and not yet given (<see cref="RemedyGiven"/>), each once, in
    /// the order of the breaches' cycles.</summary>
    public IReadOnlyList<RemedyDue> RemediesDue { get; }

    /// <summary>Gets the remedies due for breaches so far that a <see cref="RemedyGiven"/> fact recorded as given, each
    /// once, in the order of the breaches' cycles; empty when none was given.</summary>
    public IReadOnlyList<GivenRemedy> RemediesGiven { get; internal init; } = System.Array.Empty<GivenRemedy>();

    /// <summary>Gets the early delay notices due: one per cycle that is at risk at <see cref="Now"/> and whose target
    /// sends one (<see cref="ServiceTarget.DelayNotice"/>), in the order of the cycles; empty when none.</summary>
    public IReadOnlyList<DelayNotice> DelayNotices { get; internal init; } = System.Array.Empty<DelayNotice>();

    /// <summary>Gets the customer's answers to feedback requests (<see cref="FeedbackReceived"/> facts), in timeline
    /// order; empty when none. Every score lies on the policy's <see cref="ServiceLevelPolicy.FeedbackScale"/>.</summary>
    public IReadOnlyList<FeedbackReceived> Feedback { get; internal init; } = System.Array.Empty<FeedbackReceived>();

    /// <summary>Gets the escalation steps due at <see cref="Now"/>, each with a deterministic key; empty when evaluating
    /// without an <see cref="EscalationContext"/> or when the policy names no chain. Ordered by commitment cycle, then
    /// by the steps' moments; a breached handoff limit's step comes after them, then the levels escalating remedies given
    /// late or not at all (<see cref="RemedyDue.IsOverdue"/>), in the order of <see cref="RemediesDue"/>.</summary>
    public IReadOnlyList<EscalationAction> EscalationActions { get; }

    /// <summary>Gets the earliest instant after <see cref="Now"/> at which a state changes (a cycle becoming at risk
    /// or breached, a remedy not given becoming overdue) or, with escalation, an escalation step falls due, if no fact is added; null when nothing will
    /// change by the passage of time alone. Evaluating at any instant strictly between <see cref="Now"/> and it gives
    /// the same states and lists no new action key.</summary>
    public Instant? NextChangeAt { get; }

    /// <summary>Returns the latest cycle of a kind of commitment with a name, or null when there is none.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="name">The target's name (compared ordinally): a custom commitment's, or a named measure's such as
    /// "agent work time"; null for the unnamed target of a built-in kind.</param>
    /// <returns>The status of the latest cycle, or null.</returns>
    public CommitmentStatus? FindLatest(CommitmentKind kind, string? name = null)
    {
        for (int i = Commitments.Count - 1; i >= 0; i--)
        {
            CommitmentStatus status = Commitments[i];
            if (status.Kind == kind && string.Equals(status.Name, name, System.StringComparison.Ordinal))
            {
                return status;
            }
        }
        return null;
    }
}
