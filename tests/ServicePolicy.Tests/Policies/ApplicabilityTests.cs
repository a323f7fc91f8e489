// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Policies;

public class ApplicabilityTests
{
    private static readonly Applicability UrgentGoldEmail = Applicability.Any
        .WithPriorities("urgent", "high").WithChannels("email").WithCustomerTiers("gold").ForExternalCustomers().WithAttribute("region", "emea");

    [Theory]
    //          channel  priority  tier    internal  region   matches
    [InlineData("email", "urgent", "gold", false,    "emea",  true)]
    [InlineData("EMAIL", "High",   "Gold", false,    "EMEA",  true)]
    [InlineData("phone", "urgent", "gold", false,    "emea",  false)]
    [InlineData("email", "low",    "gold", false,    "emea",  false)]
    [InlineData("email", "urgent", null,   false,    "emea",  false)]
    [InlineData("email", "urgent", "gold", true,     "emea",  false)]
    [InlineData("email", "urgent", "gold", false,    "apac",  false)]
    [InlineData("email", "urgent", "gold", false,    null,    false)]
    public void Matches_EveryConditionMustHold(string? channel, string? priority, string? tier, bool isInternal, string? region, bool matches)
    {
        var attributes = region is null ? null : new Dictionary<string, string> { ["Region"] = region };
        var profile = new InteractionProfile(channel, priority, tier, isInternal, attributes);
        Assert.Equal(matches, UrgentGoldEmail.Matches(profile));
        Assert.True(Applicability.Any.Matches(profile));
    }

    [Fact]
    public void ToString_ListsConditions()
    {
        Assert.Equal("any", Applicability.Any.ToString());
        Assert.Equal("priority in {high, urgent} channel in {email} tier in {gold} external region=emea", UrgentGoldEmail.ToString());
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Equal("priorities", Assert.Throws<ArgumentException>(() => Applicability.Any.WithPriorities()).ParamName);
        Assert.Equal("channels", Assert.Throws<ArgumentException>(() => Applicability.Any.WithChannels("email", "")).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => Applicability.Any.WithAttribute("", "x")).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => Applicability.Any.Matches(null!)).ParamName);
        var duplicate = Assert.Throws<ArgumentException>(() => new InteractionProfile(attributes: [new("Region", "a"), new("region", "b")]));
        Assert.Equal("attributes", duplicate.ParamName);
        Assert.Contains("'region'", duplicate.Message);
    }
}

public class ServiceLevelPolicySetTests
{
    private static ServiceLevelPolicy Named(string name, Applicability applicability) => ServiceLevelPolicy.CreateBuilder(name, 1, Office)
        .AppliesTo(applicability)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .Build();

    [Fact]
    public void Select_FirstMatchWins_OtherwiseFallback()
    {
        ServiceLevelPolicy urgent = Named("Urgent", Applicability.Any.WithPriorities("urgent"));
        ServiceLevelPolicy gold = Named("Gold", Applicability.Any.WithCustomerTiers("gold"));
        ServiceLevelPolicy standard = Named("Standard", Applicability.Any);
        var set = new ServiceLevelPolicySet([urgent, gold], standard);

        Assert.Same(urgent, set.Select(new InteractionProfile(priority: "urgent", customerTier: "gold")));
        Assert.Same(gold, set.Select(new InteractionProfile(priority: "low", customerTier: "gold")));
        Assert.Same(standard, set.Select(InteractionProfile.Unspecified));
        Assert.Equal([urgent, gold], set.Policies);
    }

    [Fact]
    public void Ctor_BadArguments_Throw()
    {
        ServiceLevelPolicy standard = Named("Standard", Applicability.Any);
        Assert.Equal("fallback", Assert.Throws<ArgumentNullException>(() => new ServiceLevelPolicySet([], null!)).ParamName);
        Assert.Equal("policies", Assert.Throws<ArgumentException>(() => new ServiceLevelPolicySet([null!], standard)).ParamName);
        var duplicate = Assert.Throws<ArgumentException>(() => new ServiceLevelPolicySet([Named("Standard", Applicability.Any)], standard));
        Assert.Contains("'Standard'", duplicate.Message);
    }
}
