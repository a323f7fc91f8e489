// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Tests.Evaluation;
using Xunit;
using Xunit.Abstractions;

namespace ServicePolicy.Tests.Escalation;

/// <summary>
/// The planning half of the delivery guarantee, on the pure evaluation alone: random timelines
/// (<see cref="TimelineCase"/>) under <see cref="SimulationPolicy"/>, evaluated over time the way a runtime does it, with
/// every key listed recorded insert-if-absent (as an outbox does). A timer wakes the interaction at every fact and at
/// every <c>NextChangeAt</c>; other looks come at random instants in between (a fact recorded on another node, a late
/// sweep). Random acknowledgements of recorded keys are appended as facts, and wake the timer too. Checked: a key always
/// names the same step due at the same instant, so recording it once loses nothing; a look lists exactly the keys of the
/// timer's last wake, so the timer alone plans every key; and a wake with no new fact lists no step late.
/// </summary>
public class EscalationPlanningSimulationTests
{
    private readonly ITestOutputHelper output;

    public EscalationPlanningSimulationTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Simulation_TheTimerPlansEveryKeyALookSees_AndAKeyAlwaysNamesOneStep()
    {
        long planned = 0, listings = 0, lateListings = 0, looks = 0, acks = 0, reappeared = 0;
        Gen<(TimelineCase Case, int Seed)> cases =
            from c in TimelineCase.Arbitrary().Generator
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select (c, seed);

        Prop.ForAll(cases.ToArbitrary(), input =>
            {
                Outcome outcome = Simulate(input.Case, input.Seed);
                planned += outcome.Recorded.Count;
                listings += outcome.Listings;
                lateListings += outcome.LateListings;
                looks += outcome.Looks;
                acks += outcome.Acknowledged;
                reappeared += outcome.Reappeared;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(150));

        output.WriteLine($"{planned} keys planned (recorded once each) from {listings} listings, {lateListings} of them late " +
            $"(a step stays listed after its due instant), {reappeared} listings of a recorded key after a gap, {looks} looks, " +
            $"{acks} acknowledgements appended.");
        Assert.True(planned > 0 && listings > planned && lateListings > 0 && looks > 0 && acks > 0, "the simulation exercised nothing");
    }

    private static Outcome Simulate(TimelineCase c, int seed)
    {
        var random = new Random(seed);
        Timeline timeline = c.Timeline;
        Instant opened = timeline.Opened.At;
        Instant end = c.Now + Duration.FromDays(2);
        Instant? cancelledAt = timeline.OfType<InteractionCancelled>().Select(f => (Instant?)f.At).FirstOrDefault();
        var looks = new Queue<Instant>(Enumerable.Range(0, random.Next(2, 12))
            .Select(_ => opened + Duration.FromMinutes(random.Next(0, (int)(end - opened).TotalMinutes))).Order());

        var outcome = new Outcome();
        var acknowledgements = new List<EscalationAcknowledged>();
        HashSet<string> timerKeys = [], everListedByTimer = [], previous = [];
        Instant? nextTimer = opened;
        int runs = 0;

        while (runs++ < 400)
        {
            Instant? nextLook = looks.Count > 0 ? looks.Peek() : null;
            if (nextTimer is null && nextLook is null)
            {
                break;
            }
            // The timer goes first at an instant both want, so a look always comes after the timer's last wake.
            bool timer = nextLook is null || (nextTimer is { } n && n <= nextLook);
            Instant t = timer ? nextTimer!.Value : looks.Dequeue();
            if (t > end)
            {
                break;
            }
            var facts = timeline.AsOf(t).Concat(acknowledgements.Where(k => k.At <= t)).OrderBy(f => f.At).ToList();
            EvaluationResult result = Evaluator.Evaluate(Timeline.Create(timeline.InteractionId, facts), SimulationPolicy.Policy, t, SimulationPolicy.Context);
            HashSet<string> keys = result.EscalationActions.Select(a => a.Key.ToString()).ToHashSet();
            bool factNow = facts.Any(f => f.At == t);

            foreach (EscalationAction action in result.EscalationActions)
            {
                string key = action.Key.ToString();
                outcome.Listings++;
                Assert.True(action.DueAt <= t, $"{key} listed at {t} but due at {action.DueAt}");
                if (action.IsLate)
                {
                    outcome.LateListings++;
                }
                if (outcome.Recorded.TryAdd(key, Step(action)))
                {
                    Instant ackAt = t + Duration.FromMinutes(random.Next(1, 240));
                    if (random.NextDouble() < 0.3 && (cancelledAt is null || ackAt < cancelledAt))
                    {
                        acknowledgements.Add(new EscalationAcknowledged(ackAt, action.Key));
                        outcome.Acknowledged++;
                        nextTimer = Earliest(nextTimer, ackAt);
                    }
                }
                else
                {
                    // A deadline agreed since (DeadlineAgreed) moves the cycle's warnings with it: the same warning, under the
                    // same key, which the host has recorded already and does not send again.
                    bool agreedSince = action.Step == EscalationStep.Warning && facts.OfType<DeadlineAgreed>().Any(a =>
                        a.Kind == action.Commitment && a.Name == action.CommitmentName && a.Cycle == action.Cycle);
                    Assert.True(outcome.Recorded[key] == Step(action) || (agreedSince && Undated(outcome.Recorded[key]) == Undated(Step(action))),
                        $"{key} named {outcome.Recorded[key]}, now {Step(action)} at {t}");
                    if (!previous.Contains(key))
                    {
                        outcome.Reappeared++;   // listed again after a gap (say, a reopened cycle): recorded already, not again
                    }
                }
                if (timer && everListedByTimer.Add(key) && !factNow)
                {
                    // Woken by NextChangeAt alone, the timer lists a new step exactly when it falls due. (A fact can list
                    // one late: a reopened cycle lists the latest step that fell due while it was resolved.)
                    Assert.False(action.IsLate, $"the timer first listed {key} at {t}, after its due instant {action.DueAt}, with no fact then");
                }
            }

            previous = keys;
            if (timer)
            {
                timerKeys = keys;
                nextTimer = Earliest(result.NextChangeAt, NextFact(timeline, acknowledgements, t));
            }
            else
            {
                // Nothing changes between two wakes of the timer, so a look sees what the timer saw: no key depends on a look.
                outcome.Looks++;
                Assert.True(timerKeys.SetEquals(keys), $"a look at {t} listed [{string.Join(" ", keys)}], the timer [{string.Join(" ", timerKeys)}]");
            }
        }
        return outcome;
    }

    /// <summary>What a key must always name: the step, its target and its due instant (not the recipient, which is
    /// resolved when planning, nor lateness, which depends on when one looks).</summary>
    private static string Undated(string step) => step[..step.LastIndexOf(" due ", StringComparison.Ordinal)];

    private static string Step(EscalationAction a) =>
        $"{a.InteractionId} {a.Commitment} {a.CommitmentName} {a.Cycle} {a.ChainName}@v{a.ChainVersion} {a.Step} {a.StepIndex} " +
        $"R{a.Repeat} {a.Action} {a.CustomAction} due {a.DueAt}";

    private static Instant? NextFact(Timeline timeline, List<EscalationAcknowledged> acknowledgements, Instant t) =>
        timeline.Select(f => f.At).Concat(acknowledgements.Select(k => k.At)).Where(at => at > t).Select(at => (Instant?)at).Min();

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private sealed class Outcome
    {
        public Dictionary<string, string> Recorded { get; } = new();

        public long Listings { get; set; }

        public long LateListings { get; set; }

        public long Looks { get; set; }

        public long Acknowledged { get; set; }

        public long Reappeared { get; set; }
    }
}
