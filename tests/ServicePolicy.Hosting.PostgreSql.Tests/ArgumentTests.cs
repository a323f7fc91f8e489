// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Net.Sockets;
using NodaTime;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>Bad arguments are refused by name before the store connects: the store here points at a port nothing
/// listens on, so any call that reached the database would fail with an <see cref="Npgsql.NpgsqlException"/>
/// instead.</summary>
public sealed class ArgumentTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly InteractionUpdater Nothing = (id, current, now) => null;

    private PostgreSqlInteractionStore store = null!;

    public static TheoryData<string, Type, Func<PostgreSqlInteractionStore, Task>> Calls => new()
    {
        { "interactionId", typeof(ArgumentNullException), s => s.FindAsync(null!, None) },
        { "interactionIds", typeof(ArgumentNullException), s => s.UpdateAsync(null!, Nothing, None) },
        { "updater", typeof(ArgumentNullException), s => s.UpdateAsync(["a"], null!, None) },
        { "interactionIds", typeof(ArgumentException), s => s.UpdateAsync(["a", null!], Nothing, None) },
        { "interactionIds", typeof(ArgumentException), s => s.UpdateAsync(["a", "b", "a"], Nothing, None) },
        { "maxCount", typeof(ArgumentOutOfRangeException), s => s.UpdateDueAsync(0, Nothing, None) },
        { "updater", typeof(ArgumentNullException), s => s.UpdateDueAsync(1, null!, None) },
        { "query", typeof(ArgumentNullException), s => s.QueryAsync(null!, None) },
        { "claimant", typeof(ArgumentNullException), s => s.LeaseAsync(null!, 1, Duration.FromMinutes(1), None) },
        { "maxCount", typeof(ArgumentOutOfRangeException), s => s.LeaseAsync("n", 0, Duration.FromMinutes(1), None) },
        { "lease", typeof(ArgumentOutOfRangeException), s => s.LeaseAsync("n", 1, Duration.Zero, None) },
        { "lease", typeof(ArgumentOutOfRangeException), s => s.LeaseAsync("n", 1, -Duration.Epsilon, None) },
        { "key", typeof(ArgumentNullException), s => s.MarkSentAsync(null!, "n", None) },
        { "claimant", typeof(ArgumentNullException), s => s.MarkSentAsync("k", null!, None) },
        { "key", typeof(ArgumentNullException), s => s.ReleaseAsync(null!, "n", "e", None) },
        { "claimant", typeof(ArgumentNullException), s => s.ReleaseAsync("k", null!, "e", None) },
        { "key", typeof(ArgumentNullException), s => s.DeadLetterAsync(null!, "n", "e", None) },
        { "claimant", typeof(ArgumentNullException), s => s.DeadLetterAsync("k", null!, "e", None) },
        { "error", typeof(ArgumentNullException), s => s.DeadLetterAsync("k", "n", null!, None) },
        { "key", typeof(ArgumentNullException), s => s.FindOutboxAsync(null!, None) },
        { "maxCount", typeof(ArgumentOutOfRangeException), s => s.ListOutboxAsync(OutboxState.Pending, 0, null, None) },
        { "key", typeof(ArgumentNullException), s => s.RetryDeadLetterAsync(null!, None) },
    };

    public Task InitializeAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        store = new PostgreSqlInteractionStore(new PostgreSqlStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Timeout=5" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_bad_argument_is_refused_by_name_before_the_store_connects(string name, Type exception, Func<PostgreSqlInteractionStore, Task> call)
    {
        Exception error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(store));

        Assert.IsType(exception, error);
        Assert.Equal(name, ((ArgumentException)error).ParamName);
    }

    [Fact]
    public async Task A_transaction_over_no_interactions_writes_nothing_without_connecting()
    {
        Assert.Empty(await store.UpdateAsync([], (id, current, now) => throw new InvalidOperationException("not called"), None));
    }

    [Fact]
    public async Task A_due_before_query_before_the_earliest_storable_instant_is_empty_without_connecting()
    {
        QueuePage page = await store.QueryAsync(QueueQuery.DueBefore(Instant.FromUtc(1677, 1, 1, 0, 0)), None);

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Calls_after_Dispose_or_DisposeAsync_throw_ObjectDisposedException_without_connecting()
    {
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindAsync("a", None));

        var other = new PostgreSqlInteractionStore(new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Timeout=5" });
        await other.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => other.InitializeAsync(None));
    }
}
