// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Sqlite.Tests;

/// <summary>Two store instances on one file, as two processes would have: each with its own in-process writer queue,
/// so only SQLite's lock keeps their writers apart.</summary>
public sealed class SqliteInteractionStoreConcurrencyTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly FakeClock clock = new(T0);
    private readonly TempDatabase database = new();
    private SqliteInteractionStore[] stores = [];

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        stores = [new SqliteInteractionStore(database.Options(clock)), new SqliteInteractionStore(database.Options(clock))];
        await Task.WhenAll(stores.Select(s => s.InitializeAsync(None)));
    }

    public async Task DisposeAsync()
    {
        foreach (SqliteInteractionStore store in stores)
        {
            await store.DisposeAsync();
        }
        database.Dispose();
    }

    [Fact]
    public async Task WritersOnTwoStores_TakeTurns_VersionsIncreaseOneAtATime()
    {
        const int writersEach = 3, writes = 6;
        var seen = new ConcurrentBag<long>();
        InteractionUpdater increment = (id, current, now) =>
        {
            long version = current?.Version ?? 0;
            seen.Add(version);
            return new InteractionChange((version + 1).ToString(CultureInfo.InvariantCulture), Summary(now), null, []);
        };

        await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(0, writersEach).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < writes; i++)
            {
                await store.UpdateAsync(["shared", $"own-{i}"], increment, None);
            }
        }))));

        const int total = 2 * writersEach * writes;
        InteractionRecord shared = (await stores[1].FindAsync("shared", None))!;
        Assert.Equal((long)total, shared.Version);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), shared.Timeline);
        // SQLite's writers never overlap, so no transaction is retried: the updater saw each version of "shared" once
        // (and each "own-i" once per writer, versions 0 to 5).
        long[] expected = Enumerable.Range(0, total).Select(v => (long)v)
            .Concat(Enumerable.Range(0, writes).SelectMany(_ => Enumerable.Range(0, 2 * writersEach).Select(v => (long)v)))
            .Order().ToArray();
        Assert.Equal(expected, seen.Order());
        Assert.Equal(2 * writersEach, (await stores[0].FindAsync("own-0", None))!.Version);
    }

    [Fact]
    public async Task TimerBatchesOnTwoStores_ClaimEachDueInteractionOnce()
    {
        string[] ids = Enumerable.Range(0, 80).Select(i => $"due-{i:D2}").ToArray();
        await stores[0].UpdateAsync(ids, (id, current, now) => new InteractionChange("t", Summary(now), T0 - Duration.FromSeconds(ids.Length - Array.IndexOf(ids, id)), []), None);
        InteractionUpdater wake = (id, current, now) => new InteractionChange(current!.Timeline, current.Summary, null, []);

        IReadOnlyList<InteractionRecord>[] batches = await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var mine = new List<InteractionRecord>();
            IReadOnlyList<InteractionRecord> batch;
            while ((batch = await store.UpdateDueAsync(6, wake, None)).Count > 0)
            {
                mine.AddRange(batch);
            }
            return (IReadOnlyList<InteractionRecord>)mine;
        }))));

        List<InteractionRecord> all = batches.SelectMany(b => b).ToList();
        Assert.Equal(ids, all.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(all, r => Assert.Equal(2, r.Version));
    }

    [Fact]
    public async Task LeasesOnTwoStores_HandEachEntryToOneClaimant()
    {
        OutboxEntry[] entries = Enumerable.Range(0, 60).Select(i => new OutboxEntry($"k{i:D2}", "a", OutboxKind.Escalation, T0, "{}")).ToArray();
        await stores[0].UpdateAsync(["a"], (id, current, now) => new InteractionChange("t", Summary(now), null, entries), None);

        var leased = new ConcurrentBag<(string Key, string Claimant)>();
        await Task.WhenAll(stores.SelectMany((store, s) => Enumerable.Range(0, 3).Select(c => Task.Run(async () =>
        {
            string claimant = $"node-{s}-{c}";
            IReadOnlyList<OutboxRecord> batch;
            while ((batch = await store.LeaseAsync(claimant, 4, Duration.FromMinutes(5), None)).Count > 0)
            {
                foreach (OutboxRecord record in batch)
                {
                    leased.Add((record.Entry.Key, claimant));
                    // Settle through the other store: the lease is the file's, not the instance's.
                    Assert.True(await stores[1 - s].MarkSentAsync(record.Entry.Key, claimant, None));
                }
            }
        }))));

        Assert.Equal(entries.Select(e => e.Key), leased.Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.Equal(60, (await stores[1].ListOutboxAsync(OutboxState.Sent, 100, null, None)).Count);
    }

    private static InteractionSummary Summary(Instant now) => new(QueueState.OnTrack, null, "person:ann", "standard@1", now);
}
