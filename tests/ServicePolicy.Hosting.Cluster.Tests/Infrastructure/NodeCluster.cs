// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using NodaTime;
using ServicePolicy.Hosting.Node;
using ServicePolicy.Hosting.Storage;
using Xunit.Abstractions;

namespace ServicePolicy.Hosting.Cluster.Tests.Infrastructure;

/// <summary>
/// Node processes on one store, in a temporary directory that holds their plans and their logs: started together,
/// killed with SIGKILL when a condition holds and started again, and waited for until the work is done.
/// </summary>
internal sealed class NodeCluster(IInteractionStore store, IOutboxStore outbox, ITestOutputHelper output) : IDisposable
{
    private readonly List<(NodeProcess Process, NodePlan Plan, string LogPrefix)> nodes = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Gets the directory of the plans and logs.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("servicepolicy-cluster-").FullName;

    /// <summary>Gets the nodes.</summary>
    public IReadOnlyList<NodeProcess> Nodes => nodes.Select(n => n.Process).ToArray();

    /// <summary>Gets the plans of the nodes.</summary>
    public IReadOnlyList<NodePlan> Plans => nodes.Select(n => n.Plan).ToArray();

    /// <summary>Gets how many kills there were.</summary>
    public int Kills { get; private set; }

    /// <summary>Gets the time since the cluster was created.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Adds a node that records a plan written by <paramref name="writePlan"/> (given the directory), with its
    /// store's options.</summary>
    public NodeProcess Add(Func<string, NodePlan> writePlan, IEnumerable<string> storeArguments)
    {
        NodePlan plan = writePlan(Directory);
        string logPrefix = Path.Combine(Directory, plan.Node);
        var process = new NodeProcess(plan.Node, [.. plan.Arguments(logPrefix), .. storeArguments]);
        nodes.Add((process, plan, logPrefix));
        return process;
    }

    public Task StartAllAsync() => Task.WhenAll(nodes.Select(n => n.Process.StartAsync()));

    /// <summary>Waits until <paramref name="condition"/> holds, then kills <paramref name="node"/> with SIGKILL and
    /// starts it again after <paramref name="downtime"/>.</summary>
    public async Task KillWhenAsync(string what, Func<bool> condition, NodeProcess node, TimeSpan downtime)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            ThrowIfAnyExited();
            if (waited.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"The condition of the kill '{what}' did not hold within {waited.Elapsed}.");
            }
            await Task.Delay(10);
        }
        node.Kill();
        Kills++;
        output.WriteLine($"{Elapsed:mm\\:ss\\.fff} killed {node.Name} (SIGKILL) {what}: {DeliveryLines()} delivery lines, {VersionLines()} version lines so far");
        await Task.Delay(downtime);
        await node.StartAsync();
        output.WriteLine($"{Elapsed:mm\\:ss\\.fff} restarted {node.Name}");
    }

    /// <summary>A condition for <see cref="KillWhenAsync"/> that holds once <paramref name="instant"/> has passed and the
    /// nodes have delivered two relay batches since: the timers and relays are working through what fell due then.</summary>
    public Func<bool> AfterBurst(Instant instant)
    {
        int before = 0;
        return () =>
        {
            if (SystemClock.Instance.GetCurrentInstant() < instant)
            {
                before = DeliveryLines();
                return false;
            }
            return DeliveryLines() >= before + (2 * NodeSettings.RelayBatchSize);
        };
    }

    /// <summary>The lines the nodes' delivery files hold now: one per completed send.</summary>
    public int DeliveryLines() => nodes.Sum(n => CountLines(n.LogPrefix + ".deliveries"));

    /// <summary>The lines the nodes' version files hold now: one per committed write.</summary>
    public int VersionLines() => nodes.Sum(n => CountLines(n.LogPrefix + ".versions"));

    /// <summary>Waits until every node recorded its plan, no outbox entry is pending, and no interaction falls due within
    /// the next five minutes (the nodes' work is done; only the interactions of a node whose clock runs far ahead are
    /// left, due later).</summary>
    public async Task WaitUntilDrainedAsync()
    {
        string[] ids = nodes.SelectMany(n => n.Plan.Ids).ToArray();
        var waited = Stopwatch.StartNew();
        string state = "";
        while (waited.Elapsed < TimeSpan.FromSeconds(150))
        {
            ThrowIfAnyExited();
            int pending = (await outbox.ListOutboxAsync(OutboxState.Pending, 1000, null, CancellationToken.None)).Count;
            int ingesting = nodes.Count(n => !n.Process.Ingested);
            int due = 0;
            if (pending == 0 && ingesting == 0)
            {
                Instant horizon = await store.GetCurrentInstantAsync(CancellationToken.None) + Duration.FromMinutes(5);
                await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
                {
                    if (await store.FindAsync(id, ct) is not { } record || record.NextChangeAt <= horizon)
                    {
                        Interlocked.Increment(ref due);
                    }
                });
                if (due == 0)
                {
                    output.WriteLine($"{Elapsed:mm\\:ss\\.fff} drained");
                    return;
                }
            }
            state = $"{ingesting} nodes still recording facts, {pending} outbox entries pending (at least), {due} interactions missing or due";
            await Task.Delay(500);
        }
        throw new TimeoutException($"The cluster did not drain within {waited.Elapsed}: {state}.");
    }

    /// <summary>Reads the outcome: the store's interactions and outbox, and the nodes' logs.</summary>
    public Task<ClusterOutcome> CollectAsync() =>
        ClusterOutcome.CollectAsync(store, outbox, nodes.Select(n => (n.Plan, n.LogPrefix)).ToArray());

    private void ThrowIfAnyExited()
    {
        foreach ((NodeProcess process, _, _) in nodes)
        {
            process.ThrowIfExited();
        }
    }

    private static int CountLines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        byte[] buffer = new byte[1 << 16];
        int lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        return lines;
    }

    public void Dispose()
    {
        foreach ((NodeProcess process, _, _) in nodes)
        {
            process.Dispose();
        }
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
