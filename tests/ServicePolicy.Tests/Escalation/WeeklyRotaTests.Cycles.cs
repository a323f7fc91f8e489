// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Escalation;

/// <summary>Rotas that repeat every few weeks: the weeks counted from the cycle's start, before and after it, and across
/// the change to summer time (London, 29 March 2026).</summary>
public partial class WeeklyRotaTests
{
    // Three people in turn, a week each, handing over on Mondays at 09:00; week 1 starts on Monday 2 March 2026.
    private static readonly WeeklyRota ThreeWeeks = WeeklyRota.Create("sre", "Europe/London", 3, new LocalDate(2026, 3, 2))
        .WithHandOver(1, IsoDayOfWeek.Monday, new LocalTime(9, 0), "alice")
        .WithHandOver(2, IsoDayOfWeek.Monday, new LocalTime(9, 0), "bob")
        .WithHandOver(3, IsoDayOfWeek.Monday, new LocalTime(9, 0), "carol");

    [Theory]
    //          London time          on call
    [InlineData("2026-02-16 09:00", "bob")]   // two weeks before the start: week 2 of the cycle before
    [InlineData("2026-02-23 09:00", "carol")] // the cycle repeats before its start as after it
    [InlineData("2026-03-02 08:59", "carol")]
    [InlineData("2026-03-02 09:00", "alice")] // week 1
    [InlineData("2026-03-06 23:00", "alice")]
    [InlineData("2026-03-09 08:59", "alice")]
    [InlineData("2026-03-09 09:00", "bob")]   // week 2
    [InlineData("2026-03-16 09:00", "carol")] // week 3
    [InlineData("2026-03-23 09:00", "alice")] // week 1 again
    [InlineData("2026-03-29 03:00", "alice")] // an hour after the clocks went forward
    [InlineData("2026-03-30 08:59", "alice")]
    [InlineData("2026-03-30 09:00", "bob")]   // 09:00 BST: the wall clock, not 168 hours
    [InlineData("2027-01-04 09:00", "carol")] // 44 weeks on: week 3
    public void OnCallAt_ThreePeopleInTurn_EachForAWeek(string local, string person)
    {
        Assert.Equal(person, ThreeWeeks.OnCallAt(At(local)));
    }

    // Hand-overs anywhere in a two-week cycle that starts on a Wednesday: week 1 is Wed 4 to Tue 10 March 2026, so
    // "Monday of week 1" is 9 March; weekends have their own person.
    private static readonly WeeklyRota Fortnight = WeeklyRota.Create("desk", "Europe/London", 2, new LocalDate(2026, 3, 4))
        .WithHandOver(1, IsoDayOfWeek.Wednesday, new LocalTime(8, 0), "dana")
        .WithHandOver(1, IsoDayOfWeek.Saturday, new LocalTime(8, 0), "eli")
        .WithHandOver(1, IsoDayOfWeek.Monday, new LocalTime(8, 0), "dana")
        .WithHandOver(2, IsoDayOfWeek.Wednesday, new LocalTime(8, 0), "fay")
        .WithHandOver(2, IsoDayOfWeek.Saturday, new LocalTime(8, 0), "gil");

    [Theory]
    [InlineData("2026-03-04 07:59", "gil")]  // the weekend person of week 2 until Wednesday of week 1
    [InlineData("2026-03-04 08:00", "dana")]
    [InlineData("2026-03-07 08:00", "eli")]  // Saturday of week 1
    [InlineData("2026-03-09 08:00", "dana")] // Monday of week 1 comes after its Saturday
    [InlineData("2026-03-11 08:00", "fay")]  // week 2
    [InlineData("2026-03-14 08:00", "gil")]
    [InlineData("2026-03-16 08:00", "gil")]  // no Monday hand-over in week 2
    [InlineData("2026-03-18 08:00", "dana")] // week 1 again
    public void OnCallAt_HandOversAnywhereInTheCycle(string local, string person)
    {
        Assert.Equal(person, Fortnight.OnCallAt(At(local)));
    }

    [Fact]
    public void Describe_ShowsTheCycleAndOverrides()
    {
        Assert.Equal("support-on-call (Europe/London, 3 hand-overs)", Rota.ToString());
        Assert.Equal("sre (Europe/London, every 3 weeks from 2026-03-02, 3 hand-overs)", ThreeWeeks.ToString());
        Assert.Equal((3, (LocalDate?)new LocalDate(2026, 3, 2), 3), (ThreeWeeks.CycleWeeks, ThreeWeeks.CycleStart, ThreeWeeks.HandOverCount));
        Assert.Equal((1, (LocalDate?)null), (Rota.CycleWeeks, Rota.CycleStart));
        WeeklyRota covered = ThreeWeeks.WithOverride(new LocalDateTime(2026, 3, 1, 0, 0), new LocalDateTime(2026, 3, 15, 0, 0), "sam", "alice");
        Assert.Equal("sre (Europe/London, every 3 weeks from 2026-03-02, 3 hand-overs, 1 override)", covered.ToString());
    }

    [Fact]
    public void BadCycles_Throw()
    {
        Assert.Equal("cycleWeeks", Assert.Throws<ArgumentOutOfRangeException>(() => WeeklyRota.Create("x", "UTC", 0, new LocalDate(2026, 3, 2))).ParamName);
        var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => WeeklyRota.Create("x", "UTC", 53, new LocalDate(2026, 3, 2)));
        Assert.Equal("cycleWeeks", tooLong.ParamName);
        Assert.StartsWith("A rota cycle of 53 weeks is outside 1 to 52 weeks, the longest rota cycle. See docs/limits.md#rota-cycle.", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal("cycleStart", Assert.Throws<ArgumentOutOfRangeException>(() => WeeklyRota.Create("x", "UTC", 2, new LocalDate(9999, 1, 1))).ParamName);
        Assert.Equal("week", Assert.Throws<ArgumentOutOfRangeException>(() => ThreeWeeks.WithHandOver(4, IsoDayOfWeek.Monday, LocalTime.Noon, "x")).ParamName);
        Assert.Equal("week", Assert.Throws<ArgumentOutOfRangeException>(() => Rota.WithHandOver(2, IsoDayOfWeek.Monday, LocalTime.Noon, "x")).ParamName);
        var weekless = Assert.Throws<InvalidOperationException>(() => ThreeWeeks.WithHandOver(IsoDayOfWeek.Monday, LocalTime.Noon, "x"));
        Assert.Equal("Rota 'sre' repeats every 3 weeks: name the week of each hand-over with WithHandOver(week, day, time, personId).", weekless.Message);
        var duplicate = Assert.Throws<ArgumentException>(() => ThreeWeeks.WithHandOver(2, IsoDayOfWeek.Monday, new LocalTime(9, 0), "zed"));
        Assert.StartsWith("Rota 'sre' already hands over to 'bob' on Monday of week 2 at 09:00:00.", duplicate.Message, StringComparison.Ordinal);
    }
}
