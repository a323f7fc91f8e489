// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using ServicePolicy.Benchmarks.Queue;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// <c>facts</c>: <c>--writers</c> concurrent writers record <c>--count</c> facts (<see cref="FactStream"/>) through
/// <c>IInteractionService.RecordAsync</c>, <c>--group</c> facts per call (one transaction each; 1: single-fact
/// transactions), as fast as the store takes them, with the timer worker running. Reports facts per second, the
/// latency of a call, and where the time goes.
/// </summary>
public static class FactsScenario
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The report.</returns>
    public static async Task<Report> RunAsync(LoadOptions options)
    {
        string loadBefore = Report.LoadAverage();
        await using LoadTarget target = await LoadTarget.CreateAsync(options);
        var clock = new LoadClock();
        clock.RunFrom(QueueScenario.Now);
        await using LoadHost host = await LoadHost.CreateAsync(target, QueueScenario.Create(1, TimerScenario.Seed), clock, options, "load");
        await host.Host.StartAsync();
        var latencies = new List<double>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeLimit));
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(w => Task.Run(async () =>
        {
            var stream = new FactStream("F", options.Count, w, options.Writers);
            while (!stream.Done)
            {
                var facts = stream.Take(options.Group, clock.GetCurrentInstant());
                long t = Stopwatch.GetTimestamp();
                await host.Service.RecordAsync(facts, limit.Token);
                double ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        })));
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        await host.Host.StopAsync();

        double[] sorted = [.. latencies.Order()];
        var report = new Report { Title = $"facts: {options.Count:N0} facts, {target.Store}, {options.Group} per transaction, {options.Writers} writer(s)" };
        report.Add("database", target.Description);
        report.Add("facts/s", options.Count / elapsed.TotalSeconds, "/s");
        report.Add("transactions/s", sorted.Length / elapsed.TotalSeconds, "/s");
        report.Add("elapsed", elapsed.TotalSeconds, "s");
        report.Add("call latency p50", Report.Percentile(sorted, 50), "ms");
        report.Add("call latency p99", Report.Percentile(sorted, 99), "ms");
        report.Add("in the updater (read JSON, append, evaluate, serialize), summed", host.Store.UpdaterTime.TotalSeconds, "s");
        report.Add("in the store calls (updater + SQL + commit), summed", host.Store.FactStoreTime.TotalSeconds, "s");
        report.Add("updater share of store time", 100 * host.Store.UpdaterTime / host.Store.FactStoreTime, "%");
        report.Add("load average before / after", $"{loadBefore} / {Report.LoadAverage()}");
        return report;
    }
}
