// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Storage;

public sealed class InMemoryInteractionStoreTests : StoreContractTests
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => Task.FromResult<IStoreUnderTest>(new Under(new InMemoryInteractionStore(Clock)));

    private static InteractionUpdater Write(Instant? nextChangeAt, params OutboxEntry[] outbox) =>
        (id, current, now) => new InteractionChange("{}", Summary(QueueState.OnTrack, null, now), nextChangeAt, outbox);

    [Fact]
    public async Task Bad_arguments_are_refused_naming_the_argument_and_the_problem()
    {
        var store = new InMemoryInteractionStore(Clock);
        CancellationToken none = CancellationToken.None;

        Assert.Equal("interactionId", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.FindAsync(null!, none))).ParamName);
        Assert.Equal("interactionIds", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.UpdateAsync(null!, Write(null), none))).ParamName);
        ArgumentException nullId = await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(["a", null!], Write(null), none));
        Assert.Equal("interactionIds", nullId.ParamName);
        Assert.StartsWith("An interaction id is null.", nullId.Message, StringComparison.Ordinal);
        ArgumentException repeated = await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(["a", "a"], Write(null), none));
        Assert.StartsWith("Each interaction may appear once in a transaction.", repeated.Message, StringComparison.Ordinal);
        Assert.Equal("updater", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.UpdateDueAsync(1, null!, none))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.QueryAsync(null!, none))).ParamName);
        ArgumentOutOfRangeException lease = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LeaseAsync("n", 1, -Duration.FromSeconds(1), none));
        Assert.Contains("A lease must be positive; -0:00:00:01 is not.", lease.Message, StringComparison.Ordinal);
        Assert.Equal("claimant", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.MarkSentAsync("k", null!, none))).ParamName);
        Assert.Equal("error", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.DeadLetterAsync("k", "n", null!, none))).ParamName);
        Assert.Equal("maxCount", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListOutboxAsync(OutboxState.Pending, 0, null, none))).ParamName);
        Assert.Empty(await store.ListOutboxAsync(OutboxState.Pending, 1, null, none));
    }

    [Fact]
    public async Task A_cancelled_write_timer_batch_or_lease_changes_nothing()
    {
        var store = new InMemoryInteractionStore(Clock);
        await store.UpdateAsync(["a"], Write(T0, new OutboxEntry("k", "a", OutboxKind.Escalation, T0, "{}")), CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpdateAsync(["a", "b"], Write(null), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpdateDueAsync(10, Write(null), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.LeaseAsync("n", 10, Duration.FromMinutes(1), cancelled.Token));

        InteractionRecord a = (await store.FindAsync("a", CancellationToken.None))!;
        Assert.Equal((1L, (Instant?)T0), (a.Version, a.NextChangeAt));
        Assert.Null(await store.FindAsync("b", CancellationToken.None));
        Assert.Equal(0, (await store.FindOutboxAsync("k", CancellationToken.None))!.Leases);
    }

    private sealed class Under(InMemoryInteractionStore store) : IStoreUnderTest
    {
        public IInteractionStore Interactions => store;

        public IOutboxStore Outbox => store;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
