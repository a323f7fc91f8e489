// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck.Xunit;
using ServicePolicy.Escalation;
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

/// <summary><c>NextChangeAt</c> with acknowledgements: a step acknowledged before it is due never shows, so it is the
/// next change only when it supersedes a listed step.</summary>
public class AcknowledgedNextChangeTests
{
    private static EvaluationResult Evaluate(Timeline timeline, Instant now) =>
        Evaluator.Evaluate(timeline, SimulationPolicy.Policy, now, SimulationPolicy.Context);

    private static string Keys(EvaluationResult result) => string.Join(" ", result.EscalationActions.Select(a => a.Key));

    private static string States(EvaluationResult result) => string.Join(" ", result.Commitments.Select(c => c.State));

    [Fact]
    public void NextChangeAt_SkipsAWarningAcknowledgedBeforeItIsDue()
    {
        Timeline opened = Timeline.Create("T-1", [new InteractionOpened(Ladder.When("2025-03-10 09:00"), Ladder.Alice)]);
        var context = EscalationContext.Create(Ladder.Org(), Ladder.Chain());
        ActionKey warning = ActionKey.Warning("T-1", ServicePolicy.Commitments.CommitmentKind.FirstResponse, null, 0, "ladder", Ladder.Chain().WarningStepId(0), 0);
        Timeline acknowledged = Timeline.Create("T-1",
            [new InteractionOpened(Ladder.When("2025-03-10 09:00"), Ladder.Alice), new EscalationAcknowledged(Ladder.When("2025-03-10 10:00"), warning)]);

        EvaluationResult without = Evaluator.Evaluate(opened, Ladder.Policy(), Ladder.When("2025-03-10 10:30"), context);
        EvaluationResult with = Evaluator.Evaluate(acknowledged, Ladder.Policy(), Ladder.When("2025-03-10 10:30"), context);

        Assert.Equal(Ladder.When("2025-03-10 12:00"), without.NextChangeAt);   // the warning at 75%
        Assert.Equal(Ladder.When("2025-03-10 13:00+1ns"), with.NextChangeAt);  // the breach, and the lead
        Assert.Empty(Evaluator.Evaluate(acknowledged, Ladder.Policy(), Ladder.When("2025-03-10 12:00"), context).EscalationActions);
    }

    /// <summary>The timeline with acknowledgements at its evaluated instant of some of the keys it lists then and
    /// later (picked by <paramref name="seed"/>), and the instant.</summary>
    private static Timeline WithAcknowledgements(TimelineCase c, int seed)
    {
        var random = new Random(seed);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        for (int hours = 0; hours <= 72; hours += 1 + random.Next(6))
        {
            foreach (EscalationAction action in Evaluate(c.Timeline, c.Now + Duration.FromHours(hours)).EscalationActions)
            {
                keys.Add(action.Key.ToString());
            }
        }
        IEnumerable<TimelineFact> acks = keys.Where(_ => random.Next(3) > 0).Select(k => new EscalationAcknowledged(c.Now, ActionKey.Parse(k)));
        return Timeline.Create(c.Timeline.InteractionId, c.Timeline.Concat(acks).ToList());
    }

    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 200)]
    public void NextChangeAt_WithAcknowledgements_IsTheNextNewKeyOrState(TimelineCase c, int seed)
    {
        Timeline timeline = WithAcknowledgements(c, seed);
        EvaluationResult result = Evaluate(timeline, c.Now);
        string keys = Keys(result);
        if (result.NextChangeAt is not { } next)
        {
            Assert.Equal(keys, Keys(Evaluate(timeline, c.Now + Duration.FromDays(30))));
            return;
        }
        EvaluationResult atNext = Evaluate(timeline, next);
        Assert.True(Keys(atNext) != keys || States(atNext) != States(result), $"nothing changes at NextChangeAt {next}");
        Duration span = next - c.Now;
        foreach (int perMille in c.Probes.Append(999))
        {
            Instant between = c.Now + Duration.FromNanoseconds(span.ToInt64Nanoseconds() / 1000 * perMille);
            if (between > c.Now && between < next)
            {
                Assert.Equal(keys, Keys(Evaluate(timeline, between)));
                Assert.Equal(States(result), States(Evaluate(timeline, between)));
            }
        }
    }
}
