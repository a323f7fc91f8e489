// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace ServicePolicy.Hosting.Load;

/// <summary>The result of a scenario: rows of a two-column table, printed as Markdown.</summary>
public sealed class Report
{
    private readonly List<(string Name, string Value)> rows = [];

    /// <summary>Gets the report's title.</summary>
    public required string Title { get; init; }

    /// <summary>Adds a row.</summary>
    /// <param name="name">What.</param>
    /// <param name="value">How much.</param>
    public void Add(string name, string value) => rows.Add((name, value));

    /// <summary>Adds a row with a number.</summary>
    /// <param name="name">What.</param>
    /// <param name="value">How much.</param>
    /// <param name="unit">The unit, after the number.</param>
    public void Add(string name, double value, string unit) =>
        rows.Add((name, value.ToString(value >= 100 || value == Math.Floor(value) ? "N0" : "N2", CultureInfo.InvariantCulture) + (unit.Length == 0 ? "" : " " + unit)));

    /// <summary>The p-th percentile (nearest rank) of some values.</summary>
    /// <param name="sorted">The values, sorted ascending; not empty.</param>
    /// <param name="p">The percentile, 0 to 100.</param>
    /// <returns>The value.</returns>
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The machine's load averages (1, 5, 15 minutes) from <c>/proc/loadavg</c>; "unknown" elsewhere.</summary>
    /// <returns>The text.</returns>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>Prints the table.</summary>
    /// <param name="output">Where.</param>
    public void Write(TextWriter output)
    {
        int width = Math.Max(6, rows.Max(r => r.Name.Length));
        int valueWidth = Math.Max(5, rows.Max(r => r.Value.Length));
        output.WriteLine();
        output.WriteLine($"## {Title}");
        output.WriteLine();
        output.WriteLine($"| {"Metric".PadRight(width)} | {"Value".PadLeft(valueWidth)} |");
        output.WriteLine($"| {new string('-', width)} | {new string('-', valueWidth - 1)}: |");
        foreach ((string name, string value) in rows)
        {
            output.WriteLine($"| {name.PadRight(width)} | {value.PadLeft(valueWidth)} |");
        }
    }
}
