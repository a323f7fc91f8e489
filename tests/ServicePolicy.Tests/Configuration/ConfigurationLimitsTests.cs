// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePolicy.Catalog;
using ServicePolicy.Configuration;
using Xunit;

namespace ServicePolicy.Tests.Configuration;

/// <summary>Configuration values at and beyond the documented limits (docs/limits.md, issue 15): each is a validation
/// error with its path and the limit, never an <see cref="OverflowException"/> or an exception from a builder.</summary>
public class ConfigurationLimitsTests
{
    private const string Calendar = "ServicePolicy:Calendars:uk-office";
    private const string Chain = "ServicePolicy:EscalationChains:ladder";

    [Fact]
    public void An_escalation_chain_effective_from_the_last_instant_of_year_9999_is_a_validation_error_with_its_path()
    {
        string error = ConfigurationFixtures.SingleError(ConfigurationFixtures.WithChain(($"{Chain}:EffectiveFrom", "9999-12-31T23:59:59-18:00")));

        Assert.StartsWith($"{Chain}:EffectiveFrom: date and time '9999-12-31T23:59:59-18:00' is outside the supported range of dates 1700-01-01 to 2250-01-01", error);
        Assert.EndsWith("See docs/limits.md#supported-range.", error);
    }

    [Fact]
    public void A_closure_in_year_9999_in_New_York_is_a_validation_error_with_its_path()
    {
        IReadOnlyList<string> errors = ConfigurationFixtures.Errors(ConfigurationFixtures.With(
            ($"{Calendar}:TimeZone", "America/New_York"),
            ($"{Calendar}:Closures:0:Start", "9999-12-31T20:00"),
            ($"{Calendar}:Closures:0:End", "2026-01-01T00:00")));

        Assert.Equal(
            $"{Calendar}:Closures:0:Start: date and time '9999-12-31T20:00' is outside the supported range of dates 1700-01-01 to 2250-01-01. See docs/limits.md#supported-range.",
            Assert.Single(errors));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("-9998-01-01")]
    [InlineData("1500-06-01")]
    public void A_special_day_outside_the_supported_range_in_a_calendar_without_weekly_hours_is_a_validation_error_with_its_path(string date)
    {
        Dictionary<string, string?> settings = ConfigurationFixtures.With(($"{Calendar}:Hours", null), ($"{Calendar}:SpecialDays:{date}", "09:00-17:00"));
        settings.Remove($"{Calendar}:Hours");

        IReadOnlyList<string> errors = ConfigurationFixtures.Errors(settings);

        // The range is the reason, not "its closures cover all of its working time" (the year 1500 used to say that).
        Assert.Contains($"{Calendar}:SpecialDays:{date}: date '{date}' is outside the supported range of dates 1700-01-01 to 2250-01-01. See docs/limits.md#supported-range.", errors);
        Assert.DoesNotContain(errors, e => e.Contains("closures cover", StringComparison.Ordinal));
    }

    [Fact]
    public void A_holiday_outside_the_supported_range_is_a_validation_error_with_its_path()
    {
        string error = ConfigurationFixtures.SingleError(ConfigurationFixtures.With(($"{Calendar}:Holidays:0", "2250-01-02")));

        Assert.Equal($"{Calendar}:Holidays:0: date '2250-01-02' is outside the supported range of dates 1700-01-01 to 2250-01-01. See docs/limits.md#supported-range.", error);
    }

    [Theory]
    [InlineData("16777215 days")]
    [InlineData("36501 days")]
    [InlineData("876001 hours")]
    [InlineData("P36501D")]
    public void A_deadline_larger_than_the_largest_amount_is_a_validation_error_naming_the_limit(string deadline)
    {
        string error = ConfigurationFixtures.SingleError(ConfigurationFixtures.With(("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", deadline)));

        Assert.StartsWith("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline: ", error);
        Assert.Contains("an amount of at most 36500 days (876000 hours), the largest amount (see docs/limits.md#largest-amount)", error);
    }

    [Fact]
    public void An_escalation_delay_of_16777215_days_is_a_validation_error_naming_the_limit()
    {
        string error = ConfigurationFixtures.SingleError(ConfigurationFixtures.WithChain(($"{Chain}:Levels:1:Delay", "16777215 days")));

        Assert.StartsWith($"{Chain}:Levels:1:Delay: ", error);
        Assert.Contains("docs/limits.md#largest-amount", error);
    }

    [Fact]
    public void A_deadline_of_the_largest_amount_with_a_percentage_at_risk_threshold_is_valid()
    {
        Assert.Empty(ConfigurationFixtures.Errors(ConfigurationFixtures.WithChain(
            ("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "36500 days"))));
    }

    [Fact]
    public void A_time_zone_name_longer_than_the_longest_name_is_refused_at_once_with_the_length_limit()
    {
        string name = new('x', 100_000);

        string error = ConfigurationFixtures.SingleError(ConfigurationFixtures.With(($"{Calendar}:TimeZone", name)));

        Assert.Equal($"{Calendar}:TimeZone: time zone '{name[..40]}...' (100000 characters) is longer than 200 characters, the longest name. See docs/limits.md#names-and-text.", error);
    }

    [Fact]
    public void A_misspelt_time_zone_within_the_longest_name_still_gets_a_suggestion()
    {
        string error = ConfigurationFixtures.SingleError(ConfigurationFixtures.With(($"{Calendar}:TimeZone", "Europe/Londn")));

        Assert.Contains("(did you mean 'Europe/London'?)", error);
    }

    [Fact]
    public void A_reload_to_a_date_outside_the_supported_range_is_logged_as_a_validation_failure_and_keeps_the_last_good_catalogue()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(ConfigurationFixtures.Valid()).Build();
        MemoryConfigurationProvider memory = configuration.Providers.OfType<MemoryConfigurationProvider>().Single();
        var logs = new TestLoggerProvider();
        using ServiceProvider services = ConfigurationFixtures.Services(configuration, s => s.AddLogging(b => b.AddProvider(logs)));
        IServicePolicyCatalogProvider provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog good = provider.Current;

        memory.Set($"{Calendar}:SpecialDays:9999-12-31", "09:00-17:00");
        configuration.Reload();

        Assert.Same(good, provider.Current);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1003 && e.Message.Contains($"{Calendar}:SpecialDays:9999-12-31: date '9999-12-31' is outside the supported range", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 1004);
    }

    [Fact]
    public void OptionsMonitor_after_a_reload_to_a_date_outside_the_supported_range_throws_only_the_validation_failure()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(ConfigurationFixtures.Valid()).Build();
        MemoryConfigurationProvider memory = configuration.Providers.OfType<MemoryConfigurationProvider>().Single();
        using ServiceProvider services = ConfigurationFixtures.Services(configuration);
        IOptionsMonitor<ServicePolicyOptions> monitor = services.GetRequiredService<IOptionsMonitor<ServicePolicyOptions>>();
        _ = monitor.CurrentValue;

        memory.Set($"{Calendar}:Closures:0:Start", "9999-12-31T20:00");
        memory.Set($"{Calendar}:Closures:0:End", "9999-12-31T21:00");
        Assert.Throws<AggregateException>(() => configuration.Reload());

        var thrown = Assert.Throws<OptionsValidationException>(() => monitor.CurrentValue);
        Assert.All(thrown.Failures, f => Assert.StartsWith($"{Calendar}:Closures:0:", f));
    }
}
