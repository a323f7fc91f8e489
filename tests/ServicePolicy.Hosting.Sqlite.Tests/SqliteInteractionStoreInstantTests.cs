// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Sqlite.Tests;

/// <summary>Instants are stored as 64-bit nanoseconds since 1970: exact at both ends of that range, refused beyond.</summary>
public sealed class SqliteInteractionStoreInstantTests : IAsyncLifetime
{
    private static readonly Instant Earliest = Instant.FromUtc(1677, 9, 21, 0, 12, 43) + Duration.FromNanoseconds(145_224_192);
    private static readonly Instant Latest = Instant.FromUtc(2262, 4, 11, 23, 47, 16) + Duration.FromNanoseconds(854_775_807);
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly FakeClock clock = new(T0);
    private readonly TempDatabase database = new();
    private SqliteInteractionStore store = null!;

    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync()
    {
        store = new SqliteInteractionStore(database.Options(clock));
        return store.InitializeAsync(None);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task Instants_AtTheEndsOfTheRange_RoundTripExactly()
    {
        await store.UpdateAsync(["early", "late"], (id, current, now) =>
        {
            Instant at = id == "early" ? Earliest : Latest;
            return new InteractionChange("t", new InteractionSummary(QueueState.Breached, at, "person:ann", null, at), at,
                [new OutboxEntry("key-" + id, id, OutboxKind.Escalation, at, "{}")]);
        }, None);

        foreach ((string id, Instant at) in new[] { ("early", Earliest), ("late", Latest) })
        {
            InteractionRecord record = (await store.FindAsync(id, None))!;
            Assert.Equal((at, (Instant?)at, (Instant?)at), (record.Summary.EvaluatedAt, record.Summary.Deadline, record.NextChangeAt));
            Assert.Equal(at, (await store.FindOutboxAsync("key-" + id, None))!.Entry.DueAt);
        }
        Assert.Equal(["early", "late"], (await store.QueryAsync(QueueQuery.DueBefore(Instant.MaxValue), None)).Items.Select(r => r.Id));
        Assert.Equal(["early"], (await store.QueryAsync(QueueQuery.DueBefore(Latest), None)).Items.Select(r => r.Id));
        Assert.Empty((await store.QueryAsync(QueueQuery.DueBefore(Earliest), None)).Items);
        Assert.Empty((await store.QueryAsync(QueueQuery.DueBefore(Instant.MinValue), None)).Items);
        var woken = new List<string>();
        Assert.Empty(await store.UpdateDueAsync(10, (id, current, now) => { woken.Add(id); return null; }, None));
        Assert.Equal(["early"], woken);
    }

    [Theory]
    [InlineData("NextChangeAt", 1)]
    [InlineData("Summary.Deadline", -1)]
    [InlineData("DueAt", 1)]
    [InlineData("Summary.EvaluatedAt", 1)]
    public async Task AnInstantBeyondTheRange_IsRefused_AndTheTransactionRolledBack(string field, int side)
    {
        Instant beyond = side > 0 ? Latest + Duration.Epsilon : Earliest - Duration.Epsilon;
        InteractionUpdater updater = (id, current, now) => id == "fine"
            ? new InteractionChange("t", Summary(null, now), null, [])
            : new InteractionChange("t", Summary(field == "Summary.Deadline" ? beyond : null, field == "Summary.EvaluatedAt" ? beyond : now), field == "NextChangeAt" ? beyond : null,
                field == "DueAt" ? [new OutboxEntry("k", id, OutboxKind.Remedy, beyond, "{}")] : []);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.UpdateAsync(["fine", "odd"], updater, None));

        Assert.Equal("updater", error.ParamName);
        Assert.Contains($"the {field} of", error.Message, StringComparison.Ordinal);
        Assert.Contains(field == "DueAt" ? "outbox entry 'k'" : "interaction 'odd'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"from {Earliest} to {Latest}", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("fine", None));
        Assert.Null(await store.FindOutboxAsync("k", None));
    }

    [Fact]
    public async Task ALeaseEndingBeyondTheRange_IsRefused()
    {
        await store.UpdateAsync(["a"], (id, current, now) => new InteractionChange("t", Summary(null, now), null, [new OutboxEntry("k", id, OutboxKind.Remedy, now, "{}")]), None);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LeaseAsync("node", 1, Duration.FromDays(365 * 300), None));

        Assert.Equal("lease", error.ParamName);
        Assert.Contains("the end of the lease is", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await store.FindOutboxAsync("k", None))!.Leases);
    }

    [Fact]
    public async Task AClockBeyondTheRange_IsReportedAsTheStoresClock()
    {
        await using var late = new SqliteInteractionStore(new SqliteStoreOptions { DataSource = store.DatabasePath, Clock = new FakeClock(Latest + Duration.Epsilon) });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => late.UpdateDueAsync(1, (id, current, now) => null, None));

        Assert.StartsWith($"The store's clock reads {Latest + Duration.Epsilon}, outside the instants the SQLite store keeps", error.Message, StringComparison.Ordinal);
        Assert.Equal($"SQLite store {store.DatabasePath}", late.ToString());
    }

    private static InteractionSummary Summary(Instant? deadline, Instant now) => new(QueueState.OnTrack, deadline, "person:ann", "standard@1", now);
}
