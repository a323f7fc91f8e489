// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>What one write stores for an interaction: the new timeline, the summary of its evaluation, the next wake-up,
/// and the actions now due, which the store inserts into its outbox unless their key is already there.</summary>
[Immutable]
public sealed class InteractionChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="timeline">The serialized timeline to store.</param>
    /// <param name="summary">The summary of its evaluation.</param>
    /// <param name="nextChangeAt">When to wake the interaction next; null for never.</param>
    /// <param name="outbox">The actions now due; each is inserted unless its key is already in the outbox.</param>
    /// <exception cref="System.ArgumentNullException">An argument, or an outbox entry, is null.</exception>
    public InteractionChange(string timeline, InteractionSummary summary, Instant? nextChangeAt, IReadOnlyList<OutboxEntry> outbox)
    {
        Timeline = Preconditions.CheckNotNull(timeline);
        Summary = Preconditions.CheckNotNull(summary);
        NextChangeAt = nextChangeAt;
        Preconditions.CheckNotNull(outbox);
        foreach (OutboxEntry entry in outbox)
        {
            Preconditions.CheckArgument(entry is not null, nameof(outbox), "An outbox entry is null.");
        }
        Outbox = outbox;
    }

    /// <summary>Gets the serialized timeline to store.</summary>
    public string Timeline { get; }

    /// <summary>Gets the summary of its evaluation.</summary>
    public InteractionSummary Summary { get; }

    /// <summary>Gets when to wake the interaction next; null for never.</summary>
    public Instant? NextChangeAt { get; }

    /// <summary>Gets the actions now due.</summary>
    public IReadOnlyList<OutboxEntry> Outbox { get; }
}
