// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// Issue 13, tickets whose profile changes while open: re-prioritised, transferred to another team. Each a table, one
/// row per evaluated instant (UK office time; 3 March 2025 is a Monday).
/// </summary>
public class ProfileChangeScenarioTests
{
    private static readonly Owner Agent = Owner.Person("alice");
    private static readonly InteractionProfile Normal = new(priority: "normal");

    /// <summary>"Normal": first response within 8 business hours. "Urgent": within 1 business hour, from the change or
    /// retroactively as <paramref name="start"/> says; each cancels its running cycles when the other takes over
    /// unless <paramref name="replaced"/> says otherwise.</summary>
    private static ServiceLevelPolicySet Priorities(TargetStart start, ReplacedTarget replaced = ReplacedTarget.Cancel) => new(
        [ServiceLevelPolicy.CreateBuilder("Urgent", 1, Office)
            .AppliesTo(Applicability.Any.WithPriorities("urgent"))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .WithTargetStart(start)
            .Build()],
        ServiceLevelPolicy.CreateBuilder("Normal", 3, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .WithReplacedTarget(replaced)
            .Build());

    // A ticket opened at 13:00 as normal is made urgent at 14:00.
    [Theory]
    //          start mode                evaluated at          urgent state  urgent due          normal (#0) state
    [InlineData(TargetStart.FromChange,   "2025-03-03 14:00",     OnTrack,  "2025-03-03 15:00", Cancelled)]
    [InlineData(TargetStart.FromChange,   "2025-03-03 14:59",     OnTrack,  "2025-03-03 15:00", Cancelled)]
    [InlineData(TargetStart.FromChange,   "2025-03-03 15:00",     OnTrack,  "2025-03-03 15:00", Cancelled)] // inclusive
    [InlineData(TargetStart.FromChange,   "2025-03-03 15:00+1ns", Breached, "2025-03-03 15:00", Cancelled)]
    [InlineData(TargetStart.Retroactive,  "2025-03-03 14:00",     OnTrack,  "2025-03-03 14:00", Cancelled)]
    [InlineData(TargetStart.Retroactive,  "2025-03-03 14:00+1ns", Breached, "2025-03-03 14:00", Cancelled)]
    [InlineData(TargetStart.Retroactive,  "2025-03-04 09:00",     Breached, "2025-03-03 14:00", Cancelled)]
    public void ReprioritisedAt1400(TargetStart start, string evaluatedAt, CommitmentState urgentState, string urgentDue, CommitmentState normalState)
    {
        Timeline timeline = Timeline.Create("T-13",
        [
            new InteractionOpened(At("2025-03-03 13:00"), Agent, Normal),
            new ProfileChanged(At("2025-03-03 14:00"), Normal.WithPriority("urgent")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, Priorities(start), ServicePolicy.Tests.Escalation.Ladder.When(evaluatedAt));

        Assert.Collection(result.Commitments,
            normal =>
            {
                Assert.Equal((0, "Normal v3", normalState), (normal.Cycle, normal.Policy.ToString(), normal.State));
                Assert.Equal(("2025-03-03 13:00", "2025-03-03 13:00"), (Local(normal.StartedAt), Local(normal.PolicySince)));
                Assert.Equal("2025-03-03 14:00", Local(normal.EndedAt)); // ended visibly at the change
            },
            urgent =>
            {
                Assert.Equal((1, "Urgent v1", urgentState, urgentDue), (urgent.Cycle, urgent.Policy.ToString(), urgent.State, Local(urgent.Deadline)));
                Assert.Equal(start == TargetStart.Retroactive ? "2025-03-03 13:00" : "2025-03-03 14:00", Local(urgent.StartedAt));
                Assert.Equal("2025-03-03 14:00", Local(urgent.PolicySince));
            });
        Assert.Equal(("Urgent v1", "2025-03-03 14:00"), (result.Policy.ToString(), Local(result.PolicySince)));
    }

    // The same ticket before the change: nothing of the urgent policy yet, and NextChangeAt is the normal deadline.
    [Fact]
    public void ReprioritisedAt1400_BeforeTheChange_IsTheNormalPolicyAlone()
    {
        Timeline timeline = Timeline.Create("T-13", [new InteractionOpened(At("2025-03-03 13:00"), Agent, Normal)]);

        EvaluationResult result = Evaluator.Evaluate(timeline, Priorities(TargetStart.Retroactive), At("2025-03-03 13:30"));

        CommitmentStatus normal = Assert.Single(result.Commitments);
        Assert.Equal(("Normal v3", OnTrack, "2025-03-04 13:00"), (normal.Policy.ToString(), normal.State, Local(normal.Deadline)));
        Assert.Equal(("Normal v3", "2025-03-03 13:00"), (result.Policy.ToString(), Local(result.PolicySince)));
    }

    // Kept to its end, the normal cycle runs beside the urgent one, and the first reply meets both.
    [Theory]
    //          evaluated at        normal (#0)  urgent (#1)
    [InlineData("2025-03-03 14:30", OnTrack,   OnTrack)]
    [InlineData("2025-03-03 15:30", OnTrack,   Breached)]
    [InlineData("2025-03-03 16:00", Met,       MetLate)]  // the reply at 16:00 meets both
    public void ReprioritisedAt1400_NormalKeptToItsEnd(string evaluatedAt, CommitmentState normalState, CommitmentState urgentState)
    {
        Timeline timeline = Timeline.Create("T-13",
        [
            new InteractionOpened(At("2025-03-03 13:00"), Agent, Normal),
            new ProfileChanged(At("2025-03-03 14:00"), Normal.WithPriority("urgent")),
            new AgentReplied(At("2025-03-03 16:00")),
        ]);
        Instant now = At(evaluatedAt);

        EvaluationResult result = Evaluator.Evaluate(timeline.AsOf(now), Priorities(TargetStart.FromChange, ReplacedTarget.KeepToEnd), now);

        Assert.Equal([(0, normalState), (1, urgentState)], result.Commitments.Select(c => (c.Cycle, c.State)));
        Assert.Null(result.Commitments[0].EndedAt);
    }

    // A breach before the change stays a breach, with its instants: the change cannot rewrite history.
    [Fact]
    public void ProfileChange_AfterABreach_KeepsTheBreachAndItsInstants()
    {
        ServiceLevelPolicySet set = Priorities(TargetStart.FromChange);
        Timeline opened = Timeline.Create("T-13", [new InteractionOpened(At("2025-03-03 09:00"), Agent, Normal)]);
        Timeline changed = opened.Append(new ProfileChanged(At("2025-03-04 12:00"), Normal.WithPriority("urgent")));

        CommitmentStatus before = Evaluator.Evaluate(opened, set, At("2025-03-04 12:00")).Commitments.Single();
        CommitmentStatus after = Evaluator.Evaluate(changed, set, At("2025-03-04 12:00")).Commitments[0];

        Assert.Equal((Breached, "2025-03-03 17:00"), (before.State, Local(before.Deadline)));
        Assert.Equal((before.State, before.Deadline, before.BreachedAt, before.StartedAt), (after.State, after.Deadline, after.BreachedAt, after.StartedAt));
        Assert.Equal("2025-03-04 12:00", Local(after.EndedAt));
    }

    // Transferred from billing (Mon-Fri 09:00-17:00) to support (Mon-Sat 08:00-20:00) at Friday 16:00; resolution
    // within 8 business hours of the team's calendar.
    [Theory]
    //          support's start    evaluated at        support's state  support's due       billing's (#0) state
    [InlineData(TargetStart.FromChange,  "2025-03-07 16:00", OnTrack,  "2025-03-08 12:00", Cancelled)]
    [InlineData(TargetStart.FromChange,  "2025-03-08 12:00", OnTrack,  "2025-03-08 12:00", Cancelled)]
    [InlineData(TargetStart.FromChange,  "2025-03-08 12:01", Breached, "2025-03-08 12:00", Cancelled)]
    [InlineData(TargetStart.Retroactive, "2025-03-07 16:00", OnTrack,  "2025-03-08 11:00", Cancelled)]
    [InlineData(TargetStart.Retroactive, "2025-03-08 11:01", Breached, "2025-03-08 11:00", Cancelled)]
    public void TransferBetweenTeamsWithDifferentCalendars(TargetStart start, string evaluatedAt, CommitmentState state, string due, CommitmentState billingState)
    {
        BusinessCalendar supportHours = BusinessCalendar.Create("support", "Europe/London", "Mon-Sat 08:00-20:00");
        DeadlineRule eightHours = DeadlineRule.WithinBusinessTime(Duration.FromHours(8));
        var set = new ServiceLevelPolicySet(
            [
                ServiceLevelPolicy.CreateBuilder("Billing", 1, Office).AppliesTo(Applicability.Any.WithAttribute("team", "billing"))
                    .AddTarget(CommitmentKind.Resolution, eightHours).Build(),
                ServiceLevelPolicy.CreateBuilder("Support", 1, supportHours).AppliesTo(Applicability.Any.WithAttribute("team", "support"))
                    .AddTarget(CommitmentKind.Resolution, eightHours).WithTargetStart(start).Build(),
            ],
            ServiceLevelPolicy.CreateBuilder("Default", 1, Office).AddTarget(CommitmentKind.Resolution, eightHours).Build());
        InteractionProfile billing = new(attributes: [new("team", "billing")]);
        Timeline timeline = Timeline.Create("T-14",
        [
            new InteractionOpened(At("2025-03-07 15:00"), Owner.Team("billing"), billing),
            new OwnerAssigned(At("2025-03-07 16:00"), Owner.Team("support")),
            new ProfileChanged(At("2025-03-07 16:00"), billing.WithAttribute("Team", "support")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, set, At(evaluatedAt));

        Assert.Equal([("Billing v1", 0, billingState), ("Support v1", 1, state)], result.Commitments.Select(c => (c.Policy.ToString(), c.Cycle, c.State)));
        Assert.Equal("2025-03-10 15:00", Local(result.Commitments[0].Deadline)); // billing's own deadline, kept for reporting
        Assert.Equal(due, Local(result.Commitments[1].Deadline));
    }

    // Under one fixed policy a profile change selects nothing: it changes only the customer's hours of later cycles.
    [Fact]
    public void ProfileChange_UnderOneFixedPolicy_KeepsThePolicyAndItsCycles()
    {
        ServiceLevelPolicySet set = Priorities(TargetStart.FromChange);
        Timeline timeline = Timeline.Create("T-13",
        [
            new InteractionOpened(At("2025-03-03 13:00"), Agent, Normal),
            new ProfileChanged(At("2025-03-03 14:00"), Normal.WithPriority("urgent")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, set.Fallback, At("2025-03-03 15:00"));

        CommitmentStatus only = Assert.Single(result.Commitments);
        Assert.Equal(("Normal v3", OnTrack, "2025-03-04 13:00"), (only.Policy.ToString(), only.State, Local(only.Deadline)));
        Assert.Equal("urgent", timeline.CurrentProfile.Priority);
    }

    // Each cycle escalates with the chain of the policy that governs it: made urgent (with the ladder) at 10:00, the
    // urgent first response is due at 11:00 and its lead is told after; made normal again (no chain) at 11:30, the urgent
    // cycle, kept to its end, still escalates with the ladder.
    [Fact]
    public void ProfileChange_EachCycleEscalatesWithItsPolicysChain()
    {
        var set = new ServiceLevelPolicySet(
            [ServiceLevelPolicy.CreateBuilder("Urgent", 1, Office)
                .AppliesTo(Applicability.Any.WithPriorities("urgent"))
                .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
                .WithReplacedTarget(ReplacedTarget.KeepToEnd)
                .WithEscalationChain("ladder")
                .Build()],
            ServiceLevelPolicy.CreateBuilder("Normal", 1, Office)
                .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
                .Build());
        Timeline timeline = Timeline.Create("T-17",
        [
            new InteractionOpened(At("2025-03-03 09:00"), Agent, Normal),
            new ProfileChanged(At("2025-03-03 10:00"), Normal.WithPriority("urgent")),
            new ProfileChanged(At("2025-03-03 11:30"), Normal),
        ]);
        EscalationContext context = EscalationContext.Create(ServicePolicy.Tests.Escalation.Ladder.Org(), ServicePolicy.Tests.Escalation.Ladder.Chain());

        EvaluationResult result = Evaluator.Evaluate(timeline, set, At("2025-03-03 11:30"), context);

        Assert.Equal([("Normal v1", Cancelled), ("Urgent v1", Breached), ("Normal v1", OnTrack)], result.Commitments.Select(c => (c.Policy.ToString(), c.State)));
        EscalationAction lead = Assert.Single(result.EscalationActions);
        Assert.StartsWith("T-17/FirstResponse/1/ladder@", lead.Key.ToString(), StringComparison.Ordinal);
        Assert.Equal("bob", Assert.Single(lead.Contacts).Id);
        Assert.Equal(("Normal v1", "2025-03-03 11:30"), (result.Policy.ToString(), Local(result.PolicySince)));
        // A context without the urgent policy's chain is refused, as for a policy evaluated alone.
        Assert.Equal("escalation", Assert.Throws<ArgumentException>(() =>
            Evaluator.Evaluate(timeline, set, At("2025-03-03 11:30"), EscalationContext.Create(ServicePolicy.Tests.Escalation.Ladder.Org()))).ParamName);
    }

    // Made urgent while resolved (at 11:00), then reopened at 12:00: the normal resolution stays met at 10:00, and the
    // urgent one (2 business hours) runs from the reopening, or retroactively from the opening without the two hours
    // spent resolved.
    [Theory]
    //          urgent's start            urgent resolution from  due
    [InlineData(TargetStart.FromChange,  "2025-03-03 12:00",     "2025-03-03 14:00")]
    [InlineData(TargetStart.Retroactive, "2025-03-03 09:00",     "2025-03-03 13:00")]
    public void ReprioritisedWhileResolved_TheReopeningStartsTheNewPolicysResolution(TargetStart start, string from, string due)
    {
        var set = new ServiceLevelPolicySet(
            [ServiceLevelPolicy.CreateBuilder("Urgent", 1, Office).AppliesTo(Applicability.Any.WithPriorities("urgent"))
                .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(2))).WithTargetStart(start).Build()],
            ServiceLevelPolicy.CreateBuilder("Normal", 1, Office)
                .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(8))).Build());
        Timeline timeline = Timeline.Create("T-18",
        [
            new InteractionOpened(At("2025-03-03 09:00"), Agent, Normal),
            new InteractionResolved(At("2025-03-03 10:00")),
            new ProfileChanged(At("2025-03-03 11:00"), Normal.WithPriority("urgent")),
            new InteractionReopened(At("2025-03-03 12:00")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, set, At("2025-03-03 12:30"));

        Assert.Equal(
            [("Normal v1", Met, "2025-03-03 10:00", "2025-03-03 09:00"), ("Urgent v1", OnTrack, (string?)null, from)],
            result.Commitments.Select(c => (c.Policy.ToString(), c.State, Local(c.MetAt), Local(c.StartedAt))));
        Assert.Equal(due, Local(result.Commitments[1].Deadline));
    }
}
