// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Sqlite.Tests.DependencyInjection;

public sealed class SqliteStoreServiceCollectionExtensionsTests : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly FakeClock clock = new(T0);
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task AddServicePolicySqliteStore_RegistersOneStoreAsBothInterfaces()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IInteractionStore>(new InMemoryInteractionStore(clock));
        services.AddServicePolicySqliteStore(o => { o.DataSource = database.Path; o.Clock = clock; });
        services.AddServicePolicySqliteStore(o => o.BusyTimeout = Duration.FromSeconds(5));

        Assert.Single(services, d => d.ServiceType == typeof(IInteractionStore));
        Assert.Single(services, d => d.ServiceType == typeof(IOutboxStore));
        SqliteInteractionStore store;
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            store = provider.GetRequiredService<SqliteInteractionStore>();
            Assert.Same(store, provider.GetRequiredService<IInteractionStore>());
            Assert.Same(store, provider.GetRequiredService<IOutboxStore>());
            Assert.Equal(database.Path, store.DatabasePath);
            Assert.Equal(Duration.FromSeconds(5), provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.BusyTimeout);
            Assert.Equal(T0, await store.GetCurrentInstantAsync(CancellationToken.None));
            await store.InitializeAsync(CancellationToken.None);
        }
        // The container disposed the store.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task AddServicePolicySqliteStore_BindsTheSection_AndTakesTheContainersClock()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServicePolicy:Hosting:Sqlite:DataSource"] = database.Path,
            ["ServicePolicy:Hosting:Sqlite:BusyTimeout"] = "0:00:00:10",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddServicePolicySqliteStore(configuration.GetSection(SqliteStoreOptions.SectionName));

        await using ServiceProvider provider = services.BuildServiceProvider();
        SqliteStoreOptions options = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
        Assert.Equal((database.Path, Duration.FromSeconds(10)), (options.DataSource, options.BusyTimeout));
        var store = provider.GetRequiredService<IInteractionStore>();
        clock.Advance(Duration.FromMinutes(3));
        Assert.Equal(T0 + Duration.FromMinutes(3), await store.GetCurrentInstantAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InvalidOptions_StopTheHostAtStart_WithTheirPaths()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServicePolicy:Hosting:Sqlite:DataSource"] = ":memory:",
            ["ServicePolicy:Hosting:Sqlite:BusyTimeout"] = "0:02:00:00",
        });
        builder.Services.AddServicePolicySqliteStore(builder.Configuration.GetSection(SqliteStoreOptions.SectionName));
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("ServicePolicy:Hosting:Sqlite:DataSource must be the path of a file; ':memory:'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServicePolicy:Hosting:Sqlite:BusyTimeout must be positive and at most 0:01:00:00 (one hour); it is 0:02:00:00.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddServicePolicySqliteStore_NullArguments_Throw()
    {
        var services = new ServiceCollection();
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddServicePolicySqliteStore((Action<SqliteStoreOptions>)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddServicePolicySqliteStore((IConfiguration)null!)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddServicePolicySqliteStore(_ => { })).ParamName);
    }
}
