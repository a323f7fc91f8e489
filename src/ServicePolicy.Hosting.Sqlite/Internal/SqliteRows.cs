// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.Data.Sqlite;
using NodaTime;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Sqlite.Internal;

/// <summary>The columns the store reads, in one order, and how a row becomes a record.</summary>
internal static class SqliteRows
{
    /// <summary>The columns of an interaction record, in the order <see cref="ReadInteraction"/> reads them.</summary>
    internal const string InteractionColumns = "id, version, timeline, state, deadline_ns, owner, policy, evaluated_at_ns, failure, next_change_ns";

    /// <summary>The columns of an outbox record, in the order <see cref="ReadOutbox"/> reads them.</summary>
    internal const string OutboxColumns = "key, interaction_id, kind, due_at_ns, payload, state, leases, leased_by, lease_until_ns, last_error, created_at_ns, sent_at_ns";

    /// <summary>Reads an interaction record from a row of <see cref="InteractionColumns"/>.</summary>
    internal static InteractionRecord ReadInteraction(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1),
        row.GetString(2),
        new InteractionSummary(
            (QueueState)row.GetInt32(3),
            ReadInstant(row, 4),
            row.GetString(5),
            ReadString(row, 6),
            StoredInstant.FromNanoseconds(row.GetInt64(7)),
            ReadString(row, 8)),
        ReadInstant(row, 9));

    /// <summary>Reads an outbox record from a row of <see cref="OutboxColumns"/>.</summary>
    internal static OutboxRecord ReadOutbox(SqliteDataReader row) => new(
        new OutboxEntry(row.GetString(0), row.GetString(1), (OutboxKind)row.GetInt32(2), StoredInstant.FromNanoseconds(row.GetInt64(3)), row.GetString(4)),
        (OutboxState)row.GetInt32(5),
        row.GetInt32(6),
        ReadString(row, 7),
        ReadInstant(row, 8),
        ReadString(row, 9),
        StoredInstant.FromNanoseconds(row.GetInt64(10)),
        ReadInstant(row, 11));

    /// <summary>Adds a parameter to a command, to be given values before each execution.</summary>
    internal static SqliteParameter Parameter(SqliteCommand command, string name, SqliteType type)
    {
        SqliteParameter parameter = command.Parameters.Add(name, type);
        parameter.Value = DBNull.Value;
        return parameter;
    }

    /// <summary>The parameter value of an optional text.</summary>
    internal static object Value(string? text) => text is null ? DBNull.Value : text;

    /// <summary>The parameter value of an optional stored instant.</summary>
    internal static object Value(long? nanoseconds) => nanoseconds is { } value ? value : DBNull.Value;

    private static string? ReadString(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static Instant? ReadInstant(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : StoredInstant.FromNanoseconds(row.GetInt64(ordinal));
}
