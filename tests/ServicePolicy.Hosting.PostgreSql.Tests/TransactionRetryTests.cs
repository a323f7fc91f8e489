// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>
/// Which failures the store retries on a new transaction: the faults are planted with triggers on the store's own
/// tables, each firing on the first write only (a sequence counts the writes: it is not rolled back with them).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TransactionRetryTests(PostgreSqlFixture fixture)
{
    [SkippableTheory]
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    public async Task A_transaction_rolled_back_by_a_serialization_failure_or_deadlock_is_retried_from_the_start(string sqlState)
    {
        (PostgreSqlInteractionStore store, string schema) = await NewStoreAsync();
        await using (store)
        {
            await PlantAsync(schema, "BEFORE INSERT", $"RAISE EXCEPTION 'planted' USING ERRCODE = '{sqlState}';");
            int calls = 0;

            IReadOnlyList<InteractionRecord> written = await store.UpdateAsync(["a"], Counting(() => calls++), CancellationToken.None);

            Assert.Equal(2, calls);
            Assert.Equal(("a", 1L), (written.Single().Id, written.Single().Version));
            Assert.Equal(["k-a"], (await store.ListOutboxAsync(OutboxState.Pending, 10, null, CancellationToken.None)).Select(r => r.Entry.Key));
        }
    }

    [SkippableTheory]
    [InlineData("57P01")] // admin_shutdown
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now
    public async Task A_server_going_away_before_the_commit_is_retried_from_the_start(string sqlState)
    {
        (PostgreSqlInteractionStore store, string schema) = await NewStoreAsync();
        await using (store)
        {
            await PlantAsync(schema, "BEFORE INSERT", $"RAISE EXCEPTION 'planted' USING ERRCODE = '{sqlState}';");
            int calls = 0;

            await store.UpdateAsync(["a"], Counting(() => calls++), CancellationToken.None);

            Assert.Equal(2, calls);
            Assert.Equal(1, (await store.FindAsync("a", CancellationToken.None))!.Version);
        }
    }

    [SkippableFact]
    public async Task A_serialization_failure_at_commit_is_retried_because_the_transaction_rolled_back()
    {
        (PostgreSqlInteractionStore store, string schema) = await NewStoreAsync();
        await using (store)
        {
            await PlantAsync(schema, "AFTER INSERT", "RAISE EXCEPTION 'planted' USING ERRCODE = '40001';", deferred: true);
            int calls = 0;

            await store.UpdateAsync(["a"], Counting(() => calls++), CancellationToken.None);

            Assert.Equal(2, calls);
            Assert.Equal(1, (await store.FindAsync("a", CancellationToken.None))!.Version);
        }
    }

    [SkippableFact]
    public async Task Another_database_error_is_not_retried_and_reaches_the_caller_with_nothing_written()
    {
        (PostgreSqlInteractionStore store, string schema) = await NewStoreAsync();
        await using (store)
        {
            await PlantAsync(schema, "BEFORE INSERT", "RAISE EXCEPTION 'planted check' USING ERRCODE = '23514';");
            int calls = 0;

            var error = await Assert.ThrowsAsync<PostgresException>(() => store.UpdateAsync(["a"], Counting(() => calls++), CancellationToken.None));

            Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
            Assert.Equal(1, calls);
            Assert.Null(await store.FindAsync("a", CancellationToken.None));
            Assert.Empty(await store.ListOutboxAsync(OutboxState.Pending, 10, null, CancellationToken.None));
        }
    }

    [SkippableFact]
    public async Task A_connection_lost_while_committing_is_not_retried_because_the_commit_may_have_happened()
    {
        (PostgreSqlInteractionStore store, string schema) = await NewStoreAsync();
        await using (store)
        {
            // The backend ends itself inside COMMIT (a deferred trigger), as a server crash mid-commit would look.
            await PlantAsync(schema, "AFTER INSERT", "PERFORM pg_terminate_backend(pg_backend_pid());", deferred: true);
            int calls = 0;

            var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.UpdateAsync(["a"], Counting(() => calls++), CancellationToken.None));

            Assert.Equal(1, calls);
            Assert.NotNull(error);
            // The caller decides; here the commit did not happen, and the next call works on a new connection.
            Assert.Null(await store.FindAsync("a", CancellationToken.None));
            await store.UpdateAsync(["a"], Counting(() => calls++), CancellationToken.None);
            Assert.Equal(1, (await store.FindAsync("a", CancellationToken.None))!.Version);
        }
    }

    [SkippableFact]
    public async Task A_retry_after_a_failed_commit_is_retried_again_when_it_loses_its_connection_before_committing()
    {
        (PostgreSqlInteractionStore store, string schema) = await NewStoreAsync();
        await using (store)
        {
            // Attempt 1 fails at COMMIT with a serialization failure (retried); attempt 2 loses its connection before it
            // commits, which is retried too: each attempt starts with no commit sent.
            await PlantAsync(schema, "AFTER INSERT", "RAISE EXCEPTION 'planted' USING ERRCODE = '40001';", deferred: true);
            await PlantAsync(schema, "BEFORE INSERT", "PERFORM pg_terminate_backend(pg_backend_pid());", onCall: 2, name: "kill");
            int calls = 0;

            await store.UpdateAsync(["a"], Counting(() => calls++), CancellationToken.None);

            Assert.Equal(3, calls);
            Assert.Equal(1, (await store.FindAsync("a", CancellationToken.None))!.Version);
        }
    }

    private static InteractionUpdater Counting(Action count) => (id, current, now) =>
    {
        count();
        return Changes.WakeAt(null, "k-" + id)(id, current, now);
    };

    private async Task<(PostgreSqlInteractionStore Store, string Schema)> NewStoreAsync()
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        return (store, options.Schema);
    }

    /// <summary>Plants a row trigger on the interactions table that runs <paramref name="body"/> on its
    /// <paramref name="onCall"/>-th firing only; a deferred one fires inside COMMIT.</summary>
    private async Task PlantAsync(string schema, string timing, string body, bool deferred = false, int onCall = 1, string name = "fault")
    {
        await using NpgsqlConnection admin = await fixture.OpenAdminConnectionAsync();
        string s = "\"" + schema + "\"";
        await using var plant = new NpgsqlCommand(
            $"""
            CREATE SEQUENCE {s}.{name}_calls;
            CREATE FUNCTION {s}.{name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('{s}.{name}_calls') = {onCall} THEN {body} END IF;
                RETURN NEW;
            END $$;
            CREATE {(deferred ? "CONSTRAINT " : "")}TRIGGER {name} {timing} ON {s}.interactions
                {(deferred ? "DEFERRABLE INITIALLY DEFERRED " : "")}FOR EACH ROW EXECUTE FUNCTION {s}.{name}();
            """, admin);
        await plant.ExecuteNonQueryAsync();
    }
}
