// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NodaTime;
using ServicePolicy.Hosting.Sqlite.Internal;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Sqlite;

/// <content>The fact path, the timer path and reading one interaction.</content>
public sealed partial class SqliteInteractionStore
{
    /// <summary>The timer path's selection: due interactions, earliest first, from <c>ix_interactions_next_change</c>.</summary>
    internal const string DueSql = $"""
        SELECT {SqliteRows.InteractionColumns} FROM interactions INDEXED BY ix_interactions_next_change
        WHERE next_change_ns IS NOT NULL AND next_change_ns <= $now
        ORDER BY next_change_ns, id LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionId);
        using SqliteConnection connection = await OpenForReadAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteRows.InteractionColumns} FROM interactions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", interactionId);
        using SqliteDataReader row = command.ExecuteReader();
        return row.Read() ? SqliteRows.ReadInteraction(row) : null;
    }

    /// <inheritdoc/>
    /// <remarks>All the interactions are written in one <c>BEGIN IMMEDIATE</c> transaction with one commit: pass
    /// several to group facts. The updater runs inside the transaction, holding SQLite's write lock: keep it
    /// short.</remarks>
    public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionIds);
        Preconditions.CheckNotNull(updater);
        var distinct = new HashSet<string>(interactionIds.Count, StringComparer.Ordinal);
        foreach (string id in interactionIds)
        {
            Preconditions.CheckArgument(id is not null, nameof(interactionIds), "An interaction id is null.");
            Preconditions.CheckArgument(distinct.Add(id), nameof(interactionIds), $"Each interaction may appear once in a transaction; '{id}' is repeated.");
        }
        if (interactionIds.Count == 0)
        {
            ThrowIfDisposed();
            return Task.FromResult<IReadOnlyList<InteractionRecord>>([]);
        }
        return WriteAsync<IReadOnlyList<InteractionRecord>>((connection, transaction) =>
        {
            using var writer = new InteractionWriter(connection, transaction, updater, clock.GetCurrentInstant());
            var written = new List<InteractionRecord>(interactionIds.Count);
            foreach (string id in interactionIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Update(id, writer.Find(id), written);
            }
            return written;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>The due interactions are selected and written in one <c>BEGIN IMMEDIATE</c> transaction, so no other
    /// writer, in this process or another, can claim them at the same time; the selection reads the
    /// <c>next_change_ns</c> index, earliest first, then by id.</remarks>
    public Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue);
        Preconditions.CheckNotNull(updater);
        return WriteAsync<IReadOnlyList<InteractionRecord>>((connection, transaction) =>
        {
            Instant now = clock.GetCurrentInstant();
            var due = new List<InteractionRecord>();
            using (SqliteCommand select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = DueSql;
                select.Parameters.AddWithValue("$now", StoredInstant.FromClock(now));
                select.Parameters.AddWithValue("$limit", maxCount);
                using SqliteDataReader rows = select.ExecuteReader();
                while (rows.Read())
                {
                    due.Add(SqliteRows.ReadInteraction(rows));
                }
            }
            using var writer = new InteractionWriter(connection, transaction, updater, now);
            var written = new List<InteractionRecord>(due.Count);
            foreach (InteractionRecord current in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Update(current.Id, current, written);
            }
            return written;
        }, cancellationToken);
    }
}
