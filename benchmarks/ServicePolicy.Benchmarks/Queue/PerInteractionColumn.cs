// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ServicePolicy.Benchmarks.Queue;

/// <summary>A summary column that divides a benchmark's Mean or Allocated (per operation) by the number of
/// interactions one operation evaluates.</summary>
public sealed class PerInteractionColumn : IColumn
{
    private readonly Func<int> interactions;
    private readonly Measure measure;

    /// <summary>Creates the column.</summary>
    /// <param name="interactions">Interactions per operation (read when the summary is printed).</param>
    /// <param name="measure">What to divide.</param>
    public PerInteractionColumn(Func<int> interactions, Measure measure)
    {
        this.interactions = interactions;
        this.measure = measure;
    }

    /// <summary>What the column divides.</summary>
    public enum Measure
    {
        /// <summary>The mean time per operation.</summary>
        Time,

        /// <summary>The bytes allocated per operation.</summary>
        Allocation,
    }

    /// <inheritdoc/>
    public string Id => nameof(PerInteractionColumn) + measure;

    /// <inheritdoc/>
    public string ColumnName => measure == Measure.Time ? "Time/interaction" : "Alloc/interaction";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => (int)measure;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => measure == Measure.Time
        ? $"Mean divided by the {interactions():N0} interactions of one operation"
        : $"Allocated bytes divided by the {interactions():N0} interactions of one operation";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        BenchmarkReport? report = summary[benchmarkCase];
        if (report is null)
        {
            return "?";
        }
        if (measure == Measure.Time)
        {
            return report.ResultStatistics is { } statistics
                ? string.Create(CultureInfo.InvariantCulture, $"{statistics.Mean / interactions():N1} ns")
                : "?";
        }
        long? bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{(double)b / interactions():N0} B") : "?";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
