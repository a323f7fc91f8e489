// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// Issue 13, the customer's hours: a London desk (Mon-Fri 09:00-17:00 UK time) promises a New York customer a reply
/// "by the end of your business day" and a call "the next business day at 10:00 your time". The United States moves
/// its clocks on 9 March 2025 and the United Kingdom on 30 March, so New York is 5 hours behind London before 9 March,
/// 4 hours between, and 5 again after 30 March; in the autumn the United Kingdom goes back on 26 October and the United
/// States on 2 November. Deadlines are shown in London time.
/// </summary>
public class CustomerHoursScenarioTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly ServiceLevelPolicy Global = ServiceLevelPolicy.CreateBuilder("Global", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay()).WithHours(TargetHours.Customer))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.NextBusinessDayAt(new LocalTime(10, 0))).WithHours(TargetHours.Customer))
        .AddTarget(ServiceTarget.Custom("tell the desk's lead", DeadlineRule.EndOfBusinessDay())) // the desk's own hours
        .Build();

    [Theory]
    //          opened (London)     reply by (NY's end of day)  call by (NY 10:00 next day)  desk's own end of day
    [InlineData("2025-03-07 14:00", "2025-03-07 22:00",        "2025-03-10 14:00",          "2025-03-07 17:00")] // 09:00 EST; Monday is EDT
    [InlineData("2025-03-10 14:00", "2025-03-10 21:00",        "2025-03-11 14:00",          "2025-03-10 17:00")] // 10:00 EDT, London still GMT
    [InlineData("2025-03-10 22:00", "2025-03-11 21:00",        "2025-03-11 14:00",          "2025-03-11 17:00")] // 18:00 EDT: after New York's close
    [InlineData("2025-03-28 14:00", "2025-03-28 21:00",        "2025-03-31 15:00",          "2025-03-28 17:00")] // Monday London is BST
    [InlineData("2025-03-31 14:00", "2025-03-31 22:00",        "2025-04-01 15:00",          "2025-03-31 17:00")] // both on summer time
    [InlineData("2025-10-31 14:00", "2025-10-31 21:00",        "2025-11-03 15:00",          "2025-10-31 17:00")] // autumn: UK back on 26 Oct, US on 2 Nov
    public void LondonDeskNewYorkCustomer(string opened, string replyBy, string callBy, string deskBy)
    {
        InteractionProfile customer = InteractionProfile.Unspecified.WithCustomerTimeZone(NewYork);
        Timeline timeline = Timeline.Create("T-15", [new InteractionOpened(At(opened), Owner.Team("london"), customer)]);

        EvaluationResult result = Evaluator.Evaluate(timeline, Global, At(opened));

        Assert.Equal(replyBy, Local(result.FindLatest(CommitmentKind.FirstResponse)!.Deadline));
        Assert.Equal(callBy, Local(result.FindLatest(CommitmentKind.Resolution)!.Deadline));
        Assert.Equal(deskBy, Local(result.FindLatest(CommitmentKind.Custom, "tell the desk's lead")!.Deadline));
    }

    // A profile with no customer zone falls back to the desk's calendar, as documented.
    [Fact]
    public void CustomerHours_WithoutACustomerZone_UseTheDesksCalendar()
    {
        Timeline timeline = Timeline.Create("T-15", [new InteractionOpened(At("2025-03-07 14:00"), Owner.Team("london"))]);

        EvaluationResult result = Evaluator.Evaluate(timeline, Global, At("2025-03-07 14:00"));

        Assert.Equal("2025-03-07 17:00", Local(result.FindLatest(CommitmentKind.FirstResponse)!.Deadline));
        Assert.Equal("2025-03-10 10:00", Local(result.FindLatest(CommitmentKind.Resolution)!.Deadline));
    }

    // A profile naming a catalogue calendar (New York's office, 08:00-16:00) uses it, where the evaluation knows it.
    [Fact]
    public void CustomerHours_NamedCalendar_IsUsedWhenThePolicySetHasIt()
    {
        BusinessCalendar newYorkOffice = BusinessCalendar.Create("ny-office", "America/New_York", "Mon-Fri 08:00-16:00");
        ServiceLevelPolicySet set = new ServiceLevelPolicySet([], Global).WithCustomerCalendars([new("ny-office", newYorkOffice)]);
        InteractionProfile customer = InteractionProfile.Unspecified.WithCustomerTimeZone(NewYork).WithCustomerCalendar("ny-office");
        Timeline timeline = Timeline.Create("T-15", [new InteractionOpened(At("2025-03-07 14:00"), Owner.Team("london"), customer)]);

        Assert.Equal("2025-03-07 21:00", Local(Evaluator.Evaluate(timeline, set, At("2025-03-07 14:00")).FindLatest(CommitmentKind.FirstResponse)!.Deadline));
        // Under the fixed policy, without the set's calendars, the name is not known: the customer's zone is used.
        Assert.Equal("2025-03-07 22:00", Local(Evaluator.Evaluate(timeline, Global, At("2025-03-07 14:00")).FindLatest(CommitmentKind.FirstResponse)!.Deadline));
    }

    // The customer's zone corrected while open: cycles started later use it; the running one keeps its deadline.
    [Fact]
    public void CustomerZoneCorrected_LaterCyclesUseTheNewZone()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Updates", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay()).WithHours(TargetHours.Customer))
            .Build();
        InteractionProfile london = InteractionProfile.Unspecified.WithCustomerTimeZone(Zone);
        Timeline timeline = Timeline.Create("T-15",
        [
            new InteractionOpened(At("2025-03-03 10:00"), Owner.Team("london"), london),
            new AgentReplied(At("2025-03-03 10:05")),
            new CustomerReplied(At("2025-03-03 10:10")),
            new ProfileChanged(At("2025-03-03 10:20"), london.WithCustomerTimeZone(NewYork)),
            new AgentReplied(At("2025-03-03 10:30")),
            new CustomerReplied(At("2025-03-03 10:40")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-03 11:00"));

        Assert.Equal(["2025-03-03 17:00", "2025-03-03 22:00"], result.Commitments.Select(c => Local(c.Deadline)));
    }
}
