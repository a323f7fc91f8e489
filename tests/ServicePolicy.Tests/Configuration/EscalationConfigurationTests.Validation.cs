// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>Validation of escalation chains and rotas in configuration: each error with its exact path.</summary>
public partial class EscalationConfigurationTests
{
    [Fact]
    public void Validate_UndefinedChain_NamesPathAndSuggests()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:EscalationChain: escalation chain 'ladr' is not defined (did you mean 'ladder'?)",
            SingleError(WithChain(("ServicePolicy:Policies:standard:EscalationChain", "ladr"))));
    }

    [Fact]
    public void Validate_ChainWithNoLevels_NamesPath()
    {
        Dictionary<string, string?> settings = ValidWithChain();
        foreach (string key in settings.Keys.Where(k => k.StartsWith($"{Chain}:Levels", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }
        Assert.StartsWith($"{Chain}:Levels: an escalation chain needs at least one level", SingleError(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadDelayText_NamesPathAndPosition()
    {
        Assert.Equal(
            $"{Chain}:Levels:1:Delay: Invalid delay '1 busines hour': expected 'business' or a unit (days, hours, minutes, seconds) at position 3, found 'busines'.",
            SingleError(WithChain(($"{Chain}:Levels:1:Delay", "1 busines hour"))));
    }

    [Fact]
    public void Validate_DeadlineThatIsNotAnAmountOfTime_NamesPath()
    {
        Assert.StartsWith(
            $"{Chain}:Levels:1:Delay: 'end of business day' is not a delay: expected an amount of time",
            SingleError(WithChain(($"{Chain}:Levels:1:Delay", "end of business day"))),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownRecipientForm_NamesPathAndSuggests()
    {
        Assert.Equal(
            $"{Chain}:Levels:0:Recipient: 'roles:duty-manager' is not a recipient (did you mean 'role:duty-manager'?); "
            + "expected owner, owner-lead, owner-manager, role:<name>, person:<id> or on-call:<rota>",
            SingleError(WithChain(($"{Chain}:Levels:0:Recipient", "roles:duty-manager"))));
    }

    [Fact]
    public void Validate_UndefinedRota_NamesPath()
    {
        Assert.Equal(
            $"{Chain}:Warnings:0:Recipient: rota 'support' is not defined; define it under ServicePolicy:Rotas",
            SingleError(WithChain(($"{Chain}:Warnings:0:Recipient", "on-call:support"))));
    }

    [Fact]
    public void Validate_UndefinedCalendarOfALevel_NamesPathAndSuggests()
    {
        Assert.Equal(
            $"{Chain}:Levels:1:Calendar: calendar 'uk-offce' is not defined (did you mean 'uk-office'?)",
            SingleError(WithChain(($"{Chain}:Levels:1:Calendar", "uk-offce"))));
    }

    [Fact]
    public void Validate_BusinessDelayWithoutCalendar_NamesPath()
    {
        Assert.Equal(
            $"{Chain}:Levels:1:Delay: business-time delay '1 business hour' needs a calendar: set {Chain}:Calendar (or the level's own Calendar)",
            SingleError(WithChain(($"{Chain}:Calendar", null))));
    }

    [Fact]
    public void Validate_DuplicateChainName_AcrossConfigurationAndCode_NamesPath()
    {
        BusinessCalendar office = BusinessCalendar.Create("office", "Europe/London", "Mon-Fri 09:00-17:00");
        EscalationChain built = EscalationChain.CreateBuilder("Ladder", 1, Instant.FromUtc(2026, 1, 1, 0, 0), new EscalationContact("leads"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Business(Duration.FromHours(1), office)))
            .Build();
        var services = new ServiceCollection();
        services.AddServicePolicy(new ConfigurationBuilder().AddInMemoryCollection(ValidWithChain()).Build().GetSection("ServicePolicy"));
        services.AddServicePolicy(b => b.AddEscalationChain(built));
        services.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
        using ServiceProvider provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IServicePolicyCatalogProvider>().Current);
        Assert.Equal("ServicePolicy:EscalationChains:Ladder: escalation chain 'Ladder' (version 1) is defined more than once", Assert.Single(e.Failures));
    }

    [Fact]
    public void Validate_DuplicateChainName_InTwoConfigurationSources_NamesPath()
    {
        IConfiguration more = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServicePolicy:EscalationChains:LADDER:Fallback"] = "leads",
            ["ServicePolicy:EscalationChains:LADDER:Levels:0:Recipient"] = "owner",
        }).Build();
        var services = new ServiceCollection();
        services.AddServicePolicy(new ConfigurationBuilder().AddInMemoryCollection(ValidWithChain()).Build().GetSection("ServicePolicy"));
        services.AddServicePolicy(more.GetSection("ServicePolicy"));
        services.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
        using ServiceProvider provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IServicePolicyCatalogProvider>().Current);
        Assert.Equal("ServicePolicy:EscalationChains:LADDER: escalation chain 'LADDER' is defined more than once", Assert.Single(e.Failures));
    }

    [Theory]
    [InlineData($"{Chain}:Levels:0:Dellay", "Dellay", "Delay")]
    [InlineData($"{Chain}:Warning:0:Recipient", "Warning", "Warnings")]
    [InlineData($"{Chain}:Repeat:Evry", "Evry", "Every")]
    [InlineData("ServicePolicy:EscalationChain:ladder:Fallback", "EscalationChain", "EscalationChains")]
    [InlineData("ServicePolicy:Rotas:support:HandOvers:0:Persn", "Persn", "Person")]
    public void Validate_UnknownKeyInsideChains_NamesPathAndSuggests(string key, string name, string suggestion)
    {
        string path = key.Substring(0, key.IndexOf(name, StringComparison.Ordinal) + name.Length);
        IReadOnlyList<string> errors = Errors(WithChain((key, "x")));
        Assert.Contains(errors, e => e.StartsWith($"{path}: unknown setting '{name}' (did you mean '{suggestion}'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownKeyInALevel_IsTheOnlyError()
    {
        string error = SingleError(WithChain(($"{Chain}:Levels:0:Dellay", "5 minutes")));
        Assert.StartsWith($"{Chain}:Levels:0:Dellay: unknown setting 'Dellay' (did you mean 'Delay'?); expected one of Recipient, Delay, Calendar, ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChainWithoutDirectory_FailsAtStartUpSayingWhatToRegister()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:EscalationChain: policy 'standard' escalates with chain 'ladder', but no IEscalationDirectory is "
            + "registered to resolve its recipients; register one, such as services.AddSingleton<IEscalationDirectory, MyDirectory>()",
            SingleError(ValidWithChain(), withDirectory: false));
    }

    [Fact]
    public void Validate_ChainsWithoutDirectory_AreFineWhenNoPolicyNamesOne()
    {
        Dictionary<string, string?> settings = ValidWithChain();
        settings.Remove("ServicePolicy:Policies:standard:EscalationChain");
        Assert.Empty(Errors(settings, withDirectory: false));
    }

    [Fact]
    public void Validate_BadActionRepeatAndCatchUp_ReportsAllWithPaths()
    {
        IReadOnlyList<string> errors = Errors(WithChain(
            ($"{Chain}:Levels:0:Action", "Notfy"),
            ($"{Chain}:Repeat:FromLevel", "2"),
            ($"{Chain}:Repeat:Every", "immediately"),
            ($"{Chain}:AcknowledgementTimeout", "PT0S"),
            ($"{Chain}:CatchUp", "LatestOnyl"),
            ($"{Chain}:Warnings:0:Before", "30 minutes"),
            ("ServicePolicy:Rotas:sre:TimeZone", "Europe/London"),
            ("ServicePolicy:Rotas:sre:HandOvers:0:Day", "Fryday"),
            ("ServicePolicy:Rotas:sre:HandOvers:0:At", "9am"),
            ("ServicePolicy:Rotas:sre:HandOvers:0:Person", "alice")));
        string[] expected =
        {
            $"{Chain}:AcknowledgementTimeout: ",
            $"{Chain}:CatchUp: 'LatestOnyl' is not a catch-up rule (did you mean 'LatestOnly'?)",
            $"{Chain}:Levels:0:Action: 'Notfy' is not an escalation action (did you mean 'Notify'?)",
            $"{Chain}:Repeat:Every: the delay must be more than zero",
            $"{Chain}:Repeat:FromLevel: the repeat rule starts at level 2, which is out of range: expected 0 to 1",
            $"{Chain}:Warnings:0: give Percent or Before, not both",
            "ServicePolicy:Rotas:sre:HandOvers:0:At: Invalid time of day '9am'",
            "ServicePolicy:Rotas:sre:HandOvers:0:Day: 'Fryday' is not a day of the week (did you mean 'Friday'?)",
        };
        string[] actual = errors.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.StartsWith(expected[i], actual[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_UnknownKindToEscalate_NamesPathAndSuggests()
    {
        Assert.Equal(
            $"{Chain}:Kinds:1: 'Resolutoin' is not a kind of commitment (did you mean 'Resolution'?); expected one of "
            + "FirstResponse, NextResponse, PeriodicUpdate, FollowUp, Resolution, Appointment, FeedbackRequest, Custom",
            SingleError(WithChain(($"{Chain}:Kinds:0", "FirstResponse"), ($"{Chain}:Kinds:1", "Resolutoin"))));
    }

    [Fact]
    public void Validate_EmptyCustomKind_NamesPath()
    {
        Assert.Equal(
            $"{Chain}:CustomKinds:0: the name of a custom target is required, such as 'call-back'",
            SingleError(WithChain(($"{Chain}:CustomKinds:0", " "))));
    }

    [Fact]
    public void Validate_AcknowledgementTimeoutWithoutALevelThatStops_NamesPath()
    {
        Assert.Equal(
            $"{Chain}:AcknowledgementTimeout: it has an acknowledgement timeout but no level that stops on acknowledgement (StopOnAcknowledgement: true)",
            SingleError(WithChain(
                ($"{Chain}:AcknowledgementTimeout", "2 hours"),
                ($"{Chain}:Levels:0:StopOnAcknowledgement", "false"),
                ($"{Chain}:Levels:1:StopOnAcknowledgement", "false"))));
    }

    [Fact]
    public void Validate_NoWarningsAndNoLevels_IsOneErrorAtLevels()
    {
        Dictionary<string, string?> settings = ValidWithChain();
        foreach (string key in settings.Keys.Where(k => k.StartsWith($"{Chain}:Levels", StringComparison.Ordinal) || k.StartsWith($"{Chain}:Warnings", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }
        Assert.StartsWith($"{Chain}:Levels: an escalation chain needs at least one level", SingleError(settings), StringComparison.Ordinal);
    }
}
