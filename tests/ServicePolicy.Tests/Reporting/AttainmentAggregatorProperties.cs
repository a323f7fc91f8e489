// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Reporting;
using Xunit;

namespace ServicePolicy.Tests.Reporting;

/// <summary>Laws of the aggregation over <see cref="SyntheticResults"/>: FsCheck picks the seed, the size and the split;
/// each case aggregates at most a few hundred results (well under a second for the whole class).</summary>
public class AttainmentAggregatorProperties
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly ReportDimension[] InteractionDimensions =
        [ReportDimension.Policy, ReportDimension.Team, ReportDimension.Owner, ReportDimension.Channel, ReportDimension.Tier, ReportDimension.Audience];

    [Property(MaxTest = 200, Replay = "(1701,1703)")]
    public void ToReport_AnyGrouping_SumsToTheWhole(PositiveInt seed, byte size, byte period)
    {
        var reportPeriod = (ReportPeriod)(period % 3);
        AttainmentReport report = SyntheticResults.Aggregate(SyntheticResults.Create(size, seed.Get), London, reportPeriod).ToReport();

        foreach (ReportDimension dimension in Enum.GetValues<ReportDimension>())
        {
            AttainmentRow[] rows = report.RowsOf(dimension).ToArray();
            AttainmentCounts sum = rows.Aggregate(AttainmentCounts.Zero, (total, row) => total.Plus(row.Cycles));
            Assert.Equal(report.Cycles, sum);
            FeedbackRow[] feedback = report.FeedbackRows.Where(r => r.Dimension == dimension).ToArray();
            if (InteractionDimensions.Contains(dimension))
            {
                Assert.Equal(report.Feedback.Count, feedback.Sum(r => r.Scores.Count));
                Assert.Equal(report.Feedback.Sum, feedback.Sum(r => r.Scores.Sum));
                Assert.Equal(report.Interactions, rows.Sum(r => r.Interactions));
                Assert.Equal(report.InteractionsBreached, rows.Sum(r => r.InteractionsBreached));
            }
            else
            {
                Assert.Empty(feedback);
                Assert.All(rows, r => Assert.InRange(r.Interactions, 1, report.Interactions));
                Assert.All(rows, r => Assert.InRange(r.InteractionsBreached, 0, r.Interactions));
            }
        }
        Assert.Equal(report.Cycles.Breaches > 0 || report.HandoffLimitBreaches > 0, report.InteractionsBreached > 0);
        Assert.Equal(report.Feedback.Count, report.Feedback.Distribution.Sum(d => d.Count));
        Assert.Equal(report.Feedback.Sum, report.Feedback.Distribution.Sum(d => d.Score * d.Count));
    }

    [Property(MaxTest = 200, Replay = "(1705,1707)")]
    public void ToReport_Percentiles_AreMonotone(PositiveInt seed, byte size)
    {
        AttainmentReport report = SyntheticResults.Aggregate(SyntheticResults.Create(size, seed.Get), London, ReportPeriod.Week).ToReport();

        foreach (TimeToMeet timing in report.TimeToMeet)
        {
            foreach (DurationPercentiles p in new[] { timing.OnClock, timing.Elapsed })
            {
                Assert.True(p.P50 <= p.P90 && p.P90 <= p.P99 && p.P99 <= p.Max, $"{timing.Kind}: {p}");
            }
        }
    }

    [Property(MaxTest = 100, Replay = "(1709,1711)")]
    public void Merge_TwoParts_EqualsAggregatingTheUnion(PositiveInt seed, byte size, byte split)
    {
        var results = SyntheticResults.Create(size, seed.Get);
        int at = results.Count == 0 ? 0 : split % (results.Count + 1);
        AttainmentAggregator whole = SyntheticResults.Aggregate(results, London, ReportPeriod.Month);
        AttainmentAggregator first = SyntheticResults.Aggregate(results.Take(at), London, ReportPeriod.Month);
        AttainmentAggregator second = SyntheticResults.Aggregate(results.Skip(at), London, ReportPeriod.Month);

        first.Merge(second);

        Assert.Equal(Json(whole.ToReport()), Json(first.ToReport()));
        Assert.Equal(results.Count, first.Count);
    }

    [Property(MaxTest = 300, Replay = "(1713,1715)")]
    public void Histogram_Percentile_IsNearestRankWithinOneSixtyFourth(PositiveInt seed, byte size)
    {
        var random = new Random(seed.Get);
        long[] values = Enumerable.Range(0, size + 1).Select(_ => random.NextInt64(0, 1L << random.Next(1, 40))).ToArray();
        var histogram = new DurationHistogram();
        foreach (long ms in values)
        {
            histogram.Add(Duration.FromMilliseconds(ms));
        }
        Array.Sort(values);

        DurationPercentiles p = histogram.ToPercentiles();

        Assert.Equal(values[^1], (long)p.Max.TotalMilliseconds);
        foreach ((int permille, TimeSpan reported) in new[] { (500, p.P50), (900, p.P90), (990, p.P99) })
        {
            long exact = values[Math.Max(1, ((values.Length * permille) + 999) / 1000) - 1];
            Assert.InRange((long)reported.TotalMilliseconds, exact, exact + (exact / 64));
        }
    }

    private static string Json(AttainmentReport report) => JsonSerializer.Serialize(report);
}
