// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServicePolicy.Evaluation;
using ServicePolicy.Tests.Fuzzing;
using Xunit;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>Issue 15: <see cref="Timeline.Append"/> validates only the new facts, against the end of the timeline; it
/// must accept and reject exactly what <see cref="Timeline.Create"/> does with the combined facts.</summary>
public class TimelineAppendProperties
{
    public static class Sequences
    {
        public static Arbitrary<TimelineFact?[]> Facts() => FactSequences.Any.ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Sequences)], MaxTest = 1000, Replay = "(15,151)")]
    public void Append_OneByOne_ValidatesExactlyAsCreateAtOnce(TimelineFact?[] facts) =>
        AssertSameAsCreate(facts, Enumerable.Repeat(1, facts.Length).ToArray());

    [Property(Arbitrary = [typeof(Sequences)], MaxTest = 500, Replay = "(16,153)")]
    public void Append_InChunks_ValidatesExactlyAsCreateAtOnce(TimelineFact?[] facts, PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var chunks = new List<int>();
        for (int left = facts.Length; left > 0; left -= chunks[^1])
        {
            chunks.Add(random.Next(0, Math.Min(left, 5) + 1));
        }
        AssertSameAsCreate(facts, chunks.ToArray());
    }

    [Property(Arbitrary = [typeof(Sequences)], MaxTest = 300, Replay = "(17,155)")]
    public void Append_ToAnOlderOrShorterTimeline_LeavesTheLongerOneUnchanged(TimelineFact?[] facts)
    {
        Timeline? full = TryCreate(facts);
        if (full is null || full.Count < 2)
        {
            return;
        }
        TimelineFact[] expected = full.ToArray();
        Timeline prefix = Timeline.Create(full.InteractionId, expected.Take(1));
        Timeline grown = prefix;
        foreach (TimelineFact fact in expected.Skip(1))
        {
            grown = grown.Append(fact);
        }
        // Branch from the start and from the middle of the grown timeline: the branches copy, the grown one stays.
        Timeline branch = prefix.Append(new AgentReplied(full.LastInstant));
        Timeline cut = grown.AsOf(expected[expected.Length / 2].At);
        if (cut[cut.Count - 1] is not InteractionCancelled)
        {
            Timeline afterCut = cut.Append(new AgentReplied(full.LastInstant));
            Assert.Equal(cut.Count + 1, afterCut.Count);
            Assert.Equal(expected.Take(cut.Count), afterCut.Take(cut.Count));
        }

        Assert.Equal(expected, grown);
        Assert.Equal([expected[0], branch[1]], branch);
        Assert.Single(prefix);
    }

    private static Timeline? TryCreate(TimelineFact?[] facts)
    {
        try
        {
            return Timeline.Create("P-1", facts!);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Builds the timeline at once and by appending <paramref name="chunks"/> of facts after the first, and
    /// checks both succeed with the same facts or fail with the same message, position and fact.</summary>
    private static void AssertSameAsCreate(TimelineFact?[] facts, int[] chunks)
    {
        Exception? atOnce = Record.Exception(() => Timeline.Create("P-1", facts!));
        Timeline? whole = atOnce is null ? Timeline.Create("P-1", facts!) : null;

        Timeline? appended = null;
        Exception? byAppending = Record.Exception(() =>
        {
            appended = Timeline.Create("P-1", facts.Take(1)!);
            int next = 1;
            foreach (int size in chunks)
            {
                if (next >= facts.Length)
                {
                    break;
                }
                int take = Math.Min(size, facts.Length - next);
                appended = appended.Append(facts.Skip(next).Take(take).ToArray()!);
                next += take;
            }
        });

        if (atOnce is null)
        {
            Assert.Null(byAppending);
            Assert.Equal(whole!, appended!);
            Assert.Equal(whole!.Count, appended!.Count);
            Assert.Equal(whole.LastInstant, appended.LastInstant);
            return;
        }
        Assert.NotNull(byAppending);
        Assert.Equal(atOnce.GetType(), byAppending!.GetType());
        if (atOnce is InvalidTimelineException expected)
        {
            var actual = (InvalidTimelineException)byAppending;
            Assert.Equal(expected.Position, actual.Position);
            Assert.Same(expected.Fact, actual.Fact);
            Assert.Equal(WithoutParameter(expected), WithoutParameter(actual));
            // The first fact is validated by Create in both; later ones by Append, which names its own argument.
            Assert.Equal(expected.Position == 0 ? "facts" : "newFacts", actual.ParamName);
        }
        else
        {
            Assert.Equal(atOnce.Message, byAppending.Message);
        }
    }

    private static string WithoutParameter(ArgumentException e) =>
        e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
}
