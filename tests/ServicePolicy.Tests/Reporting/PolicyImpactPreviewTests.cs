// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Reporting;

/// <summary>
/// The scenario on <see cref="ReportingScenario"/>'s tickets: tightening the first response from 8 to 4
/// business hours. Under 8 hours (evaluated Tuesday 12:30) T-1, T-2 and T-3 are met on time, T-5 (7.5h used) is at
/// risk, T-4 (3.5h) and T-6 (1.5h) on track, T-7 cancelled; under 4 hours T-2 (met after 5h) is met late and T-5
/// breached, T-4 at risk.
/// </summary>
public class PolicyImpactPreviewTests
{
    private static readonly ServiceLevelPolicySet Eight = Set(ReportingScenario.Policy(8, version: 1));
    private static readonly ServiceLevelPolicySet Four = Set(ReportingScenario.Policy(4, version: 2));

    private static IEnumerable<Timeline> Timelines => ReportingScenario.Tickets().Select(t => t.Timeline);

    [Fact]
    public void Compare_TighteningFrom8To4BusinessHours_TurnsMetIntoBreached()
    {
        PolicyImpactReport impact = PolicyImpactPreview.Compare(Timelines, Eight, Four, new PolicyImpactSettings(Zone, now: ReportingScenario.Now));

        Assert.Equal(new AttainmentCounts(metOnTime: 3, metLate: 0, breached: 0, openAtRisk: 1, openOnTrack: 2, cancelled: 1), impact.Current.Cycles);
        Assert.Equal(new AttainmentCounts(metOnTime: 2, metLate: 1, breached: 1, openAtRisk: 1, openOnTrack: 1, cancelled: 1), impact.Proposed.Cycles);
        Assert.Equal(
            [
                new BreachChange("T-2", "FirstResponse", 0, Attainment.MetOnTime, Attainment.MetLate),
                new BreachChange("T-5", "FirstResponse", 0, Attainment.OpenAtRisk, Attainment.Breached),
            ],
            impact.BreachesGained);
        Assert.Empty(impact.BreachesLost);
        Assert.Equal((0L, 2L), (impact.Current.InteractionsBreached, impact.Proposed.InteractionsBreached));
        Assert.Empty(impact.Current.RemediesDue);
        Assert.Equal([new RemedyTotal(RemedyKind.Apology, null, 2, 0m), new RemedyTotal(RemedyKind.Credit, "GBP", 2, 20m)], impact.Proposed.RemediesDue);
        Assert.Null(impact.EscalationsCurrent);
    }

    [Theory]
    //                                 dimension       key          breaches under 8h, under 4h
    [InlineData(ReportDimension.Team, "support", 0, 1)]
    [InlineData(ReportDimension.Team, "", 0, 1)]
    [InlineData(ReportDimension.Team, "billing", 0, 0)]
    [InlineData(ReportDimension.Policy, "desk v1", 0, 0)]
    [InlineData(ReportDimension.Policy, "desk v2", 0, 2)]
    [InlineData(ReportDimension.Period, "2025-03-10", 0, 2)]
    public void Compare_TighteningFrom8To4BusinessHours_GroupsSideBySide(ReportDimension dimension, string key, long before, long after)
    {
        PolicyImpactReport impact = PolicyImpactPreview.Compare(Timelines, Eight, Four, new PolicyImpactSettings(Zone, now: ReportingScenario.Now));

        AttainmentDelta delta = Assert.Single(impact.Groups, g => g.Dimension == dimension && g.Key == key);
        Assert.Equal((before, after, after - before), (delta.Current.Breaches, delta.Proposed.Breaches, delta.BreachesChange));
    }

    [Fact]
    public void Compare_Loosening_ListsTheBreachesLost()
    {
        PolicyImpactReport impact = PolicyImpactPreview.Compare(Timelines, Four, Eight, new PolicyImpactSettings(Zone, now: ReportingScenario.Now));

        Assert.Equal(["T-2", "T-5"], impact.BreachesLost.Select(c => c.InteractionId));
        Assert.Empty(impact.BreachesGained);
    }

    [Fact]
    public void Compare_WithEscalation_CountsEveryStepThatWouldHaveFired()
    {
        // One level at the breach: under 4 hours T-2 escalates at Mon 13:00 (before its late reply) and T-5 at Tue 09:00.
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, At("2025-01-01 00:00"), new EscalationContact("desk-lead"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Role("lead"), EscalationDelay.Zero))
            .Build();
        var settings = new PolicyImpactSettings(Zone, now: ReportingScenario.Now, escalation: EscalationContext.Create(new Leads(), chain));

        PolicyImpactReport impact = PolicyImpactPreview.Compare(Timelines,
            Set(ReportingScenario.Policy(8, 1, "ladder")), Set(ReportingScenario.Policy(4, 2, "ladder")), settings);

        Assert.Equal((0L, 2L), (impact.EscalationsCurrent, impact.EscalationsProposed));
    }

    [Fact]
    public void Compare_EachAtItsOwnEnd_EvaluatesAtTheLastFact()
    {
        // T-1 alone, at its reply (Mon 10:00): met on time under both.
        Timeline t1 = Timelines.First();

        PolicyImpactReport impact = PolicyImpactPreview.Compare([t1], Eight, Four, new PolicyImpactSettings(Zone));

        Assert.Equal(1, impact.Proposed.Cycles.MetOnTime);
        Assert.Empty(impact.BreachesGained);
    }

    [Fact]
    public void Compare_NullTimeline_ThrowsNamingTheArgument()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            PolicyImpactPreview.Compare([null!], Eight, Four, new PolicyImpactSettings(Zone)));
        Assert.Equal("timelines", e.ParamName);
    }

    private static ServiceLevelPolicySet Set(ServiceLevelPolicy policy) => new([], policy);

    private sealed class Leads : IEscalationDirectory
    {
        public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at) => [new EscalationContact("lead")];
    }
}
