// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>A page of the queue to read: interactions in one state, or with a deadline before an instant, ordered by
/// deadline then id. Pages follow each other through <see cref="QueuePage.Next"/>.</summary>
[Immutable]
public sealed class QueueQuery
{
    /// <summary>The most rows a page may have.</summary>
    public const int MaxPageSize = 1000;

    private QueueQuery(QueueState? state, Instant? deadlineBefore, int pageSize, QueueCursor? after)
    {
        State = state;
        DeadlineBefore = deadlineBefore;
        PageSize = pageSize;
        After = after;
    }

    /// <summary>Gets the state to read; null for every state with an open deadline.</summary>
    public QueueState? State { get; }

    /// <summary>Gets the instant the deadline must be before (exclusive); null for any deadline.</summary>
    public Instant? DeadlineBefore { get; }

    /// <summary>Gets the most rows to read.</summary>
    public int PageSize { get; }

    /// <summary>Gets where the previous page ended; null for the first page.</summary>
    public QueueCursor? After { get; }

    /// <summary>Interactions in one state, by deadline (interactions without one, such as closed ones, by id after
    /// the rest).</summary>
    /// <param name="state">The state.</param>
    /// <param name="pageSize">The most rows to read, 1 to <see cref="MaxPageSize"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static QueueQuery InState(QueueState state, int pageSize = 100)
    {
        Preconditions.CheckArgumentRange((int)state, (int)QueueState.OnTrack, (int)QueueState.Failed, nameof(state));
        Preconditions.CheckArgumentRange(pageSize, 1, MaxPageSize, nameof(pageSize));
        return new QueueQuery(state, null, pageSize, null);
    }

    /// <summary>Open interactions (on track, at risk, breached or waiting) with a deadline before an instant, by
    /// deadline: "due within the next two hours" is <c>DueBefore(now + Duration.FromHours(2))</c>.</summary>
    /// <param name="instant">The instant (exclusive).</param>
    /// <param name="pageSize">The most rows to read, 1 to <see cref="MaxPageSize"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    public static QueueQuery DueBefore(Instant instant, int pageSize = 100)
    {
        Preconditions.CheckArgumentRange(pageSize, 1, MaxPageSize, nameof(pageSize));
        return new QueueQuery(null, instant, pageSize, null);
    }

    /// <summary>Returns the same query for the page after a cursor.</summary>
    /// <param name="cursor">Where the previous page ended (<see cref="QueuePage.Next"/>).</param>
    /// <returns>The query.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="cursor"/> is null.</exception>
    public QueueQuery ContinueAfter(QueueCursor cursor) => new(State, DeadlineBefore, PageSize, Preconditions.CheckNotNull(cursor));

    /// <summary>Returns whether a summary belongs to this query's rows (not considering the cursor).</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>True if it matches.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="summary"/> is null.</exception>
    public bool Matches(InteractionSummary summary)
    {
        Preconditions.CheckNotNull(summary);
        return State is { } state
            ? summary.State == state
            : summary.State is QueueState.OnTrack or QueueState.AtRisk or QueueState.Breached or QueueState.Waiting
                && summary.Deadline is { } deadline && deadline < DeadlineBefore!.Value;
    }
}
