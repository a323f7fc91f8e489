// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Hosting;
using NodaTime;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Node;

/// <summary>
/// Records the node's plan of facts through <see cref="IInteractionService"/>, several workers at once, one fact per
/// transaction, in rounds (every interaction's first fact, then every second fact, ...), so that facts keep arriving
/// while the timer wakes the interactions opened first. A restarted node resumes: an interaction's facts already in
/// its stored timeline are not recorded again. Prints <c>ingested &lt;count&gt;</c> when done.
/// </summary>
internal sealed class FactIngestion(FactPlan plan, IInteractionService service, IInteractionStore store, IClock clock, int workers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (the timer and the relay) before the work begins.
        await Task.Yield();
        var recorded = new Dictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(plan.Interactions, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = stoppingToken }, async (interaction, ct) =>
        {
            int count = await store.FindAsync(interaction.Id, ct) is { } record ? TimelineJson.Deserialize(record.Timeline).Count : 0;
            lock (recorded)
            {
                recorded[interaction.Id] = count;
            }
        });
        int rounds = plan.Interactions.Max(i => i.Facts.Count);
        int total = 0;
        for (int round = 0; round < rounds; round++)
        {
            var due = plan.Interactions.Where(i => i.Facts.Count > round && recorded[i.Id] <= round).ToArray();
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = stoppingToken }, async (interaction, ct) =>
            {
                await service.RecordAsync(interaction.Id, FactPlan.ToFact(interaction.Facts[round], clock.GetCurrentInstant()), ct);
            });
            total += due.Length;
        }
        Console.Out.WriteLine($"ingested {total}");
    }
}
