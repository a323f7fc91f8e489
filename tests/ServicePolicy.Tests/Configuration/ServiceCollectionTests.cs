// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Calendars;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Configuration;

public class ServiceCollectionTests
{
    private static IConfiguration Valid() => new ConfigurationBuilder().AddInMemoryCollection(ConfigurationFixtures.Valid()).Build();

    [Fact]
    public void AddServicePolicy_CodeFirst_BuildsTheSameCatalogAsConfiguration()
    {
        using ServiceProvider fromConfiguration = ConfigurationFixtures.Services(Valid());
        var services = new ServiceCollection();
        services.AddServicePolicy(b => b
            .AddCalendar("uk-office", c =>
            {
                c.TimeZone = "Europe/London";
                c.Hours = "Mon-Fri 09:00-17:00";
                c.Holidays.Add("2026-12-25");
            })
            .AddPolicy("standard", p =>
            {
                p.Calendar = "uk-office";
                p.Targets["FirstResponse"] = new TargetOptions { Deadline = "4 business hours" };
                p.Targets["Resolution"] = new TargetOptions { Deadline = "3 business days at 17:00" };
            }));
        using ServiceProvider fromCode = services.BuildServiceProvider();

        IServicePolicyCatalog a = fromConfiguration.GetRequiredService<IServicePolicyCatalog>();
        IServicePolicyCatalog b = fromCode.GetRequiredService<IServicePolicyCatalog>();
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Calendars["uk-office"].ToString(), b.Calendars["uk-office"].ToString());
        Assert.Equal(a.Calendars["uk-office"].Holidays, b.Calendars["uk-office"].Holidays);
        Assert.Equal(
            a.Policies["standard"].Targets.Select(t => (t.Kind, t.Rule)),
            b.Policies["standard"].Targets.Select(t => (t.Kind, t.Rule)));
        Assert.Equal(a.PolicySet!.Fallback.Name, b.PolicySet!.Fallback.Name);
    }

    [Fact]
    public void AddServicePolicy_CodeFirstWithBuiltObjects_ResolvesThemByName()
    {
        BusinessCalendar calendar = BusinessCalendar.Create("us-office", "America/New_York", "Mon-Fri 08:00-18:00");
        ServiceLevelPolicy vip = ServiceLevelPolicy.CreateBuilder("vip", 3, calendar)
            .AppliesTo(Applicability.Any.WithCustomerTiers("gold"))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromMinutes(30)))
            .Build();
        var services = new ServiceCollection();
        services.AddServicePolicy(b => b
            .AddCalendar(calendar)
            .AddPolicy(vip)
            .AddPolicy("standard", p =>
            {
                p.Calendar = "us-office";
                p.Targets["FirstResponse"] = new TargetOptions { Deadline = "end of business day" };
            })
            .UsePolicySet("standard", "vip"));
        using ServiceProvider provider = services.BuildServiceProvider();

        IServicePolicyCatalog catalog = provider.GetRequiredService<IServicePolicyCatalog>();
        Assert.Same(vip, catalog.GetPolicy("VIP"));
        Assert.Same(calendar, catalog.GetPolicy("standard").Calendar);
        Assert.Same(vip, catalog.PolicySet!.Select(new InteractionProfile(customerTier: "gold")));
        var e = Assert.Throws<KeyNotFoundException>(() => catalog.GetPolicy("standrd"));
        Assert.Contains("(did you mean 'standard'?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddServicePolicy_CalledTwice_RegistersOnceAndBindsOnce()
    {
        IConfiguration configuration = Valid();
        var services = new ServiceCollection();
        services.AddServicePolicy(configuration.GetSection("ServicePolicy"));
        int count = services.Count;
        IServiceCollection returned = services.AddServicePolicy(configuration.GetSection("ServicePolicy"));
        Assert.Same(services, returned);
        // A second GetSection returns a new section object over the same keys: it is bound again, and its names
        // collide, so only the very same section object is a no-op.
        IConfigurationSection section = configuration.GetSection("ServicePolicy");
        var again = new ServiceCollection();
        again.AddServicePolicy(section).AddServicePolicy(section);
        using ServiceProvider provider = again.BuildServiceProvider();
        Assert.Single(provider.GetServices<IValidateOptions<ServicePolicyOptions>>().OfType<IValidateOptions<ServicePolicyOptions>>());
        Assert.Single(provider.GetRequiredService<IServicePolicyCatalog>().Calendars["uk-office"].Holidays);
        Assert.Single(again, d => d.ServiceType == typeof(IServicePolicyCatalogProvider));
        Assert.True(services.Count > count);
    }

    [Fact]
    public void Evaluator_ReadsTheClockFromTimeProviderByDefault()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));
        using ServiceProvider provider = ConfigurationFixtures.Services(Valid(), s => s.AddSingleton<TimeProvider>(time));
        var opened = Instant.FromUtc(2026, 3, 3, 9, 0);
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(opened, Owner.Person("ann")) });
        time.Advance(TimeSpan.FromHours(5));

        EvaluationResult result = provider.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline, "standard");

        Assert.Equal(Instant.FromUtc(2026, 3, 3, 14, 0), result.Now);
        Assert.Equal(CommitmentState.Breached, result.FindLatest(CommitmentKind.FirstResponse)!.State);
    }

    [Fact]
    public void Evaluator_PrefersAnIClockRegisteredInTheContainer()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 3, 10, 0));
        using ServiceProvider provider = ConfigurationFixtures.Services(Valid(), s => s.AddSingleton<IClock>(clock));
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(Instant.FromUtc(2026, 3, 3, 9, 0), Owner.Person("ann")) });

        EvaluationResult result = provider.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline);

        Assert.Equal(clock.GetCurrentInstant(), result.Now);
        Assert.Equal(CommitmentState.OnTrack, result.FindLatest(CommitmentKind.FirstResponse)!.State);
    }

    [Fact]
    public void Evaluator_SeveralPoliciesWithoutPolicySet_ThrowsSayingWhatToDo()
    {
        Dictionary<string, string?> settings = ConfigurationFixtures.With(
            ("ServicePolicy:Policies:vip:Calendar", "uk-office"),
            ("ServicePolicy:Policies:vip:Targets:FirstResponse:Deadline", "1 business hour"));
        using ServiceProvider provider = ConfigurationFixtures.Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(Instant.FromUtc(2026, 3, 3, 9, 0), Owner.Person("ann")) });
        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline));
        Assert.Contains("ServicePolicy:PolicySet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluator_AtAnInstant_IgnoresTheClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 3, 10, 0));
        using ServiceProvider provider = ConfigurationFixtures.Services(Valid(), s => s.AddSingleton<IClock>(clock));
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(Instant.FromUtc(2026, 3, 3, 9, 0), Owner.Person("ann")) });
        IServicePolicyEvaluator evaluator = provider.GetRequiredService<IServicePolicyEvaluator>();
        var later = Instant.FromUtc(2026, 3, 3, 14, 0);

        EvaluationResult selected = evaluator.Evaluate(timeline, later);
        EvaluationResult named = evaluator.Evaluate(timeline, "standard", later);

        Assert.Equal(later, selected.Now);
        Assert.Equal(later, named.Now);
        Assert.Equal(CommitmentState.Breached, selected.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal(CommitmentState.Breached, named.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 10, 0), clock.GetCurrentInstant());
    }

    [Fact]
    public void Evaluator_AtAnInstantBeforeAFact_ThrowsNamingTheInstant()
    {
        using ServiceProvider provider = ConfigurationFixtures.Services(Valid());
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(Instant.FromUtc(2026, 3, 3, 9, 0), Owner.Person("ann")) });

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            provider.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline, Instant.FromUtc(2026, 3, 3, 8, 0)));

        Assert.Equal("now", e.ParamName);
        Assert.Contains("2026-03-03T08:00:00Z", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_SelectPolicy_WithOnePolicy_ReturnsIt()
    {
        using ServiceProvider provider = ConfigurationFixtures.Services(Valid());
        IServicePolicyCatalog catalog = provider.GetRequiredService<IServicePolicyCatalog>();

        Assert.Same(catalog.GetPolicy("standard"), catalog.SelectPolicy(new InteractionProfile(channel: "email")));
        Assert.Throws<ArgumentNullException>(() => catalog.SelectPolicy(null!));
    }

    [Fact]
    public void Catalog_SelectPolicy_SeveralPoliciesWithoutPolicySet_ThrowsSayingWhatToDo()
    {
        Dictionary<string, string?> settings = ConfigurationFixtures.With(
            ("ServicePolicy:Policies:vip:Calendar", "uk-office"),
            ("ServicePolicy:Policies:vip:Targets:FirstResponse:Deadline", "1 business hour"));
        using ServiceProvider provider = ConfigurationFixtures.Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        IServicePolicyCatalog catalog = provider.GetRequiredService<IServicePolicyCatalog>();

        Assert.Null(catalog.PolicySet);
        var e = Assert.Throws<InvalidOperationException>(() => catalog.SelectPolicy(new InteractionProfile()));
        Assert.Equal(
            $"Catalogue version 1 has 2 policies and no policy set: configure ServicePolicy:PolicySet or evaluate under a named policy.",
            e.Message);
    }

    [Fact]
    public void AddServicePolicy_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ServicePolicyServiceCollectionExtensions.AddServicePolicy(null!, Valid()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServicePolicy((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServicePolicy((Action<ServicePolicyBuilder>)null!));
    }

    [Fact]
    public void AddServicePolicy_NamedCalledTwice_RegistersOnceAndBindsOnce()
    {
        IConfigurationSection section = Valid().GetSection("ServicePolicy");
        var services = new ServiceCollection();
        services.AddServicePolicy("eu", section).AddServicePolicy("eu", section).AddServicePolicy(section);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.IsKeyedService && Equals(d.ServiceKey, "eu") && d.ServiceType == typeof(IServicePolicyEvaluator));
        Assert.Single(services, d => d.ServiceType == typeof(IServicePolicyCatalogProvider));
        Assert.Single(provider.GetRequiredService<IServicePolicyCatalogProvider>().Get("eu").Calendars["uk-office"].Holidays);
        Assert.Single(provider.GetRequiredService<IServicePolicyCatalogProvider>().Current.Calendars["uk-office"].Holidays);
    }

    [Fact]
    public void AddServicePolicy_NamedCodeFirst_ServesItsCatalogueByName()
    {
        var services = new ServiceCollection();
        services.AddServicePolicy("us", b => b
            .AddCalendar(BusinessCalendar.Create("us-office", "America/New_York", "Mon-Fri 08:00-18:00"))
            .AddPolicy("standard", p =>
            {
                p.Calendar = "us-office";
                p.Targets["FirstResponse"] = new TargetOptions { Deadline = "2 business hours" };
            }));
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 3, 15, 0)));
        using ServiceProvider provider = services.BuildServiceProvider();
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(Instant.FromUtc(2026, 3, 3, 14, 0), Owner.Person("ann")) });

        EvaluationResult result = provider.GetRequiredKeyedService<IServicePolicyEvaluator>("us").Evaluate(timeline);

        Assert.Equal(Instant.FromUtc(2026, 3, 3, 16, 0), result.FindLatest(CommitmentKind.FirstResponse)!.Deadline);
        Assert.Equal("us-office", provider.GetRequiredService<IServicePolicyCatalogProvider>().Get("us").GetPolicy("standard").Calendar.Name);
    }

    [Fact]
    public void AddServicePolicy_OnlyNamed_RegistersNoDefaultCatalogueOrEvaluator()
    {
        var services = new ServiceCollection();
        services.AddServicePolicy("eu", Valid().GetSection("ServicePolicy"));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<IServicePolicyEvaluator>());
        Assert.Null(provider.GetService<IServicePolicyCatalog>());
        var e = Assert.Throws<KeyNotFoundException>(() => provider.GetRequiredService<IServicePolicyCatalogProvider>().Current);
        Assert.Equal(
            "No ServicePolicy configuration is registered under the name '' (registered: 'eu'); add one with "
            + "services.AddServicePolicy(configuration.GetSection(\"ServicePolicy\")).",
            e.Message);
        Assert.NotNull(provider.GetRequiredKeyedService<IServicePolicyEvaluator>("eu"));
    }

    [Fact]
    public void Provider_Get_UnknownName_ThrowsListingTheRegisteredNames()
    {
        using ServiceProvider provider = ConfigurationFixtures.Services(Valid(), s => s.AddServicePolicy("eu", Valid().GetSection("ServicePolicy")));
        IServicePolicyCatalogProvider catalogs = provider.GetRequiredService<IServicePolicyCatalogProvider>();

        var e = Assert.Throws<KeyNotFoundException>(() => catalogs.Get("EU"));

        Assert.Equal(
            "No ServicePolicy configuration is registered under the name 'EU' (registered: '', 'eu'); add it with "
            + "services.AddServicePolicy(\"EU\", configuration.GetSection(...)).",
            e.Message);
        Assert.Throws<ArgumentNullException>(() => catalogs.Get(null!));
        Assert.Same(catalogs.Current, catalogs.Get(Options.DefaultName));
    }

    [Fact]
    public void AddServicePolicy_NamedNullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServicePolicy(null!, Valid()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServicePolicy("eu", (IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServicePolicy((string)null!, b => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServicePolicy("eu", (Action<ServicePolicyBuilder>)null!));
    }
}
