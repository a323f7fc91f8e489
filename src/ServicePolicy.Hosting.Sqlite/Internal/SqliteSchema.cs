// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Sqlite.Internal;

/// <summary>
/// The store's schema and its versioned migrator. The version is the database's <c>PRAGMA user_version</c>: 0 for a
/// new file, and after migration the number of <see cref="Migrations"/> this package knows. Each migration runs, with
/// the version it reaches, in one <c>BEGIN IMMEDIATE</c> transaction, so two processes that start at once on one file
/// take turns and the second finds the work done; the scripts also use <c>IF NOT EXISTS</c>, so running one twice
/// changes nothing. A file whose version is newer than this package's is refused and left as it is.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Version 1: interactions, the outbox, and the indexes of the timer path, the queue and leasing.</summary>
    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS interactions (
            id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            timeline TEXT NOT NULL,
            state INTEGER NOT NULL,
            deadline_ns INTEGER NULL,
            owner TEXT NOT NULL,
            policy TEXT NULL,
            evaluated_at_ns INTEGER NOT NULL,
            failure TEXT NULL,
            next_change_ns INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_interactions_next_change ON interactions (next_change_ns, id) WHERE next_change_ns IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_interactions_state_deadline ON interactions (state, deadline_ns, id);
        CREATE INDEX IF NOT EXISTS ix_interactions_deadline ON interactions (deadline_ns, id) WHERE deadline_ns IS NOT NULL;
        CREATE TABLE IF NOT EXISTS outbox (
            key TEXT NOT NULL PRIMARY KEY,
            interaction_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            due_at_ns INTEGER NOT NULL,
            payload TEXT NOT NULL,
            state INTEGER NOT NULL,
            leases INTEGER NOT NULL,
            leased_by TEXT NULL,
            lease_until_ns INTEGER NULL,
            last_error TEXT NULL,
            created_at_ns INTEGER NOT NULL,
            sent_at_ns INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox (due_at_ns, key) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS ix_outbox_state_key ON outbox (state, key);
        """;

    /// <summary>The migrations, in order: the one at index <c>i</c> takes the schema from version <c>i</c> to
    /// <c>i + 1</c>. Append only; never change a shipped script.</summary>
    private static readonly string[] Migrations = [Version1];

    /// <summary>The newest schema version this package knows.</summary>
    internal static int Version => Migrations.Length;

    /// <summary>Brings the database of an open connection to <see cref="Version"/>, and puts it in WAL mode.</summary>
    /// <param name="connection">An open connection with its busy timeout set.</param>
    /// <param name="path">The database file, for messages.</param>
    /// <exception cref="StoreSchemaException">The database is newer than this package, or a migration failed.</exception>
    internal static void Migrate(SqliteConnection connection, string path)
    {
        // Read first, and refuse a newer file before anything (even the journal mode) is written to it.
        ThrowIfNewer(ReadVersion(connection, null), path);
        // WAL: readers never wait for the writer and the writer never waits for readers. The mode is kept in the file.
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        int found = ReadVersion(connection, transaction);
        ThrowIfNewer(found, path);
        for (int version = found; version < Version; version++)
        {
            try
            {
                Execute(connection, transaction, Migrations[version]);
                Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version + 1};"));
            }
            catch (SqliteException e)
            {
                throw new StoreSchemaException(found, Version,
                    $"Migrating the SQLite database '{path}' from schema version {version} to {version + 1} failed; nothing was changed. {e.Message}", e);
            }
        }
        transaction.Commit();
    }

    /// <summary>Reads the database's schema version.</summary>
    internal static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(int found, string path)
    {
        if (found > Version)
        {
            throw new StoreSchemaException(found, Version,
                $"The SQLite database '{path}' has schema version {found}, but this version of ServicePolicy.Hosting.Sqlite knows versions up to {Version}: "
                + "a later version of the package wrote it. Upgrade the package, or use another file; this one was not changed.");
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
