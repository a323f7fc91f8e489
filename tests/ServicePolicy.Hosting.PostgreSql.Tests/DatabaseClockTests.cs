// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>Without a test clock the store works by the database's clock, not the node's.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DatabaseClockTests(PostgreSqlFixture fixture)
{
    [SkippableFact]
    public async Task Due_rows_and_leases_follow_the_database_clock()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        Instant databaseNow = await store.GetCurrentInstantAsync(CancellationToken.None);
        await store.UpdateAsync(["due"], Changes.WakeAt(databaseNow - Duration.FromMilliseconds(1), "k-due"), CancellationToken.None);
        await store.UpdateAsync(["ahead"], Changes.WakeAt(databaseNow + Duration.FromHours(1)), CancellationToken.None);

        var seenNow = new List<Instant>();
        IReadOnlyList<InteractionRecord> woken = await store.UpdateDueAsync(10, (id, current, now) =>
        {
            seenNow.Add(now);
            return Changes.Woken(id, current, now);
        }, CancellationToken.None);
        Instant after = await store.GetCurrentInstantAsync(CancellationToken.None);

        Assert.Equal(["due"], woken.Select(r => r.Id));
        Instant wokenAt = Assert.Single(seenNow);
        Assert.InRange(wokenAt, databaseNow, after);
        OutboxRecord lease = Assert.Single(await store.LeaseAsync("node-1", 10, Duration.FromMinutes(5), CancellationToken.None));
        Assert.InRange(lease.LeaseUntil!.Value, wokenAt + Duration.FromMinutes(5), await store.GetCurrentInstantAsync(CancellationToken.None) + Duration.FromMinutes(5));
        Assert.Equal(1, (await store.FindAsync("ahead", CancellationToken.None))!.Version);

        // The same rows read by a node whose clock is an hour and a minute ahead: with a test clock the store uses it
        // (which is why production leaves Clock null), and the row due by the database's clock in an hour is claimed.
        await using var skewed = new PostgreSqlInteractionStore(new PostgreSqlStoreOptions
        {
            ConnectionString = options.ConnectionString,
            Schema = options.Schema,
            Clock = new FakeClock(databaseNow + Duration.FromMinutes(61)),
        });
        Assert.Equal(["ahead"], (await skewed.UpdateDueAsync(10, Changes.Woken, CancellationToken.None)).Select(r => r.Id));
    }
}
