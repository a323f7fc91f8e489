// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Reporting;

/// <summary>Two measures of one kind are two rows of the Kind dimension, keyed as in action keys.</summary>
public class MeasureReportingTests
{
    [Fact]
    public void ToReport_TwoResolutionMeasures_AreTwoKindRows()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Measured", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(40))).WithName("requester wait time"))
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(16))).WithName("agent work time"))
            .Build();
        Timeline timeline = Timeline.Create("R-1", [
            new InteractionOpened(At("2025-03-03 10:00"), Owner.Person("alice")),
            new AgentReplied(At("2025-03-03 11:00")),
            new InteractionResolved(At("2025-03-06 10:00")), // 23 business hours: within 40, not within 16
        ]);
        var aggregator = new AttainmentAggregator(DateTimeZone.Utc);

        aggregator.Add(Evaluator.Evaluate(timeline, policy, At("2025-03-07 10:00")), timeline.Opened.Profile);

        AttainmentRow[] rows = aggregator.ToReport().RowsOf(ReportDimension.Kind).ToArray();
        Assert.Equal(
            [("FirstResponse", 1L, 0L), ("Resolution:agent work time", 0L, 1L), ("Resolution:requester wait time", 1L, 0L)],
            rows.Select(r => (r.Key, r.Cycles.MetOnTime, r.Cycles.MetLate)));
    }
}
