// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Logging;
using NodaTime;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Storage;
using Xunit;
using static ServicePolicy.Hosting.Tests.Delivery.OutboxFixture;

namespace ServicePolicy.Hosting.Tests.Delivery;

public class OutboxRelayTests
{
    [Fact]
    public async Task RelayOnceAsync_DeliversEachDueEntryOnce_AndMarksItSent()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2", "k3");
        var channel = new ScriptedChannel();
        OutboxRelay relay = fixture.Relay(channel);

        OutboxRelayReport first = await relay.RelayOnceAsync();
        OutboxRelayReport second = await relay.RelayOnceAsync();

        Assert.Equal(3, first.Leased);
        Assert.Equal(["k1", "k2", "k3"], first.Delivered);
        Assert.Empty(first.DeadLettered);
        Assert.Empty(first.Released);
        Assert.Empty(first.LostLease);
        Assert.Empty(first.InFlight);
        Assert.Equal(0, second.Leased);
        Assert.Empty(second.Delivered);
        Assert.All(channel.Delivered.Values, n => Assert.Equal(1, n));
        Assert.Equal(3, channel.Delivered.Count);
        foreach (string key in new[] { "k1", "k2", "k3" })
        {
            OutboxRecord record = await fixture.FindAsync(key);
            Assert.Equal((OutboxState.Sent, relay.Claimant, (Instant?)T0), (record.State, record.LeasedBy, record.SentAt));
        }
        OutboxDelivery delivery = channel.Attempts.Single(d => d.Key == "k2");
        Assert.Equal(("T-1", OutboxKind.Escalation, T0 + Duration.FromNanoseconds(1), "{\"key\":\"k2\"}", 1, 1),
            (delivery.InteractionId, delivery.Kind, delivery.DueAt, delivery.Payload, delivery.Attempt, delivery.Lease));
    }

    [Fact]
    public async Task RelayOnceAsync_LeasesForExactlyTheLeaseDuration_AsItsOwnClaimant()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        OutboxRecord? seen = null;
        var channel = new ScriptedChannel { OnAttempt = async (d, _) => seen = await fixture.FindAsync(d.Key) };
        OutboxRelay relay = fixture.Relay(channel, new OutboxRelayOptions { LeaseDuration = Duration.FromMinutes(7) });

        await relay.RelayOnceAsync();

        Assert.Equal((OutboxState.Pending, 1, relay.Claimant, (Instant?)(T0 + Duration.FromMinutes(7))), (seen!.State, seen.Leases, seen.LeasedBy, seen.LeaseUntil));
        Assert.Matches("^node-a/[0-9a-f]{32}$", relay.Claimant);
        Assert.NotEqual(relay.Claimant, fixture.Relay(channel).Claimant);
        Assert.StartsWith(Environment.MachineName + "/", new OutboxRelay(fixture.Store, channel, fixture.Clock, fixture.Clock, new OutboxRelayOptions()).Claimant);
    }

    [Fact]
    public async Task RelayOnceAsync_AChannelThatThrowsThenSucceeds_IsRetriedWithBackoff()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        var channel = new ScriptedChannel { Failures = 2 };
        var logger = new RecordingLogger<OutboxRelay>();
        var options = new OutboxRelayOptions { MaxAttempts = 3, InitialBackoff = Duration.FromSeconds(2), MaxBackoff = Duration.FromSeconds(20) };

        OutboxRelayReport report = await fixture.Relay(channel, options, logger).RelayOnceAsync();

        Assert.Equal(["k1"], report.Delivered);
        Assert.Equal([1, 2, 3], channel.Attempts.Select(d => d.Attempt));
        Assert.All(channel.Attempts, d => Assert.Equal(1, d.Lease));
        Assert.Equal(2, fixture.Clock.Waits.Count);
        Assert.All(fixture.Clock.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(20)));
        Assert.Equal(OutboxState.Sent, (await fixture.FindAsync("k1")).State);
        string[] failures = logger.WithEvent(2203).ToArray();
        Assert.Equal(2, failures.Length);
        Assert.Contains("attempt 2 of 3 failed: System.IO.IOException: channel down for k1 (attempt 2)", failures[1]);
    }

    [Fact]
    public async Task RelayOnceAsync_TheWaitsGrowExponentially_UpToMaxBackoff()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        var channel = new ScriptedChannel { Failures = 7 };
        var options = new OutboxRelayOptions { MaxAttempts = 8, InitialBackoff = Duration.FromMilliseconds(100), MaxBackoff = Duration.FromSeconds(3) };
        // The jitter's random numbers fixed at their middle: the waits are then Polly's exponential curve itself.
        var relay = new OutboxRelay(fixture.Store, channel, fixture.Clock, fixture.Clock, options, null, "node-a", () => 0.5);

        OutboxRelayReport report = await relay.RelayOnceAsync();

        Assert.Equal(["k1"], report.Delivered);
        IReadOnlyList<TimeSpan> waits = fixture.Clock.Waits;
        Assert.Equal(7, waits.Count);
        // About 90 ms, 110 ms, 200 ms, 400 ms, 800 ms, 1.6 s, then 3.2 s capped at 3 s.
        Assert.InRange(waits[0], TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(150));
        for (int i = 2; i < 6; i++)
        {
            Assert.InRange(waits[i] / waits[i - 1], 1.8, 2.2);
        }
        Assert.True(waits[5] < TimeSpan.FromSeconds(3), $"the sixth wait is {waits[5]}");
        Assert.Equal(TimeSpan.FromSeconds(3), waits[6]);
    }

    [Fact]
    public async Task RelayOnceAsync_TheWaitsHaveJitter_DifferentOnEachRun_AndNeverAboveMaxBackoff()
    {
        var options = new OutboxRelayOptions { MaxAttempts = 4, InitialBackoff = Duration.FromSeconds(1), MaxBackoff = Duration.FromSeconds(25) };
        var runs = new List<IReadOnlyList<TimeSpan>>();
        for (int run = 0; run < 3; run++)
        {
            var fixture = new OutboxFixture();
            await fixture.PlanAsync("k1");
            await fixture.Relay(new ScriptedChannel { Failures = 3 }, options).RelayOnceAsync();
            runs.Add(fixture.Clock.Waits);
        }

        Assert.All(runs, waits => Assert.Equal(3, waits.Count));
        Assert.All(runs.SelectMany(w => w), w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(25)));
        // Without jitter every run would wait 1, 2 and 4 s; with it, the runs differ from each other.
        Assert.True(runs.Select(w => string.Join(",", w)).Distinct().Count() > 1, $"every run waited {string.Join(", ", runs[0])}");
        Assert.DoesNotContain(runs, w => w.SequenceEqual([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]));
    }

    [Fact]
    public async Task RelayOnceAsync_AChannelThatAlwaysThrows_IsDeadLettered_WithTheAttemptsAndTheLastError_AndTheOthersGoOn()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("bad", "good");
        var channel = new ScriptedChannel { OnAttempt = (d, _) => d.Key == "bad" ? throw new InvalidDataException($"503 for {d.Key} #{d.Attempt}") : Task.CompletedTask };
        var logger = new RecordingLogger<OutboxRelay>();
        OutboxRelay relay = fixture.Relay(channel, new OutboxRelayOptions { MaxAttempts = 3 }, logger);

        OutboxRelayReport report = await relay.RelayOnceAsync();

        Assert.Equal(["bad"], report.DeadLettered);
        Assert.Equal(["good"], report.Delivered);
        Assert.Equal(3, channel.AttemptsOf("bad"));
        OutboxRecord dead = await fixture.FindAsync("bad");
        Assert.Equal(OutboxState.DeadLettered, dead.State);
        Assert.Equal("3 of 3 attempt(s) failed; the last: System.IO.InvalidDataException: 503 for bad #3", dead.LastError);
        Assert.Equal(["bad"], (await fixture.Store.ListOutboxAsync(OutboxState.DeadLettered, 10, null, default)).Select(r => r.Entry.Key));
        (LogLevel level, _, string message) = Assert.Single(logger.Entries, e => e.EventId.Id == 2201);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("bad", message);
        Assert.Contains("3 failed attempt(s)", message);
        Assert.Contains("RetryDeadLetterAsync", message);
        Assert.Equal("OutboxDeadLettered", logger.Entries.Single(e => e.EventId.Id == 2201).EventId.Name);
        Assert.Equal(0, (await relay.RelayOnceAsync()).Leased);
    }

    [Fact]
    public async Task RelayOnceAsync_ARetriedDeadLetter_IsDeliveredOnTheNextRun()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        bool channelUp = false;
        var channel = new ScriptedChannel { OnAttempt = (d, _) => channelUp ? Task.CompletedTask : throw new IOException("down") };
        OutboxRelay relay = fixture.Relay(channel, new OutboxRelayOptions { MaxAttempts = 2 });
        Assert.Equal(["k1"], (await relay.RelayOnceAsync()).DeadLettered);

        channelUp = true;
        Assert.Equal(0, (await relay.RelayOnceAsync()).Leased);
        Assert.True(await fixture.Store.RetryDeadLetterAsync("k1", default));
        OutboxRelayReport retried = await relay.RelayOnceAsync();

        Assert.Equal(["k1"], retried.Delivered);
        Assert.Equal(OutboxState.Sent, (await fixture.FindAsync("k1")).State);
        OutboxDelivery last = channel.Attempts[^1];
        Assert.Equal((1, 2), (last.Attempt, last.Lease));
    }

    [Fact]
    public async Task RelayOnceAsync_WithOneAttempt_DeadLettersAtOnce_WithoutWaiting()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        var channel = new ScriptedChannel { Failures = 1 };

        OutboxRelayReport report = await fixture.Relay(channel, new OutboxRelayOptions { MaxAttempts = 1 }).RelayOnceAsync();

        Assert.Equal(["k1"], report.DeadLettered);
        Assert.Empty(fixture.Clock.Waits);
        Assert.StartsWith("1 of 1 attempt(s) failed", (await fixture.FindAsync("k1")).LastError);
    }

    [Fact]
    public async Task RelayOnceAsync_AHangingChannel_IsCancelledAfterTheAttemptTimeout_EachAttempt_ThenDeadLettered()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        int cancelled = 0;
        var channel = new ScriptedChannel
        {
            OnAttempt = async (_, token) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    Interlocked.Increment(ref cancelled);
                }
            },
        };
        var options = new OutboxRelayOptions { MaxAttempts = 2, AttemptTimeout = Duration.FromSeconds(45), MaxBackoff = Duration.FromSeconds(10) };
        Task<OutboxRelayReport> run = fixture.Relay(channel, options).RelayOnceAsync();
        await WaitUntilAsync(() => fixture.Clock.HeldDueTimes.Count > 0, "the first attempt's timeout is set");
        Assert.Equal([TimeSpan.FromSeconds(45)], fixture.Clock.HeldDueTimes);

        OutboxRelayReport report = await fixture.DriveAsync(run);

        Assert.Equal(["k1"], report.DeadLettered);
        Assert.Equal(2, channel.Attempts.Count);
        Assert.Equal(2, Volatile.Read(ref cancelled));
        Assert.Empty(channel.Delivered);
        Assert.Equal("2 of 2 attempt(s) failed; the last: it timed out after 0:00:00:45.", (await fixture.FindAsync("k1")).LastError);
    }

    [Fact]
    public async Task RelayOnceAsync_SlowPastItsLease_AnotherRelayDeliversAfterExpiry_AndTheFirstMarkSentIsRefusedAndLogged()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new ScriptedChannel { OnAttempt = (_, _) => gate.Task };
        var logger = new RecordingLogger<OutboxRelay>();
        OutboxRelay first = fixture.Relay(slow, logger: logger, nodeId: "node-a");
        Task<OutboxRelayReport> slowRun = first.RelayOnceAsync();
        await WaitUntilAsync(() => slow.Attempts.Count == 1, "the first relay is delivering");

        var fast = new ScriptedChannel();
        OutboxRelay second = fixture.Relay(fast, nodeId: "node-b");
        Assert.Equal(0, (await second.RelayOnceAsync()).Leased);
        fixture.Clock.Set(T0 + new OutboxRelayOptions().LeaseDuration);
        OutboxRelayReport secondReport = await second.RelayOnceAsync();
        gate.SetResult();
        OutboxRelayReport firstReport = await slowRun;

        Assert.Equal(["k1"], secondReport.Delivered);
        Assert.Equal(2, fast.Attempts.Single().Lease);
        Assert.Equal(["k1"], firstReport.LostLease);
        Assert.Empty(firstReport.Delivered);
        // The duplicate: only the send that was in flight when the lease ran out.
        Assert.Equal((1, 1), (slow.Delivered["k1"], fast.Delivered["k1"]));
        OutboxRecord record = await fixture.FindAsync("k1");
        Assert.Equal((OutboxState.Sent, second.Claimant), (record.State, record.LeasedBy));
        (LogLevel level, EventId id, string message) = Assert.Single(logger.Entries, e => e.EventId.Id == 2202);
        Assert.Equal((LogLevel.Warning, "OutboxLeaseLost"), (level, id.Name));
        Assert.Contains(first.Claimant, message);
        Assert.Contains("(sent)", message);
        Assert.Contains("duplicate", message);
    }

    [Fact]
    public async Task RelayOnceAsync_AFailingEntrySlowPastItsLease_IsNotDeadLetteredOverTheNewHolder()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        OutboxRelay second = fixture.Relay(new ScriptedChannel(), nodeId: "node-b");
        var hijack = new ScriptedChannel
        {
            OnAttempt = async (_, _) =>
            {
                fixture.Clock.Set(T0 + Duration.FromMinutes(6));
                Assert.Equal(["k1"], (await second.RelayOnceAsync()).Delivered);
            },
            Failures = 100,
        };
        var logger = new RecordingLogger<OutboxRelay>();
        OutboxRelay slow = fixture.Relay(hijack, new OutboxRelayOptions { MaxAttempts = 1 }, logger);

        OutboxRelayReport report = await slow.RelayOnceAsync();

        Assert.Equal(["k1"], report.LostLease);
        Assert.Empty(report.DeadLettered);
        Assert.Equal(OutboxState.Sent, (await fixture.FindAsync("k1")).State);
        Assert.Contains("(dead-lettered)", Assert.Single(logger.WithEvent(2202)));
    }

    [Fact]
    public async Task RelayOnceAsync_AnEntryWhoseLeaseIsTooShortWhenItsTurnComes_IsReleasedUntried_AndDeliveredNextRun()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2");
        // Defaults: lease 5 min, worst case 5 × 30 s + 4 × 30 s = 4.5 min. k1 takes 30 s: k2 would start with 4.5 min
        // left, not more than its worst case, so it is given back.
        var channel = new ScriptedChannel
        {
            OnAttempt = (d, _) =>
            {
                fixture.Clock.Set(fixture.Clock.Now + Duration.FromSeconds(30));
                return Task.CompletedTask;
            },
        };
        var logger = new RecordingLogger<OutboxRelay>();
        OutboxRelay relay = fixture.Relay(channel, new OutboxRelayOptions { Parallelism = 1 }, logger);

        OutboxRelayReport report = await relay.RelayOnceAsync();

        Assert.Equal(["k1"], report.Delivered);
        Assert.Equal(["k2"], report.Released);
        Assert.Equal(0, channel.AttemptsOf("k2"));
        OutboxRecord released = await fixture.FindAsync("k2");
        Assert.Equal((OutboxState.Pending, (Instant?)null, (string?)null), (released.State, released.LeaseUntil, released.LastError));
        string releasedMessage = Assert.Single(logger.WithEvent(2204));
        Assert.Contains("k2", releasedMessage);
        Assert.Contains("too little of its lease was left", releasedMessage);
        Assert.Equal(["k2"], (await relay.RelayOnceAsync()).Delivered);
    }

    [Fact]
    public async Task RelayOnceAsync_AnEntryStartedJustInsideItsBudget_IsDelivered()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2");
        // k1 takes 30 s less a nanosecond: k2 starts with just more than its worst case left.
        var channel = new ScriptedChannel
        {
            OnAttempt = (d, _) =>
            {
                fixture.Clock.Set(fixture.Clock.Now + Duration.FromSeconds(30) - Duration.Epsilon);
                return Task.CompletedTask;
            },
        };

        OutboxRelayReport report = await fixture.Relay(channel, new OutboxRelayOptions { Parallelism = 1 }).RelayOnceAsync();

        Assert.Equal(["k1", "k2"], report.Delivered);
    }

    [Fact]
    public async Task RelayOnceAsync_CancelledMidSend_ReleasesTheBatchAtOnce_AndAnotherRunDeliversIt()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2", "k3");
        using var cancellation = new CancellationTokenSource();
        var blocking = new ScriptedChannel { OnAttempt = (_, token) => Task.Delay(Timeout.Infinite, token) };
        var logger = new RecordingLogger<OutboxRelay>();
        OutboxRelay relay = fixture.Relay(blocking, new OutboxRelayOptions { Parallelism = 1 }, logger);
        Task<OutboxRelayReport> run = relay.RelayOnceAsync(cancellation.Token);
        await WaitUntilAsync(() => blocking.Attempts.Count == 1, "k1 is being sent");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(["k1"], blocking.Attempts.Select(d => d.Key));
        foreach (string key in new[] { "k1", "k2", "k3" })
        {
            OutboxRecord record = await fixture.FindAsync(key);
            Assert.Equal((OutboxState.Pending, (Instant?)null, (string?)null), (record.State, record.LeaseUntil, record.LastError));
        }
        string[] releases = logger.WithEvent(2204).ToArray();
        Assert.Equal(3, releases.Length);
        Assert.Single(releases, m => m.Contains("k1") && m.Contains("the relay stopped during its delivery."));
        Assert.Equal(2, releases.Count(m => m.Contains("the relay stopped before delivering it.")));
        Assert.Empty(logger.WithEvent(2203));
        var channel = new ScriptedChannel();
        OutboxRelayReport next = await fixture.Relay(channel).RelayOnceAsync();
        Assert.Equal(["k1", "k2", "k3"], next.Delivered);
        Assert.All(channel.Attempts, d => Assert.Equal(2, d.Lease));
    }

    [Fact]
    public async Task RelayOnceAsync_CancelledDuringAWaitBetweenAttempts_ReleasesTheEntry()
    {
        var fixture = new OutboxFixture(holdFrom: TimeSpan.FromTicks(1));
        await fixture.PlanAsync("k1");
        using var cancellation = new CancellationTokenSource();
        var channel = new ScriptedChannel { Failures = 1 };
        var options = new OutboxRelayOptions { InitialBackoff = Duration.FromSeconds(5), MaxBackoff = Duration.FromSeconds(10) };
        Task<OutboxRelayReport> run = fixture.Relay(channel, options).RelayOnceAsync(cancellation.Token);
        await WaitUntilAsync(() => fixture.Clock.HeldDueTimes.Any(t => t <= TimeSpan.FromSeconds(10)), "the wait after the first attempt");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, channel.AttemptsOf("k1"));
        OutboxRecord record = await fixture.FindAsync("k1");
        Assert.Equal((OutboxState.Pending, (Instant?)null), (record.State, record.LeaseUntil));
    }

    [Fact]
    public async Task RelayOnceAsync_CancelledAfterASuccessfulAttempt_StillMarksItSent()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        using var cancellation = new CancellationTokenSource();
        var channel = new ScriptedChannel { OnAttempt = (_, _) => cancellation.CancelAsync() };

        OutboxRelayReport report = await fixture.Relay(channel).RelayOnceAsync(cancellation.Token);

        Assert.Equal(["k1"], report.Delivered);
        Assert.Equal(OutboxState.Sent, (await fixture.FindAsync("k1")).State);
    }

    [Fact]
    public async Task RelayOnceAsync_CalledConcurrentlyOnOneInstance_DeliversEachKeyOnce()
    {
        var fixture = new OutboxFixture();
        string[] keys = Enumerable.Range(0, 60).Select(i => $"k{i:D2}").ToArray();
        await fixture.PlanAsync(keys);
        var channel = new ScriptedChannel
        {
            OnAttempt = async (d, token) =>
            {
                await Task.Yield();
                await Task.Delay(d.Key.GetHashCode() & 3, token);
            },
        };
        OutboxRelay relay = fixture.Relay(channel, new OutboxRelayOptions { BatchSize = 4, Parallelism = 2 });

        OutboxRelayReport[][] reports = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            var mine = new List<OutboxRelayReport>();
            OutboxRelayReport report;
            do
            {
                report = await relay.RelayOnceAsync();
                mine.Add(report);
            }
            while (report.Leased > 0);
            return mine.ToArray();
        })));

        Assert.Equal(keys, channel.Delivered.Keys.Order(StringComparer.Ordinal));
        Assert.All(channel.Delivered, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(keys.Length, channel.Attempts.Count);
        Assert.Equal(keys, reports.SelectMany(r => r).SelectMany(r => r.Delivered).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(reports.SelectMany(r => r), r => r.LostLease.Count + r.InFlight.Count + r.Released.Count > 0);
        Assert.Equal(keys, (await fixture.Store.ListOutboxAsync(OutboxState.Sent, 100, null, default)).Select(r => r.Entry.Key));
    }

    [Fact]
    public async Task RelayOnceAsync_TheSameInstanceLeasingAKeyItIsStillDelivering_LeavesItToThatDelivery()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = new ScriptedChannel { OnAttempt = (_, _) => gate.Task };
        var logger = new RecordingLogger<OutboxRelay>();
        OutboxRelay relay = fixture.Relay(channel, logger: logger);
        Task<OutboxRelayReport> slowRun = relay.RelayOnceAsync();
        await WaitUntilAsync(() => channel.Attempts.Count == 1, "k1 is being sent");
        fixture.Clock.Set(T0 + new OutboxRelayOptions().LeaseDuration);

        OutboxRelayReport tick = await relay.RelayOnceAsync();
        gate.SetResult();
        OutboxRelayReport first = await slowRun;

        Assert.Equal(1, tick.Leased);
        Assert.Equal(["k1"], tick.InFlight);
        Assert.Empty(tick.Delivered);
        Assert.Equal(["k1"], first.Delivered);
        Assert.Single(channel.Attempts);
        Assert.Equal(OutboxState.Sent, (await fixture.FindAsync("k1")).State);
        Assert.Contains("k1", Assert.Single(logger.WithEvent(2205)));
    }

    [Fact]
    public async Task RelayOnceAsync_AStoreFailureWhileSettling_Propagates_AndReleasesTheEntriesNotStarted()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2", "k3");
        var store = new FlakyOutboxStore(fixture.Store) { FailMarkSent = 1 };
        var logger = new RecordingLogger<OutboxRelay>();
        var relay = new OutboxRelay(store, new ScriptedChannel(), fixture.Clock, fixture.Clock, new OutboxRelayOptions { Parallelism = 1 }, logger, "node-a");

        await Assert.ThrowsAsync<FlakyOutboxStore.StoreDownException>(() => relay.RelayOnceAsync());

        Assert.Equal(2, logger.WithEvent(2204).Count(m => m.Contains("the delivery run failed before delivering it.")));

        OutboxRecord k1 = await fixture.FindAsync("k1");
        Assert.Equal((OutboxState.Pending, relay.Claimant), (k1.State, k1.LeasedBy));
        Assert.NotNull(k1.LeaseUntil);
        Assert.Null((await fixture.FindAsync("k2")).LeaseUntil);
        Assert.Null((await fixture.FindAsync("k3")).LeaseUntil);
    }

    [Fact]
    public async Task RelayOnceAsync_AStoreThatCannotLease_Propagates()
    {
        var fixture = new OutboxFixture();
        var store = new FlakyOutboxStore(fixture.Store) { FailLeases = 1 };
        var relay = new OutboxRelay(store, new ScriptedChannel(), fixture.Clock, fixture.Clock, new OutboxRelayOptions());

        await Assert.ThrowsAsync<FlakyOutboxStore.StoreDownException>(() => relay.RelayOnceAsync());
        Assert.Equal(0, (await relay.RelayOnceAsync()).Leased);
    }

    [Fact]
    public void Ctor_NullArguments_ThrowNamingThem()
    {
        var fixture = new OutboxFixture();
        var channel = new ScriptedChannel();
        var options = new OutboxRelayOptions();

        Assert.Equal("store", Assert.Throws<ArgumentNullException>(() => new OutboxRelay(null!, channel, fixture.Clock, fixture.Clock, options)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentNullException>(() => new OutboxRelay(fixture.Store, null!, fixture.Clock, fixture.Clock, options)).ParamName);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new OutboxRelay(fixture.Store, channel, null!, fixture.Clock, options)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new OutboxRelay(fixture.Store, channel, fixture.Clock, null!, options)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new OutboxRelay(fixture.Store, channel, fixture.Clock, fixture.Clock, null!)).ParamName);
        Assert.Equal("nodeId", Assert.Throws<ArgumentException>(() => new OutboxRelay(fixture.Store, channel, fixture.Clock, fixture.Clock, options, null, "")).ParamName);
    }

    [Fact]
    public void Ctor_InvalidOptions_ThrowsWithEveryErrorAndItsConfigurationPath()
    {
        var fixture = new OutboxFixture();
        var options = new OutboxRelayOptions { BatchSize = 0, Parallelism = 65 };

        var e = Assert.Throws<ArgumentException>(() => fixture.Relay(new ScriptedChannel(), options));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("ServicePolicy:Hosting:Relay:BatchSize is 0", e.Message);
        Assert.Contains("must be from 1 to 10000. ServicePolicy:Hosting:Relay:Parallelism is 65", e.Message);
    }

    [Fact]
    public void Ctor_AnEmptyNodeId_ThrowsSayingSo()
    {
        var fixture = new OutboxFixture();

        var e = Assert.Throws<ArgumentException>(() => fixture.Relay(new ScriptedChannel(), nodeId: ""));

        Assert.Equal("nodeId", e.ParamName);
        Assert.Contains("A node id must not be empty.", e.Message);
    }

    [Fact]
    public async Task RelayOnceAsync_AChannelsOwnCancellation_IsAFailedAttempt_NotATimeoutNorAStop()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2");
        // An HTTP client's own timeout, for example: an OperationCanceledException that neither the relay's attempt
        // timeout nor its caller caused.
        var channel = new ScriptedChannel { OnAttempt = (d, _) => d.Key == "k1" || d.Attempt == 1 ? throw new TaskCanceledException("client gave up") : Task.CompletedTask };

        OutboxRelayReport report = await fixture.Relay(channel, new OutboxRelayOptions { MaxAttempts = 2 }).RelayOnceAsync();

        Assert.Equal(["k1"], report.DeadLettered);
        Assert.Equal(["k2"], report.Delivered);
        Assert.Equal((2, 2), (channel.AttemptsOf("k1"), channel.AttemptsOf("k2")));
        Assert.Equal("2 of 2 attempt(s) failed; the last: System.Threading.Tasks.TaskCanceledException: client gave up", (await fixture.FindAsync("k1")).LastError);
    }

    [Fact]
    public async Task RelayOnceAsync_AnEntryOverBudgetThatAnotherRelayHasLeased_IsLeftToIt()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2");
        OutboxRelay other = fixture.Relay(new ScriptedChannel(), nodeId: "node-b");
        OutboxRelayReport? otherReport = null;
        // k1 takes the whole lease; meanwhile node-b leases both entries, now free, and delivers k2 (k1 is still ours
        // in the relay's view, so node-b's delivery of it is the duplicate a lost lease allows).
        var channel = new ScriptedChannel
        {
            OnAttempt = async (d, _) =>
            {
                fixture.Clock.Set(T0 + Duration.FromMinutes(5));
                otherReport = await other.RelayOnceAsync();
            },
        };
        var logger = new RecordingLogger<OutboxRelay>();

        OutboxRelayReport report = await fixture.Relay(channel, new OutboxRelayOptions { Parallelism = 1 }, logger).RelayOnceAsync();

        Assert.Equal(["k1", "k2"], otherReport!.Delivered);
        Assert.Equal(["k1", "k2"], report.LostLease);
        Assert.Equal(0, channel.AttemptsOf("k2"));
        Assert.Equal(["(sent)", "(released)"], logger.WithEvent(2202).Select(m => m.Contains("(sent)") ? "(sent)" : m.Contains("(released)") ? "(released)" : m));
    }

    [Fact]
    public async Task RelayOnceAsync_CancelledWhenTheStoreCannotRelease_StillThrowsTheCancellation_AndLogsIt()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        using var cancellation = new CancellationTokenSource();
        var store = new FlakyOutboxStore(fixture.Store) { FailReleases = 1 };
        var channel = new ScriptedChannel { OnAttempt = async (_, token) => { await cancellation.CancelAsync(); await Task.Delay(Timeout.Infinite, token); } };
        var logger = new RecordingLogger<OutboxRelay>();
        var relay = new OutboxRelay(store, channel, fixture.Clock, fixture.Clock, new OutboxRelayOptions(), logger, "node-a");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => relay.RelayOnceAsync(cancellation.Token));

        Assert.Contains("k1", Assert.Single(logger.WithEvent(2206)));
        Assert.Empty(logger.WithEvent(2204));
        Assert.NotNull((await fixture.FindAsync("k1")).LeaseUntil);
    }

    [Fact]
    public async Task RelayOnceAsync_CancelledWhileTheChannelThrowsSomethingElse_ThrowsTheCancellation()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        using var cancellation = new CancellationTokenSource();
        var channel = new ScriptedChannel { OnAttempt = async (_, _) => { await cancellation.CancelAsync(); throw new IOException("connection reset"); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Relay(channel).RelayOnceAsync(cancellation.Token));

        Assert.Null((await fixture.FindAsync("k1")).LeaseUntil);
        Assert.Equal(1, channel.AttemptsOf("k1"));
    }

    [Fact]
    public async Task RelayOnceAsync_TwoRelaysSharingAStore_DeliverEachKeyOnce()
    {
        var fixture = new OutboxFixture();
        string[] keys = Enumerable.Range(0, 30).Select(i => $"k{i:D2}").ToArray();
        await fixture.PlanAsync(keys);
        var channel = new ScriptedChannel { OnAttempt = async (_, _) => await Task.Yield() };
        OutboxRelay[] relays = [fixture.Relay(channel, new OutboxRelayOptions { BatchSize = 3 }, nodeId: "node-a"), fixture.Relay(channel, new OutboxRelayOptions { BatchSize = 3 }, nodeId: "node-b")];

        await Task.WhenAll(relays.Select(relay => Task.Run(async () =>
        {
            while ((await relay.RelayOnceAsync()).Leased > 0)
            {
            }
        })));

        Assert.Equal(keys, channel.Delivered.Keys.Order(StringComparer.Ordinal));
        Assert.All(channel.Delivered.Values, n => Assert.Equal(1, n));
    }
}
