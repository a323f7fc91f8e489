// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using NodaTime;
using ServicePolicy.Benchmarks.Queue;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// <c>lag</c>: seeds <c>--count</c> interactions of the queue's mix whose wake-ups are spread evenly over
/// <c>--duration</c> seconds, then runs the stores' clock from the first of them (the system clock shifted) with the
/// timer worker started, while <c>--writers</c> writers record <c>--rate</c> facts per second in total
/// (<c>--group</c> per transaction) on other interactions. Reports the lag of every re-evaluation: the stores' clock
/// after its commit minus its <c>NextChangeAt</c> (p50, p99, max), and the facts' call latency.
/// </summary>
public static class LagScenario
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The report; throws when the seeded interactions were not all woken within the time limit.</returns>
    public static async Task<Report> RunAsync(LoadOptions options)
    {
        string loadBefore = Report.LoadAverage();
        await using LoadTarget target = await LoadTarget.CreateAsync(options);
        QueueScenario scenario = QueueScenario.Create(options.Count, TimerScenario.Seed);
        var clock = new LoadClock();
        clock.StopAt(QueueScenario.Now);
        await using LoadHost host = await LoadHost.CreateAsync(target, scenario, clock, options, "load");
        Instant first = QueueScenario.Now + Duration.FromHours(1);
        Duration spread = Duration.FromSeconds(options.Duration);
        TimeSpan seeding = await Seeder.SeedAsync(host, scenario, i => first + spread * ((double)i / options.Count), target.Store == "sqlite" ? 1 : 2, CancellationToken.None);

        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Store.DuePassCompleted += _ =>
        {
            if (host.Store.DueWritten >= options.Count)
            {
                woken.TrySetResult();
            }
        };
        clock.RunFrom(first);
        await host.Host.StartAsync();
        var latencies = new List<double>();
        long start = Stopwatch.GetTimestamp();
        TimeSpan interval = TimeSpan.FromSeconds((double)options.Writers * options.Group / options.Rate);
        int recorded = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(w => Task.Run(async () =>
        {
            // Enough facts for the whole run; the writer stops at the duration.
            var stream = new FactStream("L", (int)Math.Min(int.MaxValue, (long)options.Rate * options.Duration + options.Writers * options.Group), w, options.Writers);
            for (long k = 0; !stream.Done; k++)
            {
                TimeSpan due = interval * k, now = Stopwatch.GetElapsedTime(start);
                if (due >= TimeSpan.FromSeconds(options.Duration))
                {
                    break;
                }
                if (due > now)
                {
                    await Task.Delay(due - now);
                }
                var facts = stream.Take(options.Group, clock.GetCurrentInstant());
                long t = Stopwatch.GetTimestamp();
                await host.Service.RecordAsync(facts, CancellationToken.None);
                double ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                Interlocked.Add(ref recorded, facts.Count);
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        })));
        TimeSpan factsElapsed = Stopwatch.GetElapsedTime(start);
        bool done = await Task.WhenAny(woken.Task, Task.Delay(TimeSpan.FromSeconds(options.TimeLimit))) == woken.Task;
        await host.Host.StopAsync();

        double[] lags = [.. host.Store.LagsMs().Order()];
        double[] sorted = [.. latencies.Order()];
        var report = new Report { Title = $"lag: {options.Count:N0} wake-ups over {options.Duration} s, {options.Rate} facts/s ({options.Group} per transaction, {options.Writers} writers), {target.Store}, batch {options.Batch}, poll {options.PollMs} ms" };
        report.Add("database", target.Description);
        report.Add("seeding (fact path, 200 interactions per call)", seeding.TotalSeconds, "s");
        report.Add("facts recorded", recorded, "");
        report.Add("facts/s achieved", recorded / factsElapsed.TotalSeconds, "/s");
        report.Add("fact call latency p50", sorted.Length == 0 ? 0 : Report.Percentile(sorted, 50), "ms");
        report.Add("fact call latency p99", sorted.Length == 0 ? 0 : Report.Percentile(sorted, 99), "ms");
        report.Add("re-evaluated", host.Store.DueWritten, "");
        report.Add("timer passes", host.Store.DueCalls, "");
        if (lags.Length > 0)
        {
            report.Add("lag p50 (commit - NextChangeAt)", Report.Percentile(lags, 50), "ms");
            report.Add("lag p99", Report.Percentile(lags, 99), "ms");
            report.Add("lag max", lags[^1], "ms");
        }
        report.Add("load average before / after", $"{loadBefore} / {Report.LoadAverage()}");
        if (!done)
        {
            report.Write(Console.Out);
            throw new InvalidOperationException($"Only {host.Store.DueWritten:N0} of {options.Count:N0} wake-ups were re-evaluated within --time-limit {options.TimeLimit} s after the facts stopped.");
        }
        return report;
    }
}
