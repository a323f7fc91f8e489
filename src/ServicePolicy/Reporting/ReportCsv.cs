// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.IO;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>Writes an <see cref="AttainmentReport"/>'s tables as CSV (RFC 4180, invariant culture, CRLF), with a
/// header record each; see docs/reporting.md for the columns.</summary>
public static class ReportCsv
{
    /// <summary>The header of <see cref="WriteRows"/>.</summary>
    public const string RowsHeader = "dimension,key,cycles,met_on_time,met_late,breached,open_at_risk,open_on_track,cancelled,waived,met_early,on_time_share,interactions,interactions_breached";

    /// <summary>The header of <see cref="WriteTimeToMeet"/>.</summary>
    public const string TimeToMeetHeader = "kind,clock,count,p50_seconds,p90_seconds,p99_seconds,max_seconds";

    /// <summary>Writes the total (dimension <c>Total</c>, empty key) and then every row of the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; not disposed.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static void WriteRows(AttainmentReport report, TextWriter writer)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(writer);
        var csv = new CsvWriter(writer);
        Header(csv, RowsHeader);
        Row(csv, "Total", string.Empty, report.Cycles, report.Interactions, report.InteractionsBreached);
        foreach (AttainmentRow row in report.Rows)
        {
            Row(csv, row.Dimension.ToString(), row.Key, row.Cycles, row.Interactions, row.InteractionsBreached);
        }
    }

    /// <summary>Writes the time to meet of each kind: a record for the commitment's clock (<c>on_clock</c>) and one for
    /// elapsed time (<c>elapsed</c>), durations in seconds with up to three decimals.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; not disposed.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static void WriteTimeToMeet(AttainmentReport report, TextWriter writer)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(writer);
        var csv = new CsvWriter(writer);
        Header(csv, TimeToMeetHeader);
        foreach (TimeToMeet timing in report.TimeToMeet)
        {
            Percentiles(csv, timing.Kind, "on_clock", timing.OnClock);
            Percentiles(csv, timing.Kind, "elapsed", timing.Elapsed);
        }
    }

    private static void Header(CsvWriter csv, string header)
    {
        foreach (string column in header.Split(','))
        {
            csv.Field(column);
        }
        csv.EndRecord();
    }

    private static void Row(CsvWriter csv, string dimension, string key, AttainmentCounts cycles, long interactions, long breached) =>
        csv.Field(dimension).Field(key).Field(cycles.Total).Field(cycles.MetOnTime).Field(cycles.MetLate).Field(cycles.Breached)
            .Field(cycles.OpenAtRisk).Field(cycles.OpenOnTrack).Field(cycles.Cancelled).Field(cycles.Waived).Field(cycles.MetEarly).Field(cycles.OnTimeShare)
            .Field(interactions).Field(breached).EndRecord();

    private static void Percentiles(CsvWriter csv, string kind, string clock, DurationPercentiles p) =>
        csv.Field(kind).Field(clock).Field(p.Count).Field(p.P50.TotalSeconds).Field(p.P90.TotalSeconds)
            .Field(p.P99.TotalSeconds).Field(p.Max.TotalSeconds).EndRecord();
}
