// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Hosting.Cluster.Tests.Infrastructure;
using ServicePolicy.Hosting.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace ServicePolicy.Hosting.Cluster.Tests;

/// <summary>A node on a SQLite file, killed with SIGKILL mid-batch twice and restarted (<see cref="CrashScenario"/>).</summary>
public sealed class SqliteCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_node_on_SQLite_killed_mid_batch_and_restarted_delivers_every_key()
    {
        string directory = Directory.CreateTempSubdirectory("servicepolicy-crash-sqlite-").FullName;
        try
        {
            string data = Path.Combine(directory, "store.db");
            await using (var store = new SqliteInteractionStore(new SqliteStoreOptions { DataSource = data }))
            {
                await store.InitializeAsync(CancellationToken.None);
                await CrashScenario.RunAsync(store, ["--store", "sqlite", "--data", data], output);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
