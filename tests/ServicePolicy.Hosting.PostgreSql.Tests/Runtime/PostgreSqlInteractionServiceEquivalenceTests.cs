// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;
using NodaTime;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Tests.Runtime;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests.Runtime;

/// <summary>The runtime's equivalence property over PostgreSQL: each random timeline in a new schema.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlInteractionServiceEquivalenceTests(PostgreSqlFixture fixture) : InteractionServiceEquivalenceTests
{
    protected override int MaxTest => 40;

    protected override void BeforeProperty() => fixture.SkipIfUnavailable();

    protected override async Task<IRuntimeStore> CreateStoreAsync(IClock clock)
    {
        PostgreSqlStoreOptions options = fixture.NewOptions(clock);
        var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        return new Under(store, fixture, options.Schema);
    }

    private sealed class Under(PostgreSqlInteractionStore store, PostgreSqlFixture fixture, string schema) : IRuntimeStore
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
