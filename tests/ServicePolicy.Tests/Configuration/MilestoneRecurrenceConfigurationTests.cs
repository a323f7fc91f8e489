// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>A custom target's <c>Recurrence</c> in configuration: bound to <see cref="ServiceTarget.Recurrence"/>, and
/// its errors with their paths.</summary>
public class MilestoneRecurrenceConfigurationTests
{
    private const string Quote = "ServicePolicy:Policies:standard:CustomTargets:send you a quote";

    [Theory]
    [InlineData(null, MilestoneRecurrence.None)]
    [InlineData("None", MilestoneRecurrence.None)]
    [InlineData("Sequential", MilestoneRecurrence.Sequential)]
    [InlineData("independent", MilestoneRecurrence.Independent)]
    public void Bind_Recurrence_OfACustomTarget(string? text, MilestoneRecurrence expected)
    {
        using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(
            With(($"{Quote}:Deadline", "2 business days"), ($"{Quote}:Recurrence", text))).Build());
        ServiceLevelPolicy policy = provider.GetRequiredService<IServicePolicyCatalog>().GetPolicy("standard");

        Assert.Equal(expected, policy.FindTarget(CommitmentKind.Custom, "send you a quote")!.Recurrence);
        Assert.Equal(MilestoneRecurrence.None, policy.FindTarget(CommitmentKind.Resolution)!.Recurrence);
    }

    [Theory]
    [InlineData($"{Quote}:Recurrence", "Sequencial",
        $"{Quote}:Recurrence: 'Sequencial' is not a milestone recurrence (did you mean 'Sequential'?)")]
    [InlineData("ServicePolicy:Policies:standard:Targets:Resolution:Recurrence", "Sequential",
        "ServicePolicy:Policies:standard:Targets:Resolution:Recurrence: only a custom target (a milestone) recurs; move it under CustomTargets or remove the key")]
    [InlineData($"{Quote}:Recurence", "Sequential",
        $"{Quote}:Recurence: unknown setting 'Recurence' (did you mean 'Recurrence'?)")]
    public void Validate_BadRecurrence_NamesPath(string key, string value, string expected)
    {
        Dictionary<string, string?> settings = With((key, value));
        settings[$"{Quote}:Deadline"] = "2 business days";

        Assert.StartsWith(expected, SingleError(settings), StringComparison.Ordinal);
    }
}
