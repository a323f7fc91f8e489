// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;
using Xunit;
using static ServicePolicy.Reporting.ReportDimension;

namespace ServicePolicy.Tests.Reporting;

/// <summary>The hand-computed figures of <see cref="ReportingScenario"/>.</summary>
public class AttainmentAggregatorTests
{
    private static readonly AttainmentReport Report = ReportingScenario.Aggregate(ReportingScenario.Policy()).ToReport();

    [Fact]
    public void ToReport_Scenario_TotalsByAttainment()
    {
        Assert.Equal(new AttainmentCounts(metOnTime: 2, metLate: 1, breached: 1, openAtRisk: 1, openOnTrack: 1, cancelled: 1), Report.Cycles);
        Assert.Equal(7, Report.Interactions);
        Assert.Equal(2, Report.InteractionsBreached);   // T-2 (late) and T-5
        Assert.Equal(0, Report.HandoffLimitBreaches);
        Assert.Equal(2, Report.Cycles.Breaches);
        Assert.Equal(2.0 / 4, Report.Cycles.OnTimeShare);
        Assert.Equal("Europe/London", Report.Zone);
    }

    [Theory]
    //          dimension  key               on time late breached at risk on track cancelled interactions breached
    [InlineData(Kind,      "FirstResponse",  2,      1,   1,       1,      1,       1,        7,           2)]
    [InlineData(Policy,    "desk v1",        2,      1,   1,       1,      1,       1,        7,           2)]
    [InlineData(Team,      "support",        1,      1,   0,       0,      1,       1,        4,           1)]
    [InlineData(Team,      "billing",        1,      0,   0,       1,      0,       0,        2,           0)]
    [InlineData(Team,      "",               0,      0,   1,       0,      0,       0,        1,           1)] // alice: a person, no team given
    [InlineData(Owner,     "person:alice",   0,      0,   1,       0,      0,       0,        1,           1)]
    [InlineData(Owner,     "team:support",   1,      1,   0,       0,      1,       1,        4,           1)]
    [InlineData(Channel,   "email",          1,      1,   0,       0,      1,       0,        3,           1)]
    [InlineData(Channel,   "chat",           1,      0,   0,       1,      0,       0,        2,           0)]
    [InlineData(Channel,   "phone",          0,      0,   1,       0,      0,       0,        1,           1)]
    [InlineData(Channel,   "web",            0,      0,   0,       0,      0,       1,        1,           0)]
    [InlineData(Tier,      "gold",           2,      0,   0,       0,      0,       0,        2,           0)]
    [InlineData(Tier,      "standard",       0,      1,   1,       0,      1,       1,        4,           2)]
    [InlineData(Tier,      "",               0,      0,   0,       1,      0,       0,        1,           0)]
    [InlineData(Audience,  "internal",       0,      0,   0,       1,      0,       0,        1,           0)]
    [InlineData(Audience,  "external",       2,      1,   1,       0,      1,       1,        6,           2)]
    [InlineData(ReportDimension.Period, "2025-03-10",     2,      1,   1,       0,      0,       1,        5,           2)]
    [InlineData(ReportDimension.Period, "2025-03-11",     0,      0,   0,       1,      1,       0,        2,           0)]
    public void ToReport_Scenario_RowPerGroup(ReportDimension dimension, string key, long onTime, long late, long breached,
        long atRisk, long onTrack, long cancelled, long interactions, long interactionsBreached)
    {
        AttainmentRow row = Report.Find(dimension, key) ?? throw new Xunit.Sdk.XunitException($"No row {dimension} '{key}'.");

        Assert.Equal(new AttainmentCounts(onTime, late, breached, atRisk, onTrack, cancelled), row.Cycles);
        Assert.Equal((interactions, interactionsBreached), (row.Interactions, row.InteractionsBreached));
    }

    [Fact]
    public void ToReport_Scenario_RowsOfEachDimensionAreAllTheRows()
    {
        Assert.Equal(["FirstResponse"], Report.RowsOf(Kind).Select(r => r.Key));
        Assert.Equal(["", "billing", "support"], Report.RowsOf(Team).Select(r => r.Key));
        Assert.Equal(["chat", "email", "phone", "web"], Report.RowsOf(Channel).Select(r => r.Key));
        Assert.Equal(["2025-03-10", "2025-03-11"], Report.RowsOf(ReportDimension.Period).Select(r => r.Key));
    }

    [Fact]
    public void ToReport_Scenario_TimeToMeetIsNearestRankWithinTheBucketError()
    {
        // Met cycles: on the clock 1h, 5h, 2h; elapsed 1h, 5h, 18h (T-3 waited overnight). Nearest rank of 3 values:
        // p50 is the 2nd, p90 and p99 the 3rd. A percentile is at most 1/64 above the exact value and never above max.
        TimeToMeet timing = Assert.Single(Report.TimeToMeet);
        Assert.Equal("FirstResponse", timing.Kind);
        Assert.Equal(3, timing.OnClock.Count);
        AssertNear(TimeSpan.FromHours(2), timing.OnClock.P50);
        Assert.Equal(TimeSpan.FromHours(5), timing.OnClock.P90);
        Assert.Equal(TimeSpan.FromHours(5), timing.OnClock.P99);
        Assert.Equal(TimeSpan.FromHours(5), timing.OnClock.Max);
        AssertNear(TimeSpan.FromHours(5), timing.Elapsed.P50);
        Assert.Equal(TimeSpan.FromHours(18), timing.Elapsed.P90);
        Assert.Equal(TimeSpan.FromHours(18), timing.Elapsed.Max);
    }

    [Fact]
    public void ToReport_Scenario_RemediesDueByKindAndCurrency()
    {
        Assert.Equal(
            [new RemedyTotal(RemedyKind.Apology, null, 2, 0m), new RemedyTotal(RemedyKind.Credit, "GBP", 2, 20m)],
            Report.RemediesDue);
    }

    [Theory]
    [InlineData(ReportPeriod.Week, "2025-03-10", 7)]
    [InlineData(ReportPeriod.Month, "2025-03-01", 7)]
    public void ToReport_LongerPeriod_KeyedByItsFirstDate(ReportPeriod period, string key, long cycles)
    {
        AttainmentReport report = ReportingScenario.Aggregate(ReportingScenario.Policy(), period).ToReport();

        AttainmentRow row = Assert.Single(report.RowsOf(ReportDimension.Period));
        Assert.Equal((key, cycles), (row.Key, row.Cycles.Total));
    }

    [Fact]
    public void ToReport_Empty_HasZeroCountsAndNoRows()
    {
        AttainmentReport report = new AttainmentAggregator(DateTimeZone.Utc).ToReport();

        Assert.Equal(AttainmentCounts.Zero, report.Cycles);
        Assert.Empty(report.Rows);
        Assert.Empty(report.TimeToMeet);
        Assert.Equal(0, report.Interactions);
    }

    [Fact]
    public void Add_TeamGiven_OverridesTheOwnersTeam()
    {
        var aggregator = new AttainmentAggregator(DateTimeZone.Utc);
        (ServicePolicy.Evaluation.Timeline timeline, InteractionProfile profile) = ReportingScenario.Tickets()[4];   // alice's

        aggregator.Add(ServicePolicy.Evaluation.Evaluator.Evaluate(timeline, ReportingScenario.Policy(), ReportingScenario.Now), profile, "billing");

        Assert.Equal(["billing"], aggregator.ToReport().RowsOf(Team).Select(r => r.Key));
    }

    [Fact]
    public void Merge_DifferentZone_Throws()
    {
        var aggregator = new AttainmentAggregator(DateTimeZone.Utc);

        ArgumentException e = Assert.Throws<ArgumentException>(() => aggregator.Merge(new AttainmentAggregator(Commitments.UkTime.Zone)));
        Assert.Equal("other", e.ParamName);
        Assert.Contains("Europe/London", e.Message);
    }

    [Fact]
    public void Merge_Itself_Throws()
    {
        var aggregator = new AttainmentAggregator(DateTimeZone.Utc);

        Assert.Throws<ArgumentException>(() => aggregator.Merge(aggregator));
    }

    private static void AssertNear(TimeSpan exact, TimeSpan reported) =>
        Assert.InRange(reported, exact, exact + TimeSpan.FromTicks(exact.Ticks / 64));
}
