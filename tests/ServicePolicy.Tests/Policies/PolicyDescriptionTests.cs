// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Policies;

public class PolicyDescriptionTests
{
    private static readonly CultureInfo English = new("en-GB");

    [Fact]
    public void Describe_IssueExample_ReadsAsWritten()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.FirstResponse)
            .Build();

        Assert.Equal(
            "We reply to new requests within 4 business hours (Monday to Friday, 09:00-17:00 UK time, except public holidays). "
            + "The clock stops while we are waiting for your reply.",
            policy.Describe(English));
    }

    [Fact]
    public void Describe_TargetInTheCustomersHours_ReadsTheHoursInTheCustomersTime()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Global", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay()).WithHours(TargetHours.Customer))
            .Build();

        Assert.Equal(
            "We reply to new requests by the end of the business day (Monday to Friday, 09:00-17:00 your time, except public holidays).",
            policy.Describe(English));
    }

    [Fact]
    public void Describe_EveryKind_OneSentenceEach()
    {
        BusinessCalendar newYork = BusinessCalendar.Create("ny", "America/New_York", "Mon-Fri 08:00-12:00, 13:00-18:00; Sat 10:00-14:00");
        BusinessCalendar dubai = BusinessCalendar.Create("dxb", "Asia/Riyadh", "Sun-Thu 08:00-16:00");
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Everything", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0))).WithCalendar(newYork))
            .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromDays(1)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0))).WithCalendar(dubai))
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0))).WithCalendar(BusinessCalendar.AlwaysOpen))
            .AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(16))))
            .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution)
            .Build();

        string[] sentences = policy.Describe(English).Split(". ");

        Assert.Equal(
        [
            "We reply to each of your messages by the end of the business day, or of the next business day when it reaches us at or after 15:00 (Monday to Friday, 08:00-12:00 and 13:00-18:00; Saturday, 10:00-14:00 US Eastern time)",
            "While your request is open, we send you an update within 1 day after the previous one",
            "When we promise to get back to you without naming a time, we do so by 12:00 on the next business day (Sunday to Thursday, 08:00-16:00 Asia/Riyadh time)",
            "We resolve requests by 17:00, 5 business days later (around the clock)",
            "We arrive at appointments inside the booked window, which is at most 4 hours wide",
            "After resolving a request, we ask for your feedback within 1 business hour (Monday to Friday, 09:00-17:00 UK time, except public holidays)",
            "We send you a quote within 16 business hours (Monday to Friday, 09:00-17:00 UK time, except public holidays)",
            "The clock for resolving your request stops while we are waiting for a third party, such as a supplier.",
        ], sentences);
    }

    [Fact]
    public void Describe_PauseForSomeCommitments_NamesThem()
    {
        // Telling a customer "the clock stops" when only some clocks stop would promise less than we deliver on the rest.
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Partial", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Resolution)
            .Build();

        Assert.EndsWith(
            ". The clock for our replies to your messages and resolving your request stops while we are waiting for your reply.",
            policy.Describe(English));
    }

    [Fact]
    public void Describe_TwoDays_AreJoinedWithAnd()
    {
        BusinessCalendar weekend = BusinessCalendar.Create("weekend", "Europe/Paris", "Sat-Sun 10:00-16:00");
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Weekend", 1, weekend)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .Build();
        Assert.Equal("We reply to new requests within 2 business hours (Saturday and Sunday, 10:00-16:00 Central European time).", policy.Describe(English));
    }

    [Fact]
    public void Describe_CultureWithoutTranslation_IsWhollyEnglish()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .Build();
        Assert.Equal(policy.Describe(English), policy.Describe(new CultureInfo("fr-FR")));
        Assert.Equal(policy.Describe(English), policy.Describe(CultureInfo.InvariantCulture));
    }
}
