// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Evaluation;
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
    public void Reload_InvalidChange_DoesNotThrowAndEvaluatorKeepsEvaluating()
    {
        using ServiceProvider services = CreateServices();
        IServicePolicyEvaluator evaluator = services.GetRequiredService<IServicePolicyEvaluator>();
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(Instant.FromUtc(2026, 3, 3, 9, 0), Owner.Person("ann")) });
        Assert.Equal(1, evaluator.Evaluate(timeline, Instant.FromUtc(2026, 3, 3, 10, 0)).Policy.Version);

        // The library itself never creates an IOptionsMonitor<ServicePolicyOptions>, so nothing throws from Reload().
        Change("ServicePolicy:Policies:standard:Calendar", "nowhere");

        EvaluationResult result = evaluator.Evaluate(timeline, Instant.FromUtc(2026, 3, 3, 14, 0));
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 13, 0), result.FindLatest(CommitmentKind.FirstResponse)!.Deadline);
        Assert.Equal(1, services.GetRequiredService<IServicePolicyCatalogProvider>().Current.Version);
    }

    [Fact]
    public void Reload_InvalidAfterStartupValidation_ServesTheCatalogueBuiltAtStart()
    {
        using ServiceProvider services = CreateServices();
        // What a host does when it starts (ValidateOnStart): the provider builds and keeps the catalogue now.
        services.GetRequiredService<IStartupValidator>().Validate();
        Change("ServicePolicy:Policies:standard:Calendar", "nowhere");

        IServicePolicyCatalog catalog = services.GetRequiredService<IServicePolicyCatalogProvider>().Current;
        Assert.Equal(1, catalog.Version);
        Assert.Equal("uk-office", catalog.GetPolicy("standard").Calendar.Name);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1003 && e.Message.Contains("calendar 'nowhere' is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_InvalidBeforeAnythingAskedForTheCatalogue_FirstRequestThrowsEveryError()
    {
        // Without a host nothing builds the catalogue at start: the first request builds it from the configuration as
        // it is then, and there is no last good catalogue to fall back on.
        using ServiceProvider services = CreateServices();
        Change("ServicePolicy:Policies:standard:Calendar", "nowhere");

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IServicePolicyCatalogProvider>().Current);
        Assert.Equal("ServicePolicy:Policies:standard:Calendar: calendar 'nowhere' is not defined", Assert.Single(e.Failures));
        Assert.Equal(Options.DefaultName, e.OptionsName);
        Assert.Equal(typeof(ServicePolicyOptions), e.OptionsType);
    }

    [Fact]
    public void OptionsMonitor_AfterInvalidReload_CurrentValueThrowsWhileTheProviderKeepsTheLastGoodCatalogue()
    {
        // Pins what Microsoft.Extensions.Options 8.0's OptionsMonitor does with a validator that fails on reload: its
        // change callback re-creates the options (InvokeChanged calls Get(name)) and throws, IConfigurationRoot.Reload()
        // rethrows that to its caller, and CurrentValue throws until the configuration is valid again. This is why the
        // provider does not go through the monitor. Code that reads the options itself sees this; read the catalogue.
        using ServiceProvider services = CreateServices();
        IOptionsMonitor<ServicePolicyOptions> monitor = services.GetRequiredService<IOptionsMonitor<ServicePolicyOptions>>();
        IServicePolicyCatalogProvider provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        _ = monitor.CurrentValue;
        IServicePolicyCatalog good = provider.Current;

        memory.Set("ServicePolicy:Policies:standard:Calendar", "nowhere");
        var reload = Assert.Throws<AggregateException>(() => configuration.Reload());

        var thrownByMonitor = Assert.IsType<OptionsValidationException>(Assert.Single(reload.InnerExceptions));
        Assert.Equal("ServicePolicy:Policies:standard:Calendar: calendar 'nowhere' is not defined", Assert.Single(thrownByMonitor.Failures));
        Assert.Throws<OptionsValidationException>(() => monitor.CurrentValue);
        Assert.Same(good, provider.Current);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1002);

        Change("ServicePolicy:Policies:standard:Calendar", "uk-office");
        Assert.Equal("uk-office", monitor.CurrentValue.Policies["standard"].Calendar);
        Assert.Equal(2, provider.Current.Version);
    }

    [Fact]
    public void Reload_ConfigureActionThrows_LogsReloadFailedAndKeepsLastGoodCatalogue()
    {
        bool fail = false;
        using ServiceProvider services = ConfigurationFixtures.Services(configuration, s => s
            .AddLogging(b => b.AddProvider(logs))
            .Configure<ServicePolicyOptions>(_ =>
            {
                if (fail)
                {
                    throw new InvalidOperationException("the secret store is unreachable");
                }
            }));
        IServicePolicyCatalogProvider provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog good = provider.Current;

        fail = true;
        Change("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "2 business hours");

        Assert.Same(good, provider.Current);
        var failed = Assert.Single(logs.Entries, e => e.EventId.Id == 1004);
        Assert.Equal("ServicePolicy configuration '(default)' reload failed; catalogue version 1 stays current", failed.Message);
    }

    [Fact]
    public void Reload_NamedConfiguration_PublishesANewVersionOfThatName()
    {
        IConfigurationRoot eu = new ConfigurationBuilder().AddInMemoryCollection(ConfigurationFixtures.Valid()).Build();
        using ServiceProvider services = ConfigurationFixtures.Services(configuration, s => s
            .AddLogging(b => b.AddProvider(logs))
            .AddServicePolicy("eu", eu.GetSection("ServicePolicy")));
        IServicePolicyCatalogProvider provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog defaultFirst = provider.Current;
        Assert.Equal(1, provider.Get("eu").Version);

        eu.Providers.OfType<MemoryConfigurationProvider>().Single().Set("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "1 business hour");
        eu.Reload();

        Assert.Equal(2, provider.Get("eu").Version);
        Assert.Equal(DeadlineRule.WithinBusinessTime(Duration.FromHours(1)), provider.Get("eu").GetPolicy("standard").FindTarget(CommitmentKind.FirstResponse)!.Rule);
        Assert.Same(defaultFirst, provider.Current);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1001 && e.Message == "ServicePolicy catalogue 'eu' version 2 loaded: 1 calendars, 1 policies");

        // An invalid reload of the named configuration keeps its last good catalogue too.
        eu.Providers.OfType<MemoryConfigurationProvider>().Single().Set("ServicePolicy:Policies:standard:Calendar", "nowhere");
        eu.Reload();
        Assert.Equal(2, provider.Get("eu").Version);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1002 && e.Message == "ServicePolicy configuration 'eu' reload rejected with 1 errors; catalogue version 2 stays current");
    }
}
