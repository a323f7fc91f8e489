// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>What recording facts wrote for one interaction: the new version, the summary and next wake-up stored, the
/// outbox keys handed to the store, and the evaluation they came from.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class RecordResult
{
    internal RecordResult(InteractionRecord record, EvaluationResult evaluation, IReadOnlyList<string> outboxKeys)
    {
        Record = record;
        Evaluation = evaluation;
        OutboxKeys = outboxKeys;
    }

    /// <summary>Gets the interaction's id.</summary>
    public string InteractionId => Record.Id;

    /// <summary>Gets the version written (1 for a new interaction).</summary>
    public long Version => Record.Version;

    /// <summary>Gets the summary stored.</summary>
    public InteractionSummary Summary => Record.Summary;

    /// <summary>Gets when the timer wakes the interaction next; null for never (until a new fact).</summary>
    public Instant? NextChangeAt => Record.NextChangeAt;

    /// <summary>Gets the record written.</summary>
    public InteractionRecord Record { get; }

    /// <summary>Gets the evaluation the record was built from.</summary>
    public EvaluationResult Evaluation { get; }

    /// <summary>Gets the keys of every escalation action and remedy the evaluation listed, in that order; the store
    /// inserted those not already in its outbox (an earlier evaluation may have listed the same key).</summary>
    public IReadOnlyList<string> OutboxKeys { get; }

    /// <inheritdoc/>
    public override string ToString() => Record.ToString();
}
