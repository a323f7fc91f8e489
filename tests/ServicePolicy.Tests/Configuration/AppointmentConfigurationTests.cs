// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>The appointment target's <c>EarlyArrival</c> key: the customer's view by default, a policy may say early
/// arrivals keep the window, and a bad value or a value on another kind of deadline is an error with its path.</summary>
public class AppointmentConfigurationTests
{
    private const string Target = "ServicePolicy:Policies:standard:Targets:Appointment";

    private static AppointmentWindowRule Rule(Dictionary<string, string?> settings)
    {
        using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return (AppointmentWindowRule)provider.GetRequiredService<IServicePolicyCatalog>().GetPolicy("standard")
            .FindTarget(CommitmentKind.Appointment)!.Rule;
    }

    [Theory]
    [InlineData("appointment window of 4 hours", null, EarlyArrival.NotKept)]
    [InlineData("appointment window of 4 hours", "NotKept", EarlyArrival.NotKept)]
    [InlineData("appointment window of 4 hours", "Kept", EarlyArrival.Kept)]
    [InlineData("appointment window of 4 hours", " kept ", EarlyArrival.Kept)]
    [InlineData("appointment window of 4 hours, early arrival kept", null, EarlyArrival.Kept)]
    [InlineData("appointment window of 4 hours, early arrival kept", "NotKept", EarlyArrival.NotKept)] // the key wins
    public void EarlyArrival_Binds(string deadline, string? value, EarlyArrival expected)
    {
        AppointmentWindowRule rule = Rule(With(($"{Target}:Deadline", deadline), ($"{Target}:EarlyArrival", value)));

        Assert.Equal(expected, rule.EarlyArrival);
        Assert.Equal(Duration.FromHours(4), rule.MaximumWidth);
    }

    [Fact]
    public void EarlyArrival_UnknownValue_NamesPathAndSuggests()
    {
        string error = SingleError(With(($"{Target}:Deadline", "appointment window of 4 hours"), ($"{Target}:EarlyArrival", "Kep")));

        Assert.StartsWith($"{Target}:EarlyArrival: 'Kep' is not an early-arrival rule (did you mean 'Kept'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EarlyArrival_OnAnotherKindOfDeadline_IsAnError()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Targets:FirstResponse:EarlyArrival: only an appointment window deadline ('appointment window of 4 hours') " +
            "has an early-arrival rule; remove it or change the deadline",
            SingleError(With(("ServicePolicy:Policies:standard:Targets:FirstResponse:EarlyArrival", "Kept"))));
    }
}
