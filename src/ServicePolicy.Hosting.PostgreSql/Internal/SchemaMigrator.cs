// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.PostgreSql.Internal;

/// <summary>
/// Brings a schema to <see cref="SchemaMigrations.LatestVersion"/> inside the caller's transaction. The first statement
/// takes a transaction-scoped advisory lock keyed by the schema name, so of several nodes starting at once one migrates
/// and the others wait, then find the schema current and do nothing. <c>schema_version</c> holds one row per applied
/// migration (its primary key would refuse a second).
/// </summary>
internal static class SchemaMigrator
{
    public static async Task MigrateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string quotedSchema, CancellationToken cancellationToken)
    {
        int databaseVersion;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            {
                Parameters = { new NpgsqlParameter { Value = "ServicePolicy.Hosting.PostgreSql migrations of " + quotedSchema } },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE SCHEMA IF NOT EXISTS {quotedSchema}"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"CREATE TABLE IF NOT EXISTS {quotedSchema}.schema_version (version integer PRIMARY KEY, applied_at_ns bigint NOT NULL, applied_by text NOT NULL)"));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quotedSchema}.schema_version", connection, transaction))
        {
            databaseVersion = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        int latest = SchemaMigrations.LatestVersion;
        if (databaseVersion > latest)
        {
            throw new StoreSchemaException(databaseVersion, latest,
                $"The PostgreSQL schema {quotedSchema} is at version {databaseVersion}, newer than version {latest}, the newest this package "
                + $"({typeof(SchemaMigrator).Assembly.GetName().Name} {typeof(SchemaMigrator).Assembly.GetName().Version}) knows: a later version of the package "
                + "migrated it. Upgrade this node; older nodes cannot run against a newer schema.");
        }
        for (int version = databaseVersion + 1; version <= latest; version++)
        {
            try
            {
                // A migration is several statements: a command without parameters, which Npgsql splits at each ';'.
                await using (var migration = new NpgsqlCommand(SchemaMigrations.All[version - 1].Replace("{schema}", quotedSchema, System.StringComparison.Ordinal), connection, transaction))
                {
                    await migration.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await using var record = new NpgsqlCommand(
                    $"INSERT INTO {quotedSchema}.schema_version (version, applied_at_ns, applied_by) VALUES ({version.ToString(CultureInfo.InvariantCulture)}, {NanosecondInstants.DatabaseClockSql}, $1)",
                    connection, transaction)
                {
                    Parameters = { new NpgsqlParameter { Value = typeof(SchemaMigrator).Assembly.GetName().Name + " " + typeof(SchemaMigrator).Assembly.GetName().Version } },
                };
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw new StoreSchemaException(databaseVersion, latest,
                    $"Migrating the PostgreSQL schema {quotedSchema} from version {version - 1} to {version} failed ({e.SqlState}: {e.MessageText}); nothing was changed.", e);
            }
        }
    }
}
