// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Hosting.Tests.Serialization;

/// <summary>A hand-made timeline with every fact type, every optional value present and absent, every deadline rule a
/// follow-up promise may carry, and instants with nanoseconds: the timeline of the golden file.</summary>
internal static class TimelineFixtures
{
    public static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 9, 0) + Duration.FromNanoseconds(123_456_789);

    public static Timeline EveryFact()
    {
        Instant at = T0;
        Instant Next(int minutes) => at += Duration.FromMinutes(minutes);
        var profile = new InteractionProfile("email", "urgent", "gold", isInternal: true,
            [new("region", "eu-west"), new("Account", "A-17 \"quoted\" é")]);
        return Timeline.Create("HM-1",
        [
            new InteractionOpened(at, Owner.Person("ann"), profile),
            new AgentReplied(Next(5)),
            new AgentReplied(Next(1), isPublic: false),
            new CustomerReplied(Next(10)),
            new FollowUpPromised(Next(1)),
            new FollowUpPromised(Next(1), at + Duration.FromHours(3) + Duration.FromNanoseconds(1)),
            new FollowUpPromised(Next(1), DeadlineRule.WithinBusinessTime(Duration.FromMinutes(90))),
            new FollowUpPromised(Next(1), DeadlineRule.WithinElapsedTime(Duration.FromHours(26))),
            new FollowUpPromised(Next(1), DeadlineRule.EndOfBusinessDay()),
            new FollowUpPromised(Next(1), DeadlineRule.EndOfBusinessDay(new LocalTime(15, 30))),
            new FollowUpPromised(Next(1), DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0))),
            new FollowUpPromised(Next(1), DeadlineRule.BusinessDaysAt(3, new LocalTime(17, 0))),
            new FollowUpPromised(Next(1), DeadlineRule.BusinessDays(2)),
            new WaitingStarted(Next(2), PauseReason.WaitingOnThirdParty),
            new WaitingEnded(Next(30)),
            new WaitingStarted(Next(1)),
            new WaitingEnded(Next(1)),
            new OwnerAssigned(Next(1), Owner.Team("billing")),
            new AppointmentBooked(Next(1), new Interval(at + Duration.FromHours(20), at + Duration.FromHours(24) + Duration.FromNanoseconds(7))),
            new AppointmentArrived(Next(60 * 21)),
            new MilestoneReached(Next(1), "send you a quote"),
            new MilestoneStarted(Next(0), "send you a quote"),
            new EscalationAcknowledged(Next(1), ActionKey.Parse("HM-1/FirstResponse/0/sim@v1/L0/R0")),
            new EscalationAcknowledged(Next(1), ActionKey.Parse("HM-1/FirstResponse/0/sim@v1/L1/R0"), by: "person:mgr"),
            new DeadlineAgreed(Next(1), CommitmentKind.Resolution, null, 0, at + Duration.FromDays(3), "person:ann", "parts arrive Thursday"),
            new DeadlineAgreed(Next(1), CommitmentKind.Custom, "send you a quote", 1, at + Duration.FromDays(2), "person:ann"),
            new TargetWaived(Next(1), CommitmentKind.FollowUp, null, 2, "person:mgr", "customer asked us to stop"),
            new TargetWaived(Next(1), CommitmentKind.Custom, "site visit", 0, "person:mgr"),
            new RemedyGiven(Next(1), ActionKey.Parse("HM-1/FirstResponse/0/remedy/0")),
            new RemedyGiven(Next(1), ActionKey.Parse("HM-1/HandoffLimit/remedy/1"), 12.50m, "gbp", "person:billing"),
            new InteractionResolved(Next(1)),
            new FeedbackRequested(Next(0)),
            new FeedbackReceived(Next(5), 4),
            new FeedbackReceived(Next(1), 2, "slow \"reply\" é"),
            new InteractionReopened(Next(60)),
            new ProfileChanged(Next(0), profile.WithPriority("normal")
                .WithCustomerTimeZone(DateTimeZoneProviders.Tzdb["America/New_York"]).WithCustomerCalendar("ny-office")),
            new InteractionCancelled(Next(1)),
        ]);
    }
}
