// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ServicePolicy.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/ServicePolicy.Benchmarks -- --filter '*'</c>.
/// BenchmarkDotNet's own options (<c>--filter</c>, <c>--job</c>, <c>--artifacts</c>, ...) pass through.
/// </summary>
/// <remarks>
/// <c>--quick</c> runs every benchmark once (a Dry job, in process, filter <c>*</c> unless one is given): a smoke test
/// for CI that proves the benchmarks and their setup checks still run, not a measurement. The exit code is non-zero
/// when no benchmark ran or any benchmark failed.
/// </remarks>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>0 when every selected benchmark ran; 1 otherwise.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool quick = args.Contains("--quick");
        string[] rest = args.Where(arg => arg != "--quick").ToArray();
        // MemoryDiagnoser for every class (the classes also say [MemoryDiagnoser], for readers and other runners).
        IConfig config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
        if (quick)
        {
            // Smaller queue and compilation (BenchmarkScale); visible to the benchmarks because they run in process.
            BenchmarkScale.Quick = true;
            // In process: no generated project to build, so the smoke test is fast and never writes outside the
            // build output of this project.
            config = config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick"));
            if (!rest.Any(arg => arg.StartsWith("--filter", StringComparison.Ordinal) || arg == "-f"))
            {
                rest = rest.Concat(new[] { "--filter", "*" }).ToArray();
            }
        }
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config).ToArray();
        return CountFailures(summaries) == 0 ? 0 : 1;
    }

    private static int CountFailures(Summary[] summaries)
    {
        int cases = summaries.Sum(summary => summary.BenchmarksCases.Length);
        if (cases == 0)
        {
            Console.Error.WriteLine("No benchmark ran.");
            return 1;
        }
        int failures = 0;
        foreach (Summary summary in summaries)
        {
            if (summary.HasCriticalValidationErrors)
            {
                Console.Error.WriteLine($"{summary.Title}: critical validation errors.");
                failures++;
            }
            foreach (var benchmark in summary.BenchmarksCases)
            {
                BenchmarkReport? report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase == benchmark);
                if (report is null || !report.Success || report.ResultStatistics is null)
                {
                    Console.Error.WriteLine($"Benchmark failed: {benchmark.DisplayInfo}");
                    failures++;
                }
            }
        }
        Console.Error.WriteLine(failures == 0 ? $"All {cases} benchmarks ran." : $"{failures} of {cases} benchmarks failed.");
        return failures;
    }
}
