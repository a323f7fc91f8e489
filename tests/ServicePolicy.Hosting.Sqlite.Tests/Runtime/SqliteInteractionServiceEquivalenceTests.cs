// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Tests.Runtime;

namespace ServicePolicy.Hosting.Sqlite.Tests.Runtime;

/// <summary>The runtime's equivalence property over SQLite: each random timeline in a fresh database file.</summary>
public sealed class SqliteInteractionServiceEquivalenceTests : InteractionServiceEquivalenceTests
{
    protected override int MaxTest => 60;

    protected override async Task<IRuntimeStore> CreateStoreAsync(IClock clock)
    {
        var database = new TempDatabase();
        var store = new SqliteInteractionStore(database.Options(clock));
        await store.InitializeAsync(CancellationToken.None);
        return new Under(store, database);
    }

    private sealed class Under(SqliteInteractionStore store, TempDatabase database) : IRuntimeStore
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
