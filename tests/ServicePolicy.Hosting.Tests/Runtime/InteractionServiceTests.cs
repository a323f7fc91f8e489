// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Tests.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Hosting.Tests.Runtime;

public class InteractionServiceTests
{
    private static readonly Instant Monday9 = At("2025-03-03 09:00");
    private static CancellationToken None => CancellationToken.None;

    private readonly FakeClock clock = new(Monday9);
    private readonly InMemoryInteractionStore store;
    private readonly RuntimeEvaluator evaluator = new();
    private readonly ListLogger<InteractionService> logger = new();
    private readonly InteractionService service;

    public InteractionServiceTests()
    {
        store = new InMemoryInteractionStore(clock);
        service = new InteractionService(store, store, evaluator, logger);
    }

    private static InteractionOpened Opened(Instant at, string owner = "p0") => new(at, Owner.Person(owner));

    [Fact]
    public async Task RecordAsync_FirstFact_WritesVersion1WithSummaryAndNextChange()
    {
        RecordResult result = await service.RecordAsync("A", Opened(Monday9), None);

        InteractionRecord stored = (await store.FindAsync("A", None))!;
        Assert.Equal(1, result.Version);
        Assert.Equal(stored.Version, result.Version);
        Assert.Equal(QueueState.OnTrack, stored.Summary.State);
        Assert.Equal("person:p0", stored.Summary.Owner);
        Assert.Equal("Everything@1", stored.Summary.Policy);
        Assert.Equal(Monday9, stored.Summary.EvaluatedAt);
        Assert.Equal(result.Evaluation.NextChangeAt, stored.NextChangeAt);
        Assert.NotNull(stored.NextChangeAt);
        Assert.Equal(result.Evaluation.Commitments.Min(c => c.Deadline), stored.Summary.Deadline);
    }

    [Fact]
    public async Task RecordAsync_FirstFactNotOpened_ThrowsAndWritesNothing()
    {
        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>("fact", () => service.RecordAsync("A", new AgentReplied(Monday9), None));

        Assert.StartsWith("Interaction 'A' is not stored, so its first fact must be InteractionOpened; the first fact given is AgentReplied", e.Message, StringComparison.Ordinal);
        Assert.Contains(". Nothing was written.", e.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("A", None));
    }

    [Fact]
    public async Task RecordAsync_InvalidAppend_ThrowsAndWritesNothing()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        InteractionRecord before = (await store.FindAsync("A", None))!;

        await Assert.ThrowsAsync<InvalidTimelineException>(() => service.RecordAsync("A", new WaitingEnded(Monday9 + Duration.FromMinutes(5)), None));

        Assert.Same(before, await store.FindAsync("A", None));
    }

    [Fact]
    public async Task RecordAsync_IdWithSlash_ThrowsAndWritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>("interactionId", () => service.RecordAsync("A/B", Opened(Monday9), None));

        Assert.Null(await store.FindAsync("A/B", None));
    }

    [Fact]
    public async Task RecordAsync_EvaluatorThrows_PropagatesAndWritesNothing()
    {
        evaluator.Rejected.Add("A");

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.RecordAsync("A", Opened(Monday9), None));

        Assert.Null(await store.FindAsync("A", None));
    }

    [Fact]
    public async Task RecordAsync_FactAheadOfTheStoreClock_IsEvaluatedAtItsOwnInstant()
    {
        Instant ahead = Monday9 + Duration.FromMinutes(3);

        RecordResult result = await service.RecordAsync("A", Opened(ahead), None);

        Assert.Equal(ahead, result.Evaluation.Now);
        Assert.Equal(ahead, result.Summary.EvaluatedAt);
    }

    [Fact]
    public async Task RecordAsync_FactAheadOfTheStoreClock_WithholdsWhatFallsDueAfterTheStoreClock_UntilTheTimerGetsThere()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        Instant ahead = At("2025-03-06 10:00");
        clock.Reset(ahead - Duration.FromDays(1));

        // A node whose clock runs a day ahead records a promise: the evaluation at its instant is breached, with actions
        // due over the last days, but only those due by the store's clock are recorded.
        RecordResult result = await service.RecordAsync("A", new FollowUpPromised(ahead), None);

        Instant storeNow = clock.GetCurrentInstant();
        var listed = result.Evaluation.EscalationActions.Select(a => (Key: a.Key.ToString(), a.DueAt))
            .Concat(result.Evaluation.RemediesDue.Select(r => (Key: r.Key.ToString(), r.DueAt))).ToList();
        Assert.Contains(listed, a => a.DueAt > storeNow);
        Assert.Contains(listed, a => a.DueAt <= storeNow);
        Assert.Equal(listed.Where(a => a.DueAt <= storeNow).Select(a => a.Key), result.OutboxKeys);
        Instant earliestWithheld = listed.Where(a => a.DueAt > storeNow).Min(a => a.DueAt);
        Assert.Equal(earliestWithheld, result.NextChangeAt);

        // When the store's clock reaches the fact's instant, the timer records the rest.
        clock.Reset(ahead);
        while (await service.UpdateDueAsync(10, None) > 0)
        {
        }
        IReadOnlyList<OutboxRecord> pending = await store.ListOutboxAsync(OutboxState.Pending, 1000, null, None);
        Assert.Equal(listed.Select(a => a.Key).Order(StringComparer.Ordinal), pending.Select(r => r.Entry.Key).Order(StringComparer.Ordinal));
        Assert.All(pending, r => Assert.True(r.CreatedAt >= r.Entry.DueAt, $"{r.Entry.Key} recorded at {r.CreatedAt}, before it was due at {r.Entry.DueAt}"));
    }

    [Fact]
    public async Task RecordAsync_Breached_InsertsEveryActionAndRemedyKeyIntoTheOutbox()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        clock.Reset(At("2025-03-06 10:00"));

        RecordResult result = await service.RecordAsync("A", new FollowUpPromised(At("2025-03-06 10:00")), None);

        Assert.Equal(QueueState.Breached, result.Summary.State);
        Assert.Equal(
            result.Evaluation.EscalationActions.Select(a => a.Key.ToString()).Concat(result.Evaluation.RemediesDue.Select(r => r.Key.ToString())),
            result.OutboxKeys);
        Assert.NotEmpty(result.OutboxKeys);
        foreach (string key in result.OutboxKeys)
        {
            Assert.NotNull(await store.FindOutboxAsync(key, None));
        }
    }

    [Fact]
    public void RecordAsync_Grouped_UsesOneTransactionAndGivesTheStateOfOneByOne()
    {
        Gen<TimelineCase[]> cases = Gen.ArrayOf(TimelineCase.Arbitrary().Generator, 3);
        Prop.ForAll(cases.ToArbitrary(), input => CheckGroupedAsync(input).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private static async Task CheckGroupedAsync(TimelineCase[] cases)
    {
        Instant now = cases.Max(c => c.Now);
        var oneClock = new FakeClock(now);
        var groupClock = new FakeClock(now);
        var one = new InMemoryInteractionStore(oneClock);
        var grouped = new CountingStore(new InMemoryInteractionStore(groupClock));
        var oneByOne = new InteractionService(one, one, new RuntimeEvaluator());
        var inOneGo = new InteractionService(grouped, grouped.Inner, new RuntimeEvaluator());
        string[] ids = ["G0", "G1", "G2"];

        // Interleaved: fact i of every interaction, then fact i + 1 of every interaction, and so on.
        var facts = new List<(string, TimelineFact)>();
        for (int i = 0; i < cases.Max(c => c.Timeline.Count); i++)
        {
            for (int k = 0; k < cases.Length; k++)
            {
                if (i < cases[k].Timeline.Count)
                {
                    facts.Add((ids[k], cases[k].Timeline[i]));
                }
            }
        }
        foreach ((string id, TimelineFact fact) in facts)
        {
            await oneByOne.RecordAsync(id, fact, None);
        }
        IReadOnlyList<RecordResult> results = await inOneGo.RecordAsync(facts, None);

        Assert.Equal(1, grouped.UpdateCalls);
        Assert.Equal(ids, results.Select(r => r.InteractionId));
        for (int k = 0; k < cases.Length; k++)
        {
            InteractionRecord a = (await one.FindAsync(ids[k], None))!;
            InteractionRecord b = (await grouped.FindAsync(ids[k], None))!;
            Assert.Equal(cases[k].Timeline.Count, a.Version);
            Assert.Equal(1, b.Version);
            Assert.Equal(a.Timeline, b.Timeline);
            Assert.Equal(a.NextChangeAt, b.NextChangeAt);
            Assert.Equal((a.Summary.State, a.Summary.Deadline, a.Summary.Owner, a.Summary.Policy, a.Summary.EvaluatedAt),
                (b.Summary.State, b.Summary.Deadline, b.Summary.Owner, b.Summary.Policy, b.Summary.EvaluatedAt));
            // The grouped write evaluates the whole timeline once, so its outbox holds that evaluation's keys; recording
            // one by one also keeps the keys of the shorter timelines' evaluations.
            foreach (string key in results[k].OutboxKeys)
            {
                Assert.NotNull(await one.FindOutboxAsync(key, None));
                Assert.NotNull(await grouped.Inner.FindOutboxAsync(key, None));
            }
        }
    }

    [Fact]
    public async Task RecordAsync_Grouped_OneInvalidFact_WritesNothingForAnyInteraction()
    {
        (string, TimelineFact)[] facts =
        [
            ("A", Opened(Monday9)),
            ("B", Opened(Monday9)),
            ("B", new InteractionReopened(Monday9)),
        ];

        await Assert.ThrowsAsync<InvalidTimelineException>(() => service.RecordAsync(facts, None));

        Assert.Null(await store.FindAsync("A", None));
        Assert.Null(await store.FindAsync("B", None));
    }

    [Fact]
    public async Task RecordAsync_Grouped_Empty_WritesNothingAndOpensNoTransaction()
    {
        var counting = new CountingStore(store);
        var counted = new InteractionService(counting, store, evaluator);

        Assert.Empty(await counted.RecordAsync([], None));

        Assert.Equal(0, counting.UpdateCalls);
    }

    [Fact]
    public async Task RecordAsync_NullArguments_ThrowNamingTheArgument()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("interactionId", () => service.RecordAsync(null!, Opened(Monday9), None));
        await Assert.ThrowsAsync<ArgumentNullException>("fact", () => service.RecordAsync("A", null!, None));
        await Assert.ThrowsAsync<ArgumentNullException>("facts", () => service.RecordAsync((IReadOnlyList<(string, TimelineFact)>)null!, None));
    }

    [Theory]
    [InlineData(nameof(IInteractionStore.UpdateAsync))]
    [InlineData(nameof(IInteractionStore.FindAsync))]
    [InlineData(nameof(IInteractionStore.GetCurrentInstantAsync))]
    [InlineData(nameof(IInteractionStore.UpdateDueAsync))]
    public async Task EveryAwait_NeverResumesOnTheCallersSynchronizationContext(string asynchronous)
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        clock.Reset(At("2025-03-04 09:00"));
        var slow = new CountingStore(store) { Asynchronous = asynchronous };
        var runtime = new InteractionService(slow, store, evaluator);
        var context = new CountingSynchronizationContext();

        await context.RunAsync(() => runtime.RecordAsync("B", Opened(Monday9), None));
        await context.RunAsync(() => runtime.GetStatusAsync("A", None));
        await context.RunAsync(() => runtime.UpdateDueAsync(10, None));

        Assert.Equal(0, context.Posts);
    }

    [Fact]
    public async Task UpdateDueAsync_KeepsTheStoredTimelineTextAsStored()
    {
        // A timeline stored by another writer (or an older version) in a form other than this version's compact one:
        // the timer path re-evaluates it but never rewrites it.
        await service.RecordAsync("A", Opened(Monday9), None);
        InteractionRecord a = (await store.FindAsync("A", None))!;
        string spaced = a.Timeline.Replace(",", ", ", StringComparison.Ordinal);
        await store.UpdateAsync(["A"], (_, _, _) => new InteractionChange(spaced, a.Summary, a.NextChangeAt, []), None);
        clock.Reset(At("2025-03-10 09:00"));

        Assert.Equal(1, await service.UpdateDueAsync(10, None));

        InteractionRecord after = (await store.FindAsync("A", None))!;
        Assert.Equal(QueueState.Breached, after.Summary.State);
        Assert.Equal(spaced, after.Timeline);
    }

    [Fact]
    public async Task ReadApis_BadArguments_AreRefusedBeforeTheStoreIsCalled()
    {
        // A store of another package need not check again: the runtime checks its own arguments.
        var untouchable = new UntouchableStore();
        var guarded = new InteractionService(untouchable, untouchable, evaluator);

        await Assert.ThrowsAsync<ArgumentNullException>("interactionId", () => guarded.GetStatusAsync(null!, None));
        await Assert.ThrowsAsync<ArgumentNullException>("query", () => guarded.GetQueueAsync(null!, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("maxCount", () => guarded.ListDeadLettersAsync(0, null, None));
        await Assert.ThrowsAsync<ArgumentNullException>("key", () => guarded.RetryDeadLetterAsync(null!, None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordAsync_Grouped_EntryWithNullIdOrFact_ThrowsNamingItsIndexAndWritesNothing(bool nullId)
    {
        (string, TimelineFact)[] facts = [("A", Opened(Monday9)), nullId ? (null!, Opened(Monday9)) : ("B", null!)];

        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>("facts", () => service.RecordAsync(facts, None));

        Assert.Contains("Entry 1 has a null interaction id or fact.", e.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("A", None));
    }

    [Fact]
    public async Task StoredTimelineOfAnotherInteraction_IsRefusedByStatus_AndMarkedFailedByTheTimer()
    {
        await service.RecordAsync("B", Opened(Monday9), None);
        InteractionRecord b = (await store.FindAsync("B", None))!;
        await store.UpdateAsync(["A"], (_, _, _) => new InteractionChange(b.Timeline, b.Summary, b.NextChangeAt, []), None);
        const string Expected = "The timeline stored for interaction 'A' is the timeline of 'B'.";

        StoredFormatException e = await Assert.ThrowsAsync<StoredFormatException>(() => service.GetStatusAsync("A", None));
        clock.Reset(At("2025-03-10 09:00"));
        int written = await service.UpdateDueAsync(10, None);

        Assert.Equal(Expected, e.Message);
        Assert.Equal(2, written);
        InteractionRecord a = (await store.FindAsync("A", None))!;
        Assert.Equal(QueueState.Failed, a.Summary.State);
        Assert.Equal("StoredFormatException: " + Expected, a.Summary.Failure);
        Assert.Equal(QueueState.Breached, (await store.FindAsync("B", None))!.Summary.State);
    }

    [Fact]
    public async Task UpdateDueAsync_EvaluationCancelled_PropagatesAndWritesNothing()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        InteractionRecord before = (await store.FindAsync("A", None))!;
        clock.Reset(At("2025-03-10 09:00"));
        evaluator.Fault = _ => new OperationCanceledException("stopping");

        await Assert.ThrowsAsync<OperationCanceledException>(() => service.UpdateDueAsync(10, None));

        Assert.Same(before, await store.FindAsync("A", None));
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task UpdateDueAsync_StoreRetriesTheTransaction_OnlyTheLastCallOfTheUpdaterCounts()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        clock.Reset(At("2025-03-10 09:00"));
        int calls = 0;
        evaluator.Fault = _ => ++calls == 1 ? new InvalidOperationException("transient") : null;
        var retrying = new CountingStore(store) { WrapDue = updater => (id, current, now) =>
        {
            // A store whose first attempt at the transaction failed runs the updater again on the same rows.
            _ = updater(id, current, now);
            return updater(id, current, now);
        } };
        var retried = new InteractionService(retrying, store, evaluator, logger);

        Assert.Equal(1, await retried.UpdateDueAsync(10, None));

        InteractionRecord a = (await store.FindAsync("A", None))!;
        Assert.Equal(QueueState.Breached, a.Summary.State);
        Assert.Null(a.Summary.Failure);
        Assert.DoesNotContain(logger.Entries, e => e.Id.Id == 2102);
    }

    [Fact]
    public async Task UpdateDueAsync_ClaimedInteractionNoLongerStored_WritesNothingForIt()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        clock.Reset(At("2025-03-10 09:00"));
        InteractionChange? forGone = new(string.Empty, new InteractionSummary(QueueState.OnTrack, null, "person:x", null, Monday9), null, []);
        var vanishing = new CountingStore(store) { WrapDue = updater => (id, current, now) =>
        {
            forGone = updater("gone", null, now);
            return updater(id, current, now);
        } };
        var runtime = new InteractionService(vanishing, store, evaluator, logger);

        Assert.Equal(1, await runtime.UpdateDueAsync(10, None));

        Assert.Null(forGone);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task UpdateDueAsync_WithoutALogger_StillMarksFailures()
    {
        var quiet = new InteractionService(store, store, evaluator);
        await quiet.RecordAsync("B", Opened(Monday9), None);
        clock.Reset(At("2025-03-10 09:00"));
        evaluator.Rejected.Add("B");

        Assert.Equal(1, await quiet.UpdateDueAsync(10, None));

        Assert.Equal(QueueState.Failed, (await store.FindAsync("B", None))!.Summary.State);
    }

    [Fact]
    public async Task GetStatusAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await service.GetStatusAsync("nobody", None));
    }

    [Fact]
    public async Task GetStatusAsync_Stored_EvaluatesAtTheStoreClock()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        await service.RecordAsync("A", new AgentReplied(Monday9 + Duration.FromMinutes(10)), None);
        clock.Reset(At("2025-03-04 12:00"));

        InteractionStatus status = (await service.GetStatusAsync("A", None))!;

        Assert.Equal(2, status.Version);
        Assert.Equal(At("2025-03-04 12:00"), status.Evaluation.Now);
        Assert.Equal("A", status.InteractionId);
        Assert.Equal("A v2 at 2025-03-04T12:00:00Z", status.ToString());
        Assert.Equal(RuntimePolicy.Evaluate(TimelineJson.Deserialize(status.Record.Timeline), clock.GetCurrentInstant()).NextChangeAt,
            status.Evaluation.NextChangeAt);
    }

    [Fact]
    public async Task GetQueueAsync_ReadsTheStorePage()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        await service.RecordAsync("B", Opened(Monday9 + Duration.FromHours(1)), None);

        QueuePage page = await service.GetQueueAsync(QueueQuery.InState(QueueState.OnTrack), None);

        Assert.Equal(["A", "B"], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task DeadLetters_AreListedAndRetriedThroughTheOutboxStore()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        clock.Reset(At("2025-03-06 10:00"));
        RecordResult result = await service.RecordAsync("A", new AgentReplied(At("2025-03-06 10:00")), None);
        IReadOnlyList<OutboxRecord> leased = await store.LeaseAsync("relay", 1, Duration.FromMinutes(1), None);
        string key = Assert.Single(leased).Entry.Key;
        Assert.Contains(key, result.OutboxKeys);
        await store.DeadLetterAsync(key, "relay", "channel down", None);

        IReadOnlyList<OutboxRecord> dead = await service.ListDeadLettersAsync(10, null, None);
        bool retried = await service.RetryDeadLetterAsync(key, None);

        Assert.Equal("channel down", Assert.Single(dead).LastError);
        Assert.True(retried);
        Assert.Equal(OutboxState.Pending, (await store.FindOutboxAsync(key, None))!.State);
        Assert.Empty(await service.ListDeadLettersAsync(10, null, None));
    }

    [Fact]
    public async Task UpdateDueAsync_TimelineNoLongerEvaluates_MarksItFailedLogsAndGoesOn()
    {
        await service.RecordAsync("A", Opened(Monday9), None);
        await service.RecordAsync("B", Opened(Monday9), None);
        await service.RecordAsync("C", Opened(Monday9), None);
        InteractionRecord bBefore = (await store.FindAsync("B", None))!;
        clock.Reset(At("2025-03-10 09:00"));
        evaluator.Rejected.Add("B");

        int written = await service.UpdateDueAsync(10, None);

        Assert.Equal(3, written);
        InteractionRecord b = (await store.FindAsync("B", None))!;
        Assert.Equal(QueueState.Failed, b.Summary.State);
        Assert.Equal("InvalidOperationException: policy Everything@2 rejects B", b.Summary.Failure);
        Assert.Null(b.NextChangeAt);
        Assert.Equal(bBefore.Timeline, b.Timeline);
        Assert.Equal("person:p0", b.Summary.Owner);
        foreach (string id in new[] { "A", "C" })
        {
            InteractionRecord other = (await store.FindAsync(id, None))!;
            Assert.Equal(2, other.Version);
            Assert.Equal(QueueState.Breached, other.Summary.State);
        }
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(2102, warning.Id.Id);
        Assert.Contains("'B'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDueAsync_FailedInteraction_IsNotWokenAgainUntilANewFact()
    {
        await service.RecordAsync("B", Opened(Monday9), None);
        clock.Reset(At("2025-03-10 09:00"));
        evaluator.Rejected.Add("B");
        await service.UpdateDueAsync(10, None);
        clock.Reset(At("2025-03-20 09:00"));

        Assert.Equal(0, await service.UpdateDueAsync(10, None));

        evaluator.Rejected.Clear();
        RecordResult result = await service.RecordAsync("B", new AgentReplied(At("2025-03-20 09:00")), None);
        Assert.NotEqual(QueueState.Failed, result.Summary.State);
        Assert.Null(result.Summary.Failure);
    }

    /// <summary>A store that fails the test if it is called at all.</summary>
    private sealed class UntouchableStore : IInteractionStore, IOutboxStore
    {
        private static T Fail<T>() => throw new Xunit.Sdk.XunitException("the store was called");

        public Task InitializeAsync(CancellationToken cancellationToken) => Fail<Task>();

        public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => Fail<Task<Instant>>();

        public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken) => Fail<Task<InteractionRecord?>>();

        public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken) =>
            Fail<Task<IReadOnlyList<InteractionRecord>>>();

        public Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken) =>
            Fail<Task<IReadOnlyList<InteractionRecord>>>();

        public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken) => Fail<Task<QueuePage>>();

        public Task<IReadOnlyList<OutboxRecord>> LeaseAsync(string claimant, int maxCount, Duration lease, CancellationToken cancellationToken) =>
            Fail<Task<IReadOnlyList<OutboxRecord>>>();

        public Task<bool> MarkSentAsync(string key, string claimant, CancellationToken cancellationToken) => Fail<Task<bool>>();

        public Task<bool> ReleaseAsync(string key, string claimant, string? error, CancellationToken cancellationToken) => Fail<Task<bool>>();

        public Task<bool> DeadLetterAsync(string key, string claimant, string error, CancellationToken cancellationToken) => Fail<Task<bool>>();

        public Task<OutboxRecord?> FindOutboxAsync(string key, CancellationToken cancellationToken) => Fail<Task<OutboxRecord?>>();

        public Task<IReadOnlyList<OutboxRecord>> ListOutboxAsync(OutboxState state, int maxCount, string? afterKey, CancellationToken cancellationToken) =>
            Fail<Task<IReadOnlyList<OutboxRecord>>>();

        public Task<bool> RetryDeadLetterAsync(string key, CancellationToken cancellationToken) => Fail<Task<bool>>();

        public Task<long> CountPendingAsync(CancellationToken cancellationToken) => Fail<Task<long>>();
    }

    /// <summary>Counts the fact path's transactions, and can wrap the timer path's updater.</summary>
    private sealed class CountingStore(InMemoryInteractionStore inner) : IInteractionStore
    {
        public InMemoryInteractionStore Inner => inner;

        public int UpdateCalls { get; private set; }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) =>
            Later(nameof(GetCurrentInstantAsync), () => inner.GetCurrentInstantAsync(cancellationToken));

        public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken) =>
            Later(nameof(FindAsync), () => inner.FindAsync(interactionId, cancellationToken));

        public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken)
        {
            UpdateCalls++;
            return Later(nameof(UpdateAsync), () => inner.UpdateAsync(interactionIds, updater, cancellationToken));
        }

        /// <summary>Gets or sets the one method that completes asynchronously, on the thread pool, as a database
        /// store's would; the others complete at once.</summary>
        public string? Asynchronous { get; init; }

        private Task<T> Later<T>(string method, Func<Task<T>> call) => method == Asynchronous ? LaterAsync(call) : call();

        private static async Task<T> LaterAsync<T>(Func<Task<T>> call)
        {
            await Task.Delay(20).ConfigureAwait(false);
            return await call().ConfigureAwait(false);
        }

        /// <summary>Gets or sets what the timer path's updater is wrapped in (to call it as a retrying store would).</summary>
        public Func<InteractionUpdater, InteractionUpdater>? WrapDue { get; init; }

        public Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken) =>
            Later(nameof(UpdateDueAsync), () => inner.UpdateDueAsync(maxCount, WrapDue is null ? updater : WrapDue(updater), cancellationToken));

        public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);
    }
}
