// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

/// <summary>Construction, defaults and bad input of the chain model; every exception names the bad value.</summary>
public class EscalationModelTests
{
    [Fact]
    public void Build_ReportsEveryProblemAtOnce()
    {
        EscalationChainBuilder builder = EscalationChain.CreateBuilder("broken", 3, At("2025-01-01 00:00"), Fallback)
            .WithRepeat(EscalationRepeat.Create(2, EscalationDelay.Elapsed(Duration.FromHours(1)), 1))
            .WithAcknowledgementTimeout(EscalationDelay.Elapsed(Duration.FromHours(1)));

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Equal("Escalation chain 'broken v3' is invalid: it has no warnings and no levels: add at least one with AddWarning or AddLevel; "
            + "the repeat rule starts at level 2, but the chain has no levels; "
            + "it has an acknowledgement timeout but no level that stops on acknowledgement.", e.Message);
    }

    [Fact]
    public void Level_Defaults_AndCopies()
    {
        EscalationLevel level = EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero);
        EscalationLevel custom = level.WithCustomAction("page-sre").WithStopOnAcknowledgement(false).WithAuthorityToDecide().WithWaitForWorkingHours();

        Assert.Equal((EscalationActionKind.Notify, (string?)null, true, false, false),
            (level.Action, level.CustomAction, level.StopsOnAcknowledgement, level.HasAuthorityToDecide, level.WaitsForWorkingHours));
        Assert.Equal((EscalationActionKind.Custom, "page-sre", false, true, true),
            (custom.Action, custom.CustomAction, custom.StopsOnAcknowledgement, custom.HasAuthorityToDecide, custom.WaitsForWorkingHours));
        Assert.Equal("page-sre owner's lead after 0:00:00 elapsed", custom.ToString());
        Assert.Equal("action", Assert.Throws<ArgumentOutOfRangeException>(() => level.WithAction(EscalationActionKind.Custom)).ParamName);
    }

    [Fact]
    public void Chain_Defaults()
    {
        EscalationChain chain = Chain();

        Assert.Equal(EscalationCatchUp.LatestOnly, chain.CatchUp);
        Assert.Equal("ladder v1 (from 2025-01-01T00:00:00Z)", chain.ToString());
        Assert.Equal(75, chain.Warnings[0].Percent);
        Assert.Null(chain.Warnings[0].LeadTime);
        Assert.Equal(3, chain.Levels.Count);
    }

    [Fact]
    public void Chain_Lists_CannotBeChangedThroughACast()
    {
        EscalationChain chain = Chain();

        Assert.False(chain.Warnings is EscalationWarning[], "Warnings is the chain's own array");
        Assert.False(chain.Levels is EscalationLevel[], "Levels is the chain's own array");
        Assert.Throws<NotSupportedException>(() => ((IList<EscalationLevel>)chain.Levels)[0] = chain.Levels[1]);
    }

    [Fact]
    public void Delay_MeasuresElapsedOrBusinessTime()
    {
        Instant friday = At("2025-03-14 16:30");

        Assert.Equal(At("2025-03-14 17:30"), EscalationDelay.Elapsed(Duration.FromHours(1)).After(friday));
        Assert.Equal(At("2025-03-17 09:30"), EscalationDelay.Business(Duration.FromHours(1), Office).After(friday));
        Assert.Equal(EscalationDelay.Elapsed(Duration.FromHours(1)), EscalationDelay.Elapsed(Duration.FromHours(1)));
        Assert.NotEqual(EscalationDelay.Elapsed(Duration.FromHours(1)), EscalationDelay.Business(Duration.FromHours(1), Office));
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationDelay.Elapsed(Duration.FromHours(-1))).ParamName);
    }

    [Fact]
    public void BadArguments_ThrowNamingTheValue()
    {
        Assert.Equal("every", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRepeat.Create(0, EscalationDelay.Zero, 1)).ParamName);
        Assert.Equal("maxRepeats", Assert.Throws<ArgumentOutOfRangeException>(() =>
            EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromMinutes(1)), 0)).ParamName);
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationWarning.AtPercent(100, EscalationRecipient.Owner)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => EscalationRecipient.Role(" ")).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new EscalationContact("")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => EscalationChain.CreateBuilder("a/b", 1, Instant.MinValue, Fallback)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => new EscalationAcknowledged(At("2025-03-10 09:00"), default)).ParamName);
        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() =>
            EscalationChain.CreateBuilder("x", 1, Instant.MinValue, Fallback).WithAcknowledgementTimeout(EscalationDelay.Zero)).ParamName);
    }

    [Fact]
    public void Context_RejectsDuplicateVersions()
    {
        var e = Assert.Throws<ArgumentException>(() => EscalationContext.Create(Org(), Chain(), Chain()));

        Assert.Equal("chainVersions", e.ParamName);
        Assert.Contains("Chain 'ladder' version 1 is given 2 times.", e.Message);
    }

    [Fact]
    public void Evaluate_WithAContextLackingThePolicysChain_Throws()
    {
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);
        EscalationChain other = EscalationChain.CreateBuilder("other", 1, Instant.MinValue, Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Owner, EscalationDelay.Zero)).Build();

        var e = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(timeline, Policy(), At("2025-03-10 13:00"), EscalationContext.Create(Org(), other)));

        Assert.Equal("escalation", e.ParamName);
        Assert.Contains("Policy 'Standard v1' escalates with chain 'ladder', which the escalation context does not have.", e.Message);
    }

    [Fact]
    public void Evaluate_WithoutContext_OrWithoutAChainName_ListsNoActions()
    {
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);
        ServiceLevelPolicy plain = ServiceLevelPolicy.CreateBuilder("Plain", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4))).Build();

        Assert.Empty(Evaluator.Evaluate(timeline, Policy(), At("2025-03-10 13:00")).EscalationActions);
        Assert.Empty(Evaluator.Evaluate(timeline, plain, At("2025-03-10 13:00"), EscalationContext.Create(Org(), Chain())).EscalationActions);
        Assert.Null(plain.EscalationChainName);
        Assert.Equal("ladder", Policy().EscalationChainName);
    }

    [Fact]
    public void Evaluate_WithAPolicySet_UsesTheSelectedPolicysChain()
    {
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);
        var set = new ServiceLevelPolicySet([], Policy());

        EvaluationResult result = Evaluator.Evaluate(timeline, set, At("2025-03-10 13:00") + Duration.Epsilon, EscalationContext.Create(Org(), Chain()));

        Assert.Equal("L0/R0 Notify bob", Describe(result));
    }

    [Fact]
    public void AlwaysOpenCalendar_DelaysAreElapsedTime()
    {
        Assert.Equal(At("2025-03-15 10:00"), EscalationDelay.Business(Duration.FromHours(1), BusinessCalendar.AlwaysOpen).After(At("2025-03-15 09:00")));
    }

    [Fact]
    public void Chain_ByDefault_EscalatesEveryKind()
    {
        EscalationChain chain = Chain();

        Assert.Empty(chain.EscalatedKinds);
        Assert.Empty(chain.EscalatedCustomNames);
        Assert.True(chain.Escalates(CommitmentKind.FeedbackRequest));
        Assert.True(chain.Escalates(CommitmentKind.Custom, "call back"));
    }

    [Fact]
    public void EscalatesOnly_LimitsTheChainToTheKindsAndCustomNamesGiven()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .EscalatesOnly(CommitmentKind.Resolution, CommitmentKind.FirstResponse)
            .EscalatesOnly(CommitmentKind.Resolution)
            .EscalatesOnlyCustom("call back")
            .Build();

        Assert.Equal(new[] { CommitmentKind.FirstResponse, CommitmentKind.Resolution }, chain.EscalatedKinds);
        Assert.Equal(new[] { "call back" }, chain.EscalatedCustomNames);
        Assert.True(chain.Escalates(CommitmentKind.FirstResponse));
        Assert.True(chain.Escalates(CommitmentKind.Resolution));
        Assert.False(chain.Escalates(CommitmentKind.FeedbackRequest));
        Assert.True(chain.Escalates(CommitmentKind.Custom, "call back"));
        Assert.False(chain.Escalates(CommitmentKind.Custom, "Call Back"));
        Assert.False(chain.Escalates(CommitmentKind.Custom, null));
        Assert.False(chain.Escalates((CommitmentKind)99));
    }

    [Fact]
    public void EscalatesOnly_Custom_CoversEveryCustomCommitment()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .EscalatesOnly(CommitmentKind.Custom)
            .Build();

        Assert.True(chain.Escalates(CommitmentKind.Custom, "anything"));
        Assert.False(chain.Escalates(CommitmentKind.Resolution));
    }

    [Fact]
    public void EscalatesOnly_BadArguments_Throw()
    {
        EscalationChainBuilder builder = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback);

        Assert.Equal("kinds", Assert.Throws<ArgumentNullException>(() => builder.EscalatesOnly(null!)).ParamName);
        Assert.Equal("kinds", Assert.Throws<ArgumentException>(() => builder.EscalatesOnly()).ParamName);
        Assert.Equal("kinds", Assert.Throws<ArgumentOutOfRangeException>(() => builder.EscalatesOnly((CommitmentKind)42)).ParamName);
        Assert.Equal("customNames", Assert.Throws<ArgumentException>(() => builder.EscalatesOnlyCustom()).ParamName);
        Assert.Equal("customNames", Assert.Throws<ArgumentException>(() => builder.EscalatesOnlyCustom(" ")).ParamName);
        Assert.Equal("customNames", Assert.Throws<ArgumentNullException>(() => builder.EscalatesOnlyCustom(new string[] { null! })).ParamName);
    }

    [Fact]
    public void LateFeedbackRequest_DoesNotEscalate_UnderAChainLimitedToRepliesAndResolution()
    {
        // Resolved Monday 10:00; the feedback request was due 4 business hours later (14:00) and is late at 16:00.
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .WithEscalationChain("ladder")
            .Build();
        Timeline timeline = Timeline.Create("T-7",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Alice),
            new AgentReplied(At("2025-03-10 09:30")),
            new InteractionResolved(At("2025-03-10 10:00")),
        ]);
        EscalationChain limited = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .EscalatesOnly(CommitmentKind.FirstResponse, CommitmentKind.Resolution)
            .Build();
        EscalationChain everything = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .Build();

        EvaluationResult underLimited = Evaluator.Evaluate(timeline, policy, At("2025-03-10 16:00"), EscalationContext.Create(Org(), limited));
        EvaluationResult underEverything = Evaluator.Evaluate(timeline, policy, At("2025-03-10 16:00"), EscalationContext.Create(Org(), everything));

        Assert.Contains(underLimited.Commitments, c => c.Kind == CommitmentKind.FeedbackRequest && c.State == CommitmentState.Breached);
        Assert.Empty(underLimited.EscalationActions);
        EscalationAction lead = Assert.Single(underEverything.EscalationActions);
        Assert.Equal((CommitmentKind?)CommitmentKind.FeedbackRequest, lead.Commitment);
        Assert.Equal("bob", Assert.Single(lead.Contacts).Id);
    }
}
