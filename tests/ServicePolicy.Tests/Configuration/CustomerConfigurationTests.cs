// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>The configuration keys of issue 14 (talking to the customer): a target's <c>DelayNotice</c>, a remedy's
/// <c>Deadline</c> and a policy's <c>FeedbackScale</c>, bound into the policy and validated with their paths.</summary>
public class CustomerConfigurationTests
{
    private const string Policy = "ServicePolicy:Policies:standard";

    private static ServiceLevelPolicy Standard(params (string Key, string? Value)[] changes)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(With(changes)).Build();
        using ServiceProvider provider = Services(configuration);
        return provider.GetRequiredService<IServicePolicyCatalog>().GetPolicy("standard");
    }

    [Fact]
    public void Bind_EveryKey_ReachesThePolicy()
    {
        ServiceLevelPolicy policy = Standard(
            ($"{Policy}:Targets:FirstResponse:DelayNotice", "running-late"),
            ($"{Policy}:Targets:FirstResponse:Remedies:0:Kind", "Apology"),
            ($"{Policy}:Targets:FirstResponse:Remedies:0:Deadline", "1 business hour"),
            ($"{Policy}:Targets:FirstResponse:Remedies:1:Kind", "Credit"),
            ($"{Policy}:Targets:FirstResponse:Remedies:1:Amount", "10"),
            ($"{Policy}:Targets:FirstResponse:Remedies:1:Currency", "GBP"),
            ($"{Policy}:FeedbackScale:Minimum", "1"),
            ($"{Policy}:FeedbackScale:Maximum", "5"));

        ServiceTarget first = policy.FindTarget(CommitmentKind.FirstResponse)!;
        Assert.Equal("running-late", first.DelayNotice);
        Assert.Equal(
            [BreachRemedy.Apology().WithDeadline(DeadlineRule.WithinBusinessTime(Duration.FromHours(1))), BreachRemedy.Credit(10m, "GBP")],
            first.Remedies);
        Assert.Equal(FeedbackScale.Create(1, 5), policy.FeedbackScale);
        Assert.Null(policy.FindTarget(CommitmentKind.Resolution)!.DelayNotice);
    }

    [Fact]
    public void Bind_NoKeys_NoNoticeNoDeadlineNoScale()
    {
        ServiceLevelPolicy policy = Standard();

        Assert.Null(policy.FindTarget(CommitmentKind.FirstResponse)!.DelayNotice);
        Assert.Null(policy.FeedbackScale);
    }

    [Theory]
    [InlineData("Targets:FirstResponse:DelayNotice", " ", "Targets:FirstResponse:DelayNotice: a template id is required, such as 'running-late'; leave the key out for no notice")]
    [InlineData("Targets:FirstResponse:Remedies:0:Deadline", "appointment window of 4 hours", "Targets:FirstResponse:Remedies:0:Deadline: 'appointment window of 4 hours' is an appointment window; a remedy's deadline is counted from the breach, such as '1 business hour'")]
    [InlineData("Targets:FirstResponse:Remedies:0:Deadline", "soonish", "Targets:FirstResponse:Remedies:0:Deadline: ")]
    [InlineData("FeedbackScale:Minimum", "-1", "FeedbackScale:Minimum: -1 is out of range: expected 0 to 999")]
    [InlineData("FeedbackScale:Maximum", "1", "FeedbackScale:Maximum: 1 is out of range: expected more than Minimum (1) and at most 1000")]
    [InlineData("FeedbackScale:Maximum", "1001", "FeedbackScale:Maximum: 1001 is out of range: expected more than Minimum (1) and at most 1000")]
    [InlineData("FeedbackScale:Maximum", null, "FeedbackScale:Maximum: the highest score is required, such as 5")]
    public void Validate_BadValue_NamesThePath(string key, string? value, string expected)
    {
        var settings = With(
            ($"{Policy}:Targets:FirstResponse:Remedies:0:Kind", "Apology"),
            ($"{Policy}:FeedbackScale:Minimum", "1"),
            ($"{Policy}:FeedbackScale:Maximum", "5"),
            ($"{Policy}:{key}", value));

        Assert.StartsWith($"{Policy}:{expected}", SingleError(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FeedbackScaleWithoutMinimum_NamesThePath() =>
        Assert.Equal($"{Policy}:FeedbackScale:Minimum: the lowest score is required, such as 1",
            SingleError(With(($"{Policy}:FeedbackScale:Maximum", "5"))));

    [Fact]
    public void Validate_HandoffRemedyDeadline_NamesThePath() =>
        Assert.StartsWith($"{Policy}:HandoffLimit:Remedies:0:Deadline: ",
            SingleError(With(
                ($"{Policy}:HandoffLimit:MaxReassignments", "3"),
                ($"{Policy}:HandoffLimit:Remedies:0:Kind", "Apology"),
                ($"{Policy}:HandoffLimit:Remedies:0:Deadline", "whenever"))), StringComparison.Ordinal);
}
