// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Net.Sockets;
using NodaTime;
using Npgsql;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class ConnectionFailureTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task An_unreachable_database_at_start_is_named_by_host_and_port_without_the_password()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port; // Free again once the listener stops: nothing listens there.
        }
        await using var store = new PostgreSqlInteractionStore(new PostgreSqlStoreOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=desk;Username=desk;Password=s3cret-Pa55;Timeout=5",
        });

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains($"host 127.0.0.1, port {port}, database desk, user desk", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServicePolicy:Hosting:PostgreSql:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Pa55", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_named_without_database_or_user_is_described_with_their_defaults()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var store = new PostgreSqlInteractionStore(new PostgreSqlStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Timeout=5" });

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.GetCurrentInstantAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot connect to PostgreSQL (host 127.0.0.1, port {port}, database (default), user (default); from ServicePolicy:Hosting:PostgreSql:ConnectionString): ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [SkippableFact]
    public async Task A_connection_killed_between_calls_is_replaced_and_the_next_call_succeeds()
    {
        (PostgreSqlInteractionStore store, string application) = await NewNodeAsync();
        await using (store)
        {
            await store.UpdateAsync(["a"], Changes.WakeAt(null, "k1"), CancellationToken.None);
            Assert.True(await TerminateAsync(application) > 0);

            await store.UpdateAsync(["a"], Changes.WakeAt(null, "k2"), CancellationToken.None);

            Assert.Equal(2, (await store.FindAsync("a", CancellationToken.None))!.Version);
            Assert.Equal(["k1", "k2"], (await store.ListOutboxAsync(OutboxState.Pending, 10, null, CancellationToken.None)).Select(r => r.Entry.Key));
        }
    }

    [SkippableFact]
    public async Task A_connection_killed_inside_a_transaction_leaves_nothing_half_written_and_the_transaction_is_retried()
    {
        (PostgreSqlInteractionStore store, string application) = await NewNodeAsync();
        await using (store)
        {
            await store.UpdateAsync(["a"], Changes.WakeAt(null), CancellationToken.None);
            int calls = 0;
            InteractionUpdater killOnce = (id, current, now) =>
            {
                // The first attempt loses its connection while it holds the locks, between reading and writing.
                if (Interlocked.Increment(ref calls) == 1)
                {
                    Assert.True(TerminateAsync(application).GetAwaiter().GetResult() > 0);
                }
                return Changes.WakeAt(null, "k-" + id)(id, current, now);
            };

            IReadOnlyList<InteractionRecord> written = await store.UpdateAsync(["a", "b"], killOnce, CancellationToken.None);

            Assert.Equal(4, calls); // a and b on the killed connection (the write fails), then both again on a new one
            Assert.Equal([("a", 2L), ("b", 1L)], written.Select(r => (r.Id, r.Version)));
            Assert.Equal(2, (await store.FindAsync("a", CancellationToken.None))!.Version);
            Assert.Equal(1, (await store.FindAsync("b", CancellationToken.None))!.Version);
            Assert.Equal(["k-a", "k-b"], (await store.ListOutboxAsync(OutboxState.Pending, 10, null, CancellationToken.None)).Select(r => r.Entry.Key));
        }
    }

    [SkippableFact]
    public async Task A_lease_whose_connection_was_killed_is_taken_again_on_a_new_one()
    {
        (PostgreSqlInteractionStore store, string application) = await NewNodeAsync();
        await using (store)
        {
            await store.UpdateAsync(["a"], Changes.WakeAt(null, "k1", "k2"), CancellationToken.None);
            Assert.True(await TerminateAsync(application) > 0);

            IReadOnlyList<OutboxRecord> leased = await store.LeaseAsync("node-1", 10, Duration.FromMinutes(1), CancellationToken.None);

            Assert.Equal([("k1", 1), ("k2", 1)], leased.Select(r => (r.Entry.Key, r.Leases)));
            Assert.True(await store.MarkSentAsync("k1", "node-1", CancellationToken.None));
        }
    }

    private async Task<(PostgreSqlInteractionStore Store, string Application)> NewNodeAsync()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        string application = "node-" + Guid.NewGuid().ToString("N")[..12];
        options.ConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { ApplicationName = application }.ConnectionString;
        var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        return (store, application);
    }

    /// <summary>Kills every backend of one node, as a restarted server or a cut connection would.</summary>
    private async Task<int> TerminateAsync(string application)
    {
        await using NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync();
        await using var kill = new NpgsqlCommand("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", admin)
        {
            Parameters = { new NpgsqlParameter { Value = application } },
        };
        return (int)(long)(await kill.ExecuteScalarAsync())!;
    }
}
