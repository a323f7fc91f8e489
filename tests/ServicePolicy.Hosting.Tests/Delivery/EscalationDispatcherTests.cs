// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using ServicePolicy.Hosting.Delivery;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Hosting.Tests.Delivery;

public class EscalationDispatcherTests
{
    private static readonly Timeline Opened = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

    private static IReadOnlyList<EscalationAction> ActionsAt(string local) =>
        Evaluate(Opened, local, EscalationContext.Create(Org(), FireAll())).EscalationActions;

    private static EscalationChain FireAll() => EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
        .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
        .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
        .WithCatchUp(EscalationCatchUp.FireAllMissed)
        .Build();

    [Fact]
    public async Task DispatchAsync_DeliversEachKeyOncePerLog()
    {
        var notifier = new RecordingNotifier();
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        var first = new EscalationDispatcher(notifier, log, clock, On(clock));
        var second = new EscalationDispatcher(notifier, log, clock, On(clock));

        DispatchReport a = await first.DispatchAsync(ActionsAt("2025-03-10 13:00+1ns"));
        DispatchReport b = await second.DispatchAsync(ActionsAt("2025-03-10 13:05"));

        Assert.Equal(2, a.Delivered.Count);
        Assert.Empty(b.Delivered);
        Assert.Equal(2, b.AlreadySent.Count);
        Assert.All(notifier.Deliveries.Values, n => Assert.Equal(1, n));
        Assert.Equal(2, log.SentCount);
        Assert.Equal(At("2025-03-10 13:00"), log.SentAt("T-1/FirstResponse/0/ladder@v1/L0/R0"));
    }

    [Fact]
    public async Task DispatchAsync_RetriesWithExponentialBackoff_WithoutSleeping()
    {
        var notifier = new RecordingNotifier(failures: 2);
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        var dispatcher = new EscalationDispatcher(notifier, new InMemoryDispatchLog(), clock,
            new EscalationDispatcherOptions { TimeProvider = clock, MaxAttempts = 3, InitialBackoff = Duration.FromSeconds(1), BackoffMultiplier = 3 });

        DispatchReport report = await dispatcher.DispatchAsync(ActionsAt("2025-03-10 13:00+1ns").Take(1));

        Assert.Single(report.Delivered);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], clock.Waits);
        Assert.Equal(3, notifier.Attempts("T-1/FirstResponse/0/ladder@v1/W0"));
    }

    [Fact]
    public async Task DispatchAsync_WhenEveryAttemptFails_SurfacesTheFailure_AndReleasesTheClaim()
    {
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        var failing = new EscalationDispatcher(new RecordingNotifier(failures: 100), log, clock,
            new EscalationDispatcherOptions { TimeProvider = clock, MaxAttempts = 2, InitialBackoff = Duration.FromSeconds(5) });
        IReadOnlyList<EscalationAction> actions = ActionsAt("2025-03-10 13:00+1ns");

        var e = await Assert.ThrowsAsync<EscalationDispatchException>(() => failing.DispatchAsync(actions));

        Assert.Equal(2, e.Report.Failed.Count);
        Assert.Empty(e.Report.Delivered);
        Assert.Contains("T-1/FirstResponse/0/ladder@v1/W0", e.Message);
        var inner = Assert.IsType<AggregateException>(e.InnerException);
        Assert.Equal(4, inner.InnerExceptions.Count);
        Assert.All(inner.InnerExceptions, x => Assert.IsType<IOException>(x.InnerException));
        Assert.Contains("Attempt 2 of 2", inner.InnerExceptions[1].Message);
        Assert.Equal(0, log.SentCount);

        var notifier = new RecordingNotifier();
        DispatchReport retry = await new EscalationDispatcher(notifier, log, clock, On(clock)).DispatchAsync(actions);
        Assert.Equal(2, retry.Delivered.Count);
    }

    [Fact]
    public async Task DispatchAsync_SkipsAKeyHeldByAnother_UntilItsLeaseRunsOut()
    {
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        EscalationAction action = ActionsAt("2025-03-10 13:00+1ns")[0];
        Assert.Equal(DispatchClaim.Claimed, await log.TryClaimAsync(action.Key.ToString(), "crashed-host", clock.Now, clock.Now + Duration.FromMinutes(5), default));
        var notifier = new RecordingNotifier();
        var dispatcher = new EscalationDispatcher(notifier, log, clock, On(clock));

        DispatchReport during = await dispatcher.DispatchAsync([action]);
        clock.Set(At("2025-03-10 13:05"));
        DispatchReport after = await dispatcher.DispatchAsync([action]);

        Assert.Equal([action], during.HeldByAnother);
        Assert.Equal([action], after.Delivered);
        Assert.Equal(1, notifier.Deliveries[action.Key.ToString()]);
    }

    [Fact]
    public async Task DispatchAsync_LogFailure_Propagates()
    {
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        var dispatcher = new EscalationDispatcher(new RecordingNotifier(), new CrashingLog(new InMemoryDispatchLog(), _ => true), clock, On(clock));

        await Assert.ThrowsAsync<CrashingLog.SimulatedCrash>(() => dispatcher.DispatchAsync(ActionsAt("2025-03-10 13:00+1ns")));
    }

    [Fact]
    public async Task DispatchAsync_Cancelled_ReleasesTheClaim()
    {
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        using var cancellation = new CancellationTokenSource();
        var dispatcher = new EscalationDispatcher(new RecordingNotifier(failures: 1) { OnAttempt = cancellation.Cancel }, log, clock, On(clock));
        EscalationAction action = ActionsAt("2025-03-10 13:00+1ns")[0];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchAsync([action], cancellation.Token));

        Assert.Equal(DispatchClaim.Claimed, await log.TryClaimAsync(action.Key.ToString(), "other", clock.Now, clock.Now + Duration.FromMinutes(1), default));
    }

    [Theory]
    [InlineData(0, 1, 2.0, 60, 300, "options.MaxAttempts")]
    [InlineData(4, -1, 2.0, 60, 300, "options.InitialBackoff")]
    [InlineData(4, 1, 0.5, 60, 300, "options.BackoffMultiplier")]
    [InlineData(4, 10, 2.0, 5, 300, "options.MaxBackoff")]
    [InlineData(4, 1, 2.0, 60, 7, "options.LeaseDuration")]
    [InlineData(4, 1, 2.0, 60, 127, "options.LeaseDuration")] // 4 attempts of 30 s plus waits of 1, 2 and 4 s
    public void Ctor_BadOptions_ThrowNamingTheOption(int attempts, int backoffSeconds, double multiplier, int maxBackoffSeconds, int leaseSeconds, string name)
    {
        var options = new EscalationDispatcherOptions
        {
            MaxAttempts = attempts,
            InitialBackoff = Duration.FromSeconds(backoffSeconds),
            BackoffMultiplier = multiplier,
            MaxBackoff = Duration.FromSeconds(maxBackoffSeconds),
            LeaseDuration = Duration.FromSeconds(leaseSeconds),
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EscalationDispatcher(new RecordingNotifier(), new InMemoryDispatchLog(), AnyClock, options));

        Assert.Equal(name, e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(86_401)]
    public void Ctor_AttemptTimeoutOutOfRange_ThrowsNamingIt(int seconds)
    {
        var options = new EscalationDispatcherOptions { AttemptTimeout = Duration.FromSeconds(seconds), LeaseDuration = Duration.FromDays(10) };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EscalationDispatcher(new RecordingNotifier(), new InMemoryDispatchLog(), AnyClock, options));

        Assert.Equal("options.AttemptTimeout", e.ParamName);
        Assert.Contains(Duration.FromSeconds(seconds).ToString(), e.Message);
    }

    [Fact]
    public void Ctor_LeaseJustLongerThanTheWorstCase_IsAccepted()
    {
        // 4 attempts of 30 s each plus the waits of 1, 2 and 4 s between them: 127 s.
        var options = new EscalationDispatcherOptions { LeaseDuration = Duration.FromSeconds(127) + Duration.Epsilon };

        var dispatcher = new EscalationDispatcher(new RecordingNotifier(), new InMemoryDispatchLog(), AnyClock, options, "node-1");

        Assert.Equal("node-1", dispatcher.Claimant);
    }

    [Fact]
    public async Task DispatchAsync_AHangingChannel_IsCancelledAfterTheAttemptTimeout_RetriedAndReported()
    {
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        var notifier = new HangingNotifier();
        var dispatcher = new EscalationDispatcher(notifier, log, clock,
            new EscalationDispatcherOptions { TimeProvider = clock, MaxAttempts = 2, AttemptTimeout = Duration.FromSeconds(30) });
        EscalationAction action = ActionsAt("2025-03-10 13:00+1ns")[0];

        Task<DispatchReport> dispatch = dispatcher.DispatchAsync([action]);
        for (int i = 0; i < 1000 && !dispatch.IsCompleted; i++)
        {
            clock.FireHeld();
            await Task.Delay(1);
        }

        Assert.True(dispatch.IsCompleted, $"the dispatch did not finish: {notifier.Attempts} attempt(s), {notifier.Cancelled} cancelled, timers held {string.Join(", ", clock.HeldDueTimes)}");
        var e = await Assert.ThrowsAsync<EscalationDispatchException>(() => dispatch);
        Assert.Equal(2, notifier.Attempts);
        Assert.Equal(2, notifier.Cancelled);
        var inner = Assert.IsType<AggregateException>(e.InnerException);
        Assert.Equal(2, inner.InnerExceptions.Count);
        Assert.All(inner.InnerExceptions, x => Assert.Contains("timed out", x.Message));
        Assert.Equal(DispatchClaim.Claimed, await log.TryClaimAsync(action.Key.ToString(), "other", clock.Now, clock.Now + Duration.FromMinutes(1), default));
    }

    [Fact]
    public async Task DispatchAsync_CancelledDuringAWaitBetweenAttempts_ReleasesTheClaim()
    {
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00")) { HoldFrom = TimeSpan.FromSeconds(1) };
        using var cancellation = new CancellationTokenSource();
        var dispatcher = new EscalationDispatcher(new RecordingNotifier(failures: 1), log, clock,
            new EscalationDispatcherOptions { TimeProvider = clock, InitialBackoff = Duration.FromSeconds(5) });
        EscalationAction action = ActionsAt("2025-03-10 13:00+1ns")[0];

        Task<DispatchReport> dispatch = dispatcher.DispatchAsync([action], cancellation.Token);
        for (int i = 0; i < 1000 && !clock.HeldDueTimes.Contains(TimeSpan.FromSeconds(5)); i++)
        {
            await Task.Delay(1);
        }
        Assert.Contains(TimeSpan.FromSeconds(5), clock.HeldDueTimes);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(DispatchClaim.Claimed, await log.TryClaimAsync(action.Key.ToString(), "other", clock.Now, clock.Now + Duration.FromMinutes(1), default));
    }

    [Fact]
    public async Task DispatchAsync_WritesALeaseOfTheConfiguredLength_AndTheSentTimeFromTheClock()
    {
        var log = new RecordingLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        var dispatcher = new EscalationDispatcher(new RecordingNotifier(), log, clock,
            new EscalationDispatcherOptions { TimeProvider = clock, LeaseDuration = Duration.FromMinutes(7) }, "node-a");
        EscalationAction action = ActionsAt("2025-03-10 13:00+1ns")[0];

        await dispatcher.DispatchAsync([action]);

        Assert.Equal((action.Key.ToString(), "node-a", At("2025-03-10 13:00"), At("2025-03-10 13:07")), log.Claims.Single());
        Assert.Equal((action.Key.ToString(), At("2025-03-10 13:00")), log.Sent.Single());
    }

    private static readonly IClock AnyClock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2025, 3, 10, 13, 0));

    private static EscalationDispatcherOptions On(ManualTimeProvider clock) => new() { TimeProvider = clock };

    /// <summary>A channel that never answers until its attempt is cancelled.</summary>
    private sealed class HangingNotifier : IEscalationNotifier
    {
        private int attempts, cancelled;

        public int Attempts => Volatile.Read(ref attempts);

        public int Cancelled => Volatile.Read(ref cancelled);

        public async Task NotifyAsync(EscalationAction action, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref attempts);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Interlocked.Increment(ref cancelled);
            }
        }
    }

    /// <summary>A log that records what it was asked to write.</summary>
    private sealed class RecordingLog : IDispatchLog
    {
        private readonly InMemoryDispatchLog inner = new();

        public List<(string Key, string Claimant, Instant Now, Instant LeaseUntil)> Claims { get; } = new();

        public List<(string Key, Instant SentAt)> Sent { get; } = new();

        public ValueTask<DispatchClaim> TryClaimAsync(string key, string claimant, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
        {
            Claims.Add((key, claimant, now, leaseUntil));
            return inner.TryClaimAsync(key, claimant, now, leaseUntil, cancellationToken);
        }

        public ValueTask MarkSentAsync(string key, Instant sentAt, CancellationToken cancellationToken)
        {
            Sent.Add((key, sentAt));
            return inner.MarkSentAsync(key, sentAt, cancellationToken);
        }

        public ValueTask ReleaseAsync(string key, string claimant, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(key, claimant, cancellationToken);
    }

    [Fact]
    public void Options_HaveDocumentedDefaults()
    {
        var options = new EscalationDispatcherOptions();

        Assert.Equal((4, Duration.FromSeconds(1), 2.0, Duration.FromMinutes(1), Duration.FromMinutes(5), Duration.FromSeconds(30), TimeProvider.System),
            (options.MaxAttempts, options.InitialBackoff, options.BackoffMultiplier, options.MaxBackoff, options.LeaseDuration, options.AttemptTimeout, options.TimeProvider));
    }
}
