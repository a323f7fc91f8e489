// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;
using Xunit;
using static ServicePolicy.Reporting.ReportDimension;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Reporting;

/// <summary>
/// Remedies given and feedback scores in the report (issues 14 and 17): four tickets of a UK office under a policy of a
/// first response within 4 business hours, whose breach owes an apology within 1 business hour (so by Monday 14:00 for
/// a ticket opened Monday 09:00) and a 10 GBP credit, with feedback on a 1-5 scale; evaluated at Tuesday 12:30:
/// <code>
/// ticket  owner         channel  first response     apology given         credit given           feedback
/// A-1     team:support  email    met late Mon 15:00 Mon 13:30 (on time)   Mon 14:00, 12 GBP      5
/// A-2     team:support  chat     met late Mon 16:00 Mon 15:00 (late)      -                      2, 3
/// A-3     team:billing  email    met Mon 10:00      (not due)             (not due)              4
/// A-4     person:alice  phone    breached           - (overdue)           -                      -
/// </code>
/// </summary>
public class AmendsAggregationTests
{
    private static readonly Instant Now = At("2025-03-11 12:30");

    private static ServiceLevelPolicy Policy() => ServiceLevelPolicy.CreateBuilder("amends", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .WithRemedies(BreachRemedy.Apology().WithDeadline(DeadlineRule.WithinBusinessTime(Duration.FromHours(1))), BreachRemedy.Credit(10, "GBP")))
        .WithFeedbackScale(1, 5)
        .Build();

    private static ActionKey Apology(string id) => ActionKey.Parse(id + "/FirstResponse/0/remedy/0");

    private static ActionKey Credit(string id) => ActionKey.Parse(id + "/FirstResponse/0/remedy/1");

    private static IEnumerable<(Timeline Timeline, InteractionProfile Profile)> Tickets()
    {
        yield return Ticket("A-1", ServicePolicy.Commitments.Owner.Team("support"), "email",
            new RemedyGiven(At("2025-03-10 13:30"), Apology("A-1")),
            new RemedyGiven(At("2025-03-10 14:00"), Credit("A-1"), 12m, "GBP"),
            new AgentReplied(At("2025-03-10 15:00")),
            new FeedbackReceived(At("2025-03-10 16:00"), 5, "sorted in the end"));
        yield return Ticket("A-2", ServicePolicy.Commitments.Owner.Team("support"), "chat",
            new RemedyGiven(At("2025-03-10 15:00"), Apology("A-2")),
            new AgentReplied(At("2025-03-10 16:00")),
            new FeedbackReceived(At("2025-03-10 16:10"), 2),
            new FeedbackReceived(At("2025-03-11 09:00"), 3));
        yield return Ticket("A-3", ServicePolicy.Commitments.Owner.Team("billing"), "email",
            new AgentReplied(At("2025-03-10 10:00")),
            new FeedbackReceived(At("2025-03-10 11:00"), 4));
        yield return Ticket("A-4", ServicePolicy.Commitments.Owner.Person("alice"), "phone");
    }

    private static (Timeline, InteractionProfile) Ticket(string id, ServicePolicy.Commitments.Owner owner, string channel, params TimelineFact[] facts)
    {
        var profile = new InteractionProfile(channel);
        return (Timeline.Create(id, [new InteractionOpened(At("2025-03-10 09:00"), owner, profile), .. facts]), profile);
    }

    private static AttainmentReport Report(IEnumerable<(Timeline Timeline, InteractionProfile Profile)> tickets)
    {
        var aggregator = new AttainmentAggregator(Zone);
        foreach ((Timeline timeline, InteractionProfile profile) in tickets)
        {
            aggregator.Add(Evaluator.Evaluate(timeline, Policy(), Now), profile);
        }
        return aggregator.ToReport();
    }

    [Fact]
    public void ToReport_RemediesGivenAgainstRemediesDue()
    {
        AttainmentReport report = Report(Tickets());

        // Owed: an apology and a credit for each of.
        Assert.Equal([new RemedyTotal(RemedyKind.Apology, null, 1, 0m), new RemedyTotal(RemedyKind.Credit, "GBP", 2, 20m)], report.RemediesDue);
        Assert.Equal([new RemedyTotal(RemedyKind.Apology, null, 2, 0m), new RemedyTotal(RemedyKind.Credit, "GBP", 1, 12m)], report.RemediesGiven);
        Assert.Equal(1, report.RemediesGivenLate);   // A-2's apology, at 15:00 for 14:00
        Assert.Equal(1, report.RemediesOverdue);     // A-4's apology, due by Monday 14:00
    }

    [Fact]
    public void ToReport_FeedbackScoresInTotal()
    {
        FeedbackScores total = Report(Tickets()).Feedback;

        Assert.Equal((4, 14, 3.5), (total.Count, total.Sum, total.Mean!.Value));
        Assert.Equal([new ScoreCount(2, 1), new ScoreCount(3, 1), new ScoreCount(4, 1), new ScoreCount(5, 1)], total.Distribution);
    }

    [Theory]
    //          dimension  key              answers sum  mean  distribution (score:count)
    [InlineData(Team,      "support",       3,      10,  10.0 / 3, "2:1 3:1 5:1")]
    [InlineData(Team,      "billing",       1,      4,   4.0,      "4:1")]
    [InlineData(ReportDimension.Owner, "team:support",  3,      10,  10.0 / 3, "2:1 3:1 5:1")]
    [InlineData(ReportDimension.Owner, "team:billing",  1,      4,   4.0,      "4:1")]
    [InlineData(Channel,   "email",         2,      9,   4.5,      "4:1 5:1")]
    [InlineData(Channel,   "chat",          2,      5,   2.5,      "2:1 3:1")]
    [InlineData(ReportDimension.Policy, "amends v1",     4,      14,  3.5,      "2:1 3:1 4:1 5:1")]
    [InlineData(Audience,  "external",      4,      14,  3.5,      "2:1 3:1 4:1 5:1")]
    public void ToReport_FeedbackScoresPerGroup(ReportDimension dimension, string key, long count, long sum, double mean, string distribution)
    {
        FeedbackRow row = Assert.Single(Report(Tickets()).FeedbackRows, r => r.Dimension == dimension && r.Key == key);

        Assert.Equal((count, sum), (row.Scores.Count, row.Scores.Sum));
        Assert.Equal(mean, row.Scores.Mean!.Value, 12);
        Assert.Equal(distribution, string.Join(" ", row.Scores.Distribution.Select(d => $"{d.Score}:{d.Count}")));
    }

    [Fact]
    public void ToReport_GroupsWithoutAnswers_HaveNoFeedbackRow()
    {
        AttainmentReport report = Report(Tickets());

        Assert.DoesNotContain(report.FeedbackRows, r => r.Key == "person:alice" || r.Key == "phone");
        Assert.DoesNotContain(report.FeedbackRows, r => r.Dimension is Kind or ReportDimension.Period);
        Assert.Equal(["billing", "support"], report.FeedbackRows.Where(r => r.Dimension == Team).Select(r => r.Key));
    }

    [Fact]
    public void ToReport_NoAnswers_EmptyFeedback()
    {
        AttainmentReport report = Report(Tickets().Skip(3));

        Assert.Equal((0, (double?)null), (report.Feedback.Count, report.Feedback.Mean));
        Assert.Empty(report.FeedbackRows);
        Assert.Empty(report.RemediesGiven);
    }

    [Fact]
    public void Merge_TwoHalves_EqualsTheWhole()
    {
        var first = new AttainmentAggregator(Zone);
        var second = new AttainmentAggregator(Zone);
        int i = 0;
        foreach ((Timeline timeline, InteractionProfile profile) in Tickets())
        {
            (i++ % 2 == 0 ? first : second).Add(Evaluator.Evaluate(timeline, Policy(), Now), profile);
        }

        first.Merge(second);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Report(Tickets())), System.Text.Json.JsonSerializer.Serialize(first.ToReport()));
    }

    [Fact]
    public void Report_RoundTripsThroughJson()
    {
        AttainmentReport report = Report(Tickets());

        AttainmentReport back = System.Text.Json.JsonSerializer.Deserialize<AttainmentReport>(System.Text.Json.JsonSerializer.Serialize(report))!;

        Assert.Equal(report.RemediesGiven, back.RemediesGiven);
        Assert.Equal((report.RemediesGivenLate, report.RemediesOverdue), (back.RemediesGivenLate, back.RemediesOverdue));
        Assert.Equal((report.Feedback.Count, report.Feedback.Sum), (back.Feedback.Count, back.Feedback.Sum));
        Assert.Equal(report.Feedback.Distribution, back.Feedback.Distribution);
        Assert.Equal(report.FeedbackRows.Select(r => (r.Dimension, r.Key, r.Scores.Count, r.Scores.Sum)),
            back.FeedbackRows.Select(r => (r.Dimension, r.Key, r.Scores.Count, r.Scores.Sum)));
    }
}
