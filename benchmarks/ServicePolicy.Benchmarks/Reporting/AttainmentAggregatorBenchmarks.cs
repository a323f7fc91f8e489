// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using NodaTime;
using ServicePolicy.Benchmarks.Queue;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;

namespace ServicePolicy.Benchmarks.Reporting;

/// <summary>
/// Issue 17: aggregating 1,000,000 precomputed evaluation results (the <see cref="QueueScenario"/> queue evaluated at
/// its instant, with four profiles and three teams in turn) into an <see cref="AttainmentReport"/> on one thread,
/// against a baseline that only walks the same results and their cycles. Target: 300 ms, little allocation. One
/// operation is the whole set (50,000 under <c>--quick</c>).
/// </summary>
[MemoryDiagnoser]
public class AttainmentAggregatorBenchmarks
{
    private static readonly InteractionProfile[] Profiles =
        [new("email", customerTier: "gold"), new("chat", customerTier: "standard"), new("phone"), new("web", isInternal: true)];

    private static readonly string[] Teams = ["support", "billing", "technical"];

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private EvaluationResult[] results = null!;

    /// <summary>Evaluates the queue once (not measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        QueueScenario queue = QueueScenario.Create(QueueEvaluationBenchmarks.Count, QueueEvaluationBenchmarks.Seed);
        results = queue.Timelines.Select(t => Evaluator.Evaluate(t, queue.Policy, QueueScenario.Now)).ToArray();
        AttainmentReport report = Aggregate();
        if (report.Interactions != results.Length || report.Cycles.Total != Iterate())
        {
            throw new InvalidOperationException($"The report counts {report.Interactions} results and {report.Cycles.Total} cycles; expected {results.Length} and {Iterate()}.");
        }
    }

    /// <summary>Walks every result and cycle, reading what the aggregation reads (state, start, time used).</summary>
    /// <returns>The number of cycles.</returns>
    [Benchmark(Baseline = true)]
    public long Iterate()
    {
        long cycles = 0, checksum = 0;
        for (int i = 0; i < results.Length; i++)
        {
            IReadOnlyList<CommitmentStatus> statuses = results[i].Commitments;
            for (int c = 0; c < statuses.Count; c++)
            {
                CommitmentStatus status = statuses[c];
                checksum += (int)status.State + status.StartedAt.ToUnixTimeTicks() + status.Elapsed.BclCompatibleTicks;
                cycles++;
            }
        }
        return checksum == long.MinValue ? -1 : cycles;
    }

    /// <summary>Adds every result to an aggregator and makes the report.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public AttainmentReport Aggregate()
    {
        var aggregator = new AttainmentAggregator(London, ReportPeriod.Day);
        for (int i = 0; i < results.Length; i++)
        {
            aggregator.Add(results[i], Profiles[i & 3], Teams[i % 3]);
        }
        return aggregator.ToReport();
    }
}
