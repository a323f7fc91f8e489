// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Policies;

public class ServiceLevelPolicyTests
{
    private static readonly DeadlineRule FourHours = DeadlineRule.WithinBusinessTime(Duration.FromHours(4));

    [Fact]
    public void Build_KeepsEverythingGiven()
    {
        ServiceTarget resolution = ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0)));
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Gold", 3, Office)
            .AppliesTo(Applicability.Any.WithCustomerTiers("gold"))
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .AddTarget(resolution)
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
            .WithAtRisk(AtRiskThreshold.AtPercent(80))
            .WithHandoffLimit(2, BreachRemedy.Apology())
            .Build();

        Assert.Equal("Gold v3", policy.ToString());
        Assert.Same(Office, policy.Calendar);
        Assert.Equal(2, policy.Targets.Count);
        Assert.Same(resolution, policy.FindTarget(CommitmentKind.Resolution));
        Assert.Null(policy.FindTarget(CommitmentKind.FollowUp));
        Assert.True(policy.Pauses(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution));
        Assert.False(policy.Pauses(PauseReason.WaitingOnCustomer, CommitmentKind.FirstResponse));
        Assert.False(policy.Pauses(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution));
        Assert.Equal(80, policy.AtRisk.Percent);
        Assert.Equal(2, policy.HandoffLimit!.MaxReassignments);
        Assert.Equal("WaitingOnCustomer pauses Resolution", Assert.Single(policy.PauseRules).ToString());
    }

    [Fact]
    public void Lists_CannotBeChangedThroughACast()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Gold", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .AddTarget(CommitmentKind.NextResponse, FourHours)
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse)
            .Build();

        Assert.False(policy.Targets is ServiceTarget[], "Targets is the policy's own array");
        Assert.False(policy.PauseRules is PauseRule[], "PauseRules is the policy's own array");
        Assert.Throws<NotSupportedException>(() => ((IList<ServiceTarget>)policy.Targets)[0] = policy.Targets[1]);
        Assert.Equal(CommitmentKind.FirstResponse, policy.Targets[0].Kind);
    }

    [Fact]
    public void Pauses_EveryKindAndReason_AgreesWithThePauseRules()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Gold", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Custom)
            .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.FirstResponse, CommitmentKind.Resolution, CommitmentKind.FollowUp)
            .Build();

        foreach (PauseReason reason in new[] { PauseReason.WaitingOnCustomer, PauseReason.WaitingOnThirdParty, PauseReason.Create("WaitingOnVendor") })
        {
            foreach (CommitmentKind kind in Enum.GetValues<CommitmentKind>())
            {
                bool listed = policy.PauseRules.Any(r => r.Reason == reason && r.PausedKinds.Contains(kind));
                Assert.True(listed == policy.Pauses(reason, kind), $"{reason}, {kind}: listed {listed}");
            }
        }
        Assert.False(policy.Pauses(PauseReason.WaitingOnCustomer, (CommitmentKind)40));
    }

    [Fact]
    public void ToBuilder_CopiesEverythingIntoANewVersion_AndLeavesTheOriginalAlone()
    {
        ServiceLevelPolicy original = ServiceLevelPolicy.CreateBuilder("Gold", 3, Office)
            .AppliesTo(Applicability.Any.WithCustomerTiers("gold"))
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .AddTarget(ServiceTarget.Custom("call back", FourHours))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution, CommitmentKind.NextResponse)
            .WithAtRisk(AtRiskThreshold.AtPercent(80))
            .WithHandoffLimit(2, BreachRemedy.Apology())
            .Build();

        ServiceLevelPolicy copy = original.ToBuilder(4).WithEscalationChain("ladder").Build();

        Assert.Equal("Gold v4", copy.ToString());
        Assert.Same(original.Calendar, copy.Calendar);
        Assert.Same(original.Applicability, copy.Applicability);
        Assert.Equal(original.Targets, copy.Targets);
        Assert.Equal(original.PauseRules.Select(r => r.ToString()), copy.PauseRules.Select(r => r.ToString()));
        Assert.Same(original.AtRisk, copy.AtRisk);
        Assert.Same(original.HandoffLimit, copy.HandoffLimit);
        Assert.Equal("ladder", copy.EscalationChainName);
        Assert.Null(original.EscalationChainName);
    }

    [Fact]
    public void ToBuilder_RemoveTarget_ReplacesATarget()
    {
        ServiceLevelPolicy original = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .AddTarget(ServiceTarget.Custom("call back", FourHours))
            .Build();
        DeadlineRule twoHours = DeadlineRule.WithinBusinessTime(Duration.FromHours(2));

        ServiceLevelPolicy faster = original.ToBuilder(2)
            .RemoveTarget(CommitmentKind.FirstResponse)
            .AddTarget(CommitmentKind.FirstResponse, twoHours)
            .RemoveTarget(CommitmentKind.Custom, "call back")
            .Build();

        Assert.Same(twoHours, Assert.Single(faster.Targets).Rule);
        Assert.Same(FourHours, original.FindTarget(CommitmentKind.FirstResponse)!.Rule);
    }

    [Fact]
    public void RemoveTarget_Missing_ThrowsListingTheTargets()
    {
        ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .AddTarget(ServiceTarget.Custom("call back", FourHours));

        var e = Assert.Throws<InvalidOperationException>(() => builder.RemoveTarget(CommitmentKind.Custom, "Call back"));

        Assert.Equal("Policy 'Standard' has no custom target 'Call back' to remove; its targets: FirstResponse, custom 'call back'.", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.RemoveTarget((CommitmentKind)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours).Build().ToBuilder(0));
    }

    [Fact]
    public void FindTarget_Custom_MatchesByName()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Sales", 1, Office)
            .AddTarget(ServiceTarget.Custom("send you a quote", FourHours))
            .Build();
        Assert.NotNull(policy.FindTarget(CommitmentKind.Custom, "send you a quote"));
        Assert.Null(policy.FindTarget(CommitmentKind.Custom, "Send you a quote"));
    }

    [Fact]
    public void Build_Problems_AreAllReportedInOneMessage()
    {
        ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder("Broken", 2, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay())
            .AddTarget(ServiceTarget.Custom("call back", FourHours))
            .AddTarget(ServiceTarget.Custom("call back", FourHours))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse)
            .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Appointment);

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.StartsWith("Policy 'Broken v2' is invalid: ", e.Message);
        Assert.Contains("the FirstResponse target is defined 2 times", e.Message);
        Assert.Contains("the custom target 'call back' is defined 2 times", e.Message);
        Assert.Contains("the pause rule for WaitingOnCustomer is defined 2 times", e.Message);
        Assert.Contains("the pause rule for WaitingOnThirdParty pauses Appointment", e.Message);
    }

    [Fact]
    public void Validate_Problems_NameTheCallAndElementAtFault()
    {
        ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder("Broken", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .AddTarget(ServiceTarget.Custom("call back", FourHours))
            .AddTarget(ServiceTarget.Custom("call back", FourHours))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
            .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.FirstResponse, CommitmentKind.Appointment);

        Assert.Equal(
            new[] { ("AddTarget", (int?)2, (int?)null), ("PauseWhile", 1, 1) },
            builder.Validate().Select(e => (e.Member, e.Index, e.Element)).ToArray());
    }

    [Fact]
    public void Validate_Shape_ReportsWhatConfigurationCannotBuild()
    {
        // Configuration checks the shape it parsed: no targets, and a pause rule whose kinds all failed to parse.
        IReadOnlyList<ServicePolicy.Internal.BuildError> errors = ServiceLevelPolicyBuilder.Validate(
            Array.Empty<(CommitmentKind, string?)>(),
            new[] { (PauseReason.WaitingOnCustomer, (IReadOnlyList<CommitmentKind>)Array.Empty<CommitmentKind>(), (IReadOnlyList<string>)Array.Empty<string>()) });

        Assert.Equal(2, errors.Count);
        Assert.Equal(("AddTarget", (int?)null, "no targets are defined: add at least one"), (errors[0].Member, errors[0].Index, errors[0].Message));
        Assert.Equal(("PauseWhile", (int?)0, (int?)null), (errors[1].Member, errors[1].Index, errors[1].Element));
        Assert.StartsWith("the pause rule for WaitingOnCustomer lists no kinds of commitment", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithHandoffLimit_CountsReassignmentsNotOwners()
    {
        // "Passed through four people" is three reassignments: the fourth reassignment breaches.
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("P", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, FourHours)
            .WithHandoffLimit(maxReassignments: 3)
            .Build();

        Assert.Equal(3, policy.HandoffLimit!.MaxReassignments);
        Assert.Equal("at most 3 reassignments", policy.HandoffLimit.ToString());
    }

    [Fact]
    public void Build_NoTargets_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ServiceLevelPolicy.CreateBuilder("Empty", 1, Office).Build());
        Assert.Contains("no targets are defined", e.Message);
    }

    [Fact]
    public void CreateBuilder_BadArguments_Throw()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => ServiceLevelPolicy.CreateBuilder(null!, 1, Office)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => ServiceLevelPolicy.CreateBuilder(" ", 1, Office)).ParamName);
        var version = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceLevelPolicy.CreateBuilder("P", 0, Office));
        Assert.Equal("version", version.ParamName);
        Assert.Contains("Value 0 is out of range", version.Message);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => ServiceLevelPolicy.CreateBuilder("P", 1, null!)).ParamName);
    }

    [Fact]
    public void BuilderMethods_BadArguments_Throw()
    {
        ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder("P", 1, Office);
        Assert.Equal("kinds", Assert.Throws<ArgumentException>(() => builder.PauseWhile(PauseReason.WaitingOnCustomer)).ParamName);
        Assert.Equal("kinds", Assert.Throws<ArgumentOutOfRangeException>(() => builder.PauseWhile(PauseReason.WaitingOnCustomer, (CommitmentKind)42)).ParamName);
        Assert.Equal("targetNames", Assert.Throws<ArgumentException>(() => builder.PauseWhile(PauseReason.WaitingOnCustomer, [], [null!])).ParamName);
        Assert.Equal("maxReassignments", Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithHandoffLimit(-1)).ParamName);
        Assert.Equal("remedies", Assert.Throws<ArgumentException>(() => builder.WithHandoffLimit(1, [null!])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => builder.AddTarget(null!)).ParamName);
        Assert.Equal("applicability", Assert.Throws<ArgumentNullException>(() => builder.AppliesTo(null!)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentNullException>(() => builder.WithAtRisk(null!)).ParamName);
    }
}
