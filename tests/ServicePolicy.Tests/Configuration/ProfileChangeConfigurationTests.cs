// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>Issue 13 in configuration: <c>TargetStart</c> and <c>ReplacedTarget</c> per policy, <c>Hours</c> per target,
/// each validated with its path; and the configured evaluator selecting again at a profile change.</summary>
public class ProfileChangeConfigurationTests
{
    /// <summary>The valid configuration plus an "urgent" policy (retroactive, kept to its end, first response in the
    /// customer's hours), a New York calendar, and a policy set.</summary>
    private static Dictionary<string, string?> WithUrgent(params (string Key, string? Value)[] changes)
    {
        Dictionary<string, string?> settings = With(changes);
        settings.TryAdd("ServicePolicy:Calendars:ny-office:TimeZone", "America/New_York");
        settings.TryAdd("ServicePolicy:Calendars:ny-office:Hours", "Mon-Fri 08:00-16:00");
        settings.TryAdd("ServicePolicy:Policies:urgent:Calendar", "uk-office");
        settings.TryAdd("ServicePolicy:Policies:urgent:AppliesTo:Priorities:0", "urgent");
        settings.TryAdd("ServicePolicy:Policies:urgent:TargetStart", "Retroactive");
        settings.TryAdd("ServicePolicy:Policies:urgent:ReplacedTarget", "KeepToEnd");
        settings.TryAdd("ServicePolicy:Policies:urgent:Targets:FirstResponse:Deadline", "1 business hour");
        settings.TryAdd("ServicePolicy:Policies:urgent:Targets:FirstResponse:Hours", "Customer");
        settings.TryAdd("ServicePolicy:PolicySet:Order:0", "urgent");
        settings.TryAdd("ServicePolicy:PolicySet:Fallback", "standard");
        return settings;
    }

    [Theory]
    [InlineData("ServicePolicy:Policies:standard:TargetStart", "Retroactiv",
        "ServicePolicy:Policies:standard:TargetStart: 'Retroactiv' is not a target start (did you mean 'Retroactive'?); expected one of FromChange, Retroactive")]
    [InlineData("ServicePolicy:Policies:standard:TargetStart", "",
        "ServicePolicy:Policies:standard:TargetStart: a target start is required: one of FromChange, Retroactive")]
    [InlineData("ServicePolicy:Policies:standard:ReplacedTarget", "Keep",
        "ServicePolicy:Policies:standard:ReplacedTarget: 'Keep' is not a way to treat replaced targets; expected one of Cancel, KeepToEnd")]
    [InlineData("ServicePolicy:Policies:standard:Targets:FirstResponse:Hours", "Custmer",
        "ServicePolicy:Policies:standard:Targets:FirstResponse:Hours: 'Custmer' is not an hours setting (did you mean 'Customer'?); expected one of Policy, Customer")]
    public void Validate_BadProfileChangeKey_NamesPathAndSuggests(string key, string value, string expected)
    {
        Assert.Equal(expected, SingleError(With((key, value))));
    }

    [Fact]
    public void Validate_ProfileChangeKeys_BindToThePolicyAndTarget()
    {
        using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(WithUrgent()).Build());
        IServicePolicyCatalog catalog = provider.GetRequiredService<IServicePolicyCatalogProvider>().Get(Microsoft.Extensions.Options.Options.DefaultName);

        ServiceLevelPolicy urgent = catalog.GetPolicy("urgent");
        ServiceLevelPolicy standard = catalog.GetPolicy("standard");
        Assert.Equal((TargetStart.Retroactive, ReplacedTarget.KeepToEnd), (urgent.TargetStart, urgent.ReplacedTarget));
        Assert.Equal((TargetStart.FromChange, ReplacedTarget.Cancel), (standard.TargetStart, standard.ReplacedTarget));
        Assert.Equal(TargetHours.Customer, urgent.FindTarget(CommitmentKind.FirstResponse)!.Hours);
        Assert.Equal(TargetHours.Policy, standard.FindTarget(CommitmentKind.FirstResponse)!.Hours);
        // The set knows the catalogue's calendars, for profiles that name one, also when used on its own.
        Assert.Same(catalog.GetCalendar("ny-office"), catalog.PolicySet!.CustomerCalendars["ny-office"]);
    }

    // The configured evaluator (the one hosting uses) selects again at a profile change, and finds the customer's
    // calendar by name in the catalogue: re-prioritised at 10:00 on Tuesday 3 March 2026, opened at 09:00 by a New York
    // customer on the ny-office calendar (08:00-16:00 EST = 13:00-21:00 London): the urgent first response counts from
    // 13:00 London, retroactively from the opening, and is due at 14:00.
    [Fact]
    public void Evaluator_ProfileChanged_SelectsAgainWithTheCataloguesCalendars()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 3, 10, 0));
        using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(WithUrgent()).Build(), s => s.AddSingleton<IClock>(clock));
        InteractionProfile normal = new InteractionProfile(priority: "normal")
            .WithCustomerTimeZone(DateTimeZoneProviders.Tzdb["America/New_York"]).WithCustomerCalendar("ny-office");
        Timeline timeline = Timeline.Create("T-16",
        [
            new InteractionOpened(Instant.FromUtc(2026, 3, 3, 9, 0), Owner.Team("support"), normal),
            new ProfileChanged(Instant.FromUtc(2026, 3, 3, 10, 0), normal.WithPriority("urgent")),
        ]);

        EvaluationResult result = provider.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline);

        Assert.Equal(("urgent", Instant.FromUtc(2026, 3, 3, 10, 0)), (result.Policy.Name, result.PolicySince));
        Assert.Collection(result.Commitments,
            // standard's own setting (Cancel) ends its cycles at the change; urgent's KeepToEnd is for its own.
            c => Assert.Equal(("standard", CommitmentKind.FirstResponse, Cancelled), (c.Policy.Name, c.Kind, c.State)),
            c => Assert.Equal(("standard", CommitmentKind.Resolution, Cancelled), (c.Policy.Name, c.Kind, c.State)),
            c => Assert.Equal(("urgent", CommitmentKind.FirstResponse, Instant.FromUtc(2026, 3, 3, 9, 0), Instant.FromUtc(2026, 3, 3, 14, 0)),
                (c.Policy.Name, c.Kind, c.StartedAt, c.Deadline)));
    }
}
