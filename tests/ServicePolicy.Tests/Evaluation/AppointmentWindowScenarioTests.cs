// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;
using ServicePolicy.Tests.Escalation;
using Xunit;
using static ServicePolicy.Evaluation.CommitmentState;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// When an appointment window is kept (issue 13): a customer calls a window kept when the visitor arrives inside it,
/// so an early arrival is not kept unless the policy says so; a booking wider than the policy's maximum is a violation
/// of that appointment, and the rest of the ticket evaluates. UK office time; booked Friday 7 March 2025 for Monday
/// 10 March 10:00-14:00, at risk 30 minutes before the window's end.
/// </summary>
public class AppointmentWindowScenarioTests
{
    private static readonly Owner Agent = Owner.Person("alice");

    private static ServiceLevelPolicy Policy(EarlyArrival? earlyArrival) => ServiceLevelPolicy.CreateBuilder("Field service", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.Appointment, earlyArrival is { } e
                ? DeadlineRule.AppointmentWindow(Duration.FromHours(4), e)
                : DeadlineRule.AppointmentWindow(Duration.FromHours(4)))
            .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromMinutes(30)))
            .WithRemedies(BreachRemedy.Apology()))
        .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40)))
        .Build();

    [Theory]
    //          early arrivals  arrived at          evaluated at        state     breached at         attainment
    [InlineData(null,           "2025-03-10 08:30", "2025-03-10 08:30", MetEarly, "2025-03-10 08:30", Attainment.MetEarly)] // the default: the customer's view
    [InlineData("NotKept",      "2025-03-10 08:30", "2025-03-10 18:00", MetEarly, "2025-03-10 08:30", Attainment.MetEarly)]
    [InlineData("NotKept",      "2025-03-10 09:59", "2025-03-10 18:00", MetEarly, "2025-03-10 09:59", Attainment.MetEarly)]
    [InlineData("NotKept",      "2025-03-10 10:00", "2025-03-10 18:00", Met,      null,               Attainment.MetOnTime)] // the window's start: inside
    [InlineData("NotKept",      "2025-03-10 12:00", "2025-03-10 18:00", Met,      null,               Attainment.MetOnTime)]
    [InlineData("NotKept",      "2025-03-10 14:00", "2025-03-10 18:00", Met,      null,               Attainment.MetOnTime)] // the window's end: inclusive
    [InlineData("NotKept",      "2025-03-10 14:10", "2025-03-10 18:00", MetLate,  "2025-03-10 14:00", Attainment.MetLate)]
    [InlineData("Kept",         "2025-03-10 08:30", "2025-03-10 18:00", Met,      null,               Attainment.MetOnTime)] // a policy that says so
    [InlineData("Kept",         "2025-03-10 14:10", "2025-03-10 18:00", MetLate,  "2025-03-10 14:00", Attainment.MetLate)]
    [InlineData(null,           null,               "2025-03-10 08:30", OnTrack,  null,               Attainment.OpenOnTrack)]
    [InlineData(null,           null,               "2025-03-10 13:30", AtRisk,   null,               Attainment.OpenAtRisk)]
    [InlineData(null,           null,               "2025-03-10 14:00+1ns", Breached, "2025-03-10 14:00", Attainment.Breached)]
    public void EarlyOnTimeAndLateArrivals(string? earlyArrivals, string? arrivedAt, string evaluatedAt, CommitmentState state, string? breachedAt, Attainment attainment)
    {
        var facts = new List<TimelineFact>
        {
            new InteractionOpened(At("2025-03-07 09:00"), Agent),
            new AppointmentBooked(At("2025-03-07 09:10"), new Interval(At("2025-03-10 10:00"), At("2025-03-10 14:00"))),
        };
        if (arrivedAt is not null)
        {
            facts.Add(new AppointmentArrived(At(arrivedAt)));
        }
        Instant now = Ladder.When(evaluatedAt);

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-1", facts),
            Policy(earlyArrivals is null ? null : Enum.Parse<EarlyArrival>(earlyArrivals)), now);
        CommitmentStatus status = result.FindLatest(CommitmentKind.Appointment)!;

        Assert.Equal(state, status.State);
        Assert.Equal(breachedAt, Local(status.BreachedAt));
        Assert.Equal(attainment, AttainmentAggregator.Of(status.State));
        Assert.Equal(breachedAt is null ? 0 : 1, result.RemediesDue.Count);
        Assert.All(result.RemediesDue, r => Assert.Equal(status.BreachedAt, r.DueAt));
    }

    // Booked 10:00-18:00 under a 4-hour maximum: a violation of that appointment from the booking on; the rest (the
    // resolution, a later booking inside the maximum) evaluates as usual, where evaluating used to throw.
    [Theory]
    //          arrived at          evaluated at            state     deadline            breached at
    [InlineData(null,               "2025-03-07 09:10",     OnTrack,  "2025-03-07 09:10", null)]
    [InlineData(null,               "2025-03-07 09:10+1ns", Breached, "2025-03-07 09:10", "2025-03-07 09:10")]
    [InlineData("2025-03-10 11:00", "2025-03-10 18:00",     MetLate,  "2025-03-07 09:10", "2025-03-07 09:10")]
    public void BookingWiderThanTheMaximum_IsAViolationOfThatAppointment(string? arrivedAt, string evaluatedAt, CommitmentState state, string deadline, string? breachedAt)
    {
        var facts = new List<TimelineFact>
        {
            new InteractionOpened(At("2025-03-07 09:00"), Agent),
            new AppointmentBooked(At("2025-03-07 09:10"), new Interval(At("2025-03-10 10:00"), At("2025-03-10 18:00"))),
        };
        if (arrivedAt is not null)
        {
            facts.Add(new AppointmentArrived(At(arrivedAt)));
        }
        Instant now = Ladder.When(evaluatedAt);

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-2", facts).AsOf(now), Policy(null), now);
        CommitmentStatus status = result.FindLatest(CommitmentKind.Appointment)!;

        Assert.Equal(state, status.State);
        Assert.Equal(deadline, Local(status.Deadline));
        Assert.Equal(breachedAt, Local(status.BreachedAt));
        Assert.Equal(OnTrack, result.FindLatest(CommitmentKind.Resolution)!.State);
    }

    [Fact]
    public void BookingWiderThanTheMaximum_ThenRebookedInsideIt_TheNewBookingIsKept()
    {
        Timeline timeline = Timeline.Create("T-3",
        [
            new InteractionOpened(At("2025-03-07 09:00"), Agent),
            new AppointmentBooked(At("2025-03-07 09:10"), new Interval(At("2025-03-10 10:00"), At("2025-03-10 18:00"))),
            new AppointmentBooked(At("2025-03-07 09:20"), new Interval(At("2025-03-10 10:00"), At("2025-03-10 14:00"))),
            new AppointmentArrived(At("2025-03-10 11:00")),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, Policy(null), At("2025-03-10 18:00"));

        Assert.Equal([Breached, Met], result.Commitments.Where(c => c.Kind == CommitmentKind.Appointment).Select(c => c.State));
    }

    [Theory]
    [InlineData(null, "We arrive at appointments inside the booked window, which is at most 4 hours wide.")]
    [InlineData(EarlyArrival.NotKept, "We arrive at appointments inside the booked window, which is at most 4 hours wide.")]
    [InlineData(EarlyArrival.Kept, "We arrive at appointments no later than the end of the booked window (earlier is fine), which is at most 4 hours wide.")]
    public void Describe_SaysWhatKeepsTheWindow(EarlyArrival? earlyArrival, string expected)
    {
        string text = Policy(earlyArrival).Describe(CultureInfo.InvariantCulture);

        Assert.StartsWith(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_EqualityAndWith()
    {
        AppointmentWindowRule notKept = DeadlineRule.AppointmentWindow(Duration.FromHours(4));
        AppointmentWindowRule kept = notKept.WithEarlyArrival(EarlyArrival.Kept);

        Assert.Equal(EarlyArrival.NotKept, notKept.EarlyArrival);
        Assert.Equal(EarlyArrival.Kept, kept.EarlyArrival);
        Assert.NotEqual<DeadlineRule>(notKept, kept);
        Assert.Equal<DeadlineRule>(kept, DeadlineRule.AppointmentWindow(Duration.FromHours(4), EarlyArrival.Kept));
        Assert.Same(notKept, notKept.WithEarlyArrival(EarlyArrival.NotKept));
        Assert.Throws<ArgumentException>("earlyArrival", () => notKept.WithEarlyArrival((EarlyArrival)7));
    }
}
