// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;
using Polly;
using ServicePolicy.Hosting.PostgreSql.Internal;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.PostgreSql;

// The interactions: the fact path, the timer path, reads and the queue.
public sealed partial class PostgreSqlInteractionStore
{
    private const string InteractionColumns = "id, version, timeline, state, deadline_ns, owner, policy, evaluated_at_ns, failure, next_change_ns";

    /// <inheritdoc/>
    public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionId);
        return RunAsync(async (connection, context, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {InteractionColumns} FROM {Table("interactions")} WHERE id = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = interactionId } },
            };
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadInteraction(reader, 0) : null;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>The ids are locked in a fixed order (by a hash of each id, whatever the order given), so two
    /// transactions over the same ids never deadlock: first a transaction-scoped advisory lock per id, which makes two
    /// creators of one new id take turns (and leaves no row behind when a creation rolls back), then the stored rows
    /// <c>FOR UPDATE</c>, which the timer path skips. The updater is called in the order given; the records are written
    /// with one statement per table (arrays unnested), each row only if its version is still the one read.</remarks>
    public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(interactionIds);
        Preconditions.CheckNotNull(updater);
        foreach (string id in interactionIds)
        {
            Preconditions.CheckArgument(id is not null, nameof(interactionIds), "An interaction id is null.");
        }
        Preconditions.CheckArgument(interactionIds.Distinct(StringComparer.Ordinal).Count() == interactionIds.Count, nameof(interactionIds),
            "Each interaction may appear once in a transaction.");
        if (interactionIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<InteractionRecord>>([]);
        }
        string[] ids = [.. interactionIds];
        return RunAsync(async (connection, context, ct) =>
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var current = new Dictionary<string, InteractionRecord>(StringComparer.Ordinal);
            Instant now;
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                string seed = lockSeed.ToString(CultureInfo.InvariantCulture);
                batch.BatchCommands.Add(new NpgsqlBatchCommand(
                    $"SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(id, {seed}) AS h FROM unnest($1::text[]) AS t(id) ORDER BY h) AS locks")
                {
                    Parameters = { new NpgsqlParameter { Value = ids } },
                });
                batch.BatchCommands.Add(new NpgsqlBatchCommand(
                    $"SELECT {InteractionColumns} FROM {Table("interactions")} WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE")
                {
                    Parameters = { new NpgsqlParameter { Value = ids } },
                });
                // The clock is read after the locks are held, so that a transaction that waited does not work at a stale instant.
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT " + NowSql()));
                await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await reader.NextResultAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    InteractionRecord record = ReadInteraction(reader, 0);
                    current.Add(record.Id, record);
                }
                await reader.NextResultAsync(ct).ConfigureAwait(false);
                await reader.ReadAsync(ct).ConfigureAwait(false);
                now = NanosecondInstants.FromNanoseconds(reader.GetInt64(0));
            }
            var changes = new List<(InteractionRecord? Current, string Id, InteractionChange Change)>(ids.Length);
            foreach (string id in ids)
            {
                InteractionRecord? record = current.GetValueOrDefault(id);
                if (updater(id, record, now) is { } change)
                {
                    changes.Add((record, id, change));
                }
            }
            IReadOnlyList<InteractionRecord> written = await WriteAsync(connection, transaction, changes, now, ct).ConfigureAwait(false);
            await CommitAsync(transaction, context, ct).ConfigureAwait(false);
            return written;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>One statement reads the database's clock and claims the due rows, earliest first,
    /// <c>FOR UPDATE SKIP LOCKED</c>: rows another node's timer or a fact holds are skipped, not waited for, so any
    /// number of nodes share the due rows without talking to each other.</remarks>
    public Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgumentRange(maxCount, 1, int.MaxValue, nameof(maxCount));
        Preconditions.CheckNotNull(updater);
        return RunAsync(async (connection, context, ct) =>
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var due = new List<InteractionRecord>();
            Instant now;
            await using (var command = new NpgsqlCommand(
                $"""
                SELECT n.now_ns, d.* FROM (SELECT {NowSql()} AS now_ns) AS n
                LEFT JOIN LATERAL (
                    SELECT {InteractionColumns} FROM {Table("interactions")}
                    WHERE next_change_ns <= n.now_ns
                    ORDER BY next_change_ns, id
                    LIMIT $1
                    FOR UPDATE SKIP LOCKED) AS d ON true
                """, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = maxCount });
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                now = Instant.MinValue;
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    now = NanosecondInstants.FromNanoseconds(reader.GetInt64(0));
                    if (!reader.IsDBNull(1))
                    {
                        due.Add(ReadInteraction(reader, 1));
                    }
                }
            }
            if (due.Count == 0)
            {
                return (IReadOnlyList<InteractionRecord>)[];
            }
            due.Sort((a, b) => a.NextChangeAt!.Value.CompareTo(b.NextChangeAt!.Value) is var c and not 0 ? c : string.CompareOrdinal(a.Id, b.Id));
            var changes = new List<(InteractionRecord? Current, string Id, InteractionChange Change)>(due.Count);
            foreach (InteractionRecord record in due)
            {
                if (updater(record.Id, record, now) is { } change)
                {
                    changes.Add((record, record.Id, change));
                }
            }
            IReadOnlyList<InteractionRecord> written = await WriteAsync(connection, transaction, changes, now, ct).ConfigureAwait(false);
            await CommitAsync(transaction, context, ct).ConfigureAwait(false);
            return written;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(query);
        // "Due before" as an inclusive bound on the stored nanoseconds: an instant past the stored range has every
        // deadline before it, and nothing is before the earliest storable instant.
        long? lastDeadline = query.DeadlineBefore is not { } before ? null
            : before > NanosecondInstants.Latest ? long.MaxValue
            : before <= NanosecondInstants.Earliest ? null
            : (before - NodaConstants.UnixEpoch).ToInt64Nanoseconds() - 1;
        if (query.State is null && lastDeadline is null)
        {
            return Task.FromResult(new QueuePage([], null));
        }
        return RunAsync(async (connection, context, ct) =>
        {
            var command = new NpgsqlCommand { Connection = connection };
            await using (command.ConfigureAwait(false))
            {
                // Both queries read an index in its order: (state, deadline_ns, id), or (deadline_ns, id) of open rows.
                string where;
                if (query.State is { } state)
                {
                    where = "state = @state";
                    command.Parameters.Add(new NpgsqlParameter("state", (int)state));
                }
                else
                {
                    where = "state IN (0, 1, 2, 3) AND deadline_ns IS NOT NULL AND deadline_ns <= @last";
                    command.Parameters.Add(new NpgsqlParameter("last", lastDeadline!.Value));
                }
                if (query.After is { } after)
                {
                    command.Parameters.Add(new NpgsqlParameter("after_id", after.InteractionId));
                    if (after.Deadline is { } afterDeadline)
                    {
                        command.Parameters.Add(new NpgsqlParameter("after_deadline", NanosecondInstants.ToNanoseconds(afterDeadline, "the cursor's deadline")));
                        where += " AND ((deadline_ns, id) > (@after_deadline, @after_id) OR deadline_ns IS NULL)";
                    }
                    else
                    {
                        where += " AND deadline_ns IS NULL AND id > @after_id";
                    }
                }
                command.CommandText = $"SELECT {InteractionColumns} FROM {Table("interactions")} WHERE {where} "
                    + $"ORDER BY deadline_ns, id LIMIT {(query.PageSize + 1).ToString(CultureInfo.InvariantCulture)}";
                var rows = new List<InteractionRecord>(query.PageSize + 1);
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    rows.Add(ReadInteraction(reader, 0));
                }
                bool more = rows.Count > query.PageSize;
                if (more)
                {
                    rows.RemoveAt(rows.Count - 1);
                }
                return new QueuePage(rows, more ? new QueueCursor(rows[^1].Summary.Deadline, rows[^1].Id) : null);
            }
        }, cancellationToken);
    }

    /// <summary>Writes the records (version one more than read, only if the row is still at the version read) and
    /// inserts their outbox entries unless the key is there, with one statement per table.</summary>
    private async Task<IReadOnlyList<InteractionRecord>> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<(InteractionRecord? Current, string Id, InteractionChange Change)> changes, Instant now, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return [];
        }
        int n = changes.Count;
        var written = new InteractionRecord[n];
        var ids = new string[n];
        var versions = new long[n];
        var timelines = new string[n];
        var states = new int[n];
        var deadlines = new long?[n];
        var owners = new string[n];
        var policies = new string?[n];
        var evaluatedAts = new long[n];
        var failures = new string?[n];
        var nextChanges = new long?[n];
        var outbox = new List<OutboxEntry>();
        for (int i = 0; i < n; i++)
        {
            (InteractionRecord? current, string id, InteractionChange change) = changes[i];
            InteractionSummary summary = change.Summary;
            written[i] = new InteractionRecord(id, (current?.Version ?? 0) + 1, change.Timeline, summary, change.NextChangeAt);
            ids[i] = id;
            versions[i] = written[i].Version;
            timelines[i] = change.Timeline;
            states[i] = (int)summary.State;
            deadlines[i] = NanosecondInstants.ToNanoseconds(summary.Deadline, "a summary's deadline");
            owners[i] = summary.Owner;
            policies[i] = summary.Policy;
            evaluatedAts[i] = NanosecondInstants.ToNanoseconds(summary.EvaluatedAt, "a summary's evaluation instant");
            failures[i] = summary.Failure;
            nextChanges[i] = NanosecondInstants.ToNanoseconds(change.NextChangeAt, "a change's next wake-up");
            outbox.AddRange(change.Outbox);
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"""
            INSERT INTO {Table("interactions")} AS i ({InteractionColumns})
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::integer[], $5::bigint[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::bigint[])
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, timeline = excluded.timeline, state = excluded.state,
                deadline_ns = excluded.deadline_ns, owner = excluded.owner, policy = excluded.policy,
                evaluated_at_ns = excluded.evaluated_at_ns, failure = excluded.failure, next_change_ns = excluded.next_change_ns
            WHERE i.version = excluded.version - 1
            """)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = ids }, new NpgsqlParameter { Value = versions }, new NpgsqlParameter { Value = timelines },
                new NpgsqlParameter { Value = states }, new NpgsqlParameter { Value = deadlines }, new NpgsqlParameter { Value = owners },
                new NpgsqlParameter { Value = policies }, new NpgsqlParameter { Value = evaluatedAts }, new NpgsqlParameter { Value = failures },
                new NpgsqlParameter { Value = nextChanges },
            },
        });
        if (outbox.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"""
                INSERT INTO {Table("outbox")} (key, interaction_id, kind, due_at_ns, payload, state, leases, created_at_ns)
                SELECT e.key, e.interaction_id, e.kind, e.due_at_ns, e.payload, 0, 0, $6
                FROM unnest($1::text[], $2::text[], $3::integer[], $4::bigint[], $5::text[]) WITH ORDINALITY AS e(key, interaction_id, kind, due_at_ns, payload, n)
                ORDER BY e.n
                ON CONFLICT (key) DO NOTHING
                """)
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = outbox.Select(e => e.Key).ToArray() },
                    new NpgsqlParameter { Value = outbox.Select(e => e.InteractionId).ToArray() },
                    new NpgsqlParameter { Value = outbox.Select(e => (int)e.Kind).ToArray() },
                    new NpgsqlParameter { Value = outbox.Select(e => NanosecondInstants.ToNanoseconds(e.DueAt, "an outbox entry's due instant")).ToArray() },
                    new NpgsqlParameter { Value = outbox.Select(e => e.Payload).ToArray() },
                    new NpgsqlParameter { Value = NanosecondInstants.ToNanoseconds(now, "the store's clock") },
                },
            });
        }
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        int stored = batch.BatchCommands[0].RecordsAffected;
        if (stored != n)
        {
            // Only a writer that ignores the locks (another program, or a hand-made change) gets here.
            throw new InvalidOperationException(
                $"{n - stored} of {n} interactions changed version while this transaction held their locks; nothing was written. Does something else write to {Table("interactions")}?");
        }
        return written;
    }

    private static InteractionRecord ReadInteraction(NpgsqlDataReader reader, int at)
    {
        var summary = new InteractionSummary(
            (QueueState)reader.GetInt32(at + 3),
            reader.IsDBNull(at + 4) ? null : NanosecondInstants.FromNanoseconds(reader.GetInt64(at + 4)),
            reader.GetString(at + 5),
            reader.IsDBNull(at + 6) ? null : reader.GetString(at + 6),
            NanosecondInstants.FromNanoseconds(reader.GetInt64(at + 7)),
            reader.IsDBNull(at + 8) ? null : reader.GetString(at + 8));
        return new InteractionRecord(
            reader.GetString(at),
            reader.GetInt64(at + 1),
            reader.GetString(at + 2),
            summary,
            reader.IsDBNull(at + 9) ? null : NanosecondInstants.FromNanoseconds(reader.GetInt64(at + 9)));
    }
}
