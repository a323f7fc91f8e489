// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Tests.Escalation;
using ServicePolicy.Tests.Evaluation;
using Xunit;
using Xunit.Abstractions;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>
/// The delivery guarantee end to end: random timelines (<see cref="TimelineCase"/>) under <see cref="SimulationPolicy"/>,
/// evaluated by two hosts side by side that share one dispatch log. Host A evaluates when a fact arrives and at every
/// <c>NextChangeAt</c>, except during a random downtime after which it evaluates late; host B evaluates at random
/// instants. Random acknowledgements of delivered keys are appended as facts. After each delivery, the process may
/// crash before the log write (and restarts at once, as a new claimant, re-evaluating at the same instant).
/// </summary>
public class EscalationSimulationTests
{
    private readonly ITestOutputHelper output;

    public EscalationSimulationTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Simulation_DeliversEveryDueActionAtLeastOnce_AndTwiceOnlyAfterACrash()
    {
        long actions = 0, runs = 0, crashes = 0, crashDuplicates = 0, lateActions = 0;
        Gen<(TimelineCase Case, int Seed)> cases =
            from c in TimelineCase.Arbitrary().Generator
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select (c, seed);

        Prop.ForAll(cases.ToArbitrary(), input =>
            {
                Outcome outcome = Simulate(input.Case, input.Seed);

                Assert.All(outcome.Due, key => Assert.True(outcome.Deliveries.ContainsKey(key), $"due key {key} was never delivered"));
                foreach ((string key, int count) in outcome.Deliveries)
                {
                    int allowed = 1 + outcome.CrashesAfter.GetValueOrDefault(key);
                    Assert.True(count <= allowed, $"{key} was delivered {count} times after {allowed - 1} crash(es) on it");
                    Assert.Contains(key, outcome.Due);
                }
                actions += outcome.Due.Count;
                lateActions += outcome.Late.Count;
                runs += outcome.Runs;
                crashes += outcome.CrashesAfter.Values.Sum();
                crashDuplicates += outcome.Deliveries.Values.Sum(n => n - 1);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(150));

        output.WriteLine($"{actions} distinct actions due ({lateActions} of them listed late), {runs} evaluation runs, {crashes} crashes " +
            $"between delivery and log write, {crashDuplicates} duplicate deliveries, all after those crashes; 0 other duplicates.");
        Assert.True(actions > 0 && crashes > 0 && lateActions > 0, "the simulation exercised nothing");
    }

    private static Outcome Simulate(TimelineCase c, int seed)
    {
        var random = new Random(seed);
        Timeline timeline = c.Timeline;
        Instant opened = timeline.Opened.At;
        Instant end = c.Now + Duration.FromDays(2);
        Instant? cancelledAt = timeline.OfType<InteractionCancelled>().Select(f => (Instant?)f.At).FirstOrDefault();
        Instant downFrom = opened + Duration.FromMinutes(random.Next(0, 5 * 24 * 60));
        Instant downUntil = downFrom + Duration.FromMinutes(random.Next(0, 24 * 60));
        var bTimes = new Queue<Instant>(Enumerable.Range(0, random.Next(2, 12))
            .Select(_ => opened + Duration.FromMinutes(random.Next(0, (int)((end - opened).TotalMinutes)))).Order());

        var outcome = new Outcome();
        var acks = new List<EscalationAcknowledged>();
        var clock = new ManualTimeProvider(opened);
        var notifier = new RecordingNotifier();
        var log = new CrashingLog(new InMemoryDispatchLog(), key =>
        {
            bool crash = random.NextDouble() < 0.15;
            if (crash)
            {
                outcome.CrashesAfter[key] = outcome.CrashesAfter.GetValueOrDefault(key) + 1;
            }
            return crash;
        });
        var options = new EscalationDispatcherOptions { TimeProvider = clock, LeaseDuration = Duration.FromMinutes(10) };
        EscalationDispatcher[] hosts = [new(notifier, log, clock, options), new(notifier, log, clock, options)];
        Instant? nextA = opened;
        int? restarting = null;

        // The budget of runs never cuts off a restart: a host that crashed re-evaluates at the same instant first.
        while (outcome.Runs < 400 || restarting is not null)
        {
            if (nextA is { } a && a >= downFrom && a < downUntil)
            {
                nextA = downUntil;
            }
            Instant? nextB = bTimes.Count > 0 ? bTimes.Peek() : null;
            if (nextA is null && nextB is null)
            {
                break;
            }
            bool hostA = nextB is null || (nextA is { } na && na <= nextB);
            Instant t = hostA ? nextA!.Value : bTimes.Dequeue();
            if (t > end)
            {
                break;
            }
            var facts = timeline.AsOf(t).Concat(acks.Where(k => k.At <= t)).OrderBy(f => f.At).ToList();
            EvaluationResult result = Evaluator.Evaluate(Timeline.Create(timeline.InteractionId, facts), SimulationPolicy.Policy, t, SimulationPolicy.Context);
            outcome.Runs++;
            foreach (EscalationAction action in result.EscalationActions)
            {
                outcome.Due.Add(action.Key.ToString());
                if (action.IsLate)
                {
                    outcome.Late.Add(action.Key.ToString());
                }
            }
            clock.Set(t);
            int host = hostA ? 0 : 1;
            var before = new Dictionary<string, int>(notifier.Deliveries);
            try
            {
                hosts[host].DispatchAsync(result.EscalationActions).GetAwaiter().GetResult();
                if (restarting == host)
                {
                    restarting = null;
                }
                if (hostA)
                {
                    nextA = Earliest(result.NextChangeAt, NextFact(timeline, acks, t));
                }
            }
            catch (CrashingLog.SimulatedCrash)
            {
                hosts[host] = new EscalationDispatcher(notifier, log, clock, options);
                restarting = host;
                if (!hostA)
                {
                    bTimes = new Queue<Instant>(bTimes.Prepend(t));
                }
            }
            foreach ((string key, int count) in notifier.Deliveries)
            {
                Instant ackAt = t + Duration.FromMinutes(random.Next(1, 240));
                if (count > before.GetValueOrDefault(key) && random.NextDouble() < 0.3 && (cancelledAt is null || ackAt < cancelledAt))
                {
                    acks.Add(new EscalationAcknowledged(ackAt, ActionKey.Parse(key)));
                }
            }
            outcome.Deliveries.Clear();
            foreach ((string key, int count) in notifier.Deliveries)
            {
                outcome.Deliveries[key] = count;
            }
        }
        return outcome;
    }

    private static Instant? NextFact(Timeline timeline, List<EscalationAcknowledged> acks, Instant t) =>
        timeline.Select(f => f.At).Concat(acks.Select(k => k.At)).Where(at => at > t).Select(at => (Instant?)at).Min();

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private sealed class Outcome
    {
        public HashSet<string> Due { get; } = new();

        public HashSet<string> Late { get; } = new();

        public Dictionary<string, int> Deliveries { get; } = new();

        public Dictionary<string, int> CrashesAfter { get; } = new();

        public int Runs { get; set; }
    }
}
