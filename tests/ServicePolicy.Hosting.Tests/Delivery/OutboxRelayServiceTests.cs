// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Storage;
using Xunit;
using static ServicePolicy.Hosting.Tests.Delivery.OutboxFixture;

namespace ServicePolicy.Hosting.Tests.Delivery;

public class OutboxRelayServiceTests
{
    private static readonly Duration Poll = Duration.FromMinutes(1);

    [Fact]
    public async Task ExecuteAsync_RelaysFullBatchesBackToBack_ThenWaitsThePollInterval()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1", "k2", "k3", "k4", "k5");
        var channel = new ScriptedChannel();
        var options = new OutboxRelayOptions { BatchSize = 2, PollInterval = Poll };
        using var service = Service(fixture, fixture.Store, channel, options, new RecordingLogger<OutboxRelayService>());

        await service.StartAsync(default);
        // Two full batches and a third of one entry, with no poll wait between them (the wait is held, never fired).
        await WaitUntilAsync(() => channel.Delivered.Count == 5, "the five entries are delivered");
        await WaitUntilAsync(() => fixture.Clock.HeldDueTimes.Contains(Poll.ToTimeSpan()), "the service waits the poll interval");
        await fixture.PlanAsync("k6");
        await Task.Delay(20);
        Assert.False(channel.Delivered.ContainsKey("k6"), "the service looked again before its poll interval");
        fixture.Clock.FireHeld();
        await WaitUntilAsync(() => channel.Delivered.ContainsKey("k6"), "k6 is delivered after the poll interval");
        await service.StopAsync(default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.All(channel.Delivered.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ExecuteAsync_AStoreError_IsLoggedAndRetriedWithBackoff_WithoutStoppingTheHost()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        // The first failure is an OperationCanceledException of the store's own (a command timeout), not a stop.
        int storeFailures = 0;
        var store = new FlakyOutboxStore(fixture.Store)
        {
            FailLeases = 8,
            Failure = () => Interlocked.Increment(ref storeFailures) == 1 ? new TaskCanceledException("command timeout") : new FlakyOutboxStore.StoreDownException(),
        };
        var channel = new ScriptedChannel();
        var logger = new RecordingLogger<OutboxRelayService>();
        var options = new OutboxRelayOptions { PollInterval = Duration.FromSeconds(1), MaxBackoff = Duration.FromSeconds(3) };
        using var service = Service(fixture, store, channel, options, logger);

        await service.StartAsync(default);
        await WaitUntilAsync(() => channel.Delivered.ContainsKey("k1"), "k1 is delivered once the store is back");
        await service.StopAsync(default).WaitAsync(TimeSpan.FromSeconds(30));

        string[] failures = logger.WithEvent(2207).ToArray();
        string[] logged = logger.WithEvent(2207).ToArray();
        Assert.Equal(8, logged.Length);
        Assert.All(logged, m => Assert.Contains("retrying in", m));
        Assert.All(logger.Entries.Where(e => e.EventId.Id == 2207), e => Assert.Equal(LogLevel.Error, e.Level));
        // The waits run on the service's TimeProvider, grow from PollInterval with jitter, and stop at MaxBackoff
        // (3 s, more than PollInterval): 1 s doubled seven times is far beyond it.
        IReadOnlyList<TimeSpan> retryWaits = fixture.Clock.Waits.Take(8).ToArray();
        Assert.Equal(8, retryWaits.Count);
        Assert.All(retryWaits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(3)));
        Assert.Contains(TimeSpan.FromSeconds(3), retryWaits);
        Assert.NotEqual([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], retryWaits.Take(2));
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(OutboxState.Sent, (await fixture.FindAsync("k1")).State);
    }

    [Fact]
    public async Task StopAsync_DuringADelivery_StopsPromptly_AndReleasesTheEntry()
    {
        var fixture = new OutboxFixture();
        await fixture.PlanAsync("k1");
        var channel = new ScriptedChannel { OnAttempt = (_, token) => Task.Delay(Timeout.Infinite, token) };
        using var service = Service(fixture, fixture.Store, channel, new OutboxRelayOptions(), new RecordingLogger<OutboxRelayService>());

        await service.StartAsync(default);
        await WaitUntilAsync(() => channel.Attempts.Count == 1, "k1 is being sent");
        await service.StopAsync(default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        OutboxRecord record = await fixture.FindAsync("k1");
        Assert.Equal((OutboxState.Pending, (Instant?)null), (record.State, record.LeaseUntil));
    }

    [Fact]
    public async Task AddOutboxRelay_BindsTheConfigurationSection_AndRegistersOnce()
    {
        var fixture = new OutboxFixture();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServicePolicy:Hosting:Relay:BatchSize"] = "7",
            ["ServicePolicy:Hosting:Relay:LeaseDuration"] = "0:00:10:00",
            ["ServicePolicy:Hosting:Relay:Parallelism"] = "2",
        }).Build());
        services.AddSingleton<IOutboxStore>(fixture.Store);
        services.AddSingleton<IOutboxChannel>(new ScriptedChannel());
        services.AddLogging();

        services.AddOutboxRelay().AddOutboxRelay();
        await using ServiceProvider provider = services.BuildServiceProvider();

        OutboxRelayOptions options = provider.GetRequiredService<IOptions<OutboxRelayOptions>>().Value;
        Assert.Equal((7, Duration.FromMinutes(10), 2, 5), (options.BatchSize, options.LeaseDuration, options.Parallelism, options.MaxAttempts));
        Assert.Same(provider.GetRequiredService<OutboxRelay>(), provider.GetRequiredService<OutboxRelay>());
        Assert.IsType<OutboxRelayService>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Single(provider.GetServices<IValidateOptions<OutboxRelayOptions>>());
        Assert.StartsWith(Environment.MachineName + "/", provider.GetRequiredService<OutboxRelay>().Claimant);
    }

    [Fact]
    public async Task AddOutboxRelay_WithoutConfiguration_UsesTheDefaults_AndTheSystemClock()
    {
        var fixture = new OutboxFixture();
        var services = new ServiceCollection();
        services.AddSingleton<IOutboxStore>(fixture.Store);
        services.AddSingleton<IOutboxChannel>(new ScriptedChannel());

        services.AddOutboxRelay();
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(100, provider.GetRequiredService<IOptions<OutboxRelayOptions>>().Value.BatchSize);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<OutboxRelay>());
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => OutboxRelayServiceCollectionExtensions.AddOutboxRelay(null!)).ParamName);
    }

    [Fact]
    public async Task AddOutboxRelay_InvalidConfiguration_StopsTheHostAtStart_NamingEveryPath()
    {
        var fixture = new OutboxFixture();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServicePolicy:Hosting:Relay:BatchSize"] = "0",
            ["ServicePolicy:Hosting:Relay:LeaseDuration"] = "0:00:01:00",
        });
        builder.Services.AddSingleton<IOutboxStore>(fixture.Store);
        builder.Services.AddSingleton<IOutboxChannel>(new ScriptedChannel());
        builder.Services.AddOutboxRelay();
        using IHost host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ServicePolicy:Hosting:Relay:BatchSize is 0", e.Message);
        Assert.Contains("ServicePolicy:Hosting:Relay:LeaseDuration is 0:00:01:00", e.Message);
    }

    private static OutboxRelayService Service(OutboxFixture fixture, IOutboxStore store, IOutboxChannel channel, OutboxRelayOptions options,
        ILogger<OutboxRelayService> logger) =>
        new(new OutboxRelay(store, channel, fixture.Clock, fixture.Clock, options), Options.Create(options), fixture.Clock, logger);
}
