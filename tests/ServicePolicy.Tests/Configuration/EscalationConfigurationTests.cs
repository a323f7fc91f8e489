// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Calendars;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>Escalation chains and on-call rotas in configuration: binding, validation (each error with its exact path),
/// code-first equivalence, and the evaluator passing an escalation context.</summary>
public partial class EscalationConfigurationTests
{
    private const string Chain = "ServicePolicy:EscalationChains:ladder";

    private static ServiceProvider ServicesWithDirectory(Dictionary<string, string?> settings, IClock? clock = null) =>
        Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), s =>
        {
            s.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
            if (clock is not null)
            {
                s.AddSingleton(clock);
            }
        });

    /// <summary>Everything about a chain version that configuration controls, as text (calendars and rotas by name).</summary>
    private static string Describe(EscalationChain chain) => string.Join(" | ", new[]
    {
        chain.ToString(),
        $"fallback {chain.Fallback.Id} hours {chain.Fallback.WorkingHours?.Name ?? "any"}",
        string.Join("; ", chain.Warnings.Select(w => $"{w} {w.Percent} {w.LeadTime}")),
        string.Join("; ", chain.Levels.Select(l =>
            $"{l} stop {l.StopsOnAcknowledgement} authority {l.HasAuthorityToDecide} wait {l.WaitsForWorkingHours} rota {l.Recipient.Rota}")),
        chain.Repeat?.ToString() ?? "no repeat",
        chain.AcknowledgementTimeout?.ToString() ?? "no timeout",
        chain.CatchUp.ToString(),
        $"kinds {string.Join(",", chain.EscalatedKinds)} custom {string.Join(",", chain.EscalatedCustomNames)}",
    });

    [Fact]
    public void Bind_ChainWithoutEffectiveFrom_IsInForceFromTheStartOfTime()
    {
        using ServiceProvider provider = ServicesWithDirectory(WithChain());

        EscalationChain chain = provider.GetRequiredService<IServicePolicyCatalog>().GetEscalationChain("ladder");

        Assert.Equal(Instant.MinValue, chain.EffectiveFrom);
        Assert.Equal("ladder v1", chain.ToString());
    }

    [Fact]
    public void Bind_Chain_BuildsTheChainAndPointsThePolicyAtIt()
    {
        Dictionary<string, string?> settings = WithChain(
            ($"{Chain}:Version", "3"),
            ($"{Chain}:EffectiveFrom", "2026-03-01T00:00:00Z"),
            ($"{Chain}:FallbackWorkingHours", "uk-office"),
            ($"{Chain}:Warnings:1:Before", "30 minutes"),
            ($"{Chain}:Warnings:1:Recipient", "person:ann"),
            ($"{Chain}:Levels:1:AuthorityToDecide", "true"),
            ($"{Chain}:Levels:2:Recipient", "on-call:support-on-call"),
            ($"{Chain}:Levels:2:Delay", "PT30M"),
            ($"{Chain}:Levels:2:CustomAction", "page-on-call"),
            ($"{Chain}:Levels:2:StopOnAcknowledgement", "false"),
            ($"{Chain}:Levels:2:WaitForWorkingHours", "true"),
            ($"{Chain}:Levels:3:Recipient", "Role:duty-manager"),
            ($"{Chain}:Levels:3:Delay", "30 minutes"),
            ($"{Chain}:Levels:3:Action", "raisepriority"),
            ($"{Chain}:Repeat:FromLevel", "3"),
            ($"{Chain}:Repeat:Every", "1 business hour"),
            ($"{Chain}:Repeat:MaxRepeats", "2"),
            ($"{Chain}:AcknowledgementTimeout", "2 hours"),
            ($"{Chain}:CatchUp", "fireallmissed"),
            ("ServicePolicy:Rotas:support-on-call:TimeZone", "Europe/London"),
            ("ServicePolicy:Rotas:support-on-call:HandOvers:0:Day", "Mon"),
            ("ServicePolicy:Rotas:support-on-call:HandOvers:0:At", "9:00"), // the one time-of-day grammar: H:mm too
            ("ServicePolicy:Rotas:support-on-call:HandOvers:0:Person", "alice"),
            ("ServicePolicy:Rotas:support-on-call:HandOvers:1:Day", "thursday"),
            ("ServicePolicy:Rotas:support-on-call:HandOvers:1:At", "09:00:00"),
            ("ServicePolicy:Rotas:support-on-call:HandOvers:1:Person", "bob"));
        using ServiceProvider provider = ServicesWithDirectory(settings);
        IServicePolicyCatalog catalog = provider.GetRequiredService<IServicePolicyCatalog>();

        EscalationChain chain = catalog.GetEscalationChain("LADDER");
        BusinessCalendar office = catalog.GetCalendar("uk-office");
        Assert.Equal("ladder", chain.Name);
        Assert.Equal(3, chain.Version);
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 0, 0), chain.EffectiveFrom);
        Assert.Equal(new EscalationContact("support-leads", office), chain.Fallback);
        Assert.Equal(75, chain.Warnings[0].Percent);
        Assert.Equal(EscalationRecipient.Owner, chain.Warnings[0].Recipient);
        Assert.Equal(Duration.FromMinutes(30), chain.Warnings[1].LeadTime);
        Assert.Equal(EscalationRecipient.Person("ann"), chain.Warnings[1].Recipient);
        Assert.Equal(4, chain.Levels.Count);
        Assert.Equal(EscalationRecipient.OwnersLead, chain.Levels[0].Recipient);
        Assert.Equal(EscalationDelay.Zero, chain.Levels[0].Delay);
        Assert.Equal(EscalationDelay.Business(Duration.FromHours(1), office), chain.Levels[1].Delay);
        Assert.True(chain.Levels[1].HasAuthorityToDecide);
        WeeklyRota rota = catalog.Rotas["support-on-call"];
        Assert.Equal(EscalationRecipient.OnCall(rota), chain.Levels[2].Recipient);
        Assert.Equal("bob", rota.OnCallAt(Instant.FromUtc(2026, 3, 6, 12, 0)));
        Assert.Equal("bob", rota.OnCallAt(Instant.FromUtc(2026, 3, 2, 8, 59)));
        Assert.Equal("alice", rota.OnCallAt(Instant.FromUtc(2026, 3, 2, 9, 0)));
        Assert.Equal(EscalationDelay.Elapsed(Duration.FromMinutes(30)), chain.Levels[2].Delay);
        Assert.Equal((EscalationActionKind.Custom, "page-on-call"), (chain.Levels[2].Action, chain.Levels[2].CustomAction));
        Assert.False(chain.Levels[2].StopsOnAcknowledgement);
        Assert.True(chain.Levels[2].WaitsForWorkingHours);
        Assert.Equal(EscalationRecipient.Role("duty-manager"), chain.Levels[3].Recipient);
        Assert.Equal(EscalationActionKind.RaisePriority, chain.Levels[3].Action);
        Assert.Equal((3, EscalationDelay.Business(Duration.FromHours(1), office), (int?)2), (chain.Repeat!.FromLevel, chain.Repeat.Every, chain.Repeat.MaxRepeats));
        Assert.Equal(EscalationDelay.Elapsed(Duration.FromHours(2)), chain.AcknowledgementTimeout);
        Assert.Equal(EscalationCatchUp.FireAllMissed, chain.CatchUp);
        Assert.Equal("ladder", catalog.GetPolicy("standard").EscalationChainName);
        Assert.Same(chain, Assert.Single(catalog.EscalationChainVersions));
    }

    [Fact]
    public void Bind_ChainKinds_LimitWhatTheChainEscalates()
    {
        using ServiceProvider provider = ServicesWithDirectory(WithChain(
            ($"{Chain}:Kinds:0", "resolution"),
            ($"{Chain}:Kinds:1", "FirstResponse"),
            ($"{Chain}:CustomKinds:0", "call-back")));

        EscalationChain chain = provider.GetRequiredService<IServicePolicyCatalog>().GetEscalationChain("ladder");

        Assert.Equal(new[] { CommitmentKind.FirstResponse, CommitmentKind.Resolution }, chain.EscalatedKinds);
        Assert.Equal(new[] { "call-back" }, chain.EscalatedCustomNames);
        Assert.False(chain.Escalates(CommitmentKind.FeedbackRequest));
        Assert.True(chain.Escalates(CommitmentKind.Custom, "call-back"));
    }

    [Fact]
    public void Bind_ChainWithoutKinds_EscalatesEveryKind()
    {
        using ServiceProvider provider = ServicesWithDirectory(WithChain());

        EscalationChain chain = provider.GetRequiredService<IServicePolicyCatalog>().GetEscalationChain("ladder");

        Assert.Empty(chain.EscalatedKinds);
        Assert.True(chain.Escalates(CommitmentKind.FeedbackRequest));
    }

    [Fact]
    public void CodeFirst_ChainOptionsAndBuiltChain_BuildTheSameCatalogAsConfiguration()
    {
        Dictionary<string, string?> settings = WithChain(
            ($"{Chain}:Levels:2:Recipient", "on-call:sre"),
            ($"{Chain}:Levels:2:Delay", "30 minutes"),
            ($"{Chain}:Levels:2:CustomAction", "page"),
            ($"{Chain}:Repeat:FromLevel", "2"),
            ($"{Chain}:Repeat:Every", "PT15M"),
            ($"{Chain}:Kinds:0", "FirstResponse"),
            ($"{Chain}:Kinds:1", "Resolution"),
            ("ServicePolicy:Rotas:sre:TimeZone", "UTC"),
            ("ServicePolicy:Rotas:sre:HandOvers:0:Day", "Monday"),
            ("ServicePolicy:Rotas:sre:HandOvers:0:At", "08:00"),
            ("ServicePolicy:Rotas:sre:HandOvers:0:Person", "carol"));
        using ServiceProvider fromConfiguration = ServicesWithDirectory(settings);

        var services = new ServiceCollection();
        services.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
        services.AddServicePolicy(b => b
            .AddCalendar("uk-office", c =>
            {
                c.TimeZone = "Europe/London";
                c.Hours = "Mon-Fri 09:00-17:00";
                c.Holidays.Add("2026-12-25");
            })
            .AddRota("sre", r =>
            {
                r.TimeZone = "UTC";
                r.HandOvers.Add(new RotaHandOverOptions { Day = "Monday", At = "08:00", Person = "carol" });
            })
            .AddEscalationChain("ladder", c =>
            {
                c.Fallback = "support-leads";
                c.Calendar = "uk-office";
                c.Warnings.Add(new EscalationWarningOptions { Percent = 75, Recipient = "owner" });
                c.Levels.Add(new EscalationLevelOptions { Recipient = "owner-lead" });
                c.Levels.Add(new EscalationLevelOptions { Recipient = "owner-manager", Delay = "1 business hour" });
                c.Levels.Add(new EscalationLevelOptions { Recipient = "on-call:sre", Delay = "30 minutes", CustomAction = "page" });
                c.Repeat = new EscalationRepeatOptions { FromLevel = 2, Every = "PT15M" };
                c.Kinds.Add("FirstResponse");
                c.Kinds.Add("Resolution");
            })
            .AddPolicy("standard", p =>
            {
                p.Calendar = "uk-office";
                p.EscalationChain = "ladder";
                p.Targets["FirstResponse"] = new TargetOptions { Deadline = "4 business hours" };
                p.Targets["Resolution"] = new TargetOptions { Deadline = "3 business days at 17:00" };
            }));
        using ServiceProvider fromCode = services.BuildServiceProvider();

        IServicePolicyCatalog a = fromConfiguration.GetRequiredService<IServicePolicyCatalog>();
        IServicePolicyCatalog b = fromCode.GetRequiredService<IServicePolicyCatalog>();
        Assert.Equal(Describe(a.GetEscalationChain("ladder")), Describe(b.GetEscalationChain("ladder")));
        Assert.Equal(a.Policies["standard"].EscalationChainName, b.Policies["standard"].EscalationChainName);
        Assert.Equal(a.Rotas.Keys, b.Rotas.Keys);

        // The same chain built as an object in code, with the same calendar and rota objects, describes the same.
        BusinessCalendar office = b.GetCalendar("uk-office");
        WeeklyRota sre = b.Rotas["sre"];
        EscalationChain built = EscalationChain.CreateBuilder("ladder", 1, Instant.MinValue, new EscalationContact("support-leads"))
            .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Business(Duration.FromHours(1), office)))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OnCall(sre), EscalationDelay.Elapsed(Duration.FromMinutes(30))).WithCustomAction("page"))
            .WithRepeat(EscalationRepeat.Create(2, EscalationDelay.Elapsed(Duration.FromMinutes(15)), null))
            .EscalatesOnly(CommitmentKind.Resolution, CommitmentKind.FirstResponse)
            .Build();
        var withBuilt = new ServiceCollection();
        withBuilt.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
        withBuilt.AddServicePolicy(x => x
            .AddCalendar(office)
            .AddRota(sre)
            .AddEscalationChain(built)
            .AddPolicy(ServiceLevelPolicy.CreateBuilder("standard", 1, office)
                .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
                .WithEscalationChain("ladder")
                .Build()));
        using ServiceProvider fromBuilt = withBuilt.BuildServiceProvider();
        IServicePolicyCatalog c = fromBuilt.GetRequiredService<IServicePolicyCatalog>();
        Assert.Same(built, c.GetEscalationChain("ladder"));
        Assert.Equal(Describe(b.GetEscalationChain("ladder")), Describe(c.GetEscalationChain("ladder")));
    }

    [Fact]
    public void CodeFirst_BuiltPolicyNamingChainInAnotherCase_NamesPath()
    {
        BusinessCalendar office = BusinessCalendar.Create("office", "Europe/London", "Mon-Fri 09:00-17:00");
        var services = new ServiceCollection();
        services.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
        services.AddServicePolicy(b => b
            .AddCalendar(office)
            .AddEscalationChain("ladder", c =>
            {
                c.Fallback = "leads";
                c.Levels.Add(new EscalationLevelOptions { Recipient = "owner-lead" });
            })
            .AddPolicy(ServiceLevelPolicy.CreateBuilder("vip", 1, office)
                .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
                .WithEscalationChain("Ladder")
                .Build()));
        using ServiceProvider provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IServicePolicyCatalogProvider>().Current);
        Assert.StartsWith("ServicePolicy:Policies:vip:EscalationChain: escalation chain 'Ladder' is not defined (did you mean 'ladder'?",
            Assert.Single(e.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluator_PassesTheCatalogueChainsAndTheRegisteredDirectory()
    {
        // Tuesday 3 March 2026 09:00 UTC = 09:00 London; first response due at 13:00.
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 3, 9, 0));
        using ServiceProvider provider = ServicesWithDirectory(ValidWithChain(), clock);
        var timeline = Timeline.Create("T-9", new TimelineFact[] { new InteractionOpened(clock.GetCurrentInstant(), Owner.Team("support")) });
        IServicePolicyEvaluator evaluator = provider.GetRequiredService<IServicePolicyEvaluator>();

        clock.AdvanceMinutes((3 * 60) + 5); // 12:05: past 75% (12:00)
        EscalationAction warning = Assert.Single(evaluator.Evaluate(timeline).EscalationActions);
        Assert.Equal(EscalationStep.Warning, warning.Step);
        Assert.Equal(EscalationRecipient.Owner, warning.Recipient);
        Assert.Equal("support", Assert.Single(warning.Contacts).Id);

        clock.AdvanceMinutes(2 * 60); // 14:05: breached at 13:00, the manager 1 business hour later at 14:00
        EscalationAction manager = Assert.Single(evaluator.Evaluate(timeline, "standard").EscalationActions);
        Assert.Equal("ladder", manager.ChainName);
        Assert.Equal((EscalationStep.Level, 1), (manager.Step, manager.StepIndex));
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 14, 0), manager.DueAt);
        Assert.Equal("support-manager", Assert.Single(manager.Contacts).Id);
        Assert.EndsWith("/ladder@da39846b1e79/L1/R0", manager.Key.ToString(), StringComparison.Ordinal);
    }
}
