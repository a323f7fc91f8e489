// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using ServicePolicy.Benchmarks.Queue;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// <c>timer</c>: a burst. Seeds <c>--count</c> interactions of the queue benchmark's mix, all due at the same instant
/// (one minute after <see cref="QueueScenario.Now"/>), stops the stores' clock one second after it, and lets the
/// runtime's timer worker (<c>--batch</c> per transaction) clear them: in this process, or in <c>--nodes</c> child
/// processes on the same PostgreSQL database. Reports re-evaluations per second, the time to clear, and where the time
/// goes; checks that nothing is left due.
/// </summary>
public static class TimerScenario
{
    /// <summary>The queue's random seed.</summary>
    public const int Seed = 42;

    /// <summary>Runs the scenario.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The report; throws when the burst was not cleared.</returns>
    public static async Task<Report> RunAsync(LoadOptions options)
    {
        string loadBefore = Report.LoadAverage();
        await using LoadTarget target = await LoadTarget.CreateAsync(options);
        QueueScenario scenario = QueueScenario.Create(options.Count, Seed);
        var clock = new LoadClock();
        clock.StopAt(QueueScenario.Now);
        await using LoadHost host = await LoadHost.CreateAsync(target, scenario, clock, options, "load");
        Instant due = QueueScenario.Now + Duration.FromMinutes(1);
        TimeSpan seeding = await Seeder.SeedAsync(host, scenario, _ => due, target.Store == "sqlite" ? 1 : 2, CancellationToken.None);
        Instant burst = due + Duration.FromSeconds(1);
        clock.StopAt(burst);

        long goMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        NodeResult[] nodes = options.Nodes == 0
            ? [await TimerNode.RunAsync(host, TimeSpan.FromSeconds(options.TimeLimit))]
            : await RunChildrenAsync(options, target, burst, () => goMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        int remaining = 0;
        await host.Store.UpdateDueAsync(HostingMaxBatch, (_, _, _) =>
        {
            remaining++;
            return null;
        }, CancellationToken.None);
        long written = nodes.Sum(n => n.Written);
        long first = nodes.Min(n => n.FirstClaimUnixMs ?? long.MaxValue);
        long last = nodes.Max(n => n.LastCommitUnixMs ?? long.MinValue);
        double updaterMs = nodes.Sum(n => n.UpdaterMs), storeMs = nodes.Sum(n => n.StoreMs);

        var report = new Report { Title = $"timer: {options.Count:N0} due at once, {target.Store}, batch {options.Batch}, {(options.Nodes == 0 ? "in process" : $"{options.Nodes} node process(es)")}" };
        report.Add("database", target.Description);
        report.Add("seeding (fact path, 200 interactions per call)", seeding.TotalSeconds, "s");
        report.Add("re-evaluated", written, "");
        report.Add("re-evaluations/s (first claim to last commit)", last > first ? written * 1000.0 / (last - first) : 0, "/s");
        report.Add("time to clear (start to last commit)", (last - goMs) / 1000.0, "s");
        report.Add("timer passes", nodes.Sum(n => n.Passes), "");
        report.Add("in the updater (read JSON, evaluate, serialize), summed", updaterMs / 1000.0, "s");
        report.Add("in the store calls (updater + SQL + commit), summed", storeMs / 1000.0, "s");
        report.Add("updater share of store time", storeMs > 0 ? 100 * updaterMs / storeMs : 0, "%");
        for (int i = 0; i < nodes.Length && nodes.Length > 1; i++)
        {
            report.Add($"node {i + 1}: re-evaluated", nodes[i].Written, "");
        }
        report.Add("left due afterwards", remaining, "");
        report.Add("load average before / after", $"{loadBefore} / {Report.LoadAverage()}");
        if (nodes.Any(n => n.TimedOut) || remaining != 0 || written < options.Count)
        {
            report.Write(Console.Out);
            throw new InvalidOperationException($"The burst was not cleared within --time-limit {options.TimeLimit} s: {written:N0} of {options.Count:N0} re-evaluated, {remaining:N0} left due.");
        }
        return report;
    }

    private const int HostingMaxBatch = ServicePolicy.Hosting.Configuration.HostingTimerOptions.MaxBatchSize;

    private static async Task<NodeResult[]> RunChildrenAsync(LoadOptions options, LoadTarget target, Instant burst, Action go)
    {
        var processes = new List<Process>();
        try
        {
            for (int i = 0; i < options.Nodes; i++)
            {
                processes.Add(StartChild(options, target, burst));
            }
            foreach (Process process in processes)
            {
                string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
                if (line != "ready")
                {
                    throw new InvalidOperationException($"A timer node (process {process.Id}) did not get ready: '{line}'.");
                }
            }
            go();
            foreach (Process process in processes)
            {
                await process.StandardInput.WriteLineAsync("go");
                await process.StandardInput.FlushAsync();
            }
            var results = new List<NodeResult>();
            foreach (Process process in processes)
            {
                string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(options.TimeLimit + 60));
                await process.WaitForExitAsync();
                if (line is null || !line.StartsWith("result ", StringComparison.Ordinal) || process.ExitCode is not (0 or 2))
                {
                    throw new InvalidOperationException($"A timer node (process {process.Id}) failed with exit code {process.ExitCode}: '{line}'.");
                }
                results.Add(JsonSerializer.Deserialize<NodeResult>(line["result ".Length..])!);
            }
            return [.. results];
        }
        finally
        {
            foreach (Process process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
                process.Dispose();
            }
        }
    }

    private static Process StartChild(LoadOptions options, LoadTarget target, Instant burst)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell this program's path to start the timer nodes.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TimerScenario).Assembly.Location);
        }
        foreach (string argument in (string[])["timer-node", "--store", "postgres", "--postgres", target.ConnectionString!, "--schema", target.Schema!,
            "--batch", options.Batch.ToString(CultureInfo.InvariantCulture), "--poll", options.PollMs.ToString(CultureInfo.InvariantCulture),
            "--time-limit", options.TimeLimit.ToString(CultureInfo.InvariantCulture), "--clock-ticks", burst.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException($"{self} did not start.");
    }
}
