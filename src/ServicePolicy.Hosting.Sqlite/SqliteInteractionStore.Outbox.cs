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

/// <content>The outbox: leases by the store's clock, settled only by the claimant holding them.</content>
public sealed partial class SqliteInteractionStore
{
    /// <summary>The entries free to lease, earliest due first, from <c>ix_outbox_pending</c>.</summary>
    internal const string LeaseSql = $"""
        SELECT {SqliteRows.OutboxColumns} FROM outbox INDEXED BY ix_outbox_pending
        WHERE state = 0 AND (lease_until_ns IS NULL OR lease_until_ns <= $now)
        ORDER BY due_at_ns, key LIMIT $limit;
        """;

    /// <summary>The condition every settle checks: the entry is pending and its lease is held by the claimant (it
    /// may have ended: what matters is that no one leased it since).</summary>
    private const string HeldBy = "key = $key AND state = 0 AND leased_by = $claimant AND lease_until_ns IS NOT NULL";

    /// <inheritdoc/>
    /// <remarks>The entries are selected from the pending index, earliest due first, then by key, and leased in one
    /// <c>BEGIN IMMEDIATE</c> transaction, so two claimants (in one process or several) never lease the same
    /// entry.</remarks>
    public Task<IReadOnlyList<OutboxRecord>> LeaseAsync(string claimant, int maxCount, Duration lease, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(claimant);
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue);
        if (lease <= Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(lease), lease, $"A lease must be positive; {lease} is not.");
        }
        return WriteAsync<IReadOnlyList<OutboxRecord>>((connection, transaction) =>
        {
            Instant now = clock.GetCurrentInstant();
            long nowNanoseconds = StoredInstant.FromClock(now);
            Instant until = now + lease;
            long untilNanoseconds = StoredInstant.ToNanoseconds(until, nameof(lease), "the end of the lease");
            var free = new List<OutboxRecord>();
            using (SqliteCommand select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = LeaseSql;
                select.Parameters.AddWithValue("$now", nowNanoseconds);
                select.Parameters.AddWithValue("$limit", maxCount);
                using SqliteDataReader rows = select.ExecuteReader();
                while (rows.Read())
                {
                    free.Add(SqliteRows.ReadOutbox(rows));
                }
            }
            var leased = new List<OutboxRecord>(free.Count);
            using SqliteCommand update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE outbox SET leases = leases + 1, leased_by = $claimant, lease_until_ns = $until WHERE key = $key;";
            update.Parameters.AddWithValue("$claimant", claimant);
            update.Parameters.AddWithValue("$until", untilNanoseconds);
            SqliteParameter key = SqliteRows.Parameter(update, "$key", SqliteType.Text);
            foreach (OutboxRecord record in free)
            {
                key.Value = record.Entry.Key;
                update.ExecuteNonQuery();
                leased.Add(new OutboxRecord(record.Entry, OutboxState.Pending, record.Leases + 1, claimant, until, record.LastError, record.CreatedAt, null));
            }
            return leased;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> MarkSentAsync(string key, string claimant, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        return SettleAsync($"UPDATE outbox SET state = 1, sent_at_ns = $now WHERE {HeldBy};", key, claimant, null, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> ReleaseAsync(string key, string claimant, string? error, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        return SettleAsync($"UPDATE outbox SET lease_until_ns = NULL, last_error = COALESCE($error, last_error) WHERE {HeldBy};", key, claimant, error, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> DeadLetterAsync(string key, string claimant, string error, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        Preconditions.CheckNotNull(error);
        return SettleAsync($"UPDATE outbox SET state = 2, lease_until_ns = NULL, last_error = $error WHERE {HeldBy};", key, claimant, error, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<OutboxRecord?> FindOutboxAsync(string key, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        using SqliteConnection connection = await OpenForReadAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteRows.OutboxColumns} FROM outbox WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        using SqliteDataReader row = command.ExecuteReader();
        return row.Read() ? SqliteRows.ReadOutbox(row) : null;
    }

    /// <inheritdoc/>
    /// <remarks>Keys are ordered by SQLite's BINARY collation, the byte order of their UTF-8 form.</remarks>
    public async Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(OutboxState state, int maxCount, string? afterKey, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue);
        using SqliteConnection connection = await OpenForReadAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteRows.OutboxColumns} FROM outbox
            WHERE state = $state{(afterKey is null ? "" : " AND key > $after")}
            ORDER BY key LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$state", (int)state);
        command.Parameters.AddWithValue("$after", SqliteRows.Value(afterKey));
        command.Parameters.AddWithValue("$limit", maxCount);
        var records = new List<OutboxRecord>();
        using SqliteDataReader rows = command.ExecuteReader();
        while (rows.Read())
        {
            records.Add(SqliteRows.ReadOutbox(rows));
        }
        return records;
    }

    /// <inheritdoc/>
    /// <remarks>Counted from an index, not the rows (the planner takes <c>ix_outbox_state_key</c>, covering).</remarks>
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        using SqliteConnection connection = await OpenForReadAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox WHERE state = 0;";
        return (long)command.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        return SettleAsync("UPDATE outbox SET state = 0, lease_until_ns = NULL, sent_at_ns = NULL WHERE key = $key AND state = 2;", key, null, null, cancellationToken);
    }

    /// <summary>Runs one conditional update of an entry in a write transaction; true if it changed the entry.</summary>
    private Task<bool> SettleAsync(string sql, string key, string? claimant, string? error, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$claimant", SqliteRows.Value(claimant));
            command.Parameters.AddWithValue("$error", SqliteRows.Value(error));
            command.Parameters.AddWithValue("$now", StoredInstant.FromClock(clock.GetCurrentInstant()));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
}
