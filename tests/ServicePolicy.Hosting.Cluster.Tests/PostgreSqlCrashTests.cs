// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Hosting.Cluster.Tests.Infrastructure;
using ServicePolicy.Hosting.PostgreSql;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ServicePolicy.Hosting.Cluster.Tests;

/// <summary>A node on PostgreSQL, killed with SIGKILL mid-batch twice and restarted (<see cref="CrashScenario"/>);
/// skipped, with the reason, when no PostgreSQL is available.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCrashTests(PostgreSqlFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_node_on_PostgreSQL_killed_mid_batch_and_restarted_delivers_every_key()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        await CrashScenario.RunAsync(store, ["--store", "postgres", "--connection", options.ConnectionString!, "--schema", options.Schema], output);
    }
}
