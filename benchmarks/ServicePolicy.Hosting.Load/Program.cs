// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// The hosting runtime's load tool (docs/performance.md, "Hosting"):
/// <c>dotnet run -c Release --project benchmarks/ServicePolicy.Hosting.Load -- &lt;scenario&gt; [options]</c>.
/// </summary>
/// <remarks>
/// <para>Scenarios: <c>timer</c> (<see cref="TimerScenario"/>), <c>facts</c> (<see cref="FactsScenario"/>),
/// <c>lag</c> (<see cref="LagScenario"/>). Options: <c>--store sqlite|postgres</c> (default sqlite),
/// <c>--postgres &lt;connection string&gt;</c> (else a throwaway cluster is started as the store's test fixture does),
/// <c>--count N</c>, <c>--batch B</c> (200), <c>--group G</c> (1), <c>--writers W</c> (4), <c>--nodes K</c> (timer on
/// PostgreSQL: K child processes), <c>--rate R</c> (lag: facts/s, 100), <c>--duration S</c> (lag: 30),
/// <c>--poll MS</c> (timer poll interval, 1000), <c>--time-limit S</c> (300).</para>
/// <para>Every run works in a new SQLite file or PostgreSQL schema and deletes it. Prints a Markdown table; exits 0 on
/// success, 1 on an error (a bad argument, a failed run, a scenario not finished within the time limit).</para>
/// </remarks>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync("Usage: timer|facts|lag [--store sqlite|postgres] [--postgres <connection string>] [--count N] [--batch B] " +
                "[--group G] [--writers W] [--nodes K] [--rate R] [--duration S] [--poll MS] [--time-limit S]");
            return 1;
        }
        try
        {
            if (options.Scenario == "timer-node")
            {
                return await TimerNode.RunChildAsync(options);
            }
            Console.WriteLine($"{options.Scenario}: {Environment.ProcessorCount} cores, load average {Report.LoadAverage()}, .NET {Environment.Version}");
            Report report = options.Scenario switch
            {
                "timer" => await TimerScenario.RunAsync(options),
                "facts" => await FactsScenario.RunAsync(options),
                _ => await LagScenario.RunAsync(options),
            };
            report.Write(Console.Out);
            return 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{options.Scenario} failed: {e}");
            return 1;
        }
    }
}
