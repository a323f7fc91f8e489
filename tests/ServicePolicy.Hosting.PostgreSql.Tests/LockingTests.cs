// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>What the store's locks cover: one schema's ids, and nothing a writer outside the store does.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class LockingTests(PostgreSqlFixture fixture)
{
    [SkippableFact]
    public async Task Stores_in_different_schemas_do_not_wait_on_each_others_ids()
    {
        PostgreSqlStoreOptions first = fixture.NewOptions();
        PostgreSqlStoreOptions second = fixture.NewOptions();
        // The second store gives up at once on a lock it would have to wait for, instead of waiting.
        second.ConnectionString = new NpgsqlConnectionStringBuilder(second.ConnectionString) { Options = "-c lock_timeout=2000" }.ConnectionString;
        await using var storeA = new PostgreSqlInteractionStore(first);
        await using var storeB = new PostgreSqlInteractionStore(second);
        await storeA.InitializeAsync(CancellationToken.None);
        await storeB.InitializeAsync(CancellationToken.None);

        // While store A holds the locks of "shared" (inside its updater), store B writes its own "shared".
        IReadOnlyList<InteractionRecord> writtenB = [];
        await storeA.UpdateAsync(["shared"], (id, current, now) =>
        {
            writtenB = storeB.UpdateAsync(["shared"], Changes.WakeAt(null), CancellationToken.None).GetAwaiter().GetResult();
            return Changes.WakeAt(null)(id, current, now);
        }, CancellationToken.None);

        Assert.Equal(("shared", 1L), (writtenB.Single().Id, writtenB.Single().Version));
        Assert.Equal(1, (await storeA.FindAsync("shared", CancellationToken.None))!.Version);
    }

    [SkippableFact]
    public async Task A_row_written_meanwhile_by_something_that_ignores_the_locks_fails_the_transaction_and_nothing_is_written()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);

        // A new id holds only the store's advisory lock: another program inserts the row without taking it.
        int calls = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync(["new"], (id, current, now) =>
        {
            if (++calls == 1)
            {
                InsertBehindTheStoresBack(options.Schema, id).GetAwaiter().GetResult();
            }
            return Changes.WakeAt(null, "k-new")(id, current, now);
        }, CancellationToken.None));

        Assert.Equal(1, calls); // not retried: the error is not a transient one
        Assert.Contains($"1 of 1 interactions changed version while this transaction held their locks", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{options.Schema}\".interactions", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, (await store.FindAsync("new", CancellationToken.None))!.Version);
        Assert.Empty(await store.ListOutboxAsync(OutboxState.Pending, 10, null, CancellationToken.None));
    }

    private async Task InsertBehindTheStoresBack(string schema, string id)
    {
        await using NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO \"{schema}\".interactions (id, version, timeline, state, owner, evaluated_at_ns) VALUES ($1, 7, 'by hand', 0, 'team:a', 0)", admin)
        {
            Parameters = { new NpgsqlParameter { Value = id } },
        };
        await insert.ExecuteNonQueryAsync();
    }
}
