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
}
