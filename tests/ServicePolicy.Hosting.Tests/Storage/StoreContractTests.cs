// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Storage;

/// <summary>
/// The contract every store keeps (<see cref="IInteractionStore"/>, <see cref="IOutboxStore"/>): each store's test class
/// derives from this one and says how to make an empty store on a clock the test moves. Database stores take the clock
/// as their test override of the database's clock.
/// </summary>
public abstract class StoreContractTests
{
    protected static readonly Instant T0 = Instant.FromUtc(2026, 3, 9, 9, 0) + Duration.FromNanoseconds(123_456_789);

    protected FakeClock Clock { get; } = new(T0);

    /// <summary>Returns a new, empty, initialized store that reads time from <see cref="Clock"/>.</summary>
    protected abstract Task<IStoreUnderTest> CreateStoreAsync();

    /// <summary>A store under test: both halves, and its disposal.</summary>
    protected interface IStoreUnderTest : IAsyncDisposable
    {
        IInteractionStore Interactions { get; }

        IOutboxStore Outbox { get; }
    }

    private static CancellationToken None => CancellationToken.None;

    protected static InteractionSummary Summary(QueueState state, Instant? deadline, Instant at) =>
        new(state, deadline, "person:ann", "standard@1", at, state == QueueState.Failed ? "no longer evaluates" : null);

    protected static OutboxEntry Entry(string key, string interactionId, Instant dueAt, string payload = "{}") =>
        new(key, interactionId, OutboxKind.Escalation, dueAt, payload);

    private static InteractionUpdater Set(Instant? nextChangeAt, QueueState state = QueueState.OnTrack, Instant? deadline = null, params OutboxEntry[] outbox) =>
        (id, current, now) => new InteractionChange($"timeline of {id} v{(current?.Version ?? 0) + 1}", Summary(state, deadline, now), nextChangeAt, outbox);

    [Fact]
    public async Task A_first_write_stores_version_1_and_each_write_adds_one()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        var seen = new List<InteractionRecord?>();
        InteractionUpdater updater = (id, current, now) =>
        {
            seen.Add(current);
            return new InteractionChange($"t{(current?.Version ?? 0) + 1}", Summary(QueueState.OnTrack, null, now), T0 + Duration.FromHours(1), []);
        };

        IReadOnlyList<InteractionRecord> first = await store.Interactions.UpdateAsync(["a"], updater, None);
        IReadOnlyList<InteractionRecord> second = await store.Interactions.UpdateAsync(["a"], updater, None);

        Assert.Equal(1, Assert.Single(first).Version);
        Assert.Equal(2, Assert.Single(second).Version);
        Assert.Null(seen[0]);
        Assert.Equal("t1", seen[1]!.Timeline);
        InteractionRecord stored = (await store.Interactions.FindAsync("a", None))!;
        Assert.Equal(("a", 2L, "t2", T0 + Duration.FromHours(1)), (stored.Id, stored.Version, stored.Timeline, stored.NextChangeAt!.Value));
        Assert.Null(await store.Interactions.FindAsync("b", None));
    }

    [Fact]
    public async Task Instants_ids_and_text_round_trip_exactly()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        Instant odd = Instant.FromUtc(2031, 10, 5, 23, 59, 59) + Duration.FromNanoseconds(999_999_999);
        const string id = "tïcket \"42\" ✓";
        const string timeline = "{\"v\":1,\"facts\":[\"é\",\"\\u0000\"],\"emoji\":\"🙂\"}";
        await store.Interactions.UpdateAsync([id], (i, c, now) =>
            new InteractionChange(timeline, new InteractionSummary(QueueState.AtRisk, odd, "team:billing ✓", null, now), odd,
                [new OutboxEntry("k|é|1", id, OutboxKind.Remedy, odd, timeline)]), None);

        InteractionRecord stored = (await store.Interactions.FindAsync(id, None))!;
        Assert.Equal(timeline, stored.Timeline);
        Assert.Equal(odd, stored.NextChangeAt);
        Assert.Equal(odd, stored.Summary.Deadline);
        Assert.Equal((QueueState.AtRisk, "team:billing ✓", (string?)null, T0), (stored.Summary.State, stored.Summary.Owner, stored.Summary.Policy, stored.Summary.EvaluatedAt));
        OutboxRecord entry = (await store.Outbox.FindOutboxAsync("k|é|1", None))!;
        Assert.Equal((id, OutboxKind.Remedy, odd, timeline, OutboxState.Pending, 0, T0), (entry.Entry.InteractionId, entry.Entry.Kind, entry.Entry.DueAt, entry.Entry.Payload, entry.State, entry.Leases, entry.CreatedAt));
        Assert.Null(await store.Outbox.FindOutboxAsync("missing", None));
    }

    [Fact]
    public async Task A_summary_keeps_its_policy_and_a_later_write_replaces_it()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], (i, c, now) =>
            new InteractionChange("t1", new InteractionSummary(QueueState.OnTrack, T0, "agent:ana", "standard@3 ✓", now), null, []), None);
        Assert.Equal("standard@3 ✓", (await store.Interactions.FindAsync("a", None))!.Summary.Policy);

        await store.Interactions.UpdateAsync(["a"], (i, c, now) =>
            new InteractionChange("t2", new InteractionSummary(QueueState.Breached, T0, "agent:ana", "urgent@1", now), null, []), None);
        InteractionSummary summary = (await store.Interactions.FindAsync("a", None))!.Summary;
        Assert.Equal((QueueState.Breached, "urgent@1"), (summary.State, summary.Policy));
        QueuePage page = await store.Interactions.QueryAsync(QueueQuery.InState(QueueState.Breached, 10), None);
        Assert.Equal("urgent@1", Assert.Single(page.Items).Summary.Policy);
    }

    [Fact]
    public async Task A_failed_summary_keeps_its_message()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Failed), None);
        InteractionSummary summary = (await store.Interactions.FindAsync("a", None))!.Summary;
        Assert.Equal((QueueState.Failed, "no longer evaluates", (Instant?)null), (summary.State, summary.Failure, summary.Deadline));
    }

    [Fact]
    public async Task An_updater_that_returns_null_writes_nothing()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null), None);
        IReadOnlyList<InteractionRecord> written = await store.Interactions.UpdateAsync(["a", "b"], (id, current, now) => id == "b" ? null : Set(null)(id, current, now), None);
        Assert.Equal(["a"], written.Select(r => r.Id));
        Assert.Equal(2, (await store.Interactions.FindAsync("a", None))!.Version);
        Assert.Null(await store.Interactions.FindAsync("b", None));
    }

    [Fact]
    public async Task An_updater_that_throws_rolls_back_the_whole_transaction()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(T0), None);
        InteractionUpdater failing = (id, current, now) => id == "c"
            ? throw new InvalidOperationException("bad fact")
            : Set(T0 + Duration.FromDays(1), QueueState.OnTrack, null, Entry("key-" + id, id, now))(id, current, now);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Interactions.UpdateAsync(["a", "b", "c"], failing, None));

        Assert.Equal("bad fact", error.Message);
        InteractionRecord a = (await store.Interactions.FindAsync("a", None))!;
        Assert.Equal((1L, (Instant?)T0), (a.Version, a.NextChangeAt));
        Assert.Null(await store.Interactions.FindAsync("b", None));
        Assert.Null(await store.Outbox.FindOutboxAsync("key-a", None));
        Assert.Null(await store.Outbox.FindOutboxAsync("key-b", None));
    }

    [Fact]
    public async Task An_id_repeated_in_one_transaction_is_refused()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Interactions.UpdateAsync(["a", "b", "a"], Set(null), None));
        Assert.Equal("interactionIds", error.ParamName);
        Assert.Null(await store.Interactions.FindAsync("b", None));
    }

    [Fact]
    public async Task The_outbox_holds_each_key_once_and_keeps_the_first_payload()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, Entry("k1", "a", T0, "first")), None);
        Clock.Advance(Duration.FromMinutes(1));
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, Entry("k1", "a", T0, "second"), Entry("k2", "a", T0)), None);

        Assert.Equal("first", (await store.Outbox.FindOutboxAsync("k1", None))!.Entry.Payload);
        Assert.Equal(T0, (await store.Outbox.FindOutboxAsync("k1", None))!.CreatedAt);
        Assert.Equal(["k1", "k2"], (await store.Outbox.ListOutboxAsync(OutboxState.Pending, 10, null, None)).Select(r => r.Entry.Key));
    }

    [Fact]
    public async Task The_timer_path_claims_due_interactions_earliest_first_up_to_the_batch()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["late"], Set(T0 + Duration.FromMinutes(5)), None);
        await store.Interactions.UpdateAsync(["second"], Set(T0 - Duration.FromMinutes(1)), None);
        await store.Interactions.UpdateAsync(["first"], Set(T0 - Duration.FromMinutes(2)), None);
        await store.Interactions.UpdateAsync(["exact"], Set(T0), None);
        await store.Interactions.UpdateAsync(["never"], Set(null), None);

        var seenNow = new List<Instant>();
        InteractionUpdater wake = (id, current, now) =>
        {
            seenNow.Add(now);
            return new InteractionChange(current!.Timeline, current.Summary, null, []);
        };
        Assert.Equal(["first", "second"], (await store.Interactions.UpdateDueAsync(2, wake, None)).Select(r => r.Id));
        Assert.Equal(["exact"], (await store.Interactions.UpdateDueAsync(10, wake, None)).Select(r => r.Id));
        Assert.Empty(await store.Interactions.UpdateDueAsync(10, wake, None));
        Assert.All(seenNow, now => Assert.Equal(T0, now));

        Clock.Advance(Duration.FromMinutes(5));
        InteractionRecord late = Assert.Single(await store.Interactions.UpdateDueAsync(10, wake, None));
        Assert.Equal(("late", 2L, (Instant?)null), (late.Id, late.Version, late.NextChangeAt));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Interactions.UpdateDueAsync(0, wake, None));
    }

    [Fact]
    public async Task The_timer_path_claims_interactions_due_at_the_same_instant_in_id_order()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        foreach (string id in new[] { "c", "a", "b" })
        {
            await store.Interactions.UpdateAsync([id], Set(T0), None);
        }
        InteractionUpdater wake = (id, current, now) => new InteractionChange(current!.Timeline, current.Summary, null, []);

        Assert.Equal(["a", "b"], (await store.Interactions.UpdateDueAsync(2, wake, None)).Select(r => r.Id));
        Assert.Equal(["c"], (await store.Interactions.UpdateDueAsync(2, wake, None)).Select(r => r.Id));
    }

    [Fact]
    public async Task Concurrent_writers_to_one_interaction_take_turns()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        const int writers = 8, writesEach = 5;
        var seenVersions = new System.Collections.Concurrent.ConcurrentBag<long>();
        InteractionUpdater increment = (id, current, now) =>
        {
            long version = current?.Version ?? 0;
            seenVersions.Add(version);
            return new InteractionChange((version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Summary(QueueState.OnTrack, null, now), null, []);
        };

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < writesEach; i++)
            {
                await store.Interactions.UpdateAsync(["shared"], increment, None);
            }
        })));

        InteractionRecord stored = (await store.Interactions.FindAsync("shared", None))!;
        Assert.Equal(writers * writesEach, stored.Version);
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Timeline);
        // Every committed write saw the version before it; a retried transaction may call the updater again on the same one.
        Assert.Equal(Enumerable.Range(0, writers * writesEach).Select(v => (long)v), seenVersions.Distinct().Order());
    }

    [Fact]
    public async Task Concurrent_timer_batches_claim_each_due_interaction_once()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        string[] ids = Enumerable.Range(0, 60).Select(i => $"due-{i:D2}").ToArray();
        foreach (string id in ids)
        {
            await store.Interactions.UpdateAsync([id], Set(T0), None);
        }
        InteractionUpdater wake = (id, current, now) => new InteractionChange(current!.Timeline, current.Summary, null, []);

        IReadOnlyList<InteractionRecord>[] batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var mine = new List<InteractionRecord>();
            IReadOnlyList<InteractionRecord> batch;
            while ((batch = await store.Interactions.UpdateDueAsync(7, wake, None)).Count > 0)
            {
                mine.AddRange(batch);
            }
            return (IReadOnlyList<InteractionRecord>)mine;
        })));

        List<InteractionRecord> all = batches.SelectMany(b => b).ToList();
        Assert.Equal(ids, all.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(all, r => Assert.Equal(2, r.Version));
    }

    [Fact]
    public async Task The_queue_reads_one_state_in_deadline_order_page_by_page()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        var expected = new List<string>();
        for (int i = 0; i < 25; i++)
        {
            string id = $"b{i:D2}";
            Instant? deadline = i % 5 == 4 ? null : T0 + Duration.FromMinutes(i % 3);
            await store.Interactions.UpdateAsync([id], Set(null, QueueState.Breached, deadline), None);
        }
        await store.Interactions.UpdateAsync(["r1"], Set(null, QueueState.AtRisk, T0), None);
        expected.AddRange(Enumerable.Range(0, 25).Where(i => i % 5 != 4).OrderBy(i => i % 3).ThenBy(i => i).Select(i => $"b{i:D2}"));
        expected.AddRange(Enumerable.Range(0, 25).Where(i => i % 5 == 4).Select(i => $"b{i:D2}"));

        var read = new List<string>();
        QueueQuery query = QueueQuery.InState(QueueState.Breached, pageSize: 4);
        int pages = 0;
        while (true)
        {
            QueuePage page = await store.Interactions.QueryAsync(query, None);
            pages++;
            Assert.True(page.Items.Count <= 4);
            read.AddRange(page.Items.Select(r => r.Id));
            if (page.Next is null)
            {
                break;
            }
            query = query.ContinueAfter(page.Next);
        }

        Assert.Equal(expected, read);
        Assert.Equal(7, pages);
    }

    [Fact]
    public async Task A_page_that_holds_the_last_rows_has_no_next_cursor()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0), None);
        await store.Interactions.UpdateAsync(["b"], Set(null, QueueState.Breached, T0 + Duration.FromMinutes(1)), None);

        QueuePage full = await store.Interactions.QueryAsync(QueueQuery.InState(QueueState.Breached, pageSize: 2), None);
        QueuePage first = await store.Interactions.QueryAsync(QueueQuery.InState(QueueState.Breached, pageSize: 1), None);

        Assert.Equal(["a", "b"], full.Items.Select(r => r.Id));
        Assert.Null(full.Next);
        Assert.Equal(("a", (Instant?)T0), (first.Next!.InteractionId, first.Next.Deadline));
    }

    [Fact]
    public async Task Due_before_reads_open_interactions_only_by_deadline()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["waiting"], Set(null, QueueState.Waiting, T0 + Duration.FromMinutes(3)), None);
        await store.Interactions.UpdateAsync(["breached"], Set(null, QueueState.Breached, T0 - Duration.FromMinutes(3)), None);
        await store.Interactions.UpdateAsync(["on-track"], Set(null, QueueState.OnTrack, T0 + Duration.FromMinutes(1)), None);
        await store.Interactions.UpdateAsync(["later"], Set(null, QueueState.AtRisk, T0 + Duration.FromHours(3)), None);
        await store.Interactions.UpdateAsync(["at-limit"], Set(null, QueueState.AtRisk, T0 + Duration.FromHours(2)), None);
        await store.Interactions.UpdateAsync(["closed"], Set(null, QueueState.Closed, null), None);
        await store.Interactions.UpdateAsync(["failed"], Set(null, QueueState.Failed, null), None);

        QueuePage page = await store.Interactions.QueryAsync(QueueQuery.DueBefore(T0 + Duration.FromHours(2)), None);

        Assert.Equal(["breached", "on-track", "waiting"], page.Items.Select(r => r.Id));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task A_lease_is_held_until_it_ends_and_then_goes_to_the_next_claimant()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, Entry("late", "a", T0 + Duration.FromSeconds(1)), Entry("early", "a", T0)), None);

        IReadOnlyList<OutboxRecord> first = await store.Outbox.LeaseAsync("node-1", 10, Duration.FromMinutes(5), None);
        Assert.Equal(["early", "late"], first.Select(r => r.Entry.Key));
        Assert.All(first, r => Assert.Equal((1, "node-1", (Instant?)(T0 + Duration.FromMinutes(5))), (r.Leases, r.LeasedBy, r.LeaseUntil)));
        Assert.Empty(await store.Outbox.LeaseAsync("node-1", 10, Duration.FromMinutes(5), None));
        Assert.Empty(await store.Outbox.LeaseAsync("node-2", 10, Duration.FromMinutes(5), None));

        Clock.Advance(Duration.FromMinutes(5));
        OutboxRecord again = (await store.Outbox.LeaseAsync("node-2", 1, Duration.FromMinutes(5), None)).Single();
        Assert.Equal(("early", 2, "node-2"), (again.Entry.Key, again.Leases, again.LeasedBy));

        Assert.False(await store.Outbox.MarkSentAsync("early", "node-1", None));
        Assert.True(await store.Outbox.MarkSentAsync("early", "node-2", None));
        Assert.False(await store.Outbox.MarkSentAsync("early", "node-2", None));
        // The first claimant's lease on "late" has ended, but no one leased it since: its delivery still counts.
        Assert.True(await store.Outbox.MarkSentAsync("late", "node-1", None));

        OutboxRecord sent = (await store.Outbox.FindOutboxAsync("early", None))!;
        Assert.Equal((OutboxState.Sent, (Instant?)(T0 + Duration.FromMinutes(5))), (sent.State, sent.SentAt));
        Clock.Advance(Duration.FromHours(1));
        Assert.Empty(await store.Outbox.LeaseAsync("node-3", 10, Duration.FromMinutes(5), None));
        Assert.Equal(["early", "late"], (await store.Outbox.ListOutboxAsync(OutboxState.Sent, 10, null, None)).Select(r => r.Entry.Key));
    }

    [Fact]
    public async Task A_released_entry_can_be_leased_at_once_and_keeps_its_error()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, Entry("k", "a", T0)), None);
        await store.Outbox.LeaseAsync("node-1", 1, Duration.FromMinutes(5), None);

        Assert.False(await store.Outbox.ReleaseAsync("k", "node-2", "not mine", None));
        Assert.True(await store.Outbox.ReleaseAsync("k", "node-1", "channel down", None));
        Assert.False(await store.Outbox.ReleaseAsync("k", "node-1", "twice", None));

        OutboxRecord leased = (await store.Outbox.LeaseAsync("node-2", 1, Duration.FromMinutes(5), None)).Single();
        Assert.Equal((2, "channel down"), (leased.Leases, leased.LastError));
    }

    [Fact]
    public async Task Entries_due_at_the_same_instant_are_leased_in_key_order()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, Entry("k3", "a", T0), Entry("k1", "a", T0), Entry("k2", "a", T0)), None);

        Assert.Equal(["k1", "k2"], (await store.Outbox.LeaseAsync("node-1", 2, Duration.FromMinutes(5), None)).Select(r => r.Entry.Key));
        Assert.Equal(["k3"], (await store.Outbox.LeaseAsync("node-1", 2, Duration.FromMinutes(5), None)).Select(r => r.Entry.Key));
    }

    [Fact]
    public async Task A_release_without_an_error_keeps_the_last_error_and_a_new_error_replaces_it()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, Entry("k", "a", T0)), None);

        async Task<string?> LeaseAndReleaseAsync(string? error)
        {
            await store.Outbox.LeaseAsync("node-1", 1, Duration.FromMinutes(5), None);
            Assert.True(await store.Outbox.ReleaseAsync("k", "node-1", error, None));
            return (await store.Outbox.FindOutboxAsync("k", None))!.LastError;
        }

        Assert.Equal("channel down", await LeaseAndReleaseAsync("channel down"));
        Assert.Equal("channel down", await LeaseAndReleaseAsync(null));
        Assert.Equal("timed out", await LeaseAndReleaseAsync("timed out"));
    }

    [Fact]
    public async Task A_dead_letter_is_listed_and_can_be_retried()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, Entry("k1", "a", T0), Entry("k2", "a", T0), Entry("k3", "a", T0)), None);
        await store.Outbox.LeaseAsync("node-1", 3, Duration.FromMinutes(5), None);

        Assert.False(await store.Outbox.DeadLetterAsync("k1", "node-2", "not mine", None));
        Assert.True(await store.Outbox.DeadLetterAsync("k1", "node-1", "5 attempts failed: 503", None));
        Assert.True(await store.Outbox.DeadLetterAsync("k3", "node-1", "timed out", None));
        Assert.False(await store.Outbox.MarkSentAsync("k1", "node-1", None));

        IReadOnlyList<OutboxRecord> dead = await store.Outbox.ListOutboxAsync(OutboxState.DeadLettered, 1, null, None);
        Assert.Equal(("k1", "5 attempts failed: 503"), (dead.Single().Entry.Key, dead.Single().LastError));
        Assert.Equal(["k3"], (await store.Outbox.ListOutboxAsync(OutboxState.DeadLettered, 10, "k1", None)).Select(r => r.Entry.Key));

        Clock.Advance(Duration.FromHours(1));
        Assert.Equal(["k2"], (await store.Outbox.LeaseAsync("node-1", 10, Duration.FromMinutes(5), None)).Select(r => r.Entry.Key));
        Assert.True(await store.Outbox.RetryDeadLetterAsync("k1", None));
        Assert.False(await store.Outbox.RetryDeadLetterAsync("k1", None));
        Assert.False(await store.Outbox.RetryDeadLetterAsync("k2", None));
        Assert.False(await store.Outbox.RetryDeadLetterAsync("missing", None));
        OutboxRecord retried = (await store.Outbox.LeaseAsync("node-2", 10, Duration.FromMinutes(5), None)).Single();
        Assert.Equal(("k1", 2, "5 attempts failed: 503"), (retried.Entry.Key, retried.Leases, retried.LastError));
    }

    [Fact]
    public async Task The_pending_count_holds_every_entry_not_yet_sent_nor_dead_lettered_leased_or_not_due_or_not()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        Assert.Equal(0, await store.Outbox.CountPendingAsync(None));
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0,
            Entry("k1", "a", T0), Entry("k2", "a", T0), Entry("k3", "a", T0), Entry("later", "a", T0 + Duration.FromDays(1))), None);
        Assert.Equal(4, await store.Outbox.CountPendingAsync(None));

        await store.Outbox.LeaseAsync("node-1", 3, Duration.FromMinutes(5), None);
        Assert.Equal(4, await store.Outbox.CountPendingAsync(None));

        Assert.True(await store.Outbox.MarkSentAsync("k1", "node-1", None));
        Assert.True(await store.Outbox.DeadLetterAsync("k2", "node-1", "timed out", None));
        Assert.True(await store.Outbox.ReleaseAsync("k3", "node-1", null, None));
        Assert.Equal(2, await store.Outbox.CountPendingAsync(None));

        Assert.True(await store.Outbox.RetryDeadLetterAsync("k2", None));
        Assert.Equal(3, await store.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Concurrent_leases_hand_each_entry_to_one_claimant()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        OutboxEntry[] entries = Enumerable.Range(0, 50).Select(i => Entry($"k{i:D2}", "a", T0)).ToArray();
        await store.Interactions.UpdateAsync(["a"], Set(null, QueueState.Breached, T0, entries), None);

        IReadOnlyList<OutboxRecord>[] leases = await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(node => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var mine = new List<OutboxRecord>();
            IReadOnlyList<OutboxRecord> batch;
            while ((batch = await store.Outbox.LeaseAsync($"node-{node}", 3, Duration.FromMinutes(5), None)).Count > 0)
            {
                mine.AddRange(batch);
            }
            return (IReadOnlyList<OutboxRecord>)mine;
        }))));

        Assert.Equal(entries.Select(e => e.Key), leases.SelectMany(l => l).Select(r => r.Entry.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_their_names()
    {
        await using IStoreUnderTest store = await CreateStoreAsync();
        Assert.Equal("maxCount", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Outbox.LeaseAsync("n", 0, Duration.FromMinutes(1), None))).ParamName);
        Assert.Equal("lease", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Outbox.LeaseAsync("n", 1, Duration.Zero, None))).ParamName);
        Assert.Equal("claimant", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.Outbox.LeaseAsync(null!, 1, Duration.FromMinutes(1), None))).ParamName);
        Assert.Equal("updater", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.Interactions.UpdateAsync(["a"], null!, None))).ParamName);
    }
}
