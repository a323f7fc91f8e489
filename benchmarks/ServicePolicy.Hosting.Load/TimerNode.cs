// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Microsoft.Extensions.Hosting;
using NodaTime;
using ServicePolicy.Benchmarks.Queue;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// One timer node: starts the host, so that the runtime's timer worker (the <c>BackgroundService</c> that
/// <c>AddServicePolicyHosting</c> registers) claims and re-evaluates due interactions in batches, and stops it after
/// the first pass that finds nothing due (or at the time limit). In a child process (<c>timer-node</c>) it works on
/// the parent's database with the clock stopped where the parent says, prints <c>ready</c>, waits for <c>go</c> on
/// its standard input and prints its <see cref="NodeResult"/> as JSON.
/// </summary>
public static class TimerNode
{
    /// <summary>Runs the timer until nothing is due.</summary>
    /// <param name="host">The host, not started.</param>
    /// <param name="timeLimit">When to give up.</param>
    /// <returns>What the node did.</returns>
    public static async Task<NodeResult> RunAsync(LoadHost host, TimeSpan timeLimit)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Store.DuePassCompleted += written =>
        {
            if (written == 0)
            {
                idle.TrySetResult();
            }
        };
        await host.Host.StartAsync();
        bool timedOut = await Task.WhenAny(idle.Task, Task.Delay(timeLimit)) != idle.Task;
        await host.Host.StopAsync();
        MeasuringStore store = host.Store;
        return new NodeResult(store.DueWritten, store.DueCalls, store.FirstClaimUnixMs, store.LastCommitUnixMs,
            store.UpdaterTime.TotalMilliseconds, store.DueStoreTime.TotalMilliseconds, timedOut);
    }

    /// <summary>The child process's side.</summary>
    /// <param name="options">The parent's options, with schema and clock.</param>
    /// <returns>The exit code: 0 when the node finished, 2 when it hit the time limit.</returns>
    public static async Task<int> RunChildAsync(LoadOptions options)
    {
        await using LoadTarget target = await LoadTarget.CreateAsync(options);
        var clock = new LoadClock();
        clock.StopAt(Instant.FromUnixTimeTicks(options.ClockTicks));
        await using LoadHost host = await LoadHost.CreateAsync(target, QueueScenario.Create(1, TimerScenario.Seed), clock, options, $"node-{Environment.ProcessId}");
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        string? go = await Console.In.ReadLineAsync();
        if (go != "go")
        {
            await Console.Error.WriteLineAsync($"timer-node: expected 'go' on standard input, got '{go}'.");
            return 1;
        }
        NodeResult result = await RunAsync(host, TimeSpan.FromSeconds(options.TimeLimit));
        Console.Out.WriteLine("result " + JsonSerializer.Serialize(result));
        Console.Out.Flush();
        return result.TimedOut ? 2 : 0;
    }
}
