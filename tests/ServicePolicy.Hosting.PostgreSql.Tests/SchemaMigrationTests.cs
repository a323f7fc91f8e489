// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaMigrationTests(PostgreSqlFixture fixture)
{
    [SkippableFact]
    public async Task Nodes_starting_together_migrate_the_schema_once()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        PostgreSqlInteractionStore[] nodes = Enumerable.Range(0, 6).Select(_ => new PostgreSqlInteractionStore(options)).ToArray();
        try
        {
            await Task.WhenAll(nodes.Select(node => Task.Run(() => node.InitializeAsync(CancellationToken.None))));
            await nodes[0].InitializeAsync(CancellationToken.None);

            await using NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync();
            await using var versions = new NpgsqlCommand($"SELECT array_agg(version ORDER BY version) FROM \"{options.Schema}\".schema_version", admin);
            Assert.Equal(Enumerable.Range(1, PostgreSqlInteractionStore.SchemaVersion), (int[])(await versions.ExecuteScalarAsync())!);
            // Every node works on the migrated schema.
            await Task.WhenAll(nodes.Select((node, i) => node.UpdateAsync([$"n{i}"], Changes.WakeAt(null), CancellationToken.None)));
            Assert.Equal(1, (await nodes[5].FindAsync("n0", CancellationToken.None))!.Version);
        }
        finally
        {
            foreach (PostgreSqlInteractionStore node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task A_schema_newer_than_the_package_is_refused_naming_both_versions()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using (var first = new PostgreSqlInteractionStore(options))
        {
            await first.InitializeAsync(CancellationToken.None);
        }
        int newer = PostgreSqlInteractionStore.SchemaVersion + 1;
        await using (NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync())
        {
            await using var later = new NpgsqlCommand($"INSERT INTO \"{options.Schema}\".schema_version VALUES ({newer}, 0, 'a later package')", admin);
            await later.ExecuteNonQueryAsync();
        }

        await using var store = new PostgreSqlInteractionStore(options);
        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Equal((newer, PostgreSqlInteractionStore.SchemaVersion), (error.DatabaseVersion, error.SupportedVersion));
        Assert.Contains($"version {newer}, newer than version {PostgreSqlInteractionStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains(options.Schema, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Each_applied_migration_is_recorded_with_the_package_that_applied_it_and_the_database_clock()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var store = new PostgreSqlInteractionStore(options);
        await using NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync();
        await using var clock = new NpgsqlCommand("SELECT (extract(epoch from clock_timestamp()) * 1000000000)::bigint", admin);
        long before = (long)(await clock.ExecuteScalarAsync())! - 1_000_000;

        await store.InitializeAsync(CancellationToken.None);

        long after = (long)(await clock.ExecuteScalarAsync())! + 1_000_000;
        await using var read = new NpgsqlCommand($"SELECT version, applied_at_ns, applied_by FROM \"{options.Schema}\".schema_version", admin);
        await using NpgsqlDataReader row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(1, row.GetInt32(0));
        Assert.InRange(row.GetInt64(1), before, after);
        Assert.Equal("ServicePolicy.Hosting.PostgreSql " + typeof(PostgreSqlInteractionStore).Assembly.GetName().Version, row.GetString(2));
        Assert.False(await row.ReadAsync());
    }

    [SkippableFact]
    public async Task A_migration_that_fails_is_reported_with_its_versions_and_changes_nothing()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using (NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync())
        {
            // A table of that name made by hand: the first migration cannot create its own.
            await using var squat = new NpgsqlCommand($"CREATE SCHEMA \"{options.Schema}\"; CREATE TABLE \"{options.Schema}\".outbox (x integer)", admin);
            await squat.ExecuteNonQueryAsync();
        }
        await using var store = new PostgreSqlInteractionStore(options);

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Equal((0, PostgreSqlInteractionStore.SchemaVersion), (error.DatabaseVersion, error.SupportedVersion));
        Assert.StartsWith($"Migrating the PostgreSQL schema \"{options.Schema}\" from version 0 to 1 failed (42P07: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was changed.", error.Message, StringComparison.Ordinal);
        Assert.Equal(PostgresErrorCodes.DuplicateTable, Assert.IsType<PostgresException>(error.InnerException).SqlState);
        await using (NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync())
        {
            await using var tables = new NpgsqlCommand($"SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '{options.Schema}'", admin);
            Assert.Equal("outbox", await tables.ExecuteScalarAsync());
        }
    }
}
