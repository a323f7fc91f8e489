// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Sqlite.Tests;

/// <summary>The queue's keyset pages over SQLite's stored nanoseconds, including deadlines before 1970 (negative).</summary>
public sealed class SqliteInteractionStoreQueueTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 9, 9, 0);
    private static readonly Instant Before1970 = Instant.FromUtc(1969, 12, 31, 23, 0);
    private readonly TempDatabase database = new();
    private SqliteInteractionStore store = null!;

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        store = new SqliteInteractionStore(database.Options(new FakeClock(T0)));
        await Write("old", QueueState.Breached, Before1970);
        await Write("b", QueueState.Breached, T0);
        await Write("c", QueueState.Breached, T0 + Duration.FromHours(1));
        await Write("none", QueueState.Breached, null);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task InState_FirstPage_IncludesADeadlineBefore1970()
    {
        QueuePage page = await store.QueryAsync(QueueQuery.InState(QueueState.Breached, pageSize: 1), None);

        Assert.Equal(["old"], page.Items.Select(r => r.Id));
        Assert.Equal(("old", (Instant?)Before1970), (page.Next!.InteractionId, page.Next.Deadline));
    }

    [Fact]
    public async Task DueBefore_PageByPage_ReadsEveryRowOnceInDeadlineOrder()
    {
        var ids = new List<string>();
        QueueQuery query = QueueQuery.DueBefore(T0 + Duration.FromDays(1), pageSize: 1);
        for (int i = 0; i < 10; i++)
        {
            QueuePage page = await store.QueryAsync(query, None);
            ids.AddRange(page.Items.Select(r => r.Id));
            if (page.Next is null)
            {
                break;
            }
            query = query.ContinueAfter(page.Next);
        }

        Assert.Equal(["old", "b", "c"], ids);
    }

    [Fact]
    public async Task DueBefore_AfterACursorWithoutADeadline_IsEmpty()
    {
        QueuePage page = await store.QueryAsync(QueueQuery.DueBefore(T0 + Duration.FromDays(1)).ContinueAfter(new QueueCursor(null, "a")), None);

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    private Task Write(string id, QueueState state, Instant? deadline) =>
        store.UpdateAsync([id], (_, _, now) => new InteractionChange("t", new InteractionSummary(state, deadline, "person:ann", null, now), null, []), None);
}
