// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

/// <summary>Overrides: someone else on call for a stretch of local time, across DST changes, for part of a shift, and
/// what happens when two overlap (rejected, unless each covers for a different person).</summary>
public partial class WeeklyRotaTests
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly OffsetDateTimePattern ZonedPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mmo<+HH:mm>");

    private static LocalDateTime L(string local) => LocalPattern.Parse(local).GetValueOrThrow();

    // Alex is always on call (one hand-over a week) but for the override: Sam covers for Alex from..to (local time of
    // the rota's zone). Instants are written as the wall clock there with its offset, so the DST change shows.
    // London: clocks forward 29 March 2026 01:00 -> 02:00, back 25 October 02:00 -> 01:00.
    // New York: clocks forward 8 March 2026 02:00 -> 03:00, back 1 November 02:00 -> 01:00.
    [Theory]
    //          zone                from                to                  instant                   on call
    [InlineData("Europe/London",    "2026-03-28T00:00", "2026-03-30T00:00", "2026-03-27 23:59+00:00", "alex")]
    [InlineData("Europe/London",    "2026-03-28T00:00", "2026-03-30T00:00", "2026-03-28 00:00+00:00", "sam")]
    [InlineData("Europe/London",    "2026-03-28T00:00", "2026-03-30T00:00", "2026-03-29 00:59+00:00", "sam")]
    [InlineData("Europe/London",    "2026-03-28T00:00", "2026-03-30T00:00", "2026-03-29 02:00+01:00", "sam")]
    [InlineData("Europe/London",    "2026-03-28T00:00", "2026-03-30T00:00", "2026-03-29 23:59+01:00", "sam")]
    [InlineData("Europe/London",    "2026-03-28T00:00", "2026-03-30T00:00", "2026-03-30 00:00+01:00", "alex")] // 47 hours
    [InlineData("Europe/London",    "2026-03-29T01:30", "2026-03-29T12:00", "2026-03-29 00:59+00:00", "alex")]
    [InlineData("Europe/London",    "2026-03-29T01:30", "2026-03-29T12:00", "2026-03-29 02:00+01:00", "sam")]  // from the end of the gap
    [InlineData("Europe/London",    "2026-03-29T01:30", "2026-03-29T12:00", "2026-03-29 12:00+01:00", "alex")]
    [InlineData("Europe/London",    "2026-10-24T12:00", "2026-10-25T01:30", "2026-10-25 01:29+01:00", "sam")]
    [InlineData("Europe/London",    "2026-10-24T12:00", "2026-10-25T01:30", "2026-10-25 01:30+01:00", "alex")] // the earlier 01:30
    [InlineData("Europe/London",    "2026-10-24T12:00", "2026-10-25T01:30", "2026-10-25 01:10+00:00", "alex")] // 01:10 again: still over
    [InlineData("America/New_York", "2026-03-07T00:00", "2026-03-09T00:00", "2026-03-06 23:59-05:00", "alex")]
    [InlineData("America/New_York", "2026-03-07T00:00", "2026-03-09T00:00", "2026-03-07 00:00-05:00", "sam")]
    [InlineData("America/New_York", "2026-03-07T00:00", "2026-03-09T00:00", "2026-03-08 01:59-05:00", "sam")]
    [InlineData("America/New_York", "2026-03-07T00:00", "2026-03-09T00:00", "2026-03-08 03:00-04:00", "sam")]
    [InlineData("America/New_York", "2026-03-07T00:00", "2026-03-09T00:00", "2026-03-08 23:59-04:00", "sam")]
    [InlineData("America/New_York", "2026-03-07T00:00", "2026-03-09T00:00", "2026-03-09 00:00-04:00", "alex")]
    [InlineData("America/New_York", "2026-03-08T02:30", "2026-03-08T09:00", "2026-03-08 01:59-05:00", "alex")]
    [InlineData("America/New_York", "2026-03-08T02:30", "2026-03-08T09:00", "2026-03-08 03:00-04:00", "sam")]  // from the end of the gap
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T09:00", "2026-11-01 01:29-04:00", "alex")]
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T09:00", "2026-11-01 01:30-04:00", "sam")]  // the earlier 01:30
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T09:00", "2026-11-01 01:10-05:00", "sam")]  // 01:10 again: still on
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T09:00", "2026-11-01 08:59-05:00", "sam")]
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T09:00", "2026-11-01 09:00-05:00", "alex")]
    public void Override_AcrossADstChange_FollowsTheWallClock(string zone, string from, string to, string instant, string person)
    {
        WeeklyRota rota = WeeklyRota.Create("ops", zone)
            .WithHandOver(IsoDayOfWeek.Monday, new LocalTime(9, 0), "alex")
            .WithOverride(L(from), L(to), "sam", "alex");

        Assert.Equal(person, rota.OnCallAt(ZonedPattern.Parse(instant).GetValueOrThrow().ToInstant()));
    }

    // The three-week rota (alice, bob, carol from Mondays 09:00, week 1 from 2 March 2026) with Kim on call for an
    // evening of Alice's week, and Sam covering for Bob over stretches that start and end inside other people's shifts.
    private static readonly WeeklyRota Covered = ThreeWeeks
        .WithOverride(L("2026-03-04T18:00"), L("2026-03-05T08:00"), "kim")
        .WithOverride(L("2026-03-11T12:00"), L("2026-03-21T00:00"), "sam", "bob")
        .WithOverride(L("2026-03-30T00:00"), L("2026-04-01T00:00"), "sam", "bob");

    [Theory]
    //          London time          on call
    [InlineData("2026-03-04 17:59", "alice")]
    [InlineData("2026-03-04 18:00", "kim")]   // for whoever is on call
    [InlineData("2026-03-05 07:59", "kim")]
    [InlineData("2026-03-05 08:00", "alice")]
    [InlineData("2026-03-11 11:59", "bob")]
    [InlineData("2026-03-11 12:00", "sam")]   // part of Bob's shift
    [InlineData("2026-03-16 08:59", "sam")]
    [InlineData("2026-03-16 09:00", "carol")] // the override outlasts Bob's shift, but covers only for Bob
    [InlineData("2026-03-20 23:59", "carol")]
    [InlineData("2026-03-30 08:59", "alice")] // the override has started, Bob's shift has not
    [InlineData("2026-03-30 09:00", "sam")]
    [InlineData("2026-03-31 23:59", "sam")]
    [InlineData("2026-04-01 00:00", "bob")]
    public void Override_ForPartOfAShift_CoversOnlyItsPerson(string local, string person)
    {
        Assert.Equal(person, Covered.OnCallAt(At(local)));
    }

    [Fact]
    public void Override_Overlapping_IsRejectedUnlessEachCoversForADifferentPerson()
    {
        WeeklyRota rota = ThreeWeeks.WithOverride(L("2026-03-10T00:00"), L("2026-03-12T00:00"), "sam", "bob");

        // Another for Bob, or one for whoever is on call, would leave two people on call: rejected, naming both.
        var same = Assert.Throws<ArgumentException>(() => rota.WithOverride(L("2026-03-11T23:59"), L("2026-03-13T00:00"), "kim", "bob"));
        Assert.StartsWith(
            "Rota 'sre': the override 'kim' for 'bob' from 2026-03-11T23:59 to 2026-03-13T00:00 overlaps the override 'sam' for 'bob' "
            + "from 2026-03-10T00:00 to 2026-03-12T00:00; overrides may overlap only when each covers for a different person.",
            same.Message, StringComparison.Ordinal);
        Assert.Equal("from", same.ParamName);
        Assert.Throws<ArgumentException>(() => rota.WithOverride(L("2026-03-09T00:00"), L("2026-03-10T00:01"), "kim"));

        // Touching is not overlapping ([from, to) intervals), and overrides for different people never compete.
        WeeklyRota both = rota
            .WithOverride(L("2026-03-12T00:00"), L("2026-03-13T00:00"), "kim", "bob")
            .WithOverride(L("2026-03-01T00:00"), L("2026-03-31T00:00"), "lou", "alice");
        Assert.Equal(3, both.OverrideCount);
        Assert.Equal("lou", both.OnCallAt(At("2026-03-02 09:00")));
        Assert.Equal("sam", both.OnCallAt(At("2026-03-11 23:59")));
        Assert.Equal("kim", both.OnCallAt(At("2026-03-12 00:00")));
        Assert.Equal("bob", both.OnCallAt(At("2026-03-13 00:00")));
        Assert.Equal("lou", both.OnCallAt(At("2026-03-23 09:00")));
    }

    [Fact]
    public void BadOverrides_Throw()
    {
        // Both ends in the gap of 29 March 2026 resolve to 02:00: no time at all.
        var inGap = Assert.Throws<ArgumentException>(() => ThreeWeeks.WithOverride(L("2026-03-29T01:10"), L("2026-03-29T01:50"), "sam"));
        Assert.StartsWith("Rota 'sre': the override 'sam' from 2026-03-29T01:10 to 2026-03-29T01:50 covers no time: its end must be after its start in Europe/London.",
            inGap.Message, StringComparison.Ordinal);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => ThreeWeeks.WithOverride(L("2026-03-29T12:00"), L("2026-03-29T12:00"), "sam")).ParamName);
        Assert.Contains("covers no time", Assert.Throws<ArgumentException>(() => ThreeWeeks.WithOverride(L("2026-10-25T12:00"), L("2026-10-25T01:30"), "sam")).Message);
        Assert.Equal("personId", Assert.Throws<ArgumentException>(() => ThreeWeeks.WithOverride(L("2026-03-01T00:00"), L("2026-03-02T00:00"), " ")).ParamName);
        Assert.Equal("coversFor", Assert.Throws<ArgumentException>(() => ThreeWeeks.WithOverride(L("2026-03-01T00:00"), L("2026-03-02T00:00"), "sam", "")).ParamName);
        Assert.Equal("personId", Assert.Throws<ArgumentNullException>(() => ThreeWeeks.WithOverride(L("2026-03-01T00:00"), L("2026-03-02T00:00"), null!)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => ThreeWeeks.WithOverride(L("2026-03-01T00:00"), L("9999-03-02T00:00"), "sam")).ParamName);
        Assert.Equal(0, ThreeWeeks.OverrideCount);
    }

    // Escalation planning asks the rota at the step's instant: the on-call level of a breach reaches whoever the
    // two-week rota (Erin, then Femi, from Mondays 09:00, week 1 from 3 March 2025), with Sam covering for Femi on
    // Friday afternoon 14 March, has on call then.
    [Theory]
    //          opened              level due at (breach)   contact
    [InlineData("2025-03-13 13:00", "2025-03-13 17:00+1ns", "femi")]
    [InlineData("2025-03-14 13:00", "2025-03-14 17:00+1ns", "sam")]
    [InlineData("2025-03-17 13:00", "2025-03-17 17:00+1ns", "erin")]
    [InlineData("2025-03-24 13:00", "2025-03-24 17:00+1ns", "femi")]
    public void OnCallRecipient_ResolvesThroughCycleAndOverrides(string opened, string dueAt, string contact)
    {
        WeeklyRota rota = WeeklyRota.Create("sre", "Europe/London", 2, new LocalDate(2025, 3, 3))
            .WithHandOver(1, IsoDayOfWeek.Monday, new LocalTime(9, 0), "erin")
            .WithHandOver(2, IsoDayOfWeek.Monday, new LocalTime(9, 0), "femi")
            .WithOverride(L("2025-03-14T12:00"), L("2025-03-15T00:00"), "sam", "femi");
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OnCall(rota), EscalationDelay.Zero))
            .Build();
        Timeline timeline = Timeline.Create("T-6", [new InteractionOpened(At(opened), Alice)]);

        EscalationAction action = Assert.Single(Evaluate(timeline, dueAt, EscalationContext.Create(Org(), chain)).EscalationActions);

        Assert.Equal(When(dueAt), action.DueAt);
        Assert.Equal(contact, Assert.Single(action.Contacts).Id);
        Assert.Equal("on-call:sre", action.Recipient.ToString());
    }
}
