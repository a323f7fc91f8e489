// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>Instants are stored as <c>bigint</c> nanoseconds since 1970: exact at both ends of that range, refused
/// beyond it by name.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class InstantRangeTests(PostgreSqlFixture fixture)
{
    private static readonly Instant Earliest = Instant.FromUtc(1677, 9, 21, 0, 12, 43) + Duration.FromNanoseconds(145_224_192);
    private static readonly Instant Latest = Instant.FromUtc(2262, 4, 11, 23, 47, 16) + Duration.FromNanoseconds(854_775_807);
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 9, 9, 0);

    [SkippableFact]
    public async Task Instants_at_the_ends_of_the_range_round_trip_and_due_before_reads_them_by_their_bounds()
    {
        await using PostgreSqlInteractionStore store = await NewStoreAsync(new FakeClock(T0));
        await store.UpdateAsync(["early", "late"], (id, current, now) =>
        {
            Instant at = id == "early" ? Earliest : Latest;
            return new InteractionChange("t", new InteractionSummary(QueueState.Breached, at, "person:ann", null, at), at,
                [new OutboxEntry("key-" + id, id, OutboxKind.Escalation, at, "{}")]);
        }, CancellationToken.None);

        foreach ((string id, Instant at) in new[] { ("early", Earliest), ("late", Latest) })
        {
            InteractionRecord record = (await store.FindAsync(id, CancellationToken.None))!;
            Assert.Equal((at, (Instant?)at, (Instant?)at), (record.Summary.EvaluatedAt, record.Summary.Deadline, record.NextChangeAt));
            Assert.Equal(at, (await store.FindOutboxAsync("key-" + id, CancellationToken.None))!.Entry.DueAt);
        }
        Assert.Equal(["early", "late"], await DueBeforeAsync(store, Instant.MaxValue));
        Assert.Equal(["early", "late"], await DueBeforeAsync(store, Latest + Duration.Epsilon));
        Assert.Equal(["early"], await DueBeforeAsync(store, Latest));
        Assert.Equal(["early"], await DueBeforeAsync(store, Earliest + Duration.Epsilon));
        Assert.Empty(await DueBeforeAsync(store, Earliest));
        Assert.Empty(await DueBeforeAsync(store, Instant.MinValue));
    }

    [SkippableTheory]
    [InlineData("a summary's deadline", 1)]
    [InlineData("a summary's deadline", -1)]
    [InlineData("a summary's evaluation instant", 1)]
    [InlineData("a change's next wake-up", -1)]
    [InlineData("an outbox entry's due instant", 1)]
    public async Task An_instant_beyond_the_range_is_refused_by_name_and_nothing_is_written(string what, int side)
    {
        await using PostgreSqlInteractionStore store = await NewStoreAsync(new FakeClock(T0));
        Instant beyond = side > 0 ? Latest + Duration.Epsilon : Earliest - Duration.Epsilon;
        InteractionUpdater updater = (id, current, now) => id == "fine"
            ? Changes.WakeAt(null, "k-fine")(id, current, now)
            : new InteractionChange("t",
                new InteractionSummary(QueueState.OnTrack, what == "a summary's deadline" ? beyond : null, "person:ann", null, what == "a summary's evaluation instant" ? beyond : now),
                what == "a change's next wake-up" ? beyond : null,
                what == "an outbox entry's due instant" ? [new OutboxEntry("k", id, OutboxKind.Remedy, beyond, "{}")] : []);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.UpdateAsync(["fine", "odd"], updater, CancellationToken.None));

        Assert.Equal(what, error.ParamName);
        Assert.Contains($"from {Earliest} to {Latest}; {what} {beyond} is outside", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("fine", CancellationToken.None));
        Assert.Null(await store.FindOutboxAsync("k-fine", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_cursor_whose_deadline_is_beyond_the_range_is_refused_by_name()
    {
        await using PostgreSqlInteractionStore store = await NewStoreAsync(new FakeClock(T0));
        QueueQuery query = QueueQuery.InState(QueueState.OnTrack).ContinueAfter(new QueueCursor(Latest + Duration.Epsilon, "a"));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAsync(query, CancellationToken.None));

        Assert.Equal("the cursor's deadline", error.ParamName);
    }

    [SkippableFact]
    public async Task A_test_clock_beyond_the_range_is_refused_by_name()
    {
        await using PostgreSqlInteractionStore store = await NewStoreAsync(new FakeClock(Latest + Duration.Epsilon));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.UpdateDueAsync(1, Changes.Woken, CancellationToken.None));

        Assert.Equal("the test clock's instant", error.ParamName);
    }

    private async Task<PostgreSqlInteractionStore> NewStoreAsync(IClock clock)
    {
        var store = new PostgreSqlInteractionStore(fixture.NewOptions(clock));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static async Task<IEnumerable<string>> DueBeforeAsync(PostgreSqlInteractionStore store, Instant before) =>
        (await store.QueryAsync(QueueQuery.DueBefore(before), CancellationToken.None)).Items.Select(r => r.Id);
}
