// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Storage;

/// <summary>Where an outbox entry is in its delivery. Stored as its number: the values never change meaning.</summary>
public enum OutboxState
{
    /// <summary>Not delivered yet: free to lease, or leased until <see cref="OutboxRecord.LeaseUntil"/>.</summary>
    Pending = 0,

    /// <summary>Delivered and marked sent.</summary>
    Sent = 1,

    /// <summary>Every attempt failed; the host can retry it (<see cref="IOutboxStore.RetryDeadLetterAsync"/>).</summary>
    DeadLettered = 2,
}
