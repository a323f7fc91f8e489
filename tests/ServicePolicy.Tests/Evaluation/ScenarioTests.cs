// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// The six seed situations of the issue, each a table: the timeline and policy in the test's name and set-up, then one
/// row per evaluated instant (UK office time; 7 March 2025 is a Friday) with the expected state and deadline.
/// </summary>
public class ScenarioTests
{
    private static readonly Owner Agent = Owner.Person("alice");

    // 1. "Reply before end of business day, cut-off 15:00".
    [Theory]
    //          message left        evaluated at        state      deadline
    [InlineData("2025-03-07 16:40", "2025-03-07 16:40", OnTrack,  "2025-03-10 17:00")]
    [InlineData("2025-03-07 16:40", "2025-03-08 12:00", OnTrack,  "2025-03-10 17:00")]
    [InlineData("2025-03-07 16:40", "2025-03-10 15:59", OnTrack,  "2025-03-10 17:00")]
    [InlineData("2025-03-07 16:40", "2025-03-10 16:00", AtRisk,   "2025-03-10 17:00")]
    [InlineData("2025-03-07 16:40", "2025-03-10 17:00", AtRisk,   "2025-03-10 17:00")] // the deadline itself: inclusive
    [InlineData("2025-03-07 16:40", "2025-03-10 17:00+1ns", Breached, "2025-03-10 17:00")]
    [InlineData("2025-03-07 10:00", "2025-03-07 10:00", OnTrack,  "2025-03-07 17:00")]
    [InlineData("2025-03-07 10:00", "2025-03-07 16:00", AtRisk,   "2025-03-07 17:00")]
    [InlineData("2025-03-07 10:00", "2025-03-07 17:00", AtRisk,   "2025-03-07 17:00")]
    [InlineData("2025-03-07 10:00", "2025-03-07 17:00+1ns", Breached, "2025-03-07 17:00")]
    public void EndOfBusinessDayWithCutOff(string messageAt, string evaluatedAt, CommitmentState state, string deadline)
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Same day", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)))
            .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromHours(1)))
            .Build();
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At(messageAt), Agent)]);

        CommitmentStatus status = Evaluator.Evaluate(timeline, policy, ServicePolicy.Tests.Escalation.Ladder.When(evaluatedAt)).FindLatest(CommitmentKind.FirstResponse)!;

        Assert.Equal(state, status.State);
        Assert.Equal(deadline, Local(status.Deadline));
    }

    // 2. A promised follow-up that nobody made: breached at the promised instant, apology and accommodation due once.
    [Theory]
    //          evaluated at        state      deadline            remedies due
    [InlineData("2025-03-07 11:00", OnTrack,  "2025-03-10 10:00", 0)]
    [InlineData("2025-03-08 12:00", OnTrack,  "2025-03-10 10:00", 0)]
    [InlineData("2025-03-10 09:59", OnTrack,  "2025-03-10 10:00", 0)]
    [InlineData("2025-03-10 10:00", OnTrack,  "2025-03-10 10:00", 0)] // the deadline itself: inclusive
    [InlineData("2025-03-10 10:00+1ns", Breached, "2025-03-10 10:00", 2)]
    [InlineData("2025-03-11 16:00", Breached, "2025-03-10 10:00", 2)]
    [InlineData("2025-04-01 09:00", Breached, "2025-03-10 10:00", 2)]
    public void PromisedFollowUpNobodyMade(string evaluatedAt, CommitmentState state, string deadline, int remediesDue)
    {
        ServiceLevelPolicy policy = FollowUpPolicy();
        Timeline timeline = Timeline.Create("T-2",
        [
            new InteractionOpened(At("2025-03-07 09:30"), Agent),
            new AgentReplied(At("2025-03-07 10:00")),
            new FollowUpPromised(At("2025-03-07 11:00"), At("2025-03-10 10:00")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, ServicePolicy.Tests.Escalation.Ladder.When(evaluatedAt));
        CommitmentStatus followUp = result.FindLatest(CommitmentKind.FollowUp)!;

        Assert.Equal(state, followUp.State);
        Assert.Equal(deadline, Local(followUp.Deadline));
        Assert.Equal(remediesDue, result.RemediesDue.Count);
        if (remediesDue > 0)
        {
            Assert.Equal("2025-03-10 10:00", Local(followUp.BreachedAt));
            Assert.Collection(result.RemediesDue,
                r => Assert.Equal((RemedyKind.Apology, "T-2/FollowUp/0/remedy/0"), (r.Remedy.Kind, r.Key.ToString())),
                r => Assert.Equal((RemedyKind.Accommodation, 10m, "T-2/FollowUp/0/remedy/1"), (r.Remedy.Kind, r.Remedy.Amount!.Value, r.Key.ToString())));
            Assert.All(result.RemediesDue, r => Assert.Equal(followUp.BreachedAt, r.DueAt));
        }
    }

    [Fact]
    public void PromisedFollowUpMadeLate_RemediesStayDueOnceWithTheSameKeys()
    {
        Timeline timeline = Timeline.Create("T-2",
        [
            new InteractionOpened(At("2025-03-07 09:30"), Agent),
            new FollowUpPromised(At("2025-03-07 11:00"), At("2025-03-10 10:00")),
            new AgentReplied(At("2025-03-10 11:00")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, FollowUpPolicy(), At("2025-03-12 09:00"));

        Assert.Equal(MetLate, result.FindLatest(CommitmentKind.FollowUp)!.State);
        Assert.Equal(["T-2/FollowUp/0/remedy/0", "T-2/FollowUp/0/remedy/1"], result.RemediesDue.Select(r => r.Key.ToString()));
    }

    // 3. Handed through four people: the handoff limit of 3 is breached at the fourth handoff.
    [Theory]
    //          handoffs  evaluated at        owner      limit breached at
    [InlineData(0,        "2025-03-07 09:00", "alice",   null)]
    [InlineData(1,        "2025-03-07 10:00", "bob",     null)]
    [InlineData(2,        "2025-03-07 11:00", "carol",   null)]
    [InlineData(3,        "2025-03-07 12:00", "dave",    null)]
    [InlineData(4,        "2025-03-07 13:00", "erin",    "2025-03-07 13:00")]
    [InlineData(5,        "2025-03-07 14:00", "frank",   "2025-03-07 13:00")]
    public void HandoffLimit(int handoffs, string evaluatedAt, string owner, string? breachedAt)
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Ownership", 1, Office)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40)))
            .WithHandoffLimit(3, BreachRemedy.ProactiveMessage("sorry-for-the-runaround"))
            .Build();
        string[] people = ["bob", "carol", "dave", "erin", "frank"];
        var facts = new List<TimelineFact> { new InteractionOpened(At("2025-03-07 09:00"), Agent) };
        for (int i = 0; i < handoffs; i++)
        {
            facts.Add(new OwnerAssigned(At("2025-03-07 09:00") + Duration.FromHours(i + 1), Owner.Person(people[i])));
        }

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-3", facts), policy, ServicePolicy.Tests.Escalation.Ladder.When(evaluatedAt));

        Assert.Equal(handoffs, result.Handoffs);
        Assert.Equal(owner, result.Owner.Id);
        Assert.Equal(breachedAt, Local(result.HandoffLimitBreachedAt));
        Assert.Equal(breachedAt is null ? [] : ["T-3/HandoffLimit/remedy/0"], result.RemediesDue.Select(r => r.Key.ToString()));
        Assert.All(result.RemediesDue, r => Assert.Null(r.Commitment));
        Assert.Equal(OnTrack, result.FindLatest(CommitmentKind.Resolution)!.State);
    }

    // 4. A home visit booked for 10:00-14:00: at risk at 13:30 with no arrival, breached at 14:00; arrival at 13:45 is met.
    [Theory]
    //          arrived at          evaluated at        state
    [InlineData(null,               "2025-03-10 08:00", OnTrack)]
    [InlineData(null,               "2025-03-10 10:00", OnTrack)]
    [InlineData(null,               "2025-03-10 13:29", OnTrack)]
    [InlineData(null,               "2025-03-10 13:30", AtRisk)]
    [InlineData(null,               "2025-03-10 13:59", AtRisk)]
    [InlineData(null,               "2025-03-10 14:00", AtRisk)] // the window's end itself: inclusive
    [InlineData(null,               "2025-03-10 14:00+1ns", Breached)]
    [InlineData("2025-03-10 14:00", "2025-03-10 14:00", Met)] // arrived at the window's end: on time
    [InlineData(null,               "2025-03-10 18:00", Breached)]
    [InlineData("2025-03-10 13:45", "2025-03-10 13:45", Met)]
    [InlineData("2025-03-10 13:45", "2025-03-10 15:00", Met)]
    [InlineData("2025-03-10 14:10", "2025-03-10 14:10", MetLate)]
    public void AppointmentWindow(string? arrivedAt, string evaluatedAt, CommitmentState state)
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Field service", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(4)))
                .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromMinutes(30))))
            .Build();
        var facts = new List<TimelineFact>
        {
            new InteractionOpened(At("2025-03-07 09:00"), Agent),
            new AppointmentBooked(At("2025-03-07 09:10"), new Interval(At("2025-03-10 10:00"), At("2025-03-10 14:00"))),
        };
        if (arrivedAt is not null)
        {
            facts.Add(new AppointmentArrived(At(arrivedAt)));
        }

        CommitmentStatus status = Evaluator.Evaluate(Timeline.Create("T-4", facts), policy, ServicePolicy.Tests.Escalation.Ladder.When(evaluatedAt)).FindLatest(CommitmentKind.Appointment)!;

        Assert.Equal(state, status.State);
        Assert.Equal("2025-03-10 14:00", Local(status.Deadline));
        Assert.Equal("2025-03-10 13:30", Local(status.AtRiskAt));
    }

    // 5. Waiting on the customer for two business days moves the resolution deadline out by two business days
    //    (opened Monday 3 March 10:00, resolution within 5 business days of 8 hours).
    [Theory]
    //          waits    evaluated at        state      deadline
    [InlineData(false,   "2025-03-04 09:00", OnTrack,  "2025-03-10 10:00")]
    [InlineData(true,    "2025-03-04 09:00", OnTrack,  "2025-03-10 10:00")]
    [InlineData(false,   "2025-03-05 12:00", OnTrack,  "2025-03-10 10:00")]
    [InlineData(true,    "2025-03-05 12:00", Paused,   "2025-03-11 12:00")]
    [InlineData(true,    "2025-03-06 10:00", OnTrack,  "2025-03-12 10:00")]
    [InlineData(false,   "2025-03-10 10:00", OnTrack,  "2025-03-10 10:00")] // the deadline itself: inclusive
    [InlineData(false,   "2025-03-10 10:00+1ns", Breached, "2025-03-10 10:00")]
    [InlineData(true,    "2025-03-10 10:00", OnTrack,  "2025-03-12 10:00")]
    [InlineData(true,    "2025-03-12 10:00", OnTrack,  "2025-03-12 10:00")]
    [InlineData(true,    "2025-03-12 10:00+1ns", Breached, "2025-03-12 10:00")]
    public void WaitingOnCustomerPushesResolutionOut(bool waits, string evaluatedAt, CommitmentState state, string deadline)
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
            .Build();
        var facts = new List<TimelineFact> { new InteractionOpened(At("2025-03-03 10:00"), Agent) };
        if (waits)
        {
            facts.Add(new WaitingStarted(At("2025-03-04 10:00")));
            facts.Add(new WaitingEnded(At("2025-03-06 10:00")));
        }
        Timeline timeline = Timeline.Create("T-5", facts);
        Instant now = ServicePolicy.Tests.Escalation.Ladder.When(evaluatedAt);

        CommitmentStatus status = Evaluator.Evaluate(timeline.AsOf(now), policy, now).FindLatest(CommitmentKind.Resolution)!;

        Assert.Equal(state, status.State);
        Assert.Equal(deadline, Local(status.Deadline));
    }

    [Fact]
    public void WaitingOnCustomer_TwoBusinessDays_IsSixteenBusinessHoursLater()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
            .Build();
        Timeline plain = Timeline.Create("T-5", [new InteractionOpened(At("2025-03-03 10:00"), Agent)]);
        Timeline waited = plain.Append(new WaitingStarted(At("2025-03-04 10:00")), new WaitingEnded(At("2025-03-06 10:00")));

        Instant without = Evaluator.Evaluate(plain, policy, At("2025-03-06 10:00")).FindLatest(CommitmentKind.Resolution)!.Deadline;
        CommitmentStatus with = Evaluator.Evaluate(waited, policy, At("2025-03-06 10:00")).FindLatest(CommitmentKind.Resolution)!;

        Assert.Equal(Duration.FromHours(16), Office.BusinessTimeBetween(without, with.Deadline));
        Assert.Equal(Duration.FromHours(8), with.Elapsed); // Monday 10:00-17:00 and Tuesday 09:00-10:00.
        Assert.Equal(Duration.FromHours(32), with.Remaining);
    }

    // 6. An internal request (a colleague) gets the internal policy; an external one the external policy.
    [Theory]
    //          internal  policy      first response due
    [InlineData(true,     "Internal", "2025-03-10 10:00")]
    [InlineData(false,    "External", "2025-03-07 14:00")]
    public void InternalAndExternalPolicies(bool isInternal, string policyName, string deadline)
    {
        ServiceLevelPolicy internalPolicy = ServiceLevelPolicy.CreateBuilder("Internal", 1, Office)
            .AppliesTo(Applicability.Any.ForInternalCustomers())
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .Build();
        ServiceLevelPolicy externalPolicy = ServiceLevelPolicy.CreateBuilder("External", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .Build();
        var policies = new ServiceLevelPolicySet([internalPolicy], fallback: externalPolicy);
        Timeline timeline = Timeline.Create("T-6",
            [new InteractionOpened(At("2025-03-07 10:00"), Agent, new InteractionProfile(channel: "email", isInternal: isInternal))]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policies, At("2025-03-07 10:00"));

        Assert.Equal(policyName, result.Policy.Name);
        Assert.Equal(deadline, Local(result.FindLatest(CommitmentKind.FirstResponse)!.Deadline));
    }

    private static ServiceLevelPolicy FollowUpPolicy() => ServiceLevelPolicy.CreateBuilder("Follow-ups", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
            .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Accommodation("free delivery on the next order", 10m, "GBP")))
        .Build();
}
