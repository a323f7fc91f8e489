// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Configuration;

/// <summary>The sample configuration (the one in docs/configuration.md) bound through a real host.</summary>
public class HostEndToEndTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static Instant Uk(string local) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm").Parse(local).Value.InZoneStrictly(London).ToInstant();

    private static HostApplicationBuilder CreateBuilder(string jsonFile, IClock clock, bool withDirectory = true)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, jsonFile), optional: false, reloadOnChange: false);
        builder.Services.AddServicePolicy(builder.Configuration.GetSection("ServicePolicy"));
        builder.Services.AddSingleton(clock);
        if (withDirectory)
        {
            builder.Services.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
        }
        return builder;
    }

    [Fact]
    public async Task SampleSettings_BoundThroughHost_EvaluateInteractionWithBoundPolicy()
    {
        // Monday 2 March 2026, 08:30 in London. The .ics file closes the office 09:00-11:00 that morning.
        var clock = new FakeClock(Uk("2026-03-02 08:30"));
        using IHost host = CreateBuilder("Configuration/appsettings.sample.json", clock).Build();
        await host.StartAsync();

        IServicePolicyCatalog catalog = host.Services.GetRequiredService<IServicePolicyCatalogProvider>().Current;
        Assert.Equal(1, catalog.Version);
        Assert.Equal(new[] { "support-24x7", "uk-office" }, catalog.Calendars.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "internal", "standard", "urgent" }, catalog.Policies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("standard", catalog.PolicySet!.Fallback.Name);
        Assert.Equal(new[] { "urgent", "internal" }, catalog.PolicySet.Policies.Select(p => p.Name));

        // Holidays from the JSON dates and from the .ics file (including a recurring event), and the special day.
        var office = catalog.GetCalendar("UK-OFFICE");
        Assert.False(office.IsBusinessDate(new LocalDate(2026, 5, 4)));
        Assert.False(office.IsBusinessDate(new LocalDate(2026, 4, 3)));
        Assert.False(office.IsBusinessDate(new LocalDate(2026, 12, 25)));
        Assert.False(office.IsBusinessDate(new LocalDate(2026, 12, 28).PlusDays(-2))); // Boxing Day, a Saturday anyway
        Assert.False(office.IsBusinessDate(new LocalDate(2030, 1, 1)));
        Assert.Equal("09:00-13:00", Assert.Single(office.GetRanges(new LocalDate(2026, 12, 24))).ToString());

        ServiceLevelPolicy standard = catalog.GetPolicy("standard");
        Assert.Equal(DeadlineRule.BusinessDays(5), standard.FindTarget(CommitmentKind.Resolution)!.Rule);
        Assert.Equal(AtRiskThreshold.AtPercentOrBeforeDeadline(75, Duration.FromMinutes(30)), standard.AtRisk);
        Assert.True(standard.Pauses(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution));
        Assert.Equal(DeadlineRule.BusinessDaysAt(2, LocalTime.Noon), standard.FindTarget(CommitmentKind.Custom, "send a quote")!.Rule);
        ServiceLevelPolicy urgent = catalog.GetPolicy("urgent");
        Assert.Equal(2, urgent.Version);
        Assert.Equal(new[] { BreachRemedy.Apology(), BreachRemedy.Credit(50, "GBP") }, urgent.FindTarget(CommitmentKind.Resolution)!.Remedies);
        Assert.Equal(2, urgent.HandoffLimit!.MaxReassignments);

        // The escalation chain the standard policy names, and the on-call rota its last level pages.
        Assert.Equal("ladder", standard.EscalationChainName);
        EscalationChain ladder = catalog.GetEscalationChain("ladder");
        Assert.Equal(new EscalationContact("support-leads", office), ladder.Fallback);
        Assert.Equal(
            new[] { "Notify owner's lead after 0:00:00 elapsed", "Notify owner's manager after 1:00:00 business (uk-office)",
                "RaisePriority role:duty-manager after 0:30:00 elapsed", "page-on-call on-call:support-on-call after 0:30:00 elapsed" },
            ladder.Levels.Select(l => l.ToString()));
        Assert.True(ladder.Levels[1].HasAuthorityToDecide);
        Assert.False(ladder.Levels[3].StopsOnAcknowledgement);
        Assert.Equal((2, (int?)3), (ladder.Repeat!.FromLevel, ladder.Repeat.MaxRepeats));
        Assert.Equal(EscalationDelay.Elapsed(Duration.FromHours(2)), ladder.AcknowledgementTimeout);
        Assert.Equal("alice", catalog.Rotas["support-on-call"].OnCallAt(Uk("2026-03-02 10:00")));

        // An interaction opened now: the policy set picks "standard"; 4 business hours from the 11:00 reopening is 15:00.
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(clock.GetCurrentInstant(), Owner.Team("support")) });
        clock.AdvanceMinutes(60 * 3); // 11:30
        EvaluationResult result = host.Services.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline);
        Assert.Equal("standard", result.Policy.Name);
        Assert.Equal(Uk("2026-03-02 11:30"), result.Now);
        CommitmentStatus firstResponse = result.FindLatest(CommitmentKind.FirstResponse)!;
        Assert.Equal(Uk("2026-03-02 15:00"), firstResponse.Deadline);
        Assert.Equal(CommitmentState.OnTrack, firstResponse.State);

        // An urgent one gets the 24x7 policy.
        var urgentTimeline = Timeline.Create("T-2", new TimelineFact[]
        {
            new InteractionOpened(clock.GetCurrentInstant(), Owner.Team("support"), new InteractionProfile(priority: "Urgent")),
        });
        EvaluationResult urgentResult = host.Services.GetRequiredService<IServicePolicyEvaluator>().Evaluate(urgentTimeline);
        Assert.Equal("urgent", urgentResult.Policy.Name);
        Assert.Equal(Uk("2026-03-02 12:00"), urgentResult.FindLatest(CommitmentKind.FirstResponse)!.Deadline);
        Assert.Empty(urgentResult.EscalationActions);

        // 15:10: the first response was due at 15:00, so the ladder's level 0 (the owner's lead, at the breach) is due,
        // resolved through the directory registered in the container; the 14:00 warning is superseded (LatestOnly).
        clock.AdvanceMinutes((3 * 60) + 40);
        EvaluationResult breached = host.Services.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline);
        Assert.Equal(CommitmentState.Breached, breached.FindLatest(CommitmentKind.FirstResponse)!.State);
        EscalationAction action = Assert.Single(breached.EscalationActions);
        Assert.Equal(CommitmentKind.FirstResponse, action.Commitment);
        Assert.Equal(("ladder", 1), (action.ChainName, action.ChainVersion));
        Assert.Equal((EscalationStep.Level, 0, 0), (action.Step, action.StepIndex, action.Repeat));
        Assert.Equal(EscalationRecipient.OwnersLead, action.Recipient);
        Assert.Equal(EscalationActionKind.Notify, action.Action);
        Assert.Equal("support-lead", Assert.Single(action.Contacts).Id);
        Assert.Equal(Uk("2026-03-02 15:00") + Duration.Epsilon, action.DueAt); // deadlines are inclusive: breached after 15:00
        Assert.True(action.IsLate);
        Assert.StartsWith("T-1/FirstResponse/", action.Key.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/ladder@a8d12acb2806/L0/R0", action.Key.ToString(), StringComparison.Ordinal);

        await host.StopAsync();
    }

    [Fact]
    public async Task SampleSettings_WithoutEscalationDirectory_StopTheHostAtStart()
    {
        using IHost host = CreateBuilder("Configuration/appsettings.sample.json", new FakeClock(Uk("2026-03-02 08:30")), withDirectory: false).Build();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(
            "ServicePolicy:Policies:standard:EscalationChain: policy 'standard' escalates with chain 'ladder', but no IEscalationDirectory is "
            + "registered to resolve its recipients; register one, such as services.AddSingleton<IEscalationDirectory, MyDirectory>()",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task InvalidSettings_StopTheHostAtStartWithEveryErrorAndItsPath()
    {
        string file = Path.Combine(Path.GetTempPath(), $"sp-invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {
              // Two typos and a bad expression.
              "ServicePolicy": {
                "Calendars": { "uk-office": { "TimeZone": "Europe/London", "Hours": "Mon-Fri 09:00-17:00" } },
                "Policies": {
                  "standard": {
                    "Calendar": "uk-offce",
                    "Targets": { "FirstResponse": { "Deadline": "4 business hours", "Calender": "uk-office" } },
                    "CustomTargets": { "quote": { "Deadline": "2 business dys" } }
                  }
                }
              }
            }
            """);
        try
        {
            using IHost host = CreateBuilder(file, new FakeClock(Uk("2026-03-02 08:30"))).Build();
            var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Equal(3, e.Failures.Count());
            Assert.Contains("ServicePolicy:Policies:standard:Calendar: calendar 'uk-offce' is not defined (did you mean 'uk-office'?)", e.Failures);
            Assert.Contains(e.Failures, f => f.StartsWith("ServicePolicy:Policies:standard:Targets:FirstResponse:Calender: unknown setting 'Calender' (did you mean 'Calendar'?)", StringComparison.Ordinal));
            Assert.Contains(e.Failures, f => f.StartsWith("ServicePolicy:Policies:standard:CustomTargets:quote:Deadline: Invalid deadline expression '2 business dys'", StringComparison.Ordinal));
            Assert.Contains("ServicePolicy:Policies:standard:Calendar", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A second desk, in Berlin, as a named configuration under <c>Desks:eu</c>, beside the default one.</summary>
    private static Dictionary<string, string?> EuDesk(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Desks:eu:Calendars:eu-office:TimeZone"] = "Europe/Berlin",
            ["Desks:eu:Calendars:eu-office:Hours"] = "Mon-Fri 09:00-17:00",
            ["Desks:eu:Policies:standard:Calendar"] = "eu-office",
            ["Desks:eu:Policies:standard:Targets:FirstResponse:Deadline"] = "1 business hour",
        };
        foreach ((string key, string? value) in changes)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static HostApplicationBuilder CreateTwoDeskBuilder(Dictionary<string, string?> eu, IClock clock)
    {
        HostApplicationBuilder builder = CreateBuilder("Configuration/appsettings.sample.json", clock);
        builder.Configuration.AddInMemoryCollection(eu);
        builder.Services.AddServicePolicy("eu", builder.Configuration.GetSection("Desks:eu"));
        return builder;
    }

    [Fact]
    public async Task NamedSettings_BoundThroughHost_ServeTheirOwnCatalogueAndEvaluatorByName()
    {
        var clock = new FakeClock(Uk("2026-03-02 08:30"));
        using IHost host = CreateTwoDeskBuilder(EuDesk(), clock).Build();
        await host.StartAsync();

        IServicePolicyCatalogProvider provider = host.Services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog eu = provider.Get("eu");
        Assert.Equal(1, eu.Version);
        Assert.Equal("Europe/Berlin", eu.GetPolicy("standard").Calendar.Zone.Id);
        Assert.Same(eu, host.Services.GetRequiredKeyedService<IServicePolicyCatalog>("eu"));
        Assert.Equal(new[] { "internal", "standard", "urgent" }, provider.Current.Policies.Keys.Order(StringComparer.Ordinal));

        // 08:30 in London is 09:30 in Berlin: one business hour later is 10:30 Berlin, 09:30 UTC.
        var timeline = Timeline.Create("T-1", new TimelineFact[] { new InteractionOpened(clock.GetCurrentInstant(), Owner.Team("support")) });
        clock.AdvanceMinutes(30);
        EvaluationResult inBerlin = host.Services.GetRequiredKeyedService<IServicePolicyEvaluator>("eu").Evaluate(timeline);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 9, 30), inBerlin.FindLatest(CommitmentKind.FirstResponse)!.Deadline);
        // The default configuration is untouched by the named one: the sample's policy set picks its standard policy.
        EvaluationResult inLondon = host.Services.GetRequiredService<IServicePolicyEvaluator>().Evaluate(timeline);
        Assert.Equal(Uk("2026-03-02 15:00"), inLondon.FindLatest(CommitmentKind.FirstResponse)!.Deadline);

        await host.StopAsync();
    }

    [Fact]
    public async Task InvalidNamedSettings_StopTheHostAtStartWithTheirNameAndPaths()
    {
        using IHost host = CreateTwoDeskBuilder(
            EuDesk(("Desks:eu:Policies:standard:Calendar", "eu-offce"), ("Desks:eu:Policies:standard:Targets:FirstResponse:Deadline", "1 busines hour")),
            new FakeClock(Uk("2026-03-02 08:30"))).Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("eu", e.OptionsName);
        Assert.Equal(typeof(ServicePolicyOptions), e.OptionsType);
        Assert.Equal(2, e.Failures.Count());
        Assert.Contains("Desks:eu:Policies:standard:Calendar: calendar 'eu-offce' is not defined (did you mean 'eu-office'?)", e.Failures);
        Assert.Contains(e.Failures, f => f.StartsWith("Desks:eu:Policies:standard:Targets:FirstResponse:Deadline: Invalid deadline expression '1 busines hour'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidDefaultAndNamedSettings_StopTheHostWithOneExceptionPerName()
    {
        string file = Path.Combine(Path.GetTempPath(), $"sp-invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "ServicePolicy": { "Calendars": { "uk-office": { "TimeZone": "Europe/Londn", "Hours": "Mon-Fri 09:00-17:00" } } } }
            """);
        try
        {
            HostApplicationBuilder builder = CreateBuilder(file, new FakeClock(Uk("2026-03-02 08:30")));
            builder.Configuration.AddInMemoryCollection(EuDesk(("Desks:eu:Policies:standard:Calendar", "eu-offce")));
            builder.Services.AddServicePolicy("eu", builder.Configuration.GetSection("Desks:eu"));
            using IHost host = builder.Build();

            var e = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

            var byName = e.InnerExceptions.Cast<OptionsValidationException>().ToDictionary(x => x.OptionsName);
            Assert.Equal(new[] { "", "eu" }, byName.Keys.Order(StringComparer.Ordinal));
            Assert.Contains(byName[""].Failures, f => f.StartsWith("ServicePolicy:Calendars:uk-office:TimeZone: time zone 'Europe/Londn'", StringComparison.Ordinal));
            Assert.Equal("Desks:eu:Policies:standard:Calendar: calendar 'eu-offce' is not defined (did you mean 'eu-office'?)", Assert.Single(byName["eu"].Failures));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
