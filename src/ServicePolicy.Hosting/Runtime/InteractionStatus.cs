// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>An interaction's current status: its stored record and a fresh evaluation of its timeline at the store's
/// clock.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class InteractionStatus
{
    internal InteractionStatus(InteractionRecord record, EvaluationResult evaluation)
    {
        Record = record;
        Evaluation = evaluation;
    }

    /// <summary>Gets the interaction's id.</summary>
    public string InteractionId => Record.Id;

    /// <summary>Gets the stored version the evaluation was made from.</summary>
    public long Version => Record.Version;

    /// <summary>Gets the stored record (its summary is that of the last write, which may be older than
    /// <see cref="Evaluation"/>).</summary>
    public InteractionRecord Record { get; }

    /// <summary>Gets the evaluation at the store's clock (or the last fact's instant, if that is later).</summary>
    public EvaluationResult Evaluation { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Record.Id} v{Record.Version} at {Evaluation.Now}";
}
