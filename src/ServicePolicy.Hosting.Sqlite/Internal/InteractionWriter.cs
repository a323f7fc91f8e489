// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using NodaTime;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Sqlite.Internal;

/// <summary>
/// The writes of one transaction of the fact or timer path: reads an interaction, calls the caller's updater, writes
/// the record with its version increased by one and inserts each outbox entry unless its key is there. Its three
/// commands are prepared once and reused for every interaction of the transaction.
/// </summary>
internal sealed class InteractionWriter : IDisposable
{
    private readonly SqliteCommand find;
    private readonly SqliteParameter findId;
    private readonly SqliteCommand upsert;
    private readonly SqliteParameter id, version, timeline, state, deadline, owner, policy, evaluatedAt, failure, nextChange;
    private readonly SqliteCommand insertOutbox;
    private readonly SqliteParameter key, interactionId, kind, dueAt, payload, createdAt;
    private readonly InteractionUpdater updater;
    private readonly Instant now;
    private readonly long nowNanoseconds;

    internal InteractionWriter(SqliteConnection connection, SqliteTransaction transaction, InteractionUpdater updater, Instant now)
    {
        this.updater = updater;
        this.now = now;
        nowNanoseconds = StoredInstant.FromClock(now);

        find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = $"SELECT {SqliteRows.InteractionColumns} FROM interactions WHERE id = $id;";
        findId = SqliteRows.Parameter(find, "$id", SqliteType.Text);

        upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = $"""
            INSERT INTO interactions ({SqliteRows.InteractionColumns})
            VALUES ($id, $version, $timeline, $state, $deadline, $owner, $policy, $evaluated_at, $failure, $next_change)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, timeline = excluded.timeline, state = excluded.state,
                deadline_ns = excluded.deadline_ns, owner = excluded.owner, policy = excluded.policy,
                evaluated_at_ns = excluded.evaluated_at_ns, failure = excluded.failure, next_change_ns = excluded.next_change_ns;
            """;
        id = SqliteRows.Parameter(upsert, "$id", SqliteType.Text);
        version = SqliteRows.Parameter(upsert, "$version", SqliteType.Integer);
        timeline = SqliteRows.Parameter(upsert, "$timeline", SqliteType.Text);
        state = SqliteRows.Parameter(upsert, "$state", SqliteType.Integer);
        deadline = SqliteRows.Parameter(upsert, "$deadline", SqliteType.Integer);
        owner = SqliteRows.Parameter(upsert, "$owner", SqliteType.Text);
        policy = SqliteRows.Parameter(upsert, "$policy", SqliteType.Text);
        evaluatedAt = SqliteRows.Parameter(upsert, "$evaluated_at", SqliteType.Integer);
        failure = SqliteRows.Parameter(upsert, "$failure", SqliteType.Text);
        nextChange = SqliteRows.Parameter(upsert, "$next_change", SqliteType.Integer);

        insertOutbox = connection.CreateCommand();
        insertOutbox.Transaction = transaction;
        insertOutbox.CommandText = $"""
            INSERT INTO outbox ({SqliteRows.OutboxColumns})
            VALUES ($key, $interaction_id, $kind, $due_at, $payload, 0, 0, NULL, NULL, NULL, $created_at, NULL)
            ON CONFLICT (key) DO NOTHING;
            """;
        key = SqliteRows.Parameter(insertOutbox, "$key", SqliteType.Text);
        interactionId = SqliteRows.Parameter(insertOutbox, "$interaction_id", SqliteType.Text);
        kind = SqliteRows.Parameter(insertOutbox, "$kind", SqliteType.Integer);
        dueAt = SqliteRows.Parameter(insertOutbox, "$due_at", SqliteType.Integer);
        payload = SqliteRows.Parameter(insertOutbox, "$payload", SqliteType.Text);
        createdAt = SqliteRows.Parameter(insertOutbox, "$created_at", SqliteType.Integer);
    }

    /// <summary>Reads an interaction (the fact path: it may not be stored yet).</summary>
    internal InteractionRecord? Find(string interaction)
    {
        findId.Value = interaction;
        using SqliteDataReader row = find.ExecuteReader();
        return row.Read() ? SqliteRows.ReadInteraction(row) : null;
    }

    /// <summary>Calls the updater for an interaction and writes what it returns; adds the record written to
    /// <paramref name="written"/>.</summary>
    internal void Update(string interaction, InteractionRecord? current, List<InteractionRecord> written)
    {
        if (updater(interaction, current, now) is not { } change)
        {
            return;
        }
        var record = new InteractionRecord(interaction, (current?.Version ?? 0) + 1, change.Timeline, change.Summary, change.NextChangeAt);
        id.Value = interaction;
        version.Value = record.Version;
        timeline.Value = change.Timeline;
        state.Value = (int)change.Summary.State;
        deadline.Value = SqliteRows.Value(Nanoseconds(change.Summary.Deadline, interaction, "Summary.Deadline"));
        owner.Value = change.Summary.Owner;
        policy.Value = SqliteRows.Value(change.Summary.Policy);
        evaluatedAt.Value = StoredInstant.ToNanoseconds(change.Summary.EvaluatedAt, "updater", "interaction", interaction, "Summary.EvaluatedAt");
        failure.Value = SqliteRows.Value(change.Summary.Failure);
        nextChange.Value = SqliteRows.Value(Nanoseconds(change.NextChangeAt, interaction, "NextChangeAt"));
        upsert.ExecuteNonQuery();
        foreach (OutboxEntry entry in change.Outbox)
        {
            key.Value = entry.Key;
            interactionId.Value = entry.InteractionId;
            kind.Value = (int)entry.Kind;
            dueAt.Value = StoredInstant.ToNanoseconds(entry.DueAt, "updater", "outbox entry", entry.Key, "DueAt");
            payload.Value = entry.Payload;
            createdAt.Value = nowNanoseconds;
            insertOutbox.ExecuteNonQuery();
        }
        written.Add(record);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        find.Dispose();
        upsert.Dispose();
        insertOutbox.Dispose();
    }

    private static long? Nanoseconds(Instant? instant, string interaction, string what) =>
        instant is { } value ? StoredInstant.ToNanoseconds(value, "updater", "interaction", interaction, what) : null;
}
