// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// A milestone that recurs, as Salesforce milestones do: "call you back within 2 business hours" (UK office, Mon-Fri
/// 09:00-17:00) on a ticket opened on Monday 10 March 2025 at 09:00. Facts and instants without a date are on that
/// Monday: "reached" is a <see cref="MilestoneReached"/>, "started" a <see cref="MilestoneStarted"/>. Each cycle reads
/// "number state deadline" (the deadline's time, and its date when not that Monday).
/// </summary>
public class MilestoneRecurrenceScenarioTests
{
    private const string Monday = "2025-03-10 ";

    [Theory]
    //          recurrence                       facts                                                        evaluated at        cycles
    [InlineData(MilestoneRecurrence.None,        "",                                                          "10:00",            "0 OnTrack 11:00")]
    [InlineData(MilestoneRecurrence.None,        "reached 10:00, reached 10:30",                              "12:00",            "0 Met 11:00")]
    [InlineData(MilestoneRecurrence.None,        "started 10:00",                                             "10:00",            "0 OnTrack 11:00")]
    // Sequential: each cycle met starts the next at that instant, while the ticket is open.
    [InlineData(MilestoneRecurrence.Sequential,  "",                                                          "11:00+1ns",        "0 Breached 11:00")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 10:00",                                             "10:15",            "0 Met 11:00 | 1 OnTrack 12:00")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 10:00, reached 11:30",                              "11:45",            "0 Met 11:00 | 1 Met 12:00 | 2 OnTrack 13:30")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 12:00",                                             "12:15",            "0 MetLate 11:00 | 1 OnTrack 14:00")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 16:00",                                             "16:15",            "0 MetLate 11:00 | 1 OnTrack 2025-03-11 10:00")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 10:00, started 10:30",                              "10:45",            "0 Met 11:00 | 1 OnTrack 12:00")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 10:00, resolved 10:30, reached 10:45",              "14:00",            "0 Met 11:00 | 1 Cancelled 12:00")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 10:00, resolved 10:30, reopened 2025-03-11 09:00",  "2025-03-11 09:15", "0 Met 11:00 | 1 Cancelled 12:00 | 2 OnTrack 2025-03-11 11:00")]
    [InlineData(MilestoneRecurrence.Sequential,  "reached 10:00, cancelled 10:30",                            "14:00",            "0 Met 11:00 | 1 Cancelled 12:00")]
    // Independent: no cycle at the opening; each occurrence started is its own cycle; a milestone reached meets the oldest.
    [InlineData(MilestoneRecurrence.Independent, "",                                                          "10:00",            "")]
    [InlineData(MilestoneRecurrence.Independent, "reached 09:30",                                             "10:00",            "")]
    [InlineData(MilestoneRecurrence.Independent, "started 10:00",                                             "10:15",            "0 OnTrack 12:00")]
    [InlineData(MilestoneRecurrence.Independent, "started 10:00, started 10:30, reached 11:00",               "11:15",            "0 Met 12:00 | 1 OnTrack 12:30")]
    [InlineData(MilestoneRecurrence.Independent, "started 10:00, started 10:30, reached 11:00, reached 11:15", "11:30",           "0 Met 12:00 | 1 Met 12:30")]
    [InlineData(MilestoneRecurrence.Independent, "started 10:00, started 12:30",                              "12:45",            "0 Breached 12:00 | 1 OnTrack 14:30")]
    [InlineData(MilestoneRecurrence.Independent, "started 10:00, started 12:30, reached 12:45",               "13:00",            "0 MetLate 12:00 | 1 OnTrack 14:30")]
    [InlineData(MilestoneRecurrence.Independent, "started 10:00, resolved 10:30, started 10:45",              "14:00",            "0 Cancelled 12:00")]
    public void RecurringMilestone(MilestoneRecurrence recurrence, string facts, string evaluatedAt, string cycles)
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Callbacks", 1, Office)
            .AddTarget(ServiceTarget.Custom("call you back", DeadlineRule.WithinBusinessTime(Duration.FromHours(2))).WithRecurrence(recurrence))
            .WithAtRisk(AtRiskThreshold.AtPercent(90))
            .Build();
        var timeline = new List<TimelineFact> { new InteractionOpened(At(Monday + "09:00"), Owner.Person("alice")) };
        foreach (string fact in facts.Split(", ", StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = fact.Split(' ', 2);
            Instant at = When(parts[1]);
            timeline.Add(parts[0] switch
            {
                "reached" => new MilestoneReached(at, "call you back"),
                "started" => new MilestoneStarted(at, "call you back"),
                "resolved" => new InteractionResolved(at),
                "reopened" => new InteractionReopened(at),
                "cancelled" => new InteractionCancelled(at),
                _ => throw new ArgumentException(fact, nameof(facts)),
            });
        }
        Instant now = When(evaluatedAt);

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-13", timeline).AsOf(now), policy, now);

        Assert.Equal(cycles, string.Join(" | ", result.Commitments
            .Where(c => c.Kind == CommitmentKind.Custom)
            .Select(c => $"{c.Cycle} {c.State} {Local(c.Deadline).Replace(Monday, string.Empty, StringComparison.Ordinal)}")));
    }

    // Opened as normal (no callback promise); callbacks at 10:00 and 10:20; made urgent (callbacks within 2 business
    // hours) at 10:30; an occurrence started at 10:50; a callback at 11:00; evaluated at 11:15.
    [Theory]
    //          recurrence                       urgent policy starts      cycles
    [InlineData(MilestoneRecurrence.Sequential,  TargetStart.Retroactive,  "0 Met 12:20 | 1 OnTrack 13:00")] // from the last callback
    [InlineData(MilestoneRecurrence.Sequential,  TargetStart.FromChange,   "0 Met 12:30 | 1 OnTrack 13:00")]
    [InlineData(MilestoneRecurrence.Independent, TargetStart.Retroactive,  "0 Met 12:50")]                   // waits for an occurrence
    [InlineData(MilestoneRecurrence.None,        TargetStart.Retroactive,  "")]                              // already reached
    public void MadeUrgent_ARecurringMilestoneOfTheNewPolicy(MilestoneRecurrence recurrence, TargetStart start, string cycles)
    {
        var normal = new InteractionProfile(priority: "normal");
        var policies = new ServiceLevelPolicySet(
            [ServiceLevelPolicy.CreateBuilder("Urgent", 1, Office)
                .AppliesTo(Applicability.Any.WithPriorities("urgent"))
                .AddTarget(ServiceTarget.Custom("call you back", DeadlineRule.WithinBusinessTime(Duration.FromHours(2))).WithRecurrence(recurrence))
                .WithTargetStart(start)
                .WithAtRisk(AtRiskThreshold.AtPercent(90))
                .Build()],
            ServiceLevelPolicy.CreateBuilder("Normal", 1, Office)
                .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
                .Build());
        Timeline timeline = Timeline.Create("T-13",
        [
            new InteractionOpened(When("09:00"), Owner.Person("alice"), normal),
            new MilestoneReached(When("10:00"), "call you back"),
            new MilestoneReached(When("10:20"), "call you back"),
            new ProfileChanged(When("10:30"), normal.WithPriority("urgent")),
            new MilestoneStarted(When("10:50"), "call you back"),
            new MilestoneReached(When("11:00"), "call you back"),
        ]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policies, When("11:15"));

        Assert.Equal(cycles, string.Join(" | ", result.Commitments
            .Where(c => c.Kind == CommitmentKind.Custom)
            .Select(c => $"{c.Cycle} {c.State} {Local(c.Deadline).Replace(Monday, string.Empty, StringComparison.Ordinal)}")));
    }

    [Fact]
    public void WithRecurrence_OnlyForCustomTargets_AndKeptByTheOtherCopies()
    {
        ServiceTarget quote = ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(8)));
        Assert.Equal(MilestoneRecurrence.None, quote.Recurrence);
        ServiceTarget recurring = quote.WithRecurrence(MilestoneRecurrence.Independent)
            .WithCalendar(Office)
            .WithAtRisk(AtRiskThreshold.AtPercent(75))
            .WithRemedies(BreachRemedy.Apology())
            .WithHours(TargetHours.Customer)
            .WithDelayNotice("running-late")
            .WithName("send you a revised quote");
        Assert.Equal(MilestoneRecurrence.Independent, recurring.Recurrence);

        ServiceTarget resolution = ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)));
        Assert.Equal(MilestoneRecurrence.None, resolution.WithRecurrence(MilestoneRecurrence.None).Recurrence);
        var e = Assert.Throws<ArgumentException>(() => resolution.WithRecurrence(MilestoneRecurrence.Sequential));
        Assert.Equal("recurrence", e.ParamName);
        Assert.StartsWith("Only a custom target (a milestone) recurs; Resolution: ", e.Message, StringComparison.Ordinal);
        Assert.Equal("recurrence", Assert.Throws<ArgumentOutOfRangeException>(() => quote.WithRecurrence((MilestoneRecurrence)3)).ParamName);
    }

    private static Instant When(string local) =>
        ServicePolicy.Tests.Escalation.Ladder.When(local.Length <= 9 || !local.StartsWith("20", StringComparison.Ordinal) ? Monday + local : local);
}
