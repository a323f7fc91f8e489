// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using NodaTime;
using ServicePolicy.Benchmarks.Queue;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// Fills a store with the queue benchmark's interactions through the runtime's fact path
/// (<c>IInteractionService.RecordAsync</c> with many facts per call: every fact of 200 interactions in one
/// transaction), with the stores' clock stopped at <see cref="QueueScenario.Now"/>, and each interaction's wake-up
/// forced to the instant the scenario chooses (<see cref="MeasuringStore.WakeOverride"/>).
/// </summary>
public static class Seeder
{
    private const int InteractionsPerCall = 200;

    /// <summary>Seeds.</summary>
    /// <param name="host">The host (need not be started).</param>
    /// <param name="scenario">The interactions.</param>
    /// <param name="wake">Each interaction's wake-up, by its index in the scenario.</param>
    /// <param name="writers">Concurrent calls.</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    /// <returns>How long it took.</returns>
    public static async Task<TimeSpan> SeedAsync(LoadHost host, QueueScenario scenario, Func<int, Instant> wake, int writers, CancellationToken cancellationToken)
    {
        Timeline[] timelines = scenario.Timelines;
        var index = new Dictionary<string, int>(timelines.Length, StringComparer.Ordinal);
        for (int i = 0; i < timelines.Length; i++)
        {
            index[timelines[i].InteractionId] = i;
        }
        host.Store.WakeOverride = id => wake(index[id]);
        long start = Stopwatch.GetTimestamp();
        int next = 0;
        async Task Writer()
        {
            int first;
            while ((first = Interlocked.Add(ref next, InteractionsPerCall) - InteractionsPerCall) < timelines.Length)
            {
                var facts = new List<(string, TimelineFact)>();
                for (int i = first; i < Math.Min(first + InteractionsPerCall, timelines.Length); i++)
                {
                    Timeline timeline = timelines[i];
                    foreach (TimelineFact fact in timeline)
                    {
                        facts.Add((timeline.InteractionId, fact));
                    }
                }
                await host.Service.RecordAsync(facts, cancellationToken);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(Writer, cancellationToken)));
        host.Store.WakeOverride = null;
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        host.Store.Reset();
        return elapsed;
    }
}
