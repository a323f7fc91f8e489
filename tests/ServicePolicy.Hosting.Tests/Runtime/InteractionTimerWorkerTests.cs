// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Runtime;

public class InteractionTimerWorkerTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 9, 0);

    private readonly FakeTimeProvider time = new(T0.ToDateTimeOffset());
    private readonly ListLogger<InteractionTimerWorker> logger = new();
    private readonly ScriptedStore store;
    private readonly ServicePolicyHostingOptions options = new()
    {
        Timer = { BatchSize = 3, PollInterval = TimeSpan.FromSeconds(5), RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(4) },
    };

    public InteractionTimerWorkerTests()
    {
        store = new ScriptedStore { Time = time };
    }

    private InteractionTimerWorker CreateWorker() =>
        new(new InteractionService(store, new InMemoryInteractionStore(new FakeClock(T0)), new RuntimeEvaluator()), new StaticOptionsMonitor(options), time, logger);

    /// <summary>Moves fake time on, a little at a time, until <paramref name="done"/> completes; the worker runs on
    /// other threads, so each step also yields real time to it. Bounded, so a broken worker fails the test instead of
    /// hanging it.</summary>
    private async Task AdvanceUntil(Task done, TimeSpan step)
    {
        for (int i = 0; i < 20_000 && !done.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(done, Task.Delay(1));
        }
        Assert.True(done.IsCompleted, "the worker did not get there");
    }

    [Fact]
    public async Task ExecuteAsync_StoreThrows_LogsEachFailureAndRetriesUntilTheStoreIsBack()
    {
        store.Script = call => call <= 3 ? throw new InvalidOperationException($"database unreachable ({call})") : 0;
        using InteractionTimerWorker worker = CreateWorker();

        await worker.StartAsync(CancellationToken.None);
        await AdvanceUntil(store.CallReached(4), TimeSpan.FromMilliseconds(250));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var retries = logger.Entries.Where(e => e.Id.Id == 2103).ToList();
        Assert.Equal(3, retries.Count);
        Assert.All(retries, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Equal(["database unreachable (1)", "database unreachable (2)", "database unreachable (3)"], retries.Select(e => e.Exception!.Message));
        Assert.Equal(["(retry 1)", "(retry 2)", "(retry 3)"], retries.Select(e => e.Message[e.Message.IndexOf('(', StringComparison.Ordinal)..(e.Message.IndexOf(')', StringComparison.Ordinal) + 1)]));
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ExecuteAsync_RetryWaits_RunOnTheContainersTimeProvider()
    {
        // Retry delays of minutes: the retry comes once fake time has passed them, without waiting real minutes.
        options.Timer.RetryDelay = TimeSpan.FromMinutes(10);
        options.Timer.MaxRetryDelay = TimeSpan.FromHours(1);
        store.Script = call => call == 1 ? throw new InvalidOperationException("database unreachable") : 0;
        using InteractionTimerWorker worker = CreateWorker();

        await worker.StartAsync(CancellationToken.None);
        await AdvanceUntil(store.CallReached(2), TimeSpan.FromMinutes(1));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(store.CallTimes[1] - store.CallTimes[0] >= Duration.FromMinutes(1), $"retried at {store.CallTimes[1]}");
    }

    [Fact]
    public async Task RunOnceAsync_ResolvesTheRuntimeWhenFirstNeeded_AndOnce()
    {
        store.Script = _ => 0;
        int resolved = 0;
        var runtime = new InteractionService(store, new InMemoryInteractionStore(new FakeClock(T0)), new RuntimeEvaluator());
        using var worker = new InteractionTimerWorker(() =>
        {
            resolved++;
            return runtime;
        }, new StaticOptionsMonitor(options), time, logger);
        int before = resolved;

        await worker.RunOnceAsync(CancellationToken.None);
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1), (before, resolved));
    }

    [Fact]
    public async Task RunOnceAsync_NeverResumesOnTheCallersSynchronizationContext()
    {
        store.Script = _ => 1;
        store.Asynchronous = true;
        using InteractionTimerWorker worker = CreateWorker();
        var context = new CountingSynchronizationContext();

        Assert.Equal(1, await context.RunAsync(() => worker.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(0, context.Posts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteAsync_NeverResumesOnTheStartersSynchronizationContext(bool asynchronousStore)
    {
        // A store that completes at once leaves the poll wait as the first await that suspends; one that completes
        // later, the pass itself.
        store.Script = _ => 0;
        store.Asynchronous = asynchronousStore;
        using InteractionTimerWorker worker = CreateWorker();
        var context = new CountingSynchronizationContext();

        await context.RunAsync(async () =>
        {
            await worker.StartAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
        await AdvanceUntil(store.CallReached(3), TimeSpan.FromSeconds(1));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, context.Posts);
    }

    [Fact]
    public void Ctor_NullService_Throws()
    {
        Assert.Throws<ArgumentNullException>("service", () => new InteractionTimerWorker((InteractionService)null!, new StaticOptionsMonitor(options), time, logger));
    }

    [Fact]
    public async Task ExecuteAsync_StoreCancelsAPassItself_IsRetriedLikeAnyStoreError()
    {
        // A command timeout surfaces as an OperationCanceledException while the host is not stopping.
        store.Script = call => call == 1 ? throw new OperationCanceledException("command timed out") : 0;
        using InteractionTimerWorker worker = CreateWorker();

        await worker.StartAsync(CancellationToken.None);
        await AdvanceUntil(store.CallReached(2), TimeSpan.FromMilliseconds(250));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var retry = Assert.Single(logger.Entries, e => e.Id.Id == 2103);
        Assert.Equal("command timed out", retry.Exception!.Message);
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ExecuteAsync_LogsStartAndStopWithTheNodeAndBatchesThatWroteSomething()
    {
        options.NodeId = "node-7";
        store.Script = call => call == 1 ? 2 : 0;
        using InteractionTimerWorker worker = CreateWorker();

        await worker.StartAsync(CancellationToken.None);
        await AdvanceUntil(store.CallReached(2), TimeSpan.FromSeconds(1));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var started = Assert.Single(logger.Entries, e => e.Id.Id == 2101);
        Assert.Equal(LogLevel.Information, started.Level);
        Assert.Equal("ServicePolicy timer worker started on node 'node-7': batches of 3, polling every 00:00:05 when idle", started.Message);
        var batch = Assert.Single(logger.Entries, e => e.Id.Id == 2104);
        Assert.Equal("ServicePolicy timer re-evaluated 2 due interactions", batch.Message);
        var stopped = Assert.Single(logger.Entries, e => e.Id.Id == 2105);
        Assert.Equal("ServicePolicy timer worker stopped on node 'node-7'", stopped.Message);
    }

    [Fact]
    public async Task ExecuteAsync_FullBatch_RunsTheNextAtOnce_AndAfterAPartialOneWaitsThePollInterval()
    {
        store.Script = call => call <= 2 ? 3 : 1;
        using InteractionTimerWorker worker = CreateWorker();

        await worker.StartAsync(CancellationToken.None);
        await store.CallReached(3).WaitAsync(TimeSpan.FromSeconds(30));
        Instant afterThird = Instant.FromDateTimeOffset(time.GetUtcNow());
        await AdvanceUntil(store.CallReached(4), TimeSpan.FromSeconds(1));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        // Three passes with no fake time passing (two full batches, then the partial one); the fourth only after the
        // poll interval passed.
        Assert.Equal(T0, afterThird);
        Assert.True(store.CallTimes[3] - store.CallTimes[2] >= Duration.FromTimeSpan(options.Timer.PollInterval), $"fourth pass at {store.CallTimes[3]}");
    }

    [Fact]
    public async Task StopAsync_DuringAPass_CancelsItWithoutLoggingARetry()
    {
        store.Script = call => call == 1 ? -1 : 0;
        using InteractionTimerWorker worker = CreateWorker();

        await worker.StartAsync(CancellationToken.None);
        await store.CallReached(1).WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
        Assert.DoesNotContain(logger.Entries, e => e.Id.Id == 2103);
        Assert.Contains(logger.Entries, e => e.Id.Id == 2105);
    }

    [Fact]
    public async Task StopAsync_WhileWaiting_StopsWithoutTimePassing()
    {
        store.Script = _ => 0;
        using InteractionTimerWorker worker = CreateWorker();

        await worker.StartAsync(CancellationToken.None);
        await store.CallReached(1).WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(T0, Instant.FromDateTimeOffset(time.GetUtcNow()));
    }

    [Fact]
    public async Task RunOnceAsync_PassesTheConfiguredBatchSize()
    {
        store.Script = _ => 0;
        using InteractionTimerWorker worker = CreateWorker();

        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal(3, store.LastMaxCount);
    }

    /// <summary>A store whose timer path follows a script: call n (from 1) returns that many written records, throws,
    /// or, for -1, waits until cancelled. Records when each call started, by the test's fake time, and signals it.</summary>
    private sealed class ScriptedStore : IInteractionStore
    {
        private readonly List<TaskCompletionSource> reached = [];
        private int calls;

        public Func<int, int> Script { get; set; } = _ => 0;

        public List<Instant> CallTimes { get; } = [];

        public int LastMaxCount { get; private set; }

        public FakeTimeProvider? Time { get; set; }

        /// <summary>Gets or sets whether a call completes later, on the thread pool, as a database store's would.</summary>
        public bool Asynchronous { get; set; }

        public Task CallReached(int n)
        {
            lock (reached)
            {
                while (reached.Count < n)
                {
                    reached.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                }
                return reached[n - 1].Task;
            }
        }

        public async Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken)
        {
            int call = Interlocked.Increment(ref calls);
            LastMaxCount = maxCount;
            lock (reached)
            {
                CallTimes.Add(Now());
            }
            _ = CallReached(call);
            lock (reached)
            {
                reached[call - 1].TrySetResult();
            }
            int count = Script(call);
            if (Asynchronous)
            {
                await Task.Delay(20).ConfigureAwait(false);
            }
            if (count < 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            var summary = new InteractionSummary(QueueState.OnTrack, null, "person:a", "p@1", T0);
            return Enumerable.Range(0, count).Select(i => new InteractionRecord("i" + i, 2, "{}", summary, null)).ToList();
        }

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => Task.FromResult(T0);

        public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken) => Task.FromResult<InteractionRecord?>(null);

        public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        private Instant Now() => Time is null ? T0 : Instant.FromDateTimeOffset(Time.GetUtcNow());
    }
}
