// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePolicy.Catalog;
using ServicePolicy.Configuration;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>The validator reports and does nothing else: no trace on the options, no shared state, every name.</summary>
public class ServicePolicyOptionsValidatorTests
{
    private static ServicePolicyOptions Bind(Dictionary<string, string?> settings, string section = "ServicePolicy")
    {
        var options = new ServicePolicyOptions();
        ServicePolicyConfigurationBinder.MergeFrom(options, new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(section));
        return options;
    }

    /// <summary>Everything about the options that validation could leave a trace on, including internal state.</summary>
    private static string Snapshot(ServicePolicyOptions options) => string.Join("|",
        options.SectionPath, string.Join(";", options.ConfigurationErrors), string.Join(";", options.Calendars.Keys),
        string.Join(";", options.Policies.Select(p => $"{p.Key}={p.Value.Calendar}")), options.PolicySet?.Fallback,
        options.BuiltCalendars.Count, options.BuiltPolicies.Count, options.BuiltEscalationChains.Count, options.BuiltRotas.Count);

    [Fact]
    public void Validate_InvalidThenValidThenInvalid_GivesTheSameAnswersAndLeavesNoTrace()
    {
        var validator = new ServicePolicyOptionsValidator();
        ServicePolicyOptions invalid = Bind(With(("ServicePolicy:Policies:standard:Calendar", "uk-offce")));
        ServicePolicyOptions valid = Bind(Valid());
        string invalidBefore = Snapshot(invalid);
        string validBefore = Snapshot(valid);

        ValidateOptionsResult first = validator.Validate(Options.DefaultName, invalid);
        ValidateOptionsResult second = validator.Validate(Options.DefaultName, valid);
        ValidateOptionsResult third = validator.Validate(Options.DefaultName, invalid);
        ValidateOptionsResult fourth = validator.Validate(Options.DefaultName, valid);

        Assert.True(first.Failed);
        Assert.Equal("ServicePolicy:Policies:standard:Calendar: calendar 'uk-offce' is not defined (did you mean 'uk-office'?)", Assert.Single(first.Failures!));
        Assert.True(second.Succeeded);
        Assert.Equal(first.Failures, third.Failures);
        Assert.True(fourth.Succeeded);
        Assert.Equal(invalidBefore, Snapshot(invalid));
        Assert.Equal(validBefore, Snapshot(valid));
    }

    [Fact]
    public void Validate_NamedOptions_AreValidatedLikeTheDefaultOnes()
    {
        var validator = new ServicePolicyOptionsValidator();
        ServicePolicyOptions invalid = Bind(
            new Dictionary<string, string?>(With(("ServicePolicy:Policies:standard:Calendar", "uk-offce")).Select(kv => KeyValuePair.Create("Desks:eu:" + kv.Key["ServicePolicy:".Length..], kv.Value))),
            "Desks:eu");

        ValidateOptionsResult result = validator.Validate("eu", invalid);

        Assert.True(result.Failed);
        Assert.False(result.Skipped);
        Assert.Equal("Desks:eu:Policies:standard:Calendar: calendar 'uk-offce' is not defined (did you mean 'uk-office'?)", Assert.Single(result.Failures!));
        Assert.True(validator.Validate("eu", Bind(Valid())).Succeeded);
    }

    [Fact]
    public void Validate_EveryError_InOneFailure()
    {
        ValidateOptionsResult result = new ServicePolicyOptionsValidator().Validate(Options.DefaultName, Bind(With(
            ("ServicePolicy:Calendars:uk-office:TimeZone", "Europe/Londn"),
            ("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "4 busines hours"),
            ("ServicePolicy:Policies:standard:Calender", "uk-office"))));

        Assert.Equal(3, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.StartsWith("ServicePolicy:", f, StringComparison.Ordinal));
        Assert.Contains("ServicePolicy:Calendars:uk-office:TimeZone", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThroughTheContainer_DoesNotChangeWhatTheProviderServes()
    {
        using ServiceProvider services = Services(new ConfigurationBuilder().AddInMemoryCollection(Valid()).Build());
        IServicePolicyCatalogProvider provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog current = provider.Current;
        IValidateOptions<ServicePolicyOptions> validator = Assert.Single(services.GetServices<IValidateOptions<ServicePolicyOptions>>());

        Assert.True(validator.Validate(Options.DefaultName, Bind(With(("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "1 business hour")))).Succeeded);
        Assert.True(validator.Validate(Options.DefaultName, Bind(With(("ServicePolicy:Policies:standard:Calendar", "nowhere")))).Failed);

        Assert.Same(current, provider.Current);
        Assert.Equal(1, provider.Current.Version);
    }

    [Fact]
    public void Validator_HoldsNoStateAndOptionsHoldNoCatalogue()
    {
        // The validator's only field is what it was told about the container; the options carry nothing built.
        FieldInfo field = Assert.Single(typeof(ServicePolicyOptionsValidator).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public));
        Assert.True(field.IsInitOnly);
        Assert.Equal(typeof(bool), field.FieldType);
        Assert.DoesNotContain(
            typeof(ServicePolicyOptions).GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public),
            p => p.PropertyType.Namespace == typeof(IServicePolicyCatalog).Namespace);
    }
}
