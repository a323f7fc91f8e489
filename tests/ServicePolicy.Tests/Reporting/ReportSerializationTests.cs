// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json;
using ServicePolicy.Reporting;
using Xunit;

namespace ServicePolicy.Tests.Reporting;

/// <summary>Reports as JSON (System.Text.Json, no options) and as CSV (RFC 4180, invariant culture).</summary>
public class ReportSerializationTests
{
    private static readonly AttainmentReport Report = ReportingScenario.Aggregate(ReportingScenario.Policy()).ToReport();

    [Fact]
    public void Json_AttainmentReport_RoundTrips()
    {
        string json = JsonSerializer.Serialize(Report);

        AttainmentReport back = JsonSerializer.Deserialize<AttainmentReport>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(Report.Cycles, back.Cycles);
        Assert.Equal(Report.Rows, back.Rows);
        Assert.Equal(Report.TimeToMeet, back.TimeToMeet);
        Assert.Equal(Report.RemediesDue, back.RemediesDue);
    }

    [Fact]
    public void Json_AttainmentReport_NamesEnumsAndLeavesDerivedValuesOut()
    {
        string json = JsonSerializer.Serialize(Report);

        Assert.Contains("\"Period\":\"Day\"", json);
        Assert.Contains("\"Dimension\":\"Kind\"", json);
        Assert.Contains("\"Kind\":\"Credit\",\"Currency\":\"GBP\",\"Count\":2,\"Amount\":20", json);
        Assert.DoesNotContain("OnTimeShare", json);
    }

    [Fact]
    public void Json_PolicyImpactReport_RoundTrips()
    {
        var eight = new ServicePolicy.Policies.ServiceLevelPolicySet([], ReportingScenario.Policy(8));
        var four = new ServicePolicy.Policies.ServiceLevelPolicySet([], ReportingScenario.Policy(4, 2));
        PolicyImpactReport impact = PolicyImpactPreview.Compare(ReportingScenario.Tickets().Select(t => t.Timeline), eight, four,
            new PolicyImpactSettings(Commitments.UkTime.Zone, now: ReportingScenario.Now));
        string json = JsonSerializer.Serialize(impact);

        PolicyImpactReport back = JsonSerializer.Deserialize<PolicyImpactReport>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(impact.BreachesGained, back.BreachesGained);
    }

    [Fact]
    public void WriteRows_Scenario_MatchesTheGoldenCsv()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteRows(Report, writer);

        Assert.Equal(
            """
            dimension,key,cycles,met_on_time,met_late,breached,open_at_risk,open_on_track,cancelled,waived,met_early,on_time_share,interactions,interactions_breached
            Total,,7,2,1,1,1,1,1,0,0,0.5,7,2
            Kind,FirstResponse,7,2,1,1,1,1,1,0,0,0.5,7,2
            Policy,desk v1,7,2,1,1,1,1,1,0,0,0.5,7,2
            Team,,1,0,0,1,0,0,0,0,0,0,1,1
            Team,billing,2,1,0,0,1,0,0,0,0,1,2,0
            Team,support,4,1,1,0,0,1,1,0,0,0.5,4,1
            Owner,person:alice,1,0,0,1,0,0,0,0,0,0,1,1
            Owner,team:billing,2,1,0,0,1,0,0,0,0,1,2,0
            Owner,team:support,4,1,1,0,0,1,1,0,0,0.5,4,1
            Channel,chat,2,1,0,0,1,0,0,0,0,1,2,0
            Channel,email,3,1,1,0,0,1,0,0,0,0.5,3,1
            Channel,phone,1,0,0,1,0,0,0,0,0,0,1,1
            Channel,web,1,0,0,0,0,0,1,0,0,,1,0
            Tier,,1,0,0,0,1,0,0,0,0,,1,0
            Tier,gold,2,2,0,0,0,0,0,0,0,1,2,0
            Tier,standard,4,0,1,1,0,1,1,0,0,0,4,2
            Audience,external,6,2,1,1,0,1,1,0,0,0.5,6,2
            Audience,internal,1,0,0,0,1,0,0,0,0,,1,0
            Period,2025-03-10,5,2,1,1,0,0,1,0,0,0.5,5,2
            Period,2025-03-11,2,0,0,0,1,1,0,0,0,,2,0

            """.ReplaceLineEndings("\r\n"),
            writer.ToString());
    }

    [Fact]
    public void WriteTimeToMeet_Scenario_MatchesTheGoldenCsv()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);

        ReportCsv.WriteTimeToMeet(Report, writer);

        // 2h and 5h are reported as the tops of their buckets (within 1/64); the largest values exactly.
        Assert.Equal(
            """
            kind,clock,count,p50_seconds,p90_seconds,p99_seconds,max_seconds
            FirstResponse,on_clock,3,7208.959,18000,18000,18000
            FirstResponse,elapsed,3,18087.935,64800,64800,64800

            """.ReplaceLineEndings("\r\n"),
            writer.ToString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nfeed", "\"line\nfeed\"")]
    [InlineData(" padded", "\" padded\"")]
    public void Field_Text_QuotedAsRfc4180Says(string? value, string expected)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);

        new CsvWriter(writer).Field(value).Field(1.5).EndRecord();

        Assert.Equal(expected + ",1.5\r\n", writer.ToString());
    }

    [Fact]
    public void Field_Numbers_InvariantCultureWhateverTheCurrentCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var writer = new StringWriter(CultureInfo.GetCultureInfo("de-DE"));

            new CsvWriter(writer).Field(1234567L).Field(12.5m).Field(0.125).Field((double?)null).EndRecord();

            Assert.Equal("1234567,12.5,0.125,\r\n", writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
