// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Tests.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>The store contract, on PostgreSQL: each test in a new schema, the contract's clock as the store's.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlInteractionStoreTests(PostgreSqlFixture fixture) : StoreContractTests
{
    protected override async Task<IStoreUnderTest> CreateStoreAsync()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions(Clock);
        var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        return new Under(store, fixture, options.Schema);
    }

    private sealed class Under(PostgreSqlInteractionStore store, PostgreSqlFixture fixture, string schema) : IStoreUnderTest
    {
        public IInteractionStore Interactions => store;

        public IOutboxStore Outbox => store;

        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync();
            await using NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
