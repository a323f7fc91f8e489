// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using NodaTime;
using ServicePolicy.Benchmarks.Queue;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;

namespace ServicePolicy.Benchmarks.Reporting;

/// <summary>
/// Issue 17: the policy impact preview over 100,000 timelines of the <see cref="QueueScenario"/> queue (10,000 under
/// <c>--quick</c>), its policy against one with the first and next responses tightened from 4 to 2 business hours,
/// without escalation counting; the baseline evaluates the same timelines under the current policy only.
/// </summary>
[MemoryDiagnoser]
public class PolicyImpactPreviewBenchmarks
{
    private QueueScenario queue = null!;
    private ServiceLevelPolicySet current = null!;
    private ServiceLevelPolicySet proposed = null!;
    private PolicyImpactSettings settings = null!;

    /// <summary>Gets the number of timelines.</summary>
    public static int Count => BenchmarkScale.Quick ? 10_000 : 100_000;

    /// <summary>Builds the queue and both policy sets (not measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        queue = QueueScenario.Create(Count, QueueEvaluationBenchmarks.Seed);
        ServiceLevelPolicy tight = ServiceLevelPolicy.CreateBuilder("Standard", 2, queue.Policy.Calendar)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Resolution)
            .Build();
        current = new ServiceLevelPolicySet([], queue.Policy);
        proposed = new ServiceLevelPolicySet([], tight);
        settings = new PolicyImpactSettings(DateTimeZoneProviders.Tzdb["Europe/London"], ReportPeriod.Week, QueueScenario.Now);
    }

    /// <summary>Evaluates every timeline under the current policy set only.</summary>
    /// <returns>A checksum: the number of cycles.</returns>
    [Benchmark(Baseline = true)]
    public long EvaluateCurrentOnly()
    {
        long cycles = 0;
        foreach (Timeline timeline in queue.Timelines)
        {
            cycles += Evaluator.Evaluate(timeline, current, QueueScenario.Now).Commitments.Count;
        }
        return cycles;
    }

    /// <summary>Replays every timeline under both sets and compares.</summary>
    /// <returns>The impact report.</returns>
    [Benchmark]
    public PolicyImpactReport Compare() => PolicyImpactPreview.Compare(queue.Timelines, current, proposed, settings);
}
