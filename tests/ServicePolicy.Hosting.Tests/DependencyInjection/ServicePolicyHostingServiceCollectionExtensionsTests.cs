// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.DependencyInjection;

public class ServicePolicyHostingServiceCollectionExtensionsTests
{
    private static readonly Instant Monday9 = Instant.FromUtc(2025, 3, 3, 9, 0);

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddSingleton<IClock>(new FakeClock(Monday9));
        return builder;
    }

    private static void AddPolicy(IServiceCollection services) => services.AddServicePolicy(b => b
        .AddCalendar("office", c =>
        {
            c.TimeZone = "Europe/London";
            c.Hours = "Mon-Fri 09:00-17:00";
        })
        .AddPolicy("standard", p =>
        {
            p.Calendar = "office";
            p.Targets["FirstResponse"] = new TargetOptions { Deadline = "4 business hours" };
        }));

    [Fact]
    public async Task Start_WithoutAStore_FailsSayingWhichCallToAdd()
    {
        HostApplicationBuilder builder = Builder();
        AddPolicy(builder.Services);
        builder.Services.AddServicePolicyHosting();
        using IHost host = builder.Build();

        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("No ServicePolicy interaction store is registered", e.Message, StringComparison.Ordinal);
        Assert.Contains("AddServicePolicyHosting(h => h.UseInMemoryStore())", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithoutAChannel_FailsSayingWhichCallToAdd()
    {
        HostApplicationBuilder builder = Builder();
        AddPolicy(builder.Services);
        builder.Services.AddServicePolicyHosting(h => h.UseInMemoryStore());
        using IHost host = builder.Build();

        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("No IOutboxChannel is registered", e.Message, StringComparison.Ordinal);
        Assert.Contains("h.UseChannel<YourChannel>()", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InitializesTheStore_BeforeTheWorkersRun()
    {
        HostApplicationBuilder builder = Builder();
        AddPolicy(builder.Services);
        var store = new InitializingStore(new InMemoryInteractionStore(new FakeClock(Monday9)), fail: false);
        builder.Services.AddSingleton<IInteractionStore>(store);
        builder.Services.AddSingleton<IOutboxStore>(store.Inner);
        builder.Services.AddServicePolicyHosting(h => h.UseChannel(new NullChannel()));
        using IHost host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(1, store.Initialized);
        Assert.Equal(0, store.UsedBeforeInitialized);
    }

    [Fact]
    public async Task Start_WhenTheStoreCannotInitialize_FailsWithTheStoresError()
    {
        HostApplicationBuilder builder = Builder();
        AddPolicy(builder.Services);
        var store = new InitializingStore(new InMemoryInteractionStore(new FakeClock(Monday9)), fail: true);
        builder.Services.AddSingleton<IInteractionStore>(store);
        builder.Services.AddSingleton<IOutboxStore>(store.Inner);
        builder.Services.AddServicePolicyHosting(h => h.UseChannel(new NullChannel()));
        using IHost host = builder.Build();

        StoreSchemaException e = await Assert.ThrowsAsync<StoreSchemaException>(() => host.StartAsync());

        Assert.Equal((2, 1), (e.DatabaseVersion, e.SupportedVersion));
        Assert.Equal(0, store.UsedBeforeInitialized);
    }

    [Fact]
    public async Task Start_WithoutAddServicePolicy_FailsSayingSo()
    {
        HostApplicationBuilder builder = Builder();
        builder.Services.AddServicePolicyHosting(h => h.UseInMemoryStore());
        using IHost host = builder.Build();

        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("No IServicePolicyEvaluator is registered: call services.AddServicePolicy(", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidConfiguration_FailsNamingThePathAndValue()
    {
        HostApplicationBuilder builder = Builder(("ServicePolicy:Hosting:Timer:BatchSize", "0"));
        AddPolicy(builder.Services);
        builder.Services.AddServicePolicyHosting(h => h.UseInMemoryStore());
        using IHost host = builder.Build();

        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ServicePolicy:Hosting:Timer:BatchSize is 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithInMemoryStore_RecordsFactsAndRunsTheTimerWorker()
    {
        HostApplicationBuilder builder = Builder();
        AddPolicy(builder.Services);
        builder.Services.AddServicePolicyHosting(h => h.UseInMemoryStore().UseChannel(new NullChannel()));
        using IHost host = builder.Build();

        await host.StartAsync();
        IInteractionService service = host.Services.GetRequiredService<IInteractionService>();
        RecordResult result = await service.RecordAsync("T-1", new InteractionOpened(Monday9, Owner.Person("ann")), CancellationToken.None);
        await host.StopAsync();

        Assert.Equal(QueueState.OnTrack, result.Summary.State);
        Assert.Equal("standard@1", result.Summary.Policy);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<InteractionTimerWorker>());
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<OutboxRelayService>());
        Assert.StartsWith(host.Services.GetRequiredService<IOptions<ServicePolicyHostingOptions>>().Value.NodeId + "/",
            host.Services.GetRequiredService<OutboxRelay>().Claimant, StringComparison.Ordinal);
        Assert.Same(host.Services.GetRequiredService<IInteractionStore>(), host.Services.GetRequiredService<IOutboxStore>());
        Assert.NotNull(await host.Services.GetRequiredService<IInteractionStore>().FindAsync("T-1", CancellationToken.None));
    }

    [Fact]
    public void Options_BindTheDefaultSection_ThenTheBuilderInOrder()
    {
        HostApplicationBuilder builder = Builder(
            ("ServicePolicy:Hosting:NodeId", "node-a"),
            ("ServicePolicy:Hosting:Timer:BatchSize", "7"),
            ("ServicePolicy:Hosting:Timer:PollInterval", "00:00:02"),
            ("Other:Timer:BatchSize", "9"));
        AddPolicy(builder.Services);
        builder.Services.AddServicePolicyHosting(h => h
            .UseInMemoryStore()
            .UseChannel(new NullChannel())
            .Configure(builder.Configuration.GetSection("Other"))
            .Configure(o => o.Timer.RetryDelay = TimeSpan.FromSeconds(3)));
        using IHost host = builder.Build();

        ServicePolicyHostingOptions options = host.Services.GetRequiredService<IOptions<ServicePolicyHostingOptions>>().Value;

        Assert.Equal("node-a", options.NodeId);
        Assert.Equal(9, options.Timer.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timer.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timer.RetryDelay);
    }

    [Fact]
    public void AddServicePolicyHosting_CalledTwice_RegistersOneWorkerAndOneService()
    {
        var services = new ServiceCollection();
        services.AddServicePolicyHosting(h => h.UseInMemoryStore());
        services.AddServicePolicyHosting(h => h.UseInMemoryStore());

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(InteractionTimerWorker));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxRelayService));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StoreInitializer));
        Assert.Equal(typeof(StoreInitializer), services.First(d => d.ServiceType == typeof(IHostedService)).ImplementationType);
        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IHostedService)));
        Assert.Single(services, d => d.ServiceType == typeof(IInteractionService));
        Assert.Single(services, d => d.ServiceType == typeof(IInteractionStore));
    }

    [Fact]
    public async Task UseInMemoryStore_WithoutAClock_ReadsTheContainersTimeProvider()
    {
        var time = new FakeTimeProvider(Monday9.ToDateTimeOffset());
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddServicePolicyHosting(h => h.UseInMemoryStore());
        await using ServiceProvider provider = services.BuildServiceProvider();
        IInteractionStore store = provider.GetRequiredService<IInteractionStore>();

        time.Advance(TimeSpan.FromMinutes(7));

        Assert.Equal(Monday9 + Duration.FromMinutes(7), await store.GetCurrentInstantAsync(CancellationToken.None));
        Assert.Same(store, provider.GetRequiredService<InMemoryInteractionStore>());
    }

    [Fact]
    public async Task UseChannel_ReplacesTheChannelRegisteredBefore()
    {
        var first = new NullChannel();
        var second = new NullChannel();
        var services = new ServiceCollection();
        services.AddServicePolicyHosting(h => h.UseChannel(first).UseChannel(second));
        await using ServiceProvider byInstance = services.BuildServiceProvider();
        services.AddServicePolicyHosting(h => h.UseChannel<OtherChannel>());
        await using ServiceProvider byType = services.BuildServiceProvider();

        Assert.Same(second, Assert.Single(byInstance.GetServices<IOutboxChannel>()));
        Assert.IsType<OtherChannel>(Assert.Single(byType.GetServices<IOutboxChannel>()));
        Assert.Same(byType.GetRequiredService<IOutboxChannel>(), byType.GetRequiredService<IOutboxChannel>());
    }

    [Fact]
    public void Options_WithoutAConfiguration_AreTheDefaultsAndTheBuildersValues()
    {
        var services = new ServiceCollection();
        services.AddServicePolicyHosting(h => h.UseInMemoryStore().UseChannel(new NullChannel()).Configure(o => o.NodeId = "solo"));
        AddPolicy(services);
        using ServiceProvider provider = services.BuildServiceProvider();

        ServicePolicyHostingOptions options = provider.GetRequiredService<IOptions<ServicePolicyHostingOptions>>().Value;

        Assert.Equal("solo", options.NodeId);
        Assert.Equal(200, options.Timer.BatchSize);
    }

    [Fact]
    public void Builder_NullArguments_Throw()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>("channel", () => services.AddServicePolicyHosting(h => h.UseChannel(null!)));
        Assert.Throws<ArgumentNullException>("section", () => services.AddServicePolicyHosting(h => h.Configure((IConfiguration)null!)));
        Assert.Throws<ArgumentNullException>("configure", () => services.AddServicePolicyHosting(h => h.Configure((Action<ServicePolicyHostingOptions>)null!)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddServicePolicyHosting_CalledAgain_RegistersNothingMore(bool emptyBefore)
    {
        var services = new ServiceCollection();
        if (!emptyBefore)
        {
            services.AddLogging();
        }
        services.AddServicePolicyHosting();
        ServiceDescriptor[] once = [.. services];

        services.AddServicePolicyHosting();

        Assert.Equal(once, services);
        Assert.Contains(services, d => d.ServiceType == typeof(IInteractionService));
    }

    [Fact]
    public void AddServicePolicyHosting_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddServicePolicyHosting());
    }

    private sealed class NullChannel : IOutboxChannel
    {
        public Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A store that counts its initialization and any use before it (or fails to initialize).</summary>
    private sealed class InitializingStore(InMemoryInteractionStore inner, bool fail) : IInteractionStore
    {
        private int initialized, usedBefore;

        public InMemoryInteractionStore Inner => inner;

        public int Initialized => Volatile.Read(ref initialized);

        public int UsedBeforeInitialized => Volatile.Read(ref usedBefore);

        public Task InitializeAsync(CancellationToken cancellationToken)
        {
            if (fail)
            {
                throw new StoreSchemaException(2, 1, "The database's schema is version 2; this package knows 1.");
            }
            Interlocked.Increment(ref initialized);
            return Task.CompletedTask;
        }

        public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => Use(() => inner.GetCurrentInstantAsync(cancellationToken));

        public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken) => Use(() => inner.FindAsync(interactionId, cancellationToken));

        public Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken) =>
            Use(() => inner.UpdateAsync(interactionIds, updater, cancellationToken));

        public Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken) =>
            Use(() => inner.UpdateDueAsync(maxCount, updater, cancellationToken));

        public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken) => Use(() => inner.QueryAsync(query, cancellationToken));

        private T Use<T>(Func<T> call)
        {
            if (Initialized == 0)
            {
                Interlocked.Increment(ref usedBefore);
            }
            return call();
        }
    }

    private sealed class OtherChannel : IOutboxChannel
    {
        public Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
