// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>Where a page of the queue ended: the deadline and id of its last row (keyset paging, so a page costs the
/// same however deep it is).</summary>
[Immutable]
public sealed class QueueCursor
{
    /// <summary>Creates a cursor.</summary>
    /// <param name="deadline">The last row's deadline; null when it had none.</param>
    /// <param name="interactionId">The last row's id.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="interactionId"/> is null.</exception>
    public QueueCursor(Instant? deadline, string interactionId)
    {
        Deadline = deadline;
        InteractionId = Preconditions.CheckNotNull(interactionId);
    }

    /// <summary>Gets the last row's deadline; null when it had none (rows without a deadline come after the rest).</summary>
    public Instant? Deadline { get; }

    /// <summary>Gets the last row's id.</summary>
    public string InteractionId { get; }
}
