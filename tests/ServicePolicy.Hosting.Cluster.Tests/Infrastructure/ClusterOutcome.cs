// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Catalog;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Node;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using Xunit;
using Xunit.Abstractions;

namespace ServicePolicy.Hosting.Cluster.Tests.Infrastructure;

/// <summary>
/// What a cluster did: the store's interactions and outbox at the end, every completed send the nodes logged
/// (<c>key TAB dueAt TAB deliveredAt</c>), every committed write they logged (<c>id TAB version</c>); and the checks
/// of the crash and multi-node tests over them (<see cref="Verify"/>).
/// </summary>
internal sealed class ClusterOutcome
{
    private ClusterOutcome(IReadOnlyList<NodePlan> plans, IReadOnlyDictionary<string, InteractionRecord> records, IReadOnlyList<OutboxRecord> outbox,
        IReadOnlyList<(string Node, string Key, Instant DueAt, Instant DeliveredAt)> deliveries, IReadOnlyList<(string Node, string Id, long Version)> writes, Instant end)
    {
        Plans = plans;
        Records = records;
        Outbox = outbox;
        Deliveries = deliveries;
        Writes = writes;
        End = end;
    }

    public IReadOnlyList<NodePlan> Plans { get; }

    public IReadOnlyDictionary<string, InteractionRecord> Records { get; }

    public IReadOnlyList<OutboxRecord> Outbox { get; }

    public IReadOnlyList<(string Node, string Key, Instant DueAt, Instant DeliveredAt)> Deliveries { get; }

    public IReadOnlyList<(string Node, string Id, long Version)> Writes { get; }

    /// <summary>Gets the store's clock at the end.</summary>
    public Instant End { get; }

    public static async Task<ClusterOutcome> CollectAsync(IInteractionStore store, IOutboxStore outbox, IReadOnlyList<(NodePlan Plan, string LogPrefix)> nodes)
    {
        var records = new Dictionary<string, InteractionRecord>(StringComparer.Ordinal);
        foreach (string id in nodes.SelectMany(n => n.Plan.Ids))
        {
            records[id] = await store.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"Interaction {id} is not stored.");
        }
        var rows = new List<OutboxRecord>();
        foreach (OutboxState state in Enum.GetValues<OutboxState>())
        {
            string? after = null;
            while (await outbox.ListOutboxAsync(state, 1000, after, CancellationToken.None) is { Count: > 0 } page)
            {
                rows.AddRange(page);
                after = page[^1].Entry.Key;
            }
        }
        var deliveries = new List<(string, string, Instant, Instant)>();
        var writes = new List<(string, string, long)>();
        foreach ((NodePlan plan, string prefix) in nodes)
        {
            foreach (string[] line in Lines(prefix + ".deliveries"))
            {
                deliveries.Add((plan.Node, line[0], InstantPattern.ExtendedIso.Parse(line[1]).Value, InstantPattern.ExtendedIso.Parse(line[2]).Value));
            }
            foreach (string[] line in Lines(prefix + ".versions"))
            {
                writes.Add((plan.Node, line[0], long.Parse(line[1], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        Instant end = await store.GetCurrentInstantAsync(CancellationToken.None);
        return new ClusterOutcome(nodes.Select(n => n.Plan).ToArray(), records, rows, deliveries, writes, end);
    }

    /// <summary>
    /// Checks, and prints the counts:
    /// <list type="bullet">
    /// <item>every outbox entry was sent (none pending or dead-lettered), and the keys delivered are exactly the keys the
    /// store recorded (none lost, none invented); the keys a pure evaluation of every final timeline lists at the end
    /// are all among them;</item>
    /// <item>duplicates (lines beyond one per key) are at most <paramref name="kills"/> × <paramref name="sendsInFlightPerKill"/>;</item>
    /// <item>every planned fact is in its interaction's timeline exactly once; no (interaction, version) was written
    /// twice, by one node or two; every version logged is at most the final one, and the versions missing from the
    /// logs (writes committed just before a kill) are at most <paramref name="kills"/> × <paramref name="writesInFlightPerKill"/>;</item>
    /// <item>nothing fired early, whatever the nodes' clocks: every entry was planned (by the store's clock) and delivered
    /// (by the machine's) at or after it fell due — also for a node whose clock runs ahead, whose facts are evaluated at
    /// their own instants but whose actions wait for the store's clock; those interactions were never woken by a timer
    /// during the run (their version is their fact count, their next change still ahead of the store's clock);</item>
    /// <item>at least <paramref name="minimumBurst"/> interactions fell due at the plans' burst instant.</item>
    /// </list>
    /// </summary>
    public void Verify(ITestOutputHelper output, int kills, int sendsInFlightPerKill, int writesInFlightPerKill, int minimumBurst, TimeSpan elapsed)
    {
        var expected = Outbox.Select(r => r.Entry.Key).ToHashSet(StringComparer.Ordinal);
        var delivered = Deliveries.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        int duplicates = Deliveries.Count - delivered.Count;
        int inFlightBound = kills * sendsInFlightPerKill;
        // A follow-up promised by the burst instant is met up to it and breached the nanosecond after.
        Instant breach = Plans[0].Burst + Duration.Epsilon;
        int burst = Outbox.Where(r => r.Entry.DueAt == breach).Select(r => r.Entry.InteractionId).Distinct().Count();
        long finalVersions = Records.Values.Sum(r => r.Version);
        int distinctWrites = Writes.Select(w => (w.Id, w.Version)).Distinct().Count();
        output.WriteLine($"interactions {Records.Count}, facts {Plans.Sum(p => p.FactCount)}, keys {expected.Count} ({burst} interactions due at the burst instant), " +
            $"delivery lines {Deliveries.Count}, distinct keys delivered {delivered.Count}, duplicates {duplicates}, kills {kills}, in-flight bound {inFlightBound}, " +
            $"writes {finalVersions} (logged {Writes.Count}, lost with a kill {finalVersions - distinctWrites}), elapsed {elapsed:mm\\:ss\\.f}");
        foreach (IGrouping<string, (string Node, string Key, Instant DueAt, Instant DeliveredAt)> node in Deliveries.GroupBy(d => d.Node))
        {
            output.WriteLine($"  {node.Key}: {node.Count()} delivery lines");
        }

        // Every entry sent; delivered = expected.
        Assert.All(Outbox, r => Assert.Equal(OutboxState.Sent, r.State));
        string[] lost = expected.Except(delivered).Order(StringComparer.Ordinal).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} keys recorded in the outbox were never delivered, such as {string.Join(", ", lost.Take(5))}.");
        string[] invented = delivered.Except(expected).Order(StringComparer.Ordinal).ToArray();
        Assert.True(invented.Length == 0, $"{invented.Length} keys delivered are not in the outbox, such as {string.Join(", ", invented.Take(5))}.");
        Assert.True(duplicates <= inFlightBound, $"{duplicates} duplicate deliveries, more than the {inFlightBound} sends that can be in flight at {kills} kills.");
        string[] unplanned = PureKeys().Except(expected).Order(StringComparer.Ordinal).ToArray();
        Assert.True(unplanned.Length == 0, $"{unplanned.Length} keys a pure evaluation lists are not in the outbox, such as {string.Join(", ", unplanned.Take(5))}.");

        // Facts and versions: no interaction written by two nodes at once.
        foreach (NodePlan plan in Plans)
        {
            foreach (string id in plan.Ids)
            {
                Assert.Equal((id, plan.FactCounts[id]), (id, TimelineJson.Deserialize(Records[id].Timeline).Count));
            }
        }
        var twice = Writes.GroupBy(w => (w.Id, w.Version)).Where(g => g.Count() > 1).Take(5).Select(g => $"{g.Key.Id} v{g.Key.Version} by {string.Join(" and ", g.Select(w => w.Node))}").ToArray();
        Assert.True(twice.Length == 0, $"Versions written twice: {string.Join("; ", twice)}.");
        Assert.All(Writes, w => Assert.InRange(w.Version, 1, Records[w.Id].Version));
        Assert.True(finalVersions - distinctWrites <= kills * writesInFlightPerKill,
            $"{finalVersions - distinctWrites} writes are missing from the logs, more than {kills} kills × {writesInFlightPerKill} writes in flight.");

        // Nothing early.
        foreach (OutboxRecord row in Outbox)
        {
            Assert.True(row.CreatedAt >= row.Entry.DueAt, $"{row.Entry.Key} was planned at {row.CreatedAt}, before it fell due at {row.Entry.DueAt}.");
        }
        foreach ((string node, string key, Instant due, Instant at) in Deliveries)
        {
            Assert.True(at >= due, $"{node} delivered {key} at {at}, before it fell due at {due}.");
        }
        foreach (NodePlan plan in Plans.Where(p => p.SkewSeconds > 0))
        {
            foreach (string id in plan.Ids)
            {
                InteractionRecord record = Records[id];
                Assert.True(record.Version == plan.FactCounts[id], $"{id} of {plan.Node} (clock {plan.SkewSeconds} s ahead) is at version {record.Version}: woken by a timer, not only by its {plan.FactCounts[id]} facts.");
                Assert.True(record.NextChangeAt > End, $"{id} of {plan.Node} has its next change at {record.NextChangeAt}, not after the store's clock {End}.");
            }
        }
        Assert.True(burst >= minimumBurst, $"Only {burst} interactions fell due at the burst instant {breach}, not {minimumBurst}.");
    }

    /// <summary>The keys a pure evaluation (<see cref="Evaluator.Evaluate(Timeline, ServiceLevelPolicySet, Instant, EscalationContext)"/>)
    /// of every final timeline lists at the end (or at its last fact, when that is later), under the nodes' policy, that
    /// are due by the store's clock at the end.</summary>
    private IEnumerable<string> PureKeys()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Path.GetDirectoryName(NodeProcess.AssemblyPath)!, "policy.json"))
            .Build();
        using ServiceProvider services = new ServiceCollection()
            .AddSingleton<IEscalationDirectory, NodeDirectory>()
            .AddServicePolicy(configuration.GetSection("ServicePolicy"))
            .BuildServiceProvider();
        IServicePolicyCatalog catalog = services.GetRequiredService<IServicePolicyCatalogProvider>().Current;
        EscalationContext escalation = catalog.CreateEscalationContext(new NodeDirectory());
        foreach (InteractionRecord record in Records.Values)
        {
            Timeline timeline = TimelineJson.Deserialize(record.Timeline);
            EvaluationResult result = Evaluator.Evaluate(timeline, catalog.PolicySet!, timeline.LastInstant > End ? timeline.LastInstant : End, escalation);
            // What falls due after the store's clock (listed for a timeline stamped ahead of it) waits for that clock.
            foreach (EscalationAction action in result.EscalationActions.Where(a => a.DueAt <= End))
            {
                yield return action.Key.ToString();
            }
            foreach (RemedyDue remedy in result.RemediesDue.Where(r => r.DueAt <= End))
            {
                yield return remedy.Key.ToString();
            }
        }
    }

    private static IEnumerable<string[]> Lines(string path) =>
        File.Exists(path) ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')) : [];
}
