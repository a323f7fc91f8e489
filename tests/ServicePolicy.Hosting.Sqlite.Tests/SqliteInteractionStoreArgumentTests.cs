// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Sqlite.Tests;

/// <summary>Every bad argument is refused with its name, before the file is touched.</summary>
public sealed class SqliteInteractionStoreArgumentTests : IAsyncLifetime
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly InteractionUpdater Nothing = (id, current, now) => null;
    private readonly TempDatabase database = new();
    private SqliteInteractionStore store = null!;

    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync()
    {
        store = new SqliteInteractionStore(database.Options(new FakeClock(Instant.FromUtc(2026, 3, 9, 9, 0))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        database.Dispose();
    }

    public static TheoryData<string, Func<SqliteInteractionStore, Task>> NullArguments => new()
    {
        { "interactionId", s => s.FindAsync(null!, None) },
        { "interactionIds", s => s.UpdateAsync(null!, Nothing, None) },
        { "updater", s => s.UpdateDueAsync(1, null!, None) },
        { "key", s => s.MarkSentAsync(null!, "n", None) },
        { "claimant", s => s.MarkSentAsync("k", null!, None) },
        { "key", s => s.ReleaseAsync(null!, "n", null, None) },
        { "claimant", s => s.ReleaseAsync("k", null!, null, None) },
        { "key", s => s.DeadLetterAsync(null!, "n", "e", None) },
        { "claimant", s => s.DeadLetterAsync("k", null!, "e", None) },
        { "error", s => s.DeadLetterAsync("k", "n", null!, None) },
        { "key", s => s.FindOutboxAsync(null!, None) },
        { "key", s => s.RetryDeadLetterAsync(null!, None) },
        { "query", s => s.QueryAsync(null!, None) },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public async Task NullArgument_IsRefusedWithItsName_BeforeTheFileIsCreated(string name, Func<SqliteInteractionStore, Task> call)
    {
        Assert.Equal(name, (await Assert.ThrowsAsync<ArgumentNullException>(() => call(store))).ParamName);
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task OutOfRangeCounts_AreRefusedWithTheirNames()
    {
        Assert.Equal("maxCount", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.UpdateDueAsync(0, Nothing, None))).ParamName);
        Assert.Equal("maxCount", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListOutboxAsync(OutboxState.Pending, 0, null, None))).ParamName);
        ArgumentOutOfRangeException lease = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LeaseAsync("n", 1, -Minute, None));
        Assert.StartsWith("A lease must be positive; -0:00:01:00", lease.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACursorWithADeadlineBeyondTheStoredRange_IsRefusedAsTheQuery()
    {
        QueueQuery query = QueueQuery.InState(QueueState.Breached).ContinueAfter(new QueueCursor(Instant.MaxValue, "a"));

        ArgumentOutOfRangeException error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAsync(query, None));

        Assert.Equal("query", error.ParamName);
        Assert.Contains("the cursor's deadline is", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdNullOrRepeatedInOneTransaction_IsRefusedAndNamed()
    {
        ArgumentException missing = await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(["a", null!], Nothing, None));
        ArgumentException repeated = await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(["a", "b", "a"], Nothing, None));

        Assert.Equal(("interactionIds", "interactionIds"), (missing.ParamName, repeated.ParamName));
        Assert.StartsWith("An interaction id is null.", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith("Each interaction may appear once in a transaction; 'a' is repeated.", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoOpUpdate_AfterDispose_Throws()
    {
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpdateAsync([], Nothing, None));
    }
}
