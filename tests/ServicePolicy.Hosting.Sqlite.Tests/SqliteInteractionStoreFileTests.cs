// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Sqlite.Tests;

/// <summary>The file: created and migrated on first use, kept across instances, refused when newer.</summary>
public sealed class SqliteInteractionStoreFileTests : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly FakeClock clock = new(T0);
    private readonly TempDatabase database = new();

    private static CancellationToken None => CancellationToken.None;

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task InitializeAsync_FileInMissingDirectory_CreatesAndMigratesIt()
    {
        string path = Path.Combine(database.Directory, "a", "b", "helpdesk.db");
        await using (var store = new SqliteInteractionStore(new SqliteStoreOptions { DataSource = path, Clock = clock }))
        {
            await store.InitializeAsync(None);
            Assert.Equal(path, store.DatabasePath);
        }
        SqliteConnection.ClearAllPools();

        Assert.True(File.Exists(path));
        using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
        raw.Open();
        Assert.Equal(1, SqliteInteractionStore.SchemaVersion);
        Assert.Equal(1L, TempDatabase.Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal("wal", TempDatabase.Scalar(raw, "PRAGMA journal_mode;"));
        Assert.Equal(
            "interactions,ix_interactions_deadline,ix_interactions_next_change,ix_interactions_state_deadline,ix_outbox_pending,ix_outbox_state_key,outbox",
            TempDatabase.Scalar(raw, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name);"));
    }

    [Fact]
    public async Task InitializeAsync_SeveralStoresAtOnceAndAgain_MigratesOnce()
    {
        SqliteInteractionStore[] stores = Enumerable.Range(0, 4).Select(_ => new SqliteInteractionStore(database.Options(clock))).ToArray();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(None))));
            await stores[0].InitializeAsync(None);
            await stores[0].UpdateAsync(["a"], (id, current, now) => new InteractionChange("t", Summary(now), null, []), None);
            Assert.Equal(1, (await stores[3].FindAsync("a", None))!.Version);
        }
        finally
        {
            foreach (SqliteInteractionStore store in stores)
            {
                store.Dispose();
            }
        }
        using SqliteConnection raw = database.OpenRaw();
        Assert.Equal(1L, TempDatabase.Scalar(raw, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task FirstOperation_WithoutInitializeAsync_InitializesTheFile()
    {
        await using var store = new SqliteInteractionStore(database.Options(clock));
        Assert.Null(await store.FindAsync("a", None));
        Assert.True(File.Exists(database.Path));
        Assert.Empty(await store.LeaseAsync("node", 10, Duration.FromMinutes(1), None));
    }

    [Fact]
    public async Task NewStoreOnTheSameFile_SeesRecordsAndOutbox()
    {
        Instant deadline = T0 + Duration.FromHours(4) + Duration.FromNanoseconds(7);
        await using (var first = new SqliteInteractionStore(database.Options(clock)))
        {
            await first.UpdateAsync(["a", "b"], (id, current, now) => new InteractionChange($"timeline {id}",
                new InteractionSummary(QueueState.Breached, deadline, "team:billing", "standard@2", now), deadline,
                [new OutboxEntry($"key-{id}", id, OutboxKind.Remedy, deadline, $"payload {id}")]), None);
            await first.LeaseAsync("node-1", 1, Duration.FromMinutes(5), None);
            Assert.True(await first.DeadLetterAsync("key-a", "node-1", "gave up", None));
        }
        SqliteConnection.ClearAllPools();

        await using var second = new SqliteInteractionStore(database.Options(clock));
        InteractionRecord b = (await second.FindAsync("b", None))!;
        Assert.Equal(("b", 1L, "timeline b", (Instant?)deadline), (b.Id, b.Version, b.Timeline, b.NextChangeAt));
        Assert.Equal((QueueState.Breached, (Instant?)deadline, "team:billing", "standard@2", T0), (b.Summary.State, b.Summary.Deadline, b.Summary.Owner, b.Summary.Policy, b.Summary.EvaluatedAt));
        OutboxRecord dead = (await second.FindOutboxAsync("key-a", None))!;
        Assert.Equal((OutboxState.DeadLettered, 1, "node-1", "gave up", "payload a", OutboxKind.Remedy), (dead.State, dead.Leases, dead.LeasedBy, dead.LastError, dead.Entry.Payload, dead.Entry.Kind));
        Assert.Equal(["key-b"], (await second.ListOutboxAsync(OutboxState.Pending, 10, null, None)).Select(r => r.Entry.Key));
        Assert.Equal(["a", "b"], (await second.QueryAsync(QueueQuery.InState(QueueState.Breached), None)).Items.Select(r => r.Id));
        await second.UpdateAsync(["a"], (id, current, now) => new InteractionChange(current!.Timeline, current.Summary, null, []), None);
        Assert.Equal(2, (await second.FindAsync("a", None))!.Version);
    }

    [Fact]
    public async Task InitializeAsync_NewerSchema_IsRefusedAndTheFileLeftUnchanged()
    {
        await using (var store = new SqliteInteractionStore(database.Options(clock)))
        {
            await store.InitializeAsync(None);
        }
        SqliteConnection.ClearAllPools();
        using (SqliteConnection raw = database.OpenRaw())
        {
            TempDatabase.Scalar(raw, "PRAGMA user_version = 7;");
        }
        byte[] before = File.ReadAllBytes(database.Path);

        await using (var store = new SqliteInteractionStore(database.Options(clock)))
        {
            var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync(None));
            Assert.Equal((7, 1), (error.DatabaseVersion, error.SupportedVersion));
            Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
            Assert.Contains("versions up to 1", error.Message, StringComparison.Ordinal);
            Assert.Contains(database.Path, error.Message, StringComparison.Ordinal);
            Assert.Contains("Upgrade the package, or use another file; this one was not changed.", error.Message, StringComparison.Ordinal);
            // Every operation refuses the file the same way: none runs on a schema it does not know.
            await Assert.ThrowsAsync<StoreSchemaException>(() => store.UpdateAsync(["a"], (id, c, now) => new InteractionChange("t", Summary(now), null, []), None));
        }
        SqliteConnection.ClearAllPools();

        Assert.Equal(before, File.ReadAllBytes(database.Path));
    }

    [Fact]
    public async Task InitializeAsync_NewerSchemaInRollbackMode_IsNotSwitchedToWal()
    {
        Directory.CreateDirectory(database.Directory);
        using (SqliteConnection raw = database.OpenRaw())
        {
            TempDatabase.Scalar(raw, "PRAGMA user_version = 7;");
        }

        await using (var store = new SqliteInteractionStore(database.Options(clock)))
        {
            await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync(None));
        }
        SqliteConnection.ClearAllPools();

        using SqliteConnection check = database.OpenRaw();
        Assert.Equal("delete", TempDatabase.Scalar(check, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task UpdateDueAsync_CancelledMidBatch_RollsBackEverything()
    {
        await using var store = new SqliteInteractionStore(database.Options(clock));
        await store.UpdateAsync(["a", "b"], (id, current, now) => new InteractionChange("t", Summary(now), now, []), None);
        using var cancel = new CancellationTokenSource();
        InteractionUpdater updater = (id, current, now) =>
        {
            cancel.Cancel();
            return new InteractionChange("t2", Summary(now), null, [new OutboxEntry("key-" + id, id, OutboxKind.Escalation, now, "{}")]);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpdateDueAsync(10, updater, cancel.Token));

        Assert.Equal((1L, "t"), ((await store.FindAsync("a", None))!.Version, (await store.FindAsync("a", None))!.Timeline));
        Assert.Null(await store.FindOutboxAsync("key-a", None));
    }

    [Fact]
    public async Task AReadWithACancelledToken_IsCancelled()
    {
        await using var store = new SqliteInteractionStore(database.Options(clock));
        await store.InitializeAsync(None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindAsync("a", new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task InitializeAsync_MigrationFails_ReportsTheVersionsAndChangesNothing()
    {
        Directory.CreateDirectory(database.Directory);
        using (SqliteConnection raw = database.OpenRaw())
        {
            // A table of the same name but another shape: the migration's index on it cannot be made.
            TempDatabase.Scalar(raw, "CREATE TABLE interactions (something TEXT);");
        }

        await using (var store = new SqliteInteractionStore(database.Options(clock)))
        {
            var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync(None));
            Assert.Equal((0, 1), (error.DatabaseVersion, error.SupportedVersion));
            Assert.Contains("from schema version 0 to 1 failed", error.Message, StringComparison.Ordinal);
            Assert.IsType<SqliteException>(error.InnerException);
        }
        SqliteConnection.ClearAllPools();

        using SqliteConnection check = database.OpenRaw();
        Assert.Equal(0L, TempDatabase.Scalar(check, "PRAGMA user_version;"));
        Assert.Equal(0L, TempDatabase.Scalar(check, "SELECT count(*) FROM sqlite_master WHERE name = 'outbox';"));
    }

    [Fact]
    public async Task UpdateAsync_CancelledMidTransaction_RollsBackEverything()
    {
        await using var store = new SqliteInteractionStore(database.Options(clock));
        using var cancel = new CancellationTokenSource();
        InteractionUpdater updater = (id, current, now) =>
        {
            cancel.Cancel();
            return new InteractionChange("t", Summary(now), null, [new OutboxEntry("key-" + id, id, OutboxKind.Escalation, now, "{}")]);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpdateAsync(["a", "b"], updater, cancel.Token));

        Assert.Null(await store.FindAsync("a", None));
        Assert.Null(await store.FindOutboxAsync("key-a", None));
        Assert.Single(await store.UpdateAsync(["a"], (id, current, now) => new InteractionChange("t", Summary(now), null, []), None));
    }

    [Fact]
    public async Task Operations_AfterDispose_Throw()
    {
        var store = new SqliteInteractionStore(database.Options(clock));
        await store.InitializeAsync(None);
        await store.DisposeAsync();
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.InitializeAsync(None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindAsync("a", None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpdateAsync(["a"], (id, c, now) => null, None));
    }

    [Fact]
    public async Task Dispose_ReleasesThePooledConnections_SoTheWalIsFoldedBackIntoTheFile()
    {
        var store = new SqliteInteractionStore(database.Options(clock));
        await store.UpdateAsync(["a"], (id, current, now) => new InteractionChange("t", Summary(now), null, []), None);
        Assert.True(File.Exists(database.Path + "-wal"));

        await store.DisposeAsync();

        Assert.False(File.Exists(database.Path + "-wal"));
    }

    [Fact]
    public async Task Queries_ReadFromIndexes_NotScansOrSorts()
    {
        await using (var store = new SqliteInteractionStore(database.Options(clock)))
        {
            await store.InitializeAsync(None);
        }
        using SqliteConnection raw = database.OpenRaw();
        string[] statements =
        [
            SqliteInteractionStore.InStateWithDeadlineSql, SqliteInteractionStore.InStateWithDeadlineAfterSql,
            SqliteInteractionStore.InStateWithoutDeadlineSql, SqliteInteractionStore.InStateWithoutDeadlineAfterSql,
            SqliteInteractionStore.DueBeforeSql, SqliteInteractionStore.DueBeforeAfterSql,
            SqliteInteractionStore.DueSql, SqliteInteractionStore.LeaseSql,
        ];
        foreach (string sql in statements)
        {
            using SqliteCommand command = raw.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (string name in new[] { "$state", "$after_deadline", "$after_id", "$last", "$now", "$limit" })
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                {
                    command.Parameters.AddWithValue(name, 1);
                }
            }
            var plan = new List<string>();
            using (SqliteDataReader rows = command.ExecuteReader())
            {
                while (rows.Read())
                {
                    plan.Add(rows.GetString(3));
                }
            }
            string text = string.Join(" | ", plan);
            Assert.True(plan.Count == 1 && plan[0].Contains(" USING INDEX ix_", StringComparison.Ordinal), $"{sql}\n-> {text}");
        }
    }

    private static InteractionSummary Summary(Instant now) => new(QueueState.OnTrack, null, "person:ann", "standard@1", now);
}
