// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>A page of the queue: records without their timelines' evaluation, in deadline order.</summary>
[Immutable]
public sealed class QueuePage
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The rows, in order.</param>
    /// <param name="next">Where to continue; null when this is the last page.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="items"/> is null.</exception>
    public QueuePage(IReadOnlyList<InteractionRecord> items, QueueCursor? next)
    {
        Items = Preconditions.CheckNotNull(items);
        Next = next;
    }

    /// <summary>Gets the rows, in deadline order (then id).</summary>
    public IReadOnlyList<InteractionRecord> Items { get; }

    /// <summary>Gets where to continue (<see cref="QueueQuery.ContinueAfter"/>); null when this is the last page.</summary>
    public QueueCursor? Next { get; }
}
