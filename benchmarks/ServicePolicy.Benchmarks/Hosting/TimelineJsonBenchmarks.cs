// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using ServicePolicy.Benchmarks.Queue;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Serialization;

namespace ServicePolicy.Benchmarks.Hosting;

/// <summary>
/// Issue 18: what the hosting runtime pays per interaction besides the evaluation. The timer path reads the stored
/// timeline (<see cref="TimelineJson.Deserialize"/>) and evaluates it; the fact path also writes it back
/// (<see cref="TimelineJson.Serialize"/>). Measured over 64 timelines of the queue benchmark's mix (1 to about 12
/// facts, <see cref="QueueScenario"/>), per timeline, against the evaluation itself (the baseline: escalation
/// included, at <see cref="QueueScenario.Now"/>), so the Ratio column says what the stored format costs relative to
/// the work the runtime exists to do.
/// </summary>
[MemoryDiagnoser]
public class TimelineJsonBenchmarks
{
    private const int Timelines = 64;

    private QueueScenario scenario = null!;
    private string[] json = null!;

    /// <summary>Builds the timelines and their stored form, and checks that each reads back to the same text.</summary>
    [GlobalSetup]
    public void Setup()
    {
        scenario = QueueScenario.Create(Timelines, QueueEvaluationBenchmarks.Seed);
        json = scenario.Timelines.Select(TimelineJson.Serialize).ToArray();
        for (int i = 0; i < Timelines; i++)
        {
            Timeline read = TimelineJson.Deserialize(json[i]);
            if (read.Count != scenario.Timelines[i].Count || TimelineJson.Serialize(read) != json[i])
            {
                throw new InvalidOperationException($"Timeline {scenario.Timelines[i].InteractionId} does not read back as written.");
            }
        }
    }

    /// <summary>Evaluates each timeline (what both paths do anyway).</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Timelines)]
    public long Evaluate()
    {
        long sum = 0;
        foreach (Timeline timeline in scenario.Timelines)
        {
            sum += QueueEvaluationBenchmarks.Checksum(Evaluator.Evaluate(timeline, scenario.Policy, QueueScenario.Now, scenario.Context));
        }
        return sum;
    }

    /// <summary>Writes each timeline in the stored format.</summary>
    /// <returns>The total length.</returns>
    [Benchmark(OperationsPerInvoke = Timelines)]
    public long Serialize()
    {
        long sum = 0;
        foreach (Timeline timeline in scenario.Timelines)
        {
            sum += TimelineJson.Serialize(timeline).Length;
        }
        return sum;
    }

    /// <summary>Reads each timeline from the stored format (validated as <c>Timeline.Create</c> validates).</summary>
    /// <returns>The total number of facts.</returns>
    [Benchmark(OperationsPerInvoke = Timelines)]
    public long Deserialize()
    {
        long sum = 0;
        foreach (string text in json)
        {
            sum += TimelineJson.Deserialize(text).Count;
        }
        return sum;
    }

    /// <summary>The timer path's pure step, as the runtime runs it: read the stored timeline, then evaluate it.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Timelines)]
    public long DeserializeAndEvaluate()
    {
        long sum = 0;
        foreach (string text in json)
        {
            sum += QueueEvaluationBenchmarks.Checksum(Evaluator.Evaluate(TimelineJson.Deserialize(text), scenario.Policy, QueueScenario.Now, scenario.Context));
        }
        return sum;
    }
}
