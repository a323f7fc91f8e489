// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Evaluation;
using ServicePolicy.Tests.Evaluation;
using Xunit;

namespace ServicePolicy.Tests.Escalation;

/// <summary>Specifications of escalation planning on random valid timelines (<see cref="TimelineCase"/>).</summary>
public class EscalationProperties
{
    private static EvaluationResult Evaluate(Timeline timeline, Instant now) =>
        Evaluator.Evaluate(timeline, SimulationPolicy.Policy, now, SimulationPolicy.Context);

    private static string Keys(EvaluationResult result) => string.Join(" ", result.EscalationActions.Select(a => a.Key));

    private static string States(EvaluationResult result) => string.Join(" ", result.Commitments.Select(c => c.State));

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 200)]
    public void Evaluate_IsDeterministic(TimelineCase c)
    {
        Assert.Equal(string.Join("|", Evaluate(c.Timeline, c.Now).EscalationActions), string.Join("|", Evaluate(c.Timeline, c.Now).EscalationActions));
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 200)]
    public void NextChangeAt_IsTheNextNewKeyOrState(TimelineCase c)
    {
        EvaluationResult result = Evaluate(c.Timeline, c.Now);
        string keys = Keys(result);
        if (result.NextChangeAt is not { } next)
        {
            Assert.Equal(keys, Keys(Evaluate(c.Timeline, c.Now + Duration.FromDays(30))));
            return;
        }
        EvaluationResult atNext = Evaluate(c.Timeline, next);
        Assert.True(Keys(atNext) != keys || States(atNext) != States(result), $"nothing changes at NextChangeAt {next}");
        Duration span = next - c.Now;
        foreach (int perMille in c.Probes)
        {
            Instant between = c.Now + Duration.FromNanoseconds(span.ToInt64Nanoseconds() / 1000 * perMille);
            if (between > c.Now && between < next)
            {
                Assert.Equal(keys, Keys(Evaluate(c.Timeline, between)));
            }
        }
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 200)]
    public void EveryAction_IsDueAtOrBeforeNow_AndKeysAreUnique(TimelineCase c)
    {
        EvaluationResult result = Evaluate(c.Timeline, c.Now);

        Assert.All(result.EscalationActions, a => Assert.True(a.DueAt <= c.Now && a.IsLate == (a.DueAt < c.Now), a.ToString()));
        Assert.Equal(result.EscalationActions.Count, result.EscalationActions.Select(a => a.Key).Distinct().Count());
        Assert.All(result.EscalationActions, a => Assert.NotEmpty(a.Contacts));
    }
}
