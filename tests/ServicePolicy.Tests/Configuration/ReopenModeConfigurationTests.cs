// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>A target's <c>ReopenMode</c> in configuration: bound to <see cref="ServiceTarget.ReopenMode"/>, and its
/// errors with their paths.</summary>
public class ReopenModeConfigurationTests
{
    private const string Targets = "ServicePolicy:Policies:standard:Targets";

    [Theory]
    [InlineData(null, ReopenMode.Resume)]
    [InlineData("Resume", ReopenMode.Resume)]
    [InlineData("NewCycle", ReopenMode.NewCycle)]
    [InlineData("newcycle", ReopenMode.NewCycle)]
    public void Bind_ReopenMode_OfTheResolutionTarget(string? text, ReopenMode expected)
    {
        using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(With(($"{Targets}:Resolution:ReopenMode", text))).Build());
        ServiceLevelPolicy policy = provider.GetRequiredService<IServicePolicyCatalog>().GetPolicy("standard");

        Assert.Equal(expected, policy.FindTarget(CommitmentKind.Resolution)!.ReopenMode);
        Assert.Equal(ReopenMode.Resume, policy.FindTarget(CommitmentKind.FirstResponse)!.ReopenMode);
    }

    [Theory]
    [InlineData($"{Targets}:Resolution:ReopenMode", "NewCycel",
        $"{Targets}:Resolution:ReopenMode: 'NewCycel' is not a reopen mode (did you mean 'NewCycle'?)")]
    [InlineData($"{Targets}:FirstResponse:ReopenMode", "NewCycle",
        $"{Targets}:FirstResponse:ReopenMode: only a Resolution target has a cycle a reopening resumes, so only it can start a new one")]
    [InlineData("ServicePolicy:Policies:standard:CustomTargets:send you a quote:ReopenMode", "NewCycle",
        "ServicePolicy:Policies:standard:CustomTargets:send you a quote:ReopenMode: only a Resolution target has a cycle a reopening resumes")]
    [InlineData($"{Targets}:Resolution:ReopenMod", "NewCycle",
        $"{Targets}:Resolution:ReopenMod: unknown setting 'ReopenMod' (did you mean 'ReopenMode'?)")]
    public void Validate_BadReopenMode_NamesPath(string key, string value, string expected)
    {
        Dictionary<string, string?> settings = With((key, value));
        if (key.Contains("CustomTargets", StringComparison.Ordinal))
        {
            settings["ServicePolicy:Policies:standard:CustomTargets:send you a quote:Deadline"] = "2 business days";
        }

        Assert.StartsWith(expected, SingleError(settings), StringComparison.Ordinal);
    }
}
