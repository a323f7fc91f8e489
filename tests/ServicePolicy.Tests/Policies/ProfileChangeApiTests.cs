// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Policies;

/// <summary>Issue 13's API: deriving changed profiles, the profile a timeline ends with, the per-policy settings and
/// per-target hours, policy sets with customer calendars, and calendars moved to another zone.</summary>
public class ProfileChangeApiTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void InteractionProfile_With_ChangesOneValueAndKeepsTheRest()
    {
        var profile = new InteractionProfile("email", "normal", "gold", isInternal: false, [new("team", "billing")]);

        InteractionProfile changed = profile.WithPriority("urgent").WithAttribute("TEAM", "support").WithCustomerTimeZone(NewYork).WithCustomerCalendar("ny-office");

        Assert.Equal("channel=email priority=normal tier=gold external team=billing", profile.ToString());
        Assert.Equal("channel=email priority=urgent tier=gold external team=support zone=America/New_York calendar=ny-office", changed.ToString());
        Assert.Equal("support", changed.Attributes["team"]);
        Assert.Equal(("chat", "silver", true), (changed.WithChannel("chat").Channel, changed.WithCustomerTier("silver").CustomerTier, changed.WithInternal(true).IsInternal));
        Assert.Equal((NewYork, "ny-office"), (changed.WithPriority(null).CustomerTimeZone, changed.WithChannel(null).CustomerCalendarName));
        Assert.Null(InteractionProfile.Unspecified.CustomerTimeZone);
    }

    [Fact]
    public void InteractionProfile_With_BadValues_Throw()
    {
        Assert.Equal("calendarName", Assert.Throws<ArgumentException>(() => InteractionProfile.Unspecified.WithCustomerCalendar(" ")).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => InteractionProfile.Unspecified.WithAttribute(null!, "x")).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => new ProfileChanged(At("2025-03-03 09:00"), null!)).ParamName);
    }

    [Fact]
    public void Timeline_CurrentProfile_IsTheLastChangesOrTheOpenings()
    {
        var opening = new InteractionProfile(priority: "normal");
        Timeline opened = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("a"), opening)]);
        Timeline changed = opened.Append(new ProfileChanged(At("2025-03-03 10:00"), opening.WithPriority("urgent")));

        Assert.Same(opening, opened.CurrentProfile);
        Assert.Equal("urgent", changed.CurrentProfile.Priority);
        Assert.Same(opening, changed.AsOf(At("2025-03-03 09:30")).CurrentProfile);
        Assert.Equal("urgent", changed.AsOf(At("2025-03-03 10:00")).CurrentProfile.Priority);
    }

    [Fact]
    public void Timeline_ProfileChangedAfterCancellation_IsInvalid()
    {
        Timeline cancelled = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("a")), new InteractionCancelled(At("2025-03-03 09:30"))]);

        InvalidTimelineException e = Assert.Throws<InvalidTimelineException>(() => cancelled.Append(new ProfileChanged(At("2025-03-03 10:00"), InteractionProfile.Unspecified)));

        Assert.Equal(2, e.Position);
    }

    [Fact]
    public void ServiceLevelPolicy_ProfileChangeSettings_DefaultToFromChangeAndCancel_AndSurviveToBuilder()
    {
        ServiceLevelPolicy plain = ServiceLevelPolicy.CreateBuilder("P", 1, Office).AddTarget(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay()).Build();
        ServiceLevelPolicy set = plain.ToBuilder(2).WithTargetStart(TargetStart.Retroactive).WithReplacedTarget(ReplacedTarget.KeepToEnd).Build();

        Assert.Equal((TargetStart.FromChange, ReplacedTarget.Cancel), (plain.TargetStart, plain.ReplacedTarget));
        Assert.Equal((TargetStart.Retroactive, ReplacedTarget.KeepToEnd), (set.TargetStart, set.ReplacedTarget));
        ServiceLevelPolicy copied = set.ToBuilder(3).Build();
        Assert.Equal((TargetStart.Retroactive, ReplacedTarget.KeepToEnd), (copied.TargetStart, copied.ReplacedTarget));
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => plain.ToBuilder(4).WithTargetStart((TargetStart)7)).ParamName);
        Assert.Equal("replaced", Assert.Throws<ArgumentOutOfRangeException>(() => plain.ToBuilder(4).WithReplacedTarget((ReplacedTarget)(-1))).ParamName);
    }

    [Fact]
    public void ServiceTarget_WithHours_KeepsTheRestAndSurvivesOtherWithMethods()
    {
        ServiceTarget target = ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay())
            .WithRemedies(BreachRemedy.Apology())
            .WithHours(TargetHours.Customer)
            .WithAtRisk(AtRiskThreshold.AtPercent(50))
            .WithCalendar(Office);

        Assert.Equal(TargetHours.Customer, target.Hours);
        Assert.Single(target.Remedies);
        Assert.Equal(TargetHours.Policy, ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay()).Hours);
        Assert.Equal("hours", Assert.Throws<ArgumentOutOfRangeException>(() => target.WithHours((TargetHours)2)).ParamName);
        ServiceTarget resolution = ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDays(2))
            .WithHours(TargetHours.Customer).WithReopenMode(ReopenMode.NewCycle).WithCalendar(Office);
        Assert.Equal((TargetHours.Customer, ReopenMode.NewCycle), (resolution.Hours, resolution.ReopenMode));
        Assert.Equal(ReopenMode.NewCycle, resolution.WithHours(TargetHours.Policy).ReopenMode);
    }

    [Fact]
    public void ServiceLevelPolicySet_WithCustomerCalendars_KeepsThePoliciesAndAddsTheCalendars()
    {
        ServiceLevelPolicy fallback = ServiceLevelPolicy.CreateBuilder("P", 1, Office).AddTarget(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay()).Build();
        var set = new ServiceLevelPolicySet([], fallback);

        ServiceLevelPolicySet withCalendars = set.WithCustomerCalendars([new("uk", Office)]);

        Assert.Empty(set.CustomerCalendars);
        Assert.Same(Office, withCalendars.CustomerCalendars["uk"]);
        Assert.Same(fallback, withCalendars.Fallback);
        Assert.Throws<ArgumentException>(() => set.WithCustomerCalendars([new("uk", null!)]));
    }

    [Fact]
    public void BusinessCalendar_InZone_ReadsTheSameHoursInTheOtherZone()
    {
        BusinessCalendar inNewYork = Office.InZone(NewYork);

        Assert.Same(Office, Office.InZone(Zone));
        Assert.Same(inNewYork, Office.InZone(NewYork)); // made once
        Assert.Equal(("uk-office@America/New_York", NewYork), (inNewYork.Name, inNewYork.Zone));
        Assert.Equal(Office.WeeklyHours.ToString(), inNewYork.WeeklyHours.ToString());
        Assert.Equal(Office.Holidays, inNewYork.Holidays);
        // Monday 3 March 2025 09:00 in New York (EST) is 14:00 UTC; a week later (EDT) 13:00 UTC.
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 14, 0), inNewYork.NextOpen(Instant.FromUtc(2025, 3, 3, 12, 0)));
        Assert.Equal(Instant.FromUtc(2025, 3, 10, 13, 0), inNewYork.NextOpen(Instant.FromUtc(2025, 3, 10, 12, 0)));
        // Good Friday stays a holiday, on New York's Friday.
        Assert.False(inNewYork.IsOpen(Instant.FromUtc(2025, 4, 18, 15, 0)));
        Assert.Throws<ArgumentNullException>(() => Office.InZone(null!));
    }
}
