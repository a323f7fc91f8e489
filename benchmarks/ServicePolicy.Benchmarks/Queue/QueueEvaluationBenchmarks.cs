// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ServicePolicy.Evaluation;
using ServicePolicy.Telemetry;

namespace ServicePolicy.Benchmarks.Queue;

/// <summary>
/// Issue 7, queue: evaluating a queue of 1,000,000 open interactions (<see cref="QueueScenario"/>) with escalation at
/// one instant, single-threaded (the baseline) and in parallel over all cores. One operation is the whole queue; the
/// <c>Time/interaction</c> and <c>Alloc/interaction</c> columns divide Mean and Allocated by the queue's length
/// (<see cref="Count"/>: 50,000 under <c>--quick</c>). Issue 17: <see cref="SingleThreadedWithListener"/> is the
/// single-threaded run with a <see cref="MeterListener"/> on the <c>ServicePolicy</c> meter (every instrument enabled,
/// each measurement added up), against the baseline without one: the cost of the evaluation instruments when someone
/// listens (docs/telemetry.md).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class QueueEvaluationBenchmarks
{
    /// <summary>The length of the queue (issue 7: 1,000,000).</summary>
    public const int Interactions = 1_000_000;

    /// <summary>Gets the length of the queue in this run: <see cref="Interactions"/>, or
    /// <see cref="BenchmarkScale.QuickQueueInteractions"/> under <c>--quick</c>.</summary>
    public static int Count => BenchmarkScale.Quick ? BenchmarkScale.QuickQueueInteractions : Interactions;

    /// <summary>The seed the queue is built from.</summary>
    public const int Seed = 20260318;

    /// <summary>Interactions per parallel work item.</summary>
    private const int ChunkSize = 4096;

    private QueueScenario scenario = null!;
    private MeterListener? listener;
    private long measurements;

    /// <summary>Builds the queue and checks that both ways of evaluating it agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        scenario = QueueScenario.Create(Count, Seed);
        long single = SingleThreaded(), parallel = Parallel();
        if (single != parallel)
        {
            throw new InvalidOperationException($"Single-threaded ({single}) and parallel ({parallel}) evaluation disagree.");
        }
    }

    /// <summary>Builds the queue, as <see cref="Setup"/>, then starts a listener on every instrument of the
    /// <c>ServicePolicy</c> meter.</summary>
    [GlobalSetup(Target = nameof(SingleThreadedWithListener))]
    public void SetupWithListener()
    {
        Setup();
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServicePolicyTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref measurements, value));
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref measurements));
        listener.Start();
    }

    /// <summary>Stops the listener, if any.</summary>
    [GlobalCleanup]
    public void Cleanup() => listener?.Dispose();

    /// <summary>Evaluates every interaction on one thread.</summary>
    /// <returns>A checksum of the results.</returns>
    [Benchmark(Baseline = true)]
    public long SingleThreaded()
    {
        QueueScenario queue = scenario;
        return EvaluateRange(queue, 0, queue.Timelines.Length);
    }

    /// <summary>Evaluates every interaction on one thread while a <see cref="MeterListener"/> records the evaluation
    /// counter and duration histogram (<see cref="SetupWithListener"/>).</summary>
    /// <returns>A checksum of the results, equal to <see cref="SingleThreaded"/>'s.</returns>
    [Benchmark]
    public long SingleThreadedWithListener() => SingleThreaded();

    /// <summary>Evaluates the interactions in parallel: <see cref="System.Threading.Tasks.Parallel.ForEach{TSource}(System.Collections.Concurrent.OrderablePartitioner{TSource}, System.Action{TSource})"/>
    /// over ranges of 4,096 interactions.</summary>
    /// <returns>A checksum of the results, equal to <see cref="SingleThreaded"/>'s.</returns>
    [Benchmark]
    public long Parallel()
    {
        QueueScenario queue = scenario;
        long total = 0;
        System.Threading.Tasks.Parallel.ForEach(
            Partitioner.Create(0, queue.Timelines.Length, ChunkSize),
            range => Interlocked.Add(ref total, EvaluateRange(queue, range.Item1, range.Item2)));
        return total;
    }

    /// <summary>Evaluates a range of the queue; the checksum adds up each result's states, action count and next
    /// change, so no result is dead code and the two methods can be compared.</summary>
    private static long EvaluateRange(QueueScenario queue, int from, int to)
    {
        long sum = 0;
        Timeline[] timelines = queue.Timelines;
        for (int i = from; i < to; i++)
        {
            EvaluationResult result = Evaluator.Evaluate(timelines[i], queue.Policy, QueueScenario.Now, queue.Context);
            sum += Checksum(result);
        }
        return sum;
    }

    /// <summary>A checksum of one result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The checksum.</returns>
    public static long Checksum(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        long sum = (result.EscalationActions.Count * 1_000) + (result.NextChangeAt?.ToUnixTimeSeconds() ?? 0);
        // By index: a foreach over the IReadOnlyList would box an enumerator per interaction, which is the
        // benchmark's cost, not the evaluation's (a host reading the statuses chooses how it loops).
        IReadOnlyList<CommitmentStatus> commitments = result.Commitments;
        for (int i = 0; i < commitments.Count; i++)
        {
            CommitmentStatus status = commitments[i];
            sum += (((int)status.Kind * 10) + (int)status.State) * 31 + status.Deadline.ToUnixTimeSeconds();
        }
        return sum;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new PerInteractionColumn(() => Count, PerInteractionColumn.Measure.Time), new PerInteractionColumn(() => Count, PerInteractionColumn.Measure.Allocation));
        }
    }
}
