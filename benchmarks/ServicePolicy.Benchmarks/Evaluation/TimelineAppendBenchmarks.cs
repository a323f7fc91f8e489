// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Attributes;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Benchmarks.Evaluation;

/// <summary>
/// Issue 15: building a timeline by appending its facts one by one (what a host does as facts arrive) against
/// creating it at once (the baseline), at 100, 1,000 and 5,000 facts. <see cref="Timeline.Append"/> validates only the
/// new facts and appends into a shared array, so the Ratio column stays flat as the timeline grows and the time grows
/// linearly. <see cref="RecreateOnEachAppend"/> is what <c>Append</c> did before (copy and validate the whole
/// timeline on each append), for comparison: its Ratio grows with the number of facts.
/// </summary>
[MemoryDiagnoser]
public class TimelineAppendBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    private TimelineFact[] facts = null!;

    /// <summary>Gets or sets the number of facts, the opening included.</summary>
    [Params(100, 1_000, 5_000)]
    public int Facts { get; set; }

    /// <summary>Builds the facts: an opening, then replies, waits and resumes a minute apart.</summary>
    [GlobalSetup]
    public void Setup()
    {
        facts = new TimelineFact[Facts];
        facts[0] = new InteractionOpened(Start, Owner.Person("ann"));
        for (int i = 1; i < Facts; i++)
        {
            Instant at = Start + Duration.FromMinutes(i);
            facts[i] = (i % 4) switch
            {
                1 => new AgentReplied(at),
                2 => new WaitingStarted(at),
                3 => new WaitingEnded(at),
                _ => new CustomerReplied(at),
            };
        }
        if (AppendOneByOne().Count != Facts || RecreateOnEachAppend().Count != Facts)
        {
            throw new InvalidOperationException("The timelines do not hold every fact.");
        }
    }

    /// <summary>Creates the timeline from all its facts at once.</summary>
    /// <returns>The timeline.</returns>
    [Benchmark(Baseline = true)]
    public Timeline CreateAtOnce() => Timeline.Create("T-1", facts);

    /// <summary>Creates the timeline with its first fact and appends the others one by one.</summary>
    /// <returns>The timeline.</returns>
    [Benchmark]
    public Timeline AppendOneByOne()
    {
        Timeline timeline = Timeline.Create("T-1", facts.AsSpan(0, 1).ToArray());
        for (int i = 1; i < facts.Length; i++)
        {
            timeline = timeline.Append(facts[i]);
        }
        return timeline;
    }

    /// <summary>The previous <c>Append</c>: each append creates the whole timeline again, validating every fact.</summary>
    /// <returns>The timeline.</returns>
    [Benchmark]
    public Timeline RecreateOnEachAppend()
    {
        Timeline timeline = Timeline.Create("T-1", facts.AsSpan(0, 1).ToArray());
        for (int i = 1; i < facts.Length; i++)
        {
            timeline = Timeline.Create("T-1", new ArraySegment<TimelineFact>(facts, 0, i + 1));
        }
        return timeline;
    }
}
