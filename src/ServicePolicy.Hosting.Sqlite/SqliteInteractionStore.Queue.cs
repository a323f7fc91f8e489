// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NodaTime;
using ServicePolicy.Hosting.Sqlite.Internal;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Sqlite;

/// <content>The queue: keyset pages read from the indexes.</content>
public sealed partial class SqliteInteractionStore
{
    /// <summary>The queue's statements, each read from an index in its order: rows of one state with a deadline
    /// (<c>ix_interactions_state_deadline</c>), then those without one (the same index), and open rows due before an
    /// instant (<c>ix_interactions_deadline</c>); each from the start and after a cursor.</summary>
    internal static readonly string InStateWithDeadlineSql = QueueSql("ix_interactions_state_deadline", "state = $state AND deadline_ns IS NOT NULL", "deadline_ns, id", null);

    /// <inheritdoc cref="InStateWithDeadlineSql"/>
    internal static readonly string InStateWithDeadlineAfterSql = QueueSql("ix_interactions_state_deadline", "state = $state AND deadline_ns IS NOT NULL", "deadline_ns, id", "(deadline_ns, id) > ($after_deadline, $after_id)");

    /// <inheritdoc cref="InStateWithDeadlineSql"/>
    internal static readonly string InStateWithoutDeadlineSql = QueueSql("ix_interactions_state_deadline", "state = $state AND deadline_ns IS NULL", "id", null);

    /// <inheritdoc cref="InStateWithDeadlineSql"/>
    internal static readonly string InStateWithoutDeadlineAfterSql = QueueSql("ix_interactions_state_deadline", "state = $state AND deadline_ns IS NULL", "id", "id > $after_id");

    /// <inheritdoc cref="InStateWithDeadlineSql"/>
    internal static readonly string DueBeforeSql = QueueSql("ix_interactions_deadline", "deadline_ns IS NOT NULL AND deadline_ns <= $last AND state IN (0, 1, 2, 3)", "deadline_ns, id", null);

    /// <inheritdoc cref="InStateWithDeadlineSql"/>
    internal static readonly string DueBeforeAfterSql = QueueSql("ix_interactions_deadline", "deadline_ns IS NOT NULL AND deadline_ns <= $last AND state IN (0, 1, 2, 3)", "deadline_ns, id", "(deadline_ns, id) > ($after_deadline, $after_id)");

    /// <inheritdoc/>
    /// <remarks>Rows with a deadline come first, by deadline then id, and rows without one after them, by id (SQLite's
    /// BINARY collation). A page reads at most one more row than it returns, from an index, however deep it
    /// is.</remarks>
    /// <exception cref="System.ArgumentOutOfRangeException">The query's cursor has a deadline outside the instants
    /// the store keeps (it was not made by this store).</exception>
    public async Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(query);
        QueueCursor? after = query.After;
        long? afterDeadline = after?.Deadline is { } d ? StoredInstant.ToNanoseconds(d, nameof(query), "the cursor's deadline") : null;
        int limit = query.PageSize + 1;
        var rows = new List<InteractionRecord>(limit);
        using SqliteConnection connection = await OpenForReadAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.Parameters.AddWithValue("$after_deadline", afterDeadline ?? 0L);
        command.Parameters.AddWithValue("$after_id", after?.InteractionId ?? string.Empty);
        SqliteParameter limitParameter = command.Parameters.AddWithValue("$limit", limit);
        if (query.State is { } state)
        {
            command.Parameters.AddWithValue("$state", (int)state);
            // Rows with a deadline, unless the cursor is already past them (among the rows without one).
            if (after is null || afterDeadline is not null)
            {
                Read(command, after is null ? InStateWithDeadlineSql : InStateWithDeadlineAfterSql, rows);
            }
            if (rows.Count < limit)
            {
                limitParameter.Value = limit - rows.Count;
                Read(command, after is null || afterDeadline is not null ? InStateWithoutDeadlineSql : InStateWithoutDeadlineAfterSql, rows);
            }
        }
        else
        {
            // Deadlines strictly before the bound, as an inclusive bound on the stored nanoseconds. A cursor without a
            // deadline is past every row with one; nothing is before the earliest storable instant.
            Instant before = query.DeadlineBefore!.Value;
            if ((after is null || afterDeadline is not null) && before > StoredInstant.Min)
            {
                command.Parameters.AddWithValue("$last", before > StoredInstant.Max ? long.MaxValue : StoredInstant.ToNanoseconds(before) - 1);
                Read(command, after is null ? DueBeforeSql : DueBeforeAfterSql, rows);
            }
        }
        bool more = rows.Count > query.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        QueueCursor? next = more ? new QueueCursor(rows[^1].Summary.Deadline, rows[^1].Id) : null;
        return new QueuePage(rows, next);
    }

    /// <summary>A queue statement that reads <paramref name="index"/> in its order (named, so that the planner never
    /// prefers an index that would need a sort: the due-before rows could also be found by state).</summary>
    private static string QueueSql(string index, string where, string orderBy, string? after) =>
        $"SELECT {SqliteRows.InteractionColumns} FROM interactions INDEXED BY {index} WHERE {where}{(after is null ? "" : " AND " + after)} ORDER BY {orderBy} LIMIT $limit;";

    /// <summary>Runs one of the queue's statements (unused parameters are ignored) and adds its rows.</summary>
    private static void Read(SqliteCommand command, string sql, List<InteractionRecord> rows)
    {
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(SqliteRows.ReadInteraction(reader));
        }
    }
}
