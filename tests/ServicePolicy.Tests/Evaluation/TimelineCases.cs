// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>A random valid timeline, an instant at or after its last fact, and probes (per-mille fractions) to evaluate
/// at between two instants.</summary>
public sealed record TimelineCase(Timeline Timeline, Instant Now, int[] Probes)
{
    /// <summary>Every kind of commitment, both pause reasons, both at-risk thresholds and a handoff limit.</summary>
    public static ServiceLevelPolicy Policy { get; } = ServiceLevelPolicy.CreateBuilder("Everything", 1, Office)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .AddTarget(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)))
        .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromDays(1)))
        .AddTarget(ServiceTarget.Create(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
            .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Credit(5m, "GBP")))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(3, new LocalTime(17, 0)))
            .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromHours(2))))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(6)))
            .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromMinutes(30))))
        .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
        .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(16))))
        .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Resolution, CommitmentKind.FollowUp, CommitmentKind.Custom)
        .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution, CommitmentKind.FirstResponse)
        .WithAtRisk(AtRiskThreshold.AtPercentOrBeforeDeadline(75, Duration.FromHours(1)))
        .WithFeedbackScale(1, 5)
        .WithHandoffLimit(2, BreachRemedy.ProactiveMessage("sorry"))
        .Build();

    public static Arbitrary<TimelineCase> Arbitrary() =>
        (from start in Gen.Choose(0, 7 * 24 * 60)
         from steps in Gen.ArrayOf(from step in Gen.Choose(0, 17) from gap in Gen.Choose(0, 2880) select (step, gap))
         from tail in Gen.Choose(0, 4000)
         from probes in Gen.ArrayOf(Gen.Choose(1, 999), 4)
         select Build(start, steps, tail, probes)).ToArbitrary();

    private static TimelineCase Build(int startMinute, (int Step, int Gap)[] steps, int tailMinutes, int[] probes)
    {
        Instant at = At("2025-03-03 00:00") + Duration.FromMinutes(startMinute);
        var facts = new List<TimelineFact> { new InteractionOpened(at, Owner.Person("p0")) };
        bool waiting = false, resolved = false, pending = false;
        int owner = 0;
        foreach ((int step, int gap) in steps)
        {
            at += Duration.FromMinutes(step >= 15 ? gap % 180 : gap); // amendments come soon after, while cycles run
            TimelineFact? fact = step switch
            {
                0 or 1 => new AgentReplied(at),
                2 => new AgentReplied(at, isPublic: false),
                3 or 4 => new CustomerReplied(at),
                5 => new FollowUpPromised(at),
                6 => new FollowUpPromised(at, at + Duration.FromMinutes(gap + 60)),
                7 => new FollowUpPromised(at, DeadlineRule.WithinBusinessTime(Duration.FromHours(2))),
                8 or 9 when waiting => new WaitingEnded(at),
                8 or 9 when !resolved => new WaitingStarted(at, step == 8 ? PauseReason.WaitingOnCustomer : PauseReason.WaitingOnThirdParty),
                10 => new OwnerAssigned(at, Owner.Person("p" + (++owner).ToString(System.Globalization.CultureInfo.InvariantCulture))),
                11 when pending => new AppointmentArrived(at),
                11 => new AppointmentBooked(at, new NodaTime.Interval(at + Duration.FromMinutes(gap / 2), at + Duration.FromMinutes(gap / 2 + 240))),
                12 when resolved => new InteractionReopened(at),
                12 => new InteractionResolved(at),
                13 when gap % 2 == 0 => new FeedbackRequested(at),
                13 => new MilestoneReached(at, "send you a quote"),
                14 => new InteractionCancelled(at),
                15 or 16 => Amend(facts, at, gap, agree: true),
                17 => Amend(facts, at, gap, agree: false),
                _ => null,
            };
            if (fact is null)
            {
                continue;
            }
            facts.Add(fact);
            switch (fact)
            {
                case WaitingStarted: waiting = true; break;
                case WaitingEnded: waiting = false; break;
                case InteractionResolved: resolved = true; waiting = false; pending = false; break;
                case InteractionReopened: resolved = false; break;
                case AppointmentBooked: pending = true; break;
                case AppointmentArrived: pending = false; break;
            }
            if (fact is InteractionCancelled)
            {
                break;
            }
        }
        return new TimelineCase(Timeline.Create("P-1", facts), at + Duration.FromMinutes(tailMinutes), probes);
    }

    /// <summary>An agreed deadline (later or earlier) or a waiver for one of the cycles running at <paramref name="at"/>,
    /// chosen by <paramref name="gap"/>; null when none is running. An agreement needs a cycle not yet breached.</summary>
    private static TimelineFact? Amend(List<TimelineFact> facts, Instant at, int gap, bool agree)
    {
        CommitmentStatus[] running = Evaluator.Evaluate(Timeline.Create("P-1", facts), Policy, at).Commitments
            .Where(c => c.MetAt is null && c.EndedAt is null && (agree ? c.State != CommitmentState.Breached && c.Kind != CommitmentKind.Appointment : true))
            .ToArray();
        if (running.Length == 0)
        {
            return null;
        }
        CommitmentStatus cycle = running[gap % running.Length];
        return agree
            ? new DeadlineAgreed(at, cycle.Kind, cycle.Name, cycle.Cycle, at + Duration.FromMinutes(1 + (gap * 3)), "p0", gap % 2 == 0 ? "agreed" : null)
            : new TargetWaived(at, cycle.Kind, cycle.Name, cycle.Cycle, "p0", gap % 2 == 0 ? "waived" : null);
    }

    public override string ToString() =>
        $"now {Local(Now)}: " + string.Join(", ", Timeline.Select(f => $"{f.GetType().Name}@{Local(f.At)}" + f switch
        {
            DeadlineAgreed a => $"({a.Kind}#{a.Cycle} to {Local(a.Deadline)})",
            TargetWaived w => $"({w.Kind}#{w.Cycle})",
            _ => string.Empty,
        }));
}
