// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Evaluation;
using ServicePolicy.Tests.Evaluation;
using Xunit;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>
/// Issue 15: generated and mutated fact sequences through <see cref="Timeline.Create"/>, <see cref="Timeline.Append"/>
/// and <see cref="Evaluator.Evaluate(Timeline, Policies.ServiceLevelPolicySet, Instant)"/> (which selects again at each
/// profile change), each under the fuzz budget.
/// Every outcome is success or the documented exception: <see cref="InvalidTimelineException"/> naming the fact and its
/// position, or, from the evaluation at an instant before the last fact, <see cref="ArgumentOutOfRangeException"/>
/// naming <c>now</c>. Fixed seeds, a few thousand cases in all.
/// </summary>
public class TimelineFuzzTests
{
    public static class Sequences
    {
        public static Arbitrary<TimelineFact?[]> Facts() => FactSequences.Any.ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Sequences)], MaxTest = 1500, Replay = "(1515,1517)")]
    public void Create_AnySequence_SucceedsOrThrowsInvalidTimelineNamingTheFact(TimelineFact?[] facts)
    {
        Exception? thrown = FuzzBudget.RunExpecting(FactSequences.Describe(facts), () => Timeline.Create("F-1", facts!), typeof(InvalidTimelineException));
        if (thrown is InvalidTimelineException invalid)
        {
            AssertNamesTheFact(facts, invalid, "facts");
        }
    }

    [Property(Arbitrary = [typeof(Sequences)], MaxTest = 1500, Replay = "(1519,1521)")]
    public void AppendAndEvaluate_AnySequence_SucceedOrThrowWhatIsDocumented(TimelineFact?[] facts, int nowOffsetMinutes)
    {
        Timeline? timeline = null;
        Exception? thrown = FuzzBudget.RunExpecting(
            FactSequences.Describe(facts),
            () =>
            {
                timeline = Timeline.Create("F-1", facts.Take(1)!);
                foreach (TimelineFact? fact in facts.Skip(1))
                {
                    timeline = timeline.Append(fact!);
                }
            },
            typeof(InvalidTimelineException));
        if (thrown is InvalidTimelineException invalid)
        {
            AssertNamesTheFact(facts, invalid, invalid.Position == 0 ? "facts" : "newFacts");
            return;
        }

        Instant now = timeline!.LastInstant + Duration.FromMinutes(nowOffsetMinutes);
        thrown = FuzzBudget.RunExpecting(
            $"{FactSequences.Describe(facts)} at {now}",
            () => Evaluator.Evaluate(timeline, ProfileTimelineCase.Policies, now),
            typeof(ArgumentOutOfRangeException), typeof(InvalidTimelineException));
        if (thrown is InvalidTimelineException unevaluable)
        {
            // Only a fact naming a cycle (an agreed deadline, a waiver) depends on what the policy made of the others,
            // and a feedback score on the scale of the policy in force when it came (a profile change may select one
            // without a scale).
            Assert.True(unevaluable.Fact is DeadlineAgreed or TargetWaived or FeedbackReceived, unevaluable.ToString());
            AssertNamesTheFact(facts, unevaluable, "timeline");
            return;
        }
        if (thrown is ArgumentOutOfRangeException early)
        {
            Assert.True(nowOffsetMinutes < 0, early.ToString());
            Assert.Equal("now", early.ParamName);
        }
    }

    private static void AssertNamesTheFact(TimelineFact?[] facts, InvalidTimelineException invalid, string paramName)
    {
        Assert.InRange(invalid.Position, 0, facts.Length - 1);
        Assert.Same(facts[invalid.Position], invalid.Fact);
        Assert.StartsWith($"Fact {invalid.Position} ({invalid.Fact?.ToString() ?? "null"}) is invalid: ", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(paramName, invalid.ParamName);
    }
}
