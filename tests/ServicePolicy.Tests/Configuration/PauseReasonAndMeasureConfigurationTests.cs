// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>Configuration of the host's own pause reasons (<c>ServicePolicy:PauseReasons</c>) and of several measures
/// of one kind (<c>Targets:&lt;name&gt;:Kind</c>): what builds, and each error with its path.</summary>
public class PauseReasonAndMeasureConfigurationTests
{
    private const string Policy = "ServicePolicy:Policies:standard";

    /// <summary>Two resolution measures (replacing the fixture's unnamed one), a declared reason pausing one of them by name.</summary>
    private static Dictionary<string, string?> Measured(params (string Key, string? Value)[] changes)
    {
        Dictionary<string, string?> settings = With(
            ("ServicePolicy:PauseReasons:0", "WaitingOnVendor"),
            ("ServicePolicy:PauseReasons:1", "ChangeFreeze"),
            ($"{Policy}:Targets:Resolution:Deadline", null),
            ($"{Policy}:Targets:RequesterWaitTime:Kind", "Resolution"),
            ($"{Policy}:Targets:RequesterWaitTime:Deadline", "40 business hours"),
            ($"{Policy}:Targets:AgentWorkTime:Kind", "Resolution"),
            ($"{Policy}:Targets:AgentWorkTime:Deadline", "16 business hours"),
            ($"{Policy}:Pause:WaitingOnCustomer:0", "Resolution"),
            ($"{Policy}:Pause:waitingonvendor:0", "agentworktime"));
        settings.Remove($"{Policy}:Targets:Resolution:Deadline");
        foreach ((string key, string? value) in changes)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static ServiceLevelPolicy Build(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using ServiceProvider provider = Services(configuration);
        return provider.GetRequiredService<IServicePolicyCatalog>().GetPolicy("standard");
    }

    [Fact]
    public void Measures_AndDeclaredReason_Build()
    {
        ServiceLevelPolicy policy = Build(Measured());

        Assert.Equal(
            ["Resolution 'AgentWorkTime'", "FirstResponse", "Resolution 'RequesterWaitTime'"], // configuration keys come in order
            policy.Targets.Select(t => t.Name is null ? t.Kind.ToString() : $"{t.Kind} '{t.Name}'"));
        PauseRule vendor = Assert.Single(policy.PauseRules, r => r.Reason == PauseReason.Create("WaitingOnVendor"));
        Assert.Equal(["AgentWorkTime"], vendor.PausedTargets); // the spelling of the declaration and the target's key
        Assert.Empty(vendor.PausedKinds);
        Assert.True(policy.Pauses(PauseReason.Create("WaitingOnVendor"), CommitmentKind.Resolution, "AgentWorkTime"));
        Assert.False(policy.Pauses(PauseReason.Create("WaitingOnVendor"), CommitmentKind.Resolution, "RequesterWaitTime"));
        Assert.True(policy.Pauses(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution, "RequesterWaitTime"));
        Assert.False(policy.Pauses(PauseReason.Create("ChangeFreeze"), CommitmentKind.Resolution, "AgentWorkTime"));
    }

    [Fact]
    public void Validate_UnknownPauseReason_SuggestsADeclaredOne()
    {
        Assert.Equal(
            $"{Policy}:Pause:WaitingOnVendr: 'WaitingOnVendr' is not a reason for waiting (did you mean 'WaitingOnVendor'?); "
            + "expected one of WaitingOnCustomer, WaitingOnThirdParty, WaitingOnVendor, ChangeFreeze; declare the host's own reasons under ServicePolicy:PauseReasons",
            SingleError(Measured(($"{Policy}:Pause:WaitingOnVendr:0", "Resolution"))));
    }

    [Fact]
    public void Validate_UndeclaredPauseReason_IsAnError()
    {
        string error = SingleError(With(($"{Policy}:Pause:Holiday:0", "Resolution")));
        Assert.StartsWith($"{Policy}:Pause:Holiday: 'Holiday' is not a reason for waiting; expected one of WaitingOnCustomer, WaitingOnThirdParty;", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", "ServicePolicy:PauseReasons:0: ' ' is not a reason for waiting: it is empty or white space")]
    [InlineData("Waiting ", "ServicePolicy:PauseReasons:0: 'Waiting ' is not a reason for waiting: it starts or ends with white space")]
    [InlineData("waitingoncustomer", "ServicePolicy:PauseReasons:0: 'waitingoncustomer' is a built-in reason for waiting and needs no declaring")]
    [InlineData("changefreeze", "ServicePolicy:PauseReasons:1: the reason for waiting 'ChangeFreeze' is declared more than once")]
    public void Validate_BadDeclaredReason_NamesPath(string declared, string expected)
    {
        Assert.Equal(expected, SingleError(With(("ServicePolicy:PauseReasons:0", declared), ("ServicePolicy:PauseReasons:1", "ChangeFreeze"))));
    }

    [Fact]
    public void Validate_UnknownPausedTarget_SuggestsAMeasure()
    {
        Assert.Equal(
            $"{Policy}:Pause:waitingonvendor:0: 'AgentWorkTme' is not a kind of commitment or a target of this policy (did you mean 'AgentWorkTime'?); "
            + "expected one of FirstResponse, NextResponse, PeriodicUpdate, FollowUp, Resolution, Appointment, FeedbackRequest, Custom, AgentWorkTime, RequesterWaitTime",
            SingleError(Measured(($"{Policy}:Pause:waitingonvendor:0", "AgentWorkTme"))));
    }

    [Fact]
    public void Validate_MeasureWithoutKind_SaysToGiveTheKind()
    {
        Assert.Equal(
            $"{Policy}:Targets:AgentWorkTime: 'AgentWorkTime' is not a kind of commitment; expected one of FirstResponse, NextResponse, "
            + "PeriodicUpdate, FollowUp, Resolution, Appointment, FeedbackRequest (to name a measure, give its kind too, such as \"AgentWorkTime\": { \"Kind\": \"Resolution\", ... })",
            SingleError(With(($"{Policy}:Targets:AgentWorkTime:Deadline", "16 business hours"))));
    }

    [Theory]
    [InlineData("Resolutoin", "Targets:AgentWorkTime:Kind: 'Resolutoin' is not a kind of commitment (did you mean 'Resolution'?)")]
    [InlineData("Custom", "Targets:AgentWorkTime:Kind: 'Custom' is not a kind of commitment")]
    [InlineData("Appointment", "Targets:AgentWorkTime:Kind: an Appointment target cannot be a named measure")]
    public void Validate_BadMeasureKind_NamesPath(string kind, string expected)
    {
        string error = SingleError(Measured(($"{Policy}:Targets:AgentWorkTime:Kind", kind), ($"{Policy}:Pause:waitingonvendor:0", "Resolution"),
            ($"{Policy}:Targets:AgentWorkTime:Deadline", kind == "Appointment" ? "appointment window of 4 hours" : "16 business hours")));
        Assert.StartsWith($"{Policy}:{expected}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MeasureNamedLikeAnotherKind_IsAnError()
    {
        Assert.Equal(
            $"{Policy}:Targets:NextResponse: a measure of Resolution cannot be named 'NextResponse', the name of another kind of commitment; choose another name",
            SingleError(With(($"{Policy}:Targets:NextResponse:Kind", "Resolution"), ($"{Policy}:Targets:NextResponse:Deadline", "8 business hours"))));
    }

    [Fact]
    public void Validate_MeasureAndCustomTargetWithOneName_IsAnError()
    {
        Assert.Equal(
            $"{Policy}:CustomTargets:AgentWorkTime: the custom target 'AgentWorkTime' is defined 2 times: each target's name must be unique in the policy",
            SingleError(Measured(($"{Policy}:CustomTargets:AgentWorkTime:Deadline", "2 business days at 12:00"))));
    }

    [Fact]
    public void Validate_KindOnACustomTarget_IsAnError()
    {
        Assert.Equal(
            $"{Policy}:CustomTargets:send you a quote:Kind: a custom target has no kind; to name a measure of a built-in kind, put it under {Policy}:Targets",
            SingleError(With(($"{Policy}:CustomTargets:send you a quote:Kind", "Resolution"), ($"{Policy}:CustomTargets:send you a quote:Deadline", "8 business hours"))));
    }

    [Fact]
    public void Validate_UnnamedTargetBesideItsMeasures_Builds()
    {
        ServiceLevelPolicy policy = Build(Measured(($"{Policy}:Targets:Resolution:Deadline", "3 business days at 17:00")));

        Assert.Equal(3, policy.Targets.Count(t => t.Kind == CommitmentKind.Resolution));
        Assert.NotNull(policy.FindTarget(CommitmentKind.Resolution));
        Assert.NotNull(policy.FindTarget(CommitmentKind.Resolution, "AgentWorkTime"));
    }
}
