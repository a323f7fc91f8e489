// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Cluster.Tests.Infrastructure;
using ServicePolicy.Hosting.Node;
using ServicePolicy.Hosting.PostgreSql;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ServicePolicy.Hosting.Cluster.Tests;

/// <summary>
/// Three node processes on one PostgreSQL database on loopback, their clocks skewed (one right, one 10 minutes ahead,
/// one 20 seconds behind), recording facts concurrently, with a burst of interactions all due at one instant; a node
/// chosen at random is killed with SIGKILL and started again three times.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class MultiNodeTests(PostgreSqlFixture fixture, ITestOutputHelper output)
{
    private const int InteractionsPerNode = 800;

    [SkippableFact]
    public async Task Three_nodes_with_skewed_clocks_killed_at_random_lose_no_key_and_never_write_one_version_twice()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        string[] storeArguments = ["--store", "postgres", "--connection", options.ConnectionString!, "--schema", options.Schema];
        Instant burst = await store.GetCurrentInstantAsync(CancellationToken.None) + Duration.FromSeconds(45);
        using var cluster = new NodeCluster(store, store, output);
        cluster.Add(directory => NodePlan.Write(directory, "node-a", InteractionsPerNode, burst), storeArguments);
        cluster.Add(directory => NodePlan.Write(directory, "node-b", InteractionsPerNode, burst, skewSeconds: 600), storeArguments);
        cluster.Add(directory => NodePlan.Write(directory, "node-c", InteractionsPerNode, burst, skewSeconds: -20), storeArguments);
        int seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}, burst at {burst}");
        await cluster.StartAllAsync();
        int facts = cluster.Plans.Sum(p => p.FactCount);

        // While the facts arrive; in the burst of escalations and remedies due at one instant; in the burst of the
        // second escalation level, 3 seconds later.
        await cluster.KillWhenAsync("while facts arrive", () => cluster.VersionLines() >= facts / 4, Pick(), TimeSpan.FromMilliseconds(300));
        await cluster.KillWhenAsync("mid-burst", cluster.AfterBurst(burst), Pick(), TimeSpan.FromMilliseconds(300));
        await cluster.KillWhenAsync("in the second level's burst", cluster.AfterBurst(burst + Duration.FromSeconds(3)), Pick(), TimeSpan.FromMilliseconds(300));
        await cluster.WaitUntilDrainedAsync();

        ClusterOutcome outcome = await cluster.CollectAsync();
        outcome.Verify(output, cluster.Kills, NodeSettings.RelayBatchSize, NodeSettings.WritesInFlight, minimumBurst: 1000, cluster.Elapsed);

        NodeProcess Pick() => cluster.Nodes[random.Next(cluster.Nodes.Count)];
    }
}
