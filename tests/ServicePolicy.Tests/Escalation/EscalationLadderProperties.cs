// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Escalation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Escalation;

/// <summary>A random chain, breach, evaluated instant and acknowledgements for <see cref="EscalationLadder.Run"/>.</summary>
public sealed record LadderCase(EscalationChain Chain, Instant Breach, Instant Now, (int Level, int Repeat, Instant At)[] Acks)
{
    private static readonly Instant Origin = At("2025-03-03 00:00");

    public static Arbitrary<LadderCase> Arbitrary() =>
        (from levels in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(LevelGen, n))
         from repeat in RepeatGen(levels.Length)
         from timeout in Gen.OneOf(Gen.Constant<EscalationDelay?>(null), Gen.Choose(10, 600).Select(m => (EscalationDelay?)EscalationDelay.Elapsed(Duration.FromMinutes(m))))
         from fireAll in Gen.Elements(false, false, true)
         from breach in Gen.Choose(0, 7 * 24 * 60)
         from span in Gen.OneOf(Gen.Choose(0, 600), Gen.Choose(0, 3 * 24 * 60), Gen.Choose(0, 20 * 24 * 60))
         from acks in Gen.ArrayOf(from level in Gen.Choose(0, levels.Length - 1)
                                  from r in Gen.OneOf(Gen.Choose(0, 3), Gen.Choose(0, 400))
                                  from at in Gen.Choose(0, span)
                                  select (level, r, at))
         select Build(levels, repeat, timeout, fireAll, breach, span, acks)).ToArbitrary();

    private static Gen<EscalationLevel> LevelGen =>
        from delay in DelayGen(allowZero: true)
        from stops in Gen.Elements(true, true, false)
        from waits in Gen.Elements(false, false, false, true)
        select EscalationLevel.Create(EscalationRecipient.OwnersLead, delay).WithStopOnAcknowledgement(stops).WithWaitForWorkingHours(waits);

    private static Gen<EscalationDelay> DelayGen(bool allowZero) =>
        from kind in Gen.Choose(allowZero ? 0 : 1, 2)
        from minutes in Gen.Choose(1, 180)
        select kind switch
        {
            0 => EscalationDelay.Zero,
            1 => EscalationDelay.Elapsed(Duration.FromMinutes(minutes)),
            _ => EscalationDelay.Business(Duration.FromMinutes(minutes), Office),
        };

    private static Gen<EscalationRepeat?> RepeatGen(int levels) =>
        Gen.OneOf(
            Gen.Constant<EscalationRepeat?>(null),
            from fromLevel in Gen.Choose(0, levels - 1)
            from every in Gen.OneOf(DelayGen(allowZero: false), Gen.Choose(1, 5).Select(m => EscalationDelay.Elapsed(Duration.FromMinutes(m))))
            from max in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 5).Select(m => (int?)m), Gen.Choose(1, 5000).Select(m => (int?)m))
            select (EscalationRepeat?)EscalationRepeat.Create(fromLevel, every, max));

    private static LadderCase Build(EscalationLevel[] levels, EscalationRepeat? repeat, EscalationDelay? timeout, bool fireAll, int breach, int span,
        (int Level, int Repeat, int At)[] acks)
    {
        EscalationChainBuilder builder = EscalationChain.CreateBuilder("p", 1, Origin, new EscalationContact("fallback"))
            .WithCatchUp(fireAll ? EscalationCatchUp.FireAllMissed : EscalationCatchUp.LatestOnly);
        foreach (EscalationLevel level in levels)
        {
            builder.AddLevel(level);
        }
        if (repeat is not null)
        {
            // A round walked step by step must cap its repeats (a chain that repeats it until met does not build).
            bool walked = EscalationChainBuilder.RepeatIsWalked(levels.ToList(), repeat);
            builder.WithRepeat(walked && repeat.MaxRepeats is null ? EscalationRepeat.Create(repeat.FromLevel, repeat.Every, 5000) : repeat);
        }
        if (timeout is not null && levels.Any(l => l.StopsOnAcknowledgement))
        {
            builder.WithAcknowledgementTimeout(timeout);
        }
        Instant start = Origin + Duration.FromMinutes(breach);
        return new LadderCase(builder.Build(), start, start + Duration.FromMinutes(span),
            acks.Select(a => (a.Level, a.Repeat, start + Duration.FromMinutes(a.At))).ToArray());
    }

    internal TestSite Site(Counter? counter = null) => new(Acks.GroupBy(a => (a.Level, a.Repeat)).ToDictionary(g => g.Key, g => g.Min(a => a.At)), counter);

    public override string ToString() =>
        $"breach {Local(Breach)}, now {Local(Now)}, {string.Join(", ", Chain.Levels)}; repeat {Chain.Repeat}; ack timeout {Chain.AcknowledgementTimeout}; {Chain.CatchUp}; acks {string.Join(", ", Acks.Select(a => $"L{a.Level}/R{a.Repeat}@{Local(a.At)}"))}";
}

/// <summary>Counts the ladder's questions to its site.</summary>
internal sealed class Counter
{
    public int WaitFor { get; set; }
}

/// <summary>Working hours are the office's; acknowledgements by (level, repeat).</summary>
internal readonly struct TestSite(Dictionary<(int Level, int Repeat), Instant> acks, Counter? counter) : ILadderSite
{
    public Instant WaitFor(EscalationLevel level, Instant nominal)
    {
        if (counter is not null)
        {
            counter.WaitFor++;
        }
        return level.WaitsForWorkingHours ? Office.NextOpen(nominal) : nominal;
    }

    public Instant? AcknowledgedAt(int level, int repeat) => acks.TryGetValue((level, repeat), out Instant at) ? at : null;

    public int FirstAcknowledgedRepeat(int level, int fromRepeat) =>
        acks.Keys.Where(k => k.Level == level && k.Repeat >= fromRepeat).Select(k => k.Repeat).DefaultIfEmpty(int.MaxValue).Min();
}

/// <summary>The computed ladder agrees with the slow reference that walks every step (<see cref="ReferenceLadder"/>).</summary>
public class EscalationLadderProperties
{
    [Property(Arbitrary = [typeof(LadderCase)], MaxTest = 1500)]
    public void Run_AgreesWithTheStepByStepReference(LadderCase c)
    {
        var expected = new List<LadderStep>();
        Instant? expectedNext = ReferenceLadder.Run(c.Chain, c.Breach, c.Now, c.Site(), expected);
        var actual = new List<LadderStep>();
        LadderAhead ahead = EscalationLadder.Plan(c.Chain, c.Breach, c.Now, c.Site(), actual);

        Assert.Equal(expectedNext, ahead.Next);
        if (c.Chain.CatchUp != EscalationCatchUp.FireAllMissed || ahead.Unlisted == 0)
        {
            Assert.Equal(expected, actual);
            Assert.Equal(0, ahead.Unlisted);
            return;
        }
        // A capped catch-up lists the latest of the missed steps that are not acknowledged, at least the cap's worth
        // when there are, and counts the earlier ones.
        TestSite site = c.Site();
        LadderStep[] missed = expected.Where(s => site.AcknowledgedAt(s.Level, s.Repeat) is null).ToArray();
        LadderStep[] listed = actual.Where(s => site.AcknowledgedAt(s.Level, s.Repeat) is null).ToArray();
        Assert.Equal(missed.Length, listed.Length + ahead.Unlisted);
        Assert.Equal(missed[ahead.Unlisted..], listed);
    }

    [Property(Arbitrary = [typeof(LadderCase)], MaxTest = 500)]
    public void Plan_NextUnacknowledged_IsTheFirstStepAfterNowThatIsNotAcknowledged(LadderCase c)
    {
        LadderAhead ahead = EscalationLadder.Plan(c.Chain, c.Breach, c.Now, c.Site(), new List<LadderStep>());
        if (ahead.NextUnacknowledged is not { } next || c.Chain.CatchUp != EscalationCatchUp.FireAllMissed)
        {
            return;
        }
        // Everything up to it: acknowledgements are at or before now, so a later evaluation lists exactly the steps
        // the reference walks; those after now and before the next unacknowledged one are all acknowledged.
        var walked = new List<LadderStep>();
        ReferenceLadder.Run(c.Chain, c.Breach, next, c.Site(), walked);   // under FireAllMissed: every step
        TestSite site = c.Site();
        Assert.Contains(walked, s => s.At == next && site.AcknowledgedAt(s.Level, s.Repeat) is null);
        Assert.All(walked.Where(s => s.At > c.Now && s.At < next), s => Assert.NotNull(site.AcknowledgedAt(s.Level, s.Repeat)));
    }

    [Property(Arbitrary = [typeof(LadderCase)], MaxTest = 500)]
    public void Run_ListsStepsAtOrBeforeNow_AndTheNextAfterIt(LadderCase c)
    {
        var listed = new List<LadderStep>();
        Instant? next = EscalationLadder.Run(c.Chain, c.Breach, c.Now, c.Site(), listed);

        Assert.All(listed, s => Assert.True(s.At <= c.Now && s.At >= c.Breach));
        Assert.True(next is null || next > c.Now);
        Assert.True(c.Chain.CatchUp == EscalationCatchUp.FireAllMissed || listed.Select(s => s.At).Distinct().Count() <= 1);
    }

    [Fact]
    public void Run_RepeatingEveryMinuteForThirtyDays_DoesNotWalkTheSteps()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("minutely", 1, At("2025-01-01 00:00"), new EscalationContact("fallback"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Elapsed(Duration.FromMinutes(1))))
            .WithRepeat(EscalationRepeat.Create(1, EscalationDelay.Elapsed(Duration.FromMinutes(1)), maxRepeats: null))
            .Build();
        Instant breach = At("2025-03-03 10:00");
        Instant now = breach + Duration.FromDays(30) + Duration.FromSeconds(30);
        var counter = new Counter();
        var listed = new List<LadderStep>();

        Instant? next = EscalationLadder.Run(chain, breach, now, new TestSite([], counter), listed);

        LadderStep step = Assert.Single(listed);
        Assert.Equal(new LadderStep(breach + Duration.FromDays(30), breach + Duration.FromDays(30), 1, 30 * 24 * 60 - 1), step);
        Assert.Equal(breach + Duration.FromDays(30) + Duration.FromMinutes(1), next);
        Assert.InRange(counter.WaitFor, 1, 10);
    }

    [Fact]
    public void Run_RepeatingInBusinessTime_JumpsToo()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("hourly", 1, At("2025-01-01 00:00"), new EscalationContact("fallback"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .WithRepeat(EscalationRepeat.Create(0, EscalationDelay.Business(Duration.FromMinutes(5), Office), maxRepeats: null))
            .Build();
        var counter = new Counter();
        var listed = new List<LadderStep>();
        var expected = new List<LadderStep>();
        Instant breach = At("2025-03-03 10:00"), now = At("2025-06-30 12:02");

        Instant? next = EscalationLadder.Run(chain, breach, now, new TestSite([], counter), listed);

        Assert.Equal(ReferenceLadder.Run(chain, breach, now, new TestSite([], null), expected), next);
        Assert.Equal(expected, listed);
        Assert.Equal(At("2025-06-30 12:05"), next);
        Assert.InRange(counter.WaitFor, 1, 10);
    }

    [Fact]
    public void Run_HeldLongerThanTheOldCap_NextChangeIsTheRestart()
    {
        // Every level stops on acknowledgement and repeats every minute; held for 2 hours from 10:05. The old planner
        // gave up after 2 × (levels + 1) held steps after now and reported no next change; the ladder restarts at 12:05.
        EscalationChain chain = EscalationChain.CreateBuilder("held", 1, At("2025-01-01 00:00"), new EscalationContact("fallback"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .WithRepeat(EscalationRepeat.Create(0, EscalationDelay.Elapsed(Duration.FromMinutes(1)), maxRepeats: null))
            .WithAcknowledgementTimeout(EscalationDelay.Elapsed(Duration.FromHours(2)))
            .Build();
        var acks = new Dictionary<(int, int), Instant> { [(0, 5)] = At("2025-03-03 10:05") };
        var listed = new List<LadderStep>();

        Instant? next = EscalationLadder.Run(chain, At("2025-03-03 10:00"), At("2025-03-03 10:30"), new TestSite(acks, null), listed);

        Assert.Equal(At("2025-03-03 12:05"), next);
        Assert.Equal([new LadderStep(At("2025-03-03 10:05"), At("2025-03-03 10:05"), 0, 5)], listed);
    }
}
