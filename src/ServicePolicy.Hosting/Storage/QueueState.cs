// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Storage;

/// <summary>Where a stored interaction stands in the queue, summarised from its latest evaluation. Stored as its
/// number: the values never change meaning.</summary>
public enum QueueState
{
    /// <summary>Every open commitment is on track.</summary>
    OnTrack = 0,

    /// <summary>At least one open commitment is at risk, none is breached.</summary>
    AtRisk = 1,

    /// <summary>At least one open commitment is breached.</summary>
    Breached = 2,

    /// <summary>The interaction is waiting (on the customer or a third party) and nothing is breached.</summary>
    Waiting = 3,

    /// <summary>No commitment is open: the interaction is resolved or cancelled.</summary>
    Closed = 4,

    /// <summary>The timeline no longer evaluates (for example under a new policy version); see
    /// <see cref="InteractionSummary.Failure"/>. The interaction is not woken again until a new fact arrives.</summary>
    Failed = 5,
}
