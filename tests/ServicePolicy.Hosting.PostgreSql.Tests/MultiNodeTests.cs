// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using NodaTime;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>Two stores over two connection pools, as two nodes, on one schema and the database's clock.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class MultiNodeTests(PostgreSqlFixture fixture)
{
    [SkippableFact]
    public async Task Two_nodes_hammering_the_same_due_rows_and_outbox_claim_each_once()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var nodeA = new PostgreSqlInteractionStore(options);
        await using var nodeB = new PostgreSqlInteractionStore(options);
        await Task.WhenAll(nodeA.InitializeAsync(CancellationToken.None), nodeB.InitializeAsync(CancellationToken.None));
        Instant past = await nodeA.GetCurrentInstantAsync(CancellationToken.None) - Duration.FromSeconds(1);
        string[] ids = Enumerable.Range(0, 300).Select(i => $"i{i:D3}").ToArray();
        foreach (string[] chunk in ids.Chunk(50))
        {
            await nodeA.UpdateAsync(chunk, (id, current, now) => Changes.WakeAt(past, "k-" + id)(id, current, now), CancellationToken.None);
        }

        var woken = new ConcurrentBag<(string Node, string Id)>();
        var leased = new ConcurrentBag<(string Node, string Key)>();
        async Task Drain(PostgreSqlInteractionStore node, string name)
        {
            bool more = true;
            while (more)
            {
                IReadOnlyList<InteractionRecord> due = await node.UpdateDueAsync(9, (id, current, now) =>
                {
                    woken.Add((name, id));
                    return Changes.Woken(id, current, now);
                }, CancellationToken.None);
                IReadOnlyList<OutboxRecord> entries = await node.LeaseAsync(name, 11, Duration.FromMinutes(5), CancellationToken.None);
                foreach (OutboxRecord entry in entries)
                {
                    leased.Add((name, entry.Entry.Key));
                }
                more = due.Count > 0 || entries.Count > 0;
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(i => new[] { Task.Run(() => Drain(nodeA, "node-a")), Task.Run(() => Drain(nodeB, "node-b")) }));

        Assert.Equal(ids, woken.Select(w => w.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Select(id => "k-" + id), leased.Select(l => l.Key).Order(StringComparer.Ordinal));
        foreach (string id in ids)
        {
            InteractionRecord record = (await nodeB.FindAsync(id, CancellationToken.None))!;
            Assert.Equal((2L, (Instant?)null), (record.Version, record.NextChangeAt));
        }
        Assert.Empty(await nodeA.UpdateDueAsync(10, Changes.Woken, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Two_nodes_recording_facts_for_the_same_new_interaction_take_turns()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var nodeA = new PostgreSqlInteractionStore(options);
        await using var nodeB = new PostgreSqlInteractionStore(options);
        await nodeA.InitializeAsync(CancellationToken.None);
        var seen = new ConcurrentBag<long>();
        InteractionUpdater append = (id, current, now) =>
        {
            seen.Add(current?.Version ?? 0);
            return new InteractionChange((current?.Timeline ?? "") + "f", new InteractionSummary(QueueState.OnTrack, null, "team:a", null, now), null, []);
        };

        // Several ids per transaction, in opposite orders on the two nodes: the store's lock order keeps them from deadlocking.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? nodeA : nodeB)
            .UpdateAsync(i % 2 == 0 ? ["new-1", "new-2"] : ["new-2", "new-1"], append, CancellationToken.None))));

        foreach (string id in (string[])["new-1", "new-2"])
        {
            InteractionRecord record = (await nodeA.FindAsync(id, CancellationToken.None))!;
            Assert.Equal((20L, new string('f', 20)), (record.Version, record.Timeline));
        }
    }
}
