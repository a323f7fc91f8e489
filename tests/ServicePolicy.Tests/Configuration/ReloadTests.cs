// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using Xunit;

namespace ServicePolicy.Tests.Configuration;

public class ReloadTests
{
    private readonly MemoryConfigurationProvider memory;
    private readonly IConfigurationRoot configuration;
    private readonly TestLoggerProvider logs = new();

    public ReloadTests()
    {
        configuration = new ConfigurationBuilder().AddInMemoryCollection(ConfigurationFixtures.Valid()).Build();
        memory = configuration.Providers.OfType<MemoryConfigurationProvider>().Single();
    }

    private ServiceProvider CreateServices() =>
        ConfigurationFixtures.Services(configuration, services => services.AddLogging(b => b.AddProvider(logs)));

    private void Change(string key, string? value)
    {
        memory.Set(key, value);
        configuration.Reload();
    }

    [Fact]
    public void Reload_ValidChange_PublishesNewVersion()
    {
        using ServiceProvider services = CreateServices();
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog first = provider.Current;
        Assert.Equal(1, first.Version);

        Change("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "2 business hours");

        IServicePolicyCatalog second = provider.Current;
        Assert.Equal(2, second.Version);
        Assert.Equal(DeadlineRule.WithinBusinessTime(Duration.FromHours(2)), second.GetPolicy("standard").FindTarget(CommitmentKind.FirstResponse)!.Rule);
        // The catalogue an evaluation started with is unchanged: it finishes on its version.
        Assert.Equal(1, first.Version);
        Assert.Equal(DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), first.GetPolicy("standard").FindTarget(CommitmentKind.FirstResponse)!.Rule);
        Assert.Same(second, services.GetRequiredService<IServicePolicyCatalog>());
        Assert.Contains(logs.Entries, e => e.EventId.Name == "CatalogLoaded" && e.Message.Contains("version 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_InvalidChange_KeepsLastGoodCatalogAndLogsEveryError()
    {
        using ServiceProvider services = CreateServices();
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog good = provider.Current;

        memory.Set("ServicePolicy:Policies:standard:Calendar", "uk-offce");
        memory.Set("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "4 busines hours");
        configuration.Reload();

        Assert.Same(good, provider.Current);
        var errors = logs.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Contains(errors, e => e.EventId.Id == 1002 && e.Message.Contains("2 errors", StringComparison.Ordinal) && e.Message.Contains("version 1 stays current", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EventId.Id == 1003 && e.Message.Contains("ServicePolicy:Policies:standard:Calendar: calendar 'uk-offce' is not defined (did you mean 'uk-office'?)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EventId.Id == 1003 && e.Message.Contains("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline: Invalid deadline expression '4 busines hours'", StringComparison.Ordinal));

        // Fixing the configuration publishes the next version.
        memory.Set("ServicePolicy:Policies:standard:Calendar", "uk-office");
        Change("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "3 business hours");
        Assert.Equal(2, provider.Current.Version);
        Assert.Equal(DeadlineRule.WithinBusinessTime(Duration.FromHours(3)), provider.Current.GetPolicy("standard").FindTarget(CommitmentKind.FirstResponse)!.Rule);
    }

    [Fact]
    public void Reload_InvalidBeforeProviderIsCreated_StartsFromLastGoodConfiguration()
    {
        using ServiceProvider services = CreateServices();
        // Validate once (as ValidateOnStart does), then break the configuration before anything reads the catalogue.
        _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ServicePolicyOptions>>().CurrentValue;
        Change("ServicePolicy:Policies:standard:Calendar", "nowhere");

        IServicePolicyCatalog catalog = services.GetRequiredService<IServicePolicyCatalogProvider>().Current;
        Assert.Equal("uk-office", catalog.GetPolicy("standard").Calendar.Name);
    }
}
