// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Tests.Storage;

namespace ServicePolicy.Hosting.Sqlite.Tests;

/// <summary>The store contract, on a fresh SQLite file per test.</summary>
public sealed class SqliteInteractionStoreTests : StoreContractTests
{
    protected override async Task<IStoreUnderTest> CreateStoreAsync()
    {
        var database = new TempDatabase();
        var store = new SqliteInteractionStore(database.Options(Clock));
        await store.InitializeAsync(CancellationToken.None);
        return new Under(store, database);
    }

    private sealed class Under(SqliteInteractionStore store, TempDatabase database) : IStoreUnderTest
    {
        public IInteractionStore Interactions => store;

        public IOutboxStore Outbox => store;

        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync();
            database.Dispose();
        }
    }
}
