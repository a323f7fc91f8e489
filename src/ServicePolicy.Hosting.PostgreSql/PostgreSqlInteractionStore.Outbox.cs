// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;
using ServicePolicy.Hosting.PostgreSql.Internal;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.PostgreSql;

// The outbox: leases by the database's clock, settled by the claimant only.
public sealed partial class PostgreSqlInteractionStore
{
    private const string OutboxColumns = "key, interaction_id, kind, due_at_ns, payload, state, leases, leased_by, lease_until_ns, last_error, created_at_ns, sent_at_ns";

    /// <summary>The condition under which <c>$1</c> (the key) is settled by <c>$2</c> (the claimant): pending, leased
    /// by it, and not given back.</summary>
    private const string HeldBy = "key = $1 AND state = 0 AND leased_by = $2 AND lease_until_ns IS NOT NULL";

    /// <inheritdoc/>
    /// <remarks>One statement: the free or expired pending entries, earliest due first, are locked
    /// <c>FOR UPDATE SKIP LOCKED</c> (entries another node is leasing at the same moment are skipped) and leased until
    /// the database's clock plus <paramref name="lease"/>.</remarks>
    public Task<IReadOnlyList<OutboxRecord>> LeaseAsync(string claimant, int maxCount, Duration lease, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(claimant);
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue, nameof(maxCount));
        if (lease <= Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(lease), lease, $"A lease must be positive; {lease} is not.");
        }
        long leaseNanoseconds = lease.ToInt64Nanoseconds();
        return RunAsync(async (connection, context, ct) =>
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var leased = new List<OutboxRecord>();
            await using (var command = new NpgsqlCommand(
                $"""
                WITH n AS MATERIALIZED (SELECT {NowSql()} AS now_ns),
                free AS (
                    SELECT o.key FROM {Table("outbox")} AS o, n
                    WHERE o.state = 0 AND (o.lease_until_ns IS NULL OR o.lease_until_ns <= n.now_ns)
                    ORDER BY o.due_at_ns, o.key
                    LIMIT $1
                    FOR UPDATE OF o SKIP LOCKED)
                UPDATE {Table("outbox")} AS o SET leases = o.leases + 1, leased_by = $2, lease_until_ns = n.now_ns + $3
                FROM free, n WHERE o.key = free.key
                RETURNING {Prefixed("o.", OutboxColumns)}
                """, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = maxCount });
                command.Parameters.Add(new NpgsqlParameter { Value = claimant });
                command.Parameters.Add(new NpgsqlParameter { Value = leaseNanoseconds });
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    leased.Add(ReadOutbox(reader));
                }
            }
            await CommitAsync(transaction, context, ct).ConfigureAwait(false);
            leased.Sort((a, b) => a.Entry.DueAt.CompareTo(b.Entry.DueAt) is var c and not 0 ? c : string.CompareOrdinal(a.Entry.Key, b.Entry.Key));
            return (IReadOnlyList<OutboxRecord>)leased;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> MarkSentAsync(string key, string claimant, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        return SettleAsync($"UPDATE {Table("outbox")} SET state = 1, sent_at_ns = {NowSql()} WHERE {HeldBy}", key, claimant, null, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> ReleaseAsync(string key, string claimant, string? error, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        return SettleAsync($"UPDATE {Table("outbox")} SET lease_until_ns = NULL, last_error = coalesce($3, last_error) WHERE {HeldBy}", key, claimant, error, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> DeadLetterAsync(string key, string claimant, string error, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(claimant);
        Preconditions.CheckNotNull(error);
        return SettleAsync($"UPDATE {Table("outbox")} SET state = 2, lease_until_ns = NULL, last_error = $3 WHERE {HeldBy}", key, claimant, error, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<OutboxRecord?> FindOutboxAsync(string key, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        return RunAsync(async (connection, context, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {OutboxColumns} FROM {Table("outbox")} WHERE key = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = key } },
            };
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadOutbox(reader) : null;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(OutboxState state, int maxCount, string? afterKey, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue, nameof(maxCount));
        return RunAsync(async (connection, context, ct) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {OutboxColumns} FROM {Table("outbox")} WHERE state = $1 AND ($2::text IS NULL OR key > $2) ORDER BY key LIMIT $3", connection)
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = (int)state },
                    new NpgsqlParameter<string> { TypedValue = afterKey, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                    new NpgsqlParameter { Value = maxCount },
                },
            };
            var records = new List<OutboxRecord>();
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                records.Add(ReadOutbox(reader));
            }
            return (IReadOnlyList<OutboxRecord>)records;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Counted over the partial index of pending entries (<c>outbox_pending</c>; an index-only scan where the
    /// visibility map allows).</remarks>
    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        RunAsync(async (connection, context, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Table("outbox")} WHERE state = 0", connection);
            return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(key);
        return SettleAsync($"UPDATE {Table("outbox")} SET state = 0, lease_until_ns = NULL WHERE key = $1 AND state = 2", key, null, null, cancellationToken);
    }

    /// <summary>Runs one guarded update of one entry in a transaction of its own (so that a connection lost before the
    /// commit is retried safely) and returns whether it changed the entry.</summary>
    private Task<bool> SettleAsync(string sql, string key, string? claimant, string? error, CancellationToken cancellationToken) =>
        RunAsync(async (connection, context, ct) =>
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            int changed;
            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = key });
                if (claimant is not null)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = claimant });
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                }
                changed = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await CommitAsync(transaction, context, ct).ConfigureAwait(false);
            return changed == 1;
        }, cancellationToken);

    private static string Prefixed(string prefix, string columns) => prefix + columns.Replace(", ", ", " + prefix, StringComparison.Ordinal);

    private static OutboxRecord ReadOutbox(NpgsqlDataReader reader)
    {
        var entry = new OutboxEntry(reader.GetString(0), reader.GetString(1), (OutboxKind)reader.GetInt32(2),
            NanosecondInstants.FromNanoseconds(reader.GetInt64(3)), reader.GetString(4));
        return new OutboxRecord(
            entry,
            (OutboxState)reader.GetInt32(5),
            reader.GetInt32(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : NanosecondInstants.FromNanoseconds(reader.GetInt64(8)),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            NanosecondInstants.FromNanoseconds(reader.GetInt64(10)),
            reader.IsDBNull(11) ? null : NanosecondInstants.FromNanoseconds(reader.GetInt64(11)));
    }
}
