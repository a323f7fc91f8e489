// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

public partial class WeeklyRotaTests
{
    // Erin from Monday 09:00, Femi from Friday 17:00, and Gus for Sunday from 01:30 — a time that does not exist on
    // 30 March 2025, when the clocks go from 01:00 straight to 02:00.
    private static readonly WeeklyRota Rota = WeeklyRota.Create("support-on-call", "Europe/London")
        .WithHandOver(IsoDayOfWeek.Monday, new LocalTime(9, 0), "erin")
        .WithHandOver(IsoDayOfWeek.Friday, new LocalTime(17, 0), "femi")
        .WithHandOver(IsoDayOfWeek.Sunday, new LocalTime(1, 30), "gus");

    [Theory]
    [InlineData("2025-03-10 08:59", "gus")]
    [InlineData("2025-03-10 09:00", "erin")]
    [InlineData("2025-03-14 16:59", "erin")]
    [InlineData("2025-03-14 17:00", "femi")]
    [InlineData("2025-03-30 00:59", "femi")]
    [InlineData("2025-03-30 02:00", "gus")] // the hand-over in the gap happens at its end
    [InlineData("2025-03-31 09:00", "erin")]
    public void OnCallAt_FollowsTheWallClock(string local, string person)
    {
        Assert.Equal(person, Rota.OnCallAt(At(local)));
    }

    [Fact]
    public void OnCallAt_InAnOverlap_HandsOverAtTheEarlierOccurrence()
    {
        WeeklyRota rota = WeeklyRota.Create("night", "Europe/London")
            .WithHandOver(IsoDayOfWeek.Sunday, new LocalTime(1, 30), "hal")
            .WithHandOver(IsoDayOfWeek.Saturday, new LocalTime(12, 0), "ivy");
        Instant firstOneThirty = Instant.FromUtc(2025, 10, 26, 0, 30); // 01:30 BST; 01:30 GMT follows an hour later

        Assert.Equal("ivy", rota.OnCallAt(firstOneThirty - Duration.FromMinutes(1)));
        Assert.Equal("hal", rota.OnCallAt(firstOneThirty));
        Assert.Equal("hal", rota.OnCallAt(firstOneThirty + Duration.FromMinutes(40))); // 01:10 GMT, wall clock before 01:30 again
    }

    [Fact]
    public void OnCallRecipient_ResolvesThroughTheRotaThenTheDirectory()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), Fallback)
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OnCall(Rota), EscalationDelay.Zero))
            .Build();
        Timeline timeline = Timeline.Create("T-5", [new InteractionOpened(At("2025-03-14 13:00"), Alice)]);

        EscalationAction action = Assert.Single(Evaluate(timeline, "2025-03-14 17:00+1ns", EscalationContext.Create(Org(), chain)).EscalationActions);

        Assert.Equal(At("2025-03-14 17:00") + Duration.Epsilon, action.DueAt); // 4 business hours from Friday 13:00: the hand-over instant
        Assert.Equal("femi", Assert.Single(action.Contacts).Id);
        Assert.Equal("on-call:support-on-call", action.Recipient.ToString());
    }

    [Fact]
    public void BadHandOvers_Throw()
    {
        Assert.Throws<InvalidOperationException>(() => WeeklyRota.Create("empty", "Europe/London").OnCallAt(At("2025-03-10 09:00")));
        var duplicate = Assert.Throws<ArgumentException>(() => Rota.WithHandOver(IsoDayOfWeek.Monday, new LocalTime(9, 0), "zed"));
        Assert.Contains("already hands over to 'erin' on Monday at 09:00:00", duplicate.Message);
        Assert.Equal("timeZoneId", Assert.Throws<ArgumentException>(() => WeeklyRota.Create("x", "Mars/Olympus")).ParamName);
        Assert.Equal("day", Assert.Throws<ArgumentOutOfRangeException>(() => Rota.WithHandOver(IsoDayOfWeek.None, LocalTime.Noon, "x")).ParamName);
    }
}
