// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using ServicePolicy.Tests.Escalation;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>The evaluator rents its working state (cycles, escalation planner) from a pool (<c>ReplayPool</c>) and
/// returns it cleared: nothing of one evaluation may show in the next, in a nested one, or after one that failed.</summary>
public class EvaluatorReuseTests
{
    private static readonly Instant Now = At("2025-03-10 15:10");

    /// <summary>Breached at 13:00 and escalating; answered, waited on, and the customer wrote again.</summary>
    private static readonly Timeline Busy = Timeline.Create("T-1",
    [
        new InteractionOpened(At("2025-03-10 09:00"), Alice),
        new AgentReplied(At("2025-03-10 09:30")),
        new WaitingStarted(At("2025-03-10 09:31"), PauseReason.WaitingOnCustomer),
        new CustomerReplied(At("2025-03-10 10:00")),
        new WaitingEnded(At("2025-03-10 10:00")),
    ]);

    /// <summary>First response breached at 13:00, its first level (the lead) acknowledged at 13:05.</summary>
    private static readonly Timeline Acknowledged = Timeline.Create("T-2",
    [
        new InteractionOpened(At("2025-03-10 09:00"), Alice),
        new EscalationAcknowledged(At("2025-03-10 13:05"), ActionKey.Parse("T-2/FirstResponse/0/ladder@a8d12acb2806/L0/R0")),
    ]);

    private static readonly Timeline Unacknowledged = Timeline.Create("T-2", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

    [Fact]
    public void Evaluate_AfterAnotherTimeline_GivesWhatAFirstEvaluationGives()
    {
        EvaluationResult first = EvaluateAt(Unacknowledged);
        string alone = Summary(first);

        EvaluateAt(Busy);
        EvaluateAt(Acknowledged);

        Assert.Equal(alone, Summary(EvaluateAt(Unacknowledged)));
        Assert.NotEqual(alone, Summary(EvaluateAt(Acknowledged)));
        Assert.Equal(alone, Summary(first));   // a result never shares the reused state
    }

    [Fact]
    public void Evaluate_AfterAnEvaluationThatThrew_IsUnaffected()
    {
        string expected = Summary(EvaluateAt(Busy));
        Timeline invalid = Timeline.Create("T-3",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Alice),
            new FollowUpPromised(At("2025-03-10 09:10")),
        ]);

        Assert.Throws<InvalidTimelineException>(() => EvaluateAt(invalid));

        Assert.Equal(expected, Summary(EvaluateAt(Busy)));
    }

    [Fact]
    public void Evaluate_NestedInADirectoryCall_GivesTheSameResults()
    {
        string expectedOuter = Summary(EvaluateAt(Busy));
        string expectedInner = Summary(EvaluateAt(Acknowledged));
        var nesting = new NestingDirectory(Org());
        EscalationContext context = EscalationContext.Create(nesting, Chain());

        string outer = Summary(Evaluator.Evaluate(Busy, Policy(), Now, context));

        Assert.Equal(expectedOuter, outer);
        Assert.NotEmpty(nesting.Inner);
        Assert.All(nesting.Inner, inner => Assert.Equal(expectedInner, inner));
    }

    [Fact]
    public void Evaluate_BreachedBeforeItsFirstLevelIsDue_StillListsThePassedWarning()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Elapsed(Duration.FromMinutes(30))))
            .Build();
        EscalationContext context = EscalationContext.Create(Org(), chain);

        EvaluationResult result = Evaluate(Unacknowledged, "2025-03-10 13:10", context);

        Assert.Equal(CommitmentState.Breached, result.FindLatest(CommitmentKind.FirstResponse)!.State);
        Assert.Equal("W0 Notify alice late", Describe(result));
        Assert.Equal("2025-03-10 13:30", Local(result.NextChangeAt));
    }

    private static EvaluationResult EvaluateAt(Timeline timeline) =>
        Evaluator.Evaluate(timeline, Policy(), Now, EscalationContext.Create(Org(), Chain()));

    /// <summary>Everything a result says, as text.</summary>
    private static string Summary(EvaluationResult result) =>
        string.Join(" | ", result.Commitments.Select(c =>
            $"{c.Kind}#{c.Cycle} {c.State} {c.Deadline} {c.AtRiskAt} {c.Target} {c.Elapsed} {c.Remaining} {c.PercentUsed} {c.MetAt} {c.BreachedAt} {c.EndedAt}"))
        + " || " + string.Join(" | ", result.EscalationActions.Select(a => $"{a.Key} {a.DueAt} {a.IsLate} {string.Join(",", a.Contacts)}"))
        + $" || {result.NextChangeAt} {result.Owner} {result.Handoffs}";

    /// <summary>A directory that evaluates another timeline each time it is asked, as a host's directory might.</summary>
    private sealed class NestingDirectory(OrgChart org) : IEscalationDirectory
    {
        public List<string> Inner { get; } = [];

        public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at)
        {
            Inner.Add(Summary(EvaluateAt(Acknowledged)));
            return org.Resolve(recipient, owner, at);
        }
    }
}
