// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

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
        var first = new EscalationDispatcher(notifier, log, clock);
        var second = new EscalationDispatcher(notifier, log, clock);

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
            new EscalationDispatcherOptions { MaxAttempts = 3, InitialBackoff = Duration.FromSeconds(1), BackoffMultiplier = 3 });

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
            new EscalationDispatcherOptions { MaxAttempts = 2, InitialBackoff = Duration.FromSeconds(5) });
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
        DispatchReport retry = await new EscalationDispatcher(notifier, log, clock).DispatchAsync(actions);
        Assert.Equal(2, retry.Delivered.Count);
    }

    [Fact]
    public async Task DispatchAsync_SkipsAKeyHeldByAnother_UntilItsLeaseRunsOut()
    {
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        EscalationAction action = ActionsAt("2025-03-10 13:00+1ns")[0];
        Assert.Equal(DispatchClaim.Claimed, await log.TryClaimAsync(action.Key, "crashed-host", clock.Now, clock.Now + Duration.FromMinutes(5), default));
        var notifier = new RecordingNotifier();
        var dispatcher = new EscalationDispatcher(notifier, log, clock);

        DispatchReport during = await dispatcher.DispatchAsync([action]);
        clock.Set(At("2025-03-10 13:05"));
        DispatchReport after = await dispatcher.DispatchAsync([action]);

        Assert.Equal([action], during.HeldByAnother);
        Assert.Equal([action], after.Delivered);
        Assert.Equal(1, notifier.Deliveries[action.Key]);
    }

    [Fact]
    public async Task DispatchAsync_LogFailure_Propagates()
    {
        var dispatcher = new EscalationDispatcher(new RecordingNotifier(), new CrashingLog(new InMemoryDispatchLog(), _ => true),
            new ManualTimeProvider(At("2025-03-10 13:00")));

        await Assert.ThrowsAsync<CrashingLog.SimulatedCrash>(() => dispatcher.DispatchAsync(ActionsAt("2025-03-10 13:00+1ns")));
    }

    [Fact]
    public async Task DispatchAsync_Cancelled_ReleasesTheClaim()
    {
        var log = new InMemoryDispatchLog();
        var clock = new ManualTimeProvider(At("2025-03-10 13:00"));
        using var cancellation = new CancellationTokenSource();
        var dispatcher = new EscalationDispatcher(new RecordingNotifier(failures: 1) { OnAttempt = cancellation.Cancel }, log, clock);
        EscalationAction action = ActionsAt("2025-03-10 13:00+1ns")[0];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchAsync([action], cancellation.Token));

        Assert.Equal(DispatchClaim.Claimed, await log.TryClaimAsync(action.Key, "other", clock.Now, clock.Now + Duration.FromMinutes(1), default));
    }

    [Theory]
    [InlineData(0, 1, 2.0, 60, 300, "options.MaxAttempts")]
    [InlineData(4, -1, 2.0, 60, 300, "options.InitialBackoff")]
    [InlineData(4, 1, 0.5, 60, 300, "options.BackoffMultiplier")]
    [InlineData(4, 10, 2.0, 5, 300, "options.MaxBackoff")]
    [InlineData(4, 1, 2.0, 60, 7, "options.LeaseDuration")]
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
            new EscalationDispatcher(new RecordingNotifier(), new InMemoryDispatchLog(), TimeProvider.System, options));

        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Options_HaveDocumentedDefaults()
    {
        var options = new EscalationDispatcherOptions();

        Assert.Equal((4, Duration.FromSeconds(1), 2.0, Duration.FromMinutes(1), Duration.FromMinutes(5)),
            (options.MaxAttempts, options.InitialBackoff, options.BackoffMultiplier, options.MaxBackoff, options.LeaseDuration));
    }
}
