// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Node;
using ServicePolicy.Hosting.Storage;
using Xunit.Abstractions;

namespace ServicePolicy.Hosting.Cluster.Tests.Infrastructure;

/// <summary>
/// One node process recording the facts of 600 interactions, waking them and delivering their outbox, killed with
/// SIGKILL twice (while it records facts, and while it works through the burst of the 600 falling due at one
/// instant) and started again each time; then the checks of <see cref="ClusterOutcome.Verify"/>.
/// </summary>
internal static class CrashScenario
{
    public const int Interactions = 600;

    public static async Task RunAsync<TStore>(TStore store, IEnumerable<string> storeArguments, ITestOutputHelper output)
        where TStore : IInteractionStore, IOutboxStore
    {
        // Time for the node to record every fact, including one kill and a restart, before the burst: 20 s was too little
        // on a loaded 2-core machine (a restart took 6 s, and two thirds of the follow-ups were promised after the burst).
        Instant burst = await store.GetCurrentInstantAsync(CancellationToken.None) + Duration.FromSeconds(40);
        using var cluster = new NodeCluster(store, store, output);
        NodeProcess node = cluster.Add(directory => NodePlan.Write(directory, "solo", Interactions, burst), storeArguments);
        await cluster.StartAllAsync();
        int facts = cluster.Plans[0].FactCount;

        await cluster.KillWhenAsync("while recording facts", () => cluster.VersionLines() >= facts / 3, node, TimeSpan.FromMilliseconds(300));
        await cluster.KillWhenAsync("mid-burst", cluster.AfterBurst(burst), node, TimeSpan.FromMilliseconds(300));
        await cluster.WaitUntilDrainedAsync();

        ClusterOutcome outcome = await cluster.CollectAsync();
        outcome.Verify(output, cluster.Kills, NodeSettings.RelayBatchSize, NodeSettings.WritesInFlight, minimumBurst: Interactions, cluster.Elapsed);
    }
}
