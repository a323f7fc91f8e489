// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// A reopened ticket under a resolution target that resumes its cycle (today's behaviour, the default) or starts a new
/// one. The ticket (UK office, Mon-Fri 09:00-17:00, resolution within 8 business hours) is opened on Monday 10 March 2025
/// at 09:00, resolved at 13:00 (4 hours used) and reopened on Tuesday at 09:00; some rows resolve and reopen it again.
/// Each cycle reads "number state deadline".
/// </summary>
public class ReopenScenarioTests
{
    [Theory]
    //          mode                 later facts                                                 evaluated at             cycles
    [InlineData(ReopenMode.Resume,   "",                                                         "2025-03-10 20:00",      "0 Met 2025-03-10 17:00", false)]
    [InlineData(ReopenMode.NewCycle, "",                                                         "2025-03-10 20:00",      "0 Met 2025-03-10 17:00", false)]
    [InlineData(ReopenMode.Resume,   "",                                                         "2025-03-11 12:00",      "0 OnTrack 2025-03-11 13:00")]
    [InlineData(ReopenMode.Resume,   "",                                                         "2025-03-11 13:00",      "0 OnTrack 2025-03-11 13:00")]
    [InlineData(ReopenMode.Resume,   "",                                                         "2025-03-11 13:00+1ns",  "0 Breached 2025-03-11 13:00")]
    [InlineData(ReopenMode.Resume,   "resolved 2025-03-11 15:00",                                "2025-03-11 16:00",      "0 MetLate 2025-03-11 13:00")]
    [InlineData(ReopenMode.Resume,   "resolved 2025-03-11 15:00, reopened 2025-03-12 09:00",     "2025-03-12 10:00",      "0 Breached 2025-03-11 13:00")]
    [InlineData(ReopenMode.NewCycle, "",                                                         "2025-03-11 12:00",      "0 Met 2025-03-10 17:00 | 1 OnTrack 2025-03-11 17:00")]
    [InlineData(ReopenMode.NewCycle, "",                                                         "2025-03-11 17:00",      "0 Met 2025-03-10 17:00 | 1 OnTrack 2025-03-11 17:00")]
    [InlineData(ReopenMode.NewCycle, "",                                                         "2025-03-11 17:00+1ns",  "0 Met 2025-03-10 17:00 | 1 Breached 2025-03-11 17:00")]
    [InlineData(ReopenMode.NewCycle, "resolved 2025-03-11 15:00",                                "2025-03-11 16:00",      "0 Met 2025-03-10 17:00 | 1 Met 2025-03-11 17:00")]
    [InlineData(ReopenMode.NewCycle, "resolved 2025-03-11 15:00, reopened 2025-03-12 09:00",     "2025-03-12 10:00",      "0 Met 2025-03-10 17:00 | 1 Met 2025-03-11 17:00 | 2 OnTrack 2025-03-12 17:00")]
    [InlineData(ReopenMode.NewCycle, "resolved 2025-03-14 16:00",                                "2025-03-14 16:00",      "0 Met 2025-03-10 17:00 | 1 MetLate 2025-03-11 17:00")]
    public void ReopenedTicket(ReopenMode mode, string later, string evaluatedAt, string cycles, bool reopened = true)
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Resolution", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(8))).WithReopenMode(mode))
            .Build();
        var facts = new List<TimelineFact> { new InteractionOpened(At("2025-03-10 09:00"), Owner.Person("alice")), new InteractionResolved(At("2025-03-10 13:00")) };
        if (reopened)
        {
            facts.Add(new InteractionReopened(At("2025-03-11 09:00")));
        }
        foreach (string fact in later.Split(", ", StringSplitOptions.RemoveEmptyEntries))
        {
            facts.Add(fact.StartsWith("resolved ", StringComparison.Ordinal)
                ? new InteractionResolved(At(fact["resolved ".Length..]))
                : new InteractionReopened(At(fact["reopened ".Length..])));
        }
        Instant now = ServicePolicy.Tests.Escalation.Ladder.When(evaluatedAt);

        EvaluationResult result = Evaluator.Evaluate(Timeline.Create("T-7", facts).AsOf(now), policy, now);

        Assert.Equal(cycles, string.Join(" | ", result.Commitments
            .Where(c => c.Kind == CommitmentKind.Resolution)
            .Select(c => $"{c.Cycle} {c.State} {Local(c.Deadline)}")));
    }

    [Fact]
    public void WithReopenMode_OnlyForResolution_AndKeptByTheOtherCopies()
    {
        ServiceTarget resolution = ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)));
        Assert.Equal(ReopenMode.Resume, resolution.ReopenMode);
        ServiceTarget fresh = resolution.WithReopenMode(ReopenMode.NewCycle)
            .WithCalendar(Office)
            .WithAtRisk(AtRiskThreshold.AtPercent(75))
            .WithRemedies(BreachRemedy.Apology());
        Assert.Equal(ReopenMode.NewCycle, fresh.ReopenMode);

        ServiceTarget firstResponse = ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)));
        Assert.Equal(ReopenMode.Resume, firstResponse.WithReopenMode(ReopenMode.Resume).ReopenMode);
        var e = Assert.Throws<ArgumentException>(() => firstResponse.WithReopenMode(ReopenMode.NewCycle));
        Assert.Equal("mode", e.ParamName);
        Assert.StartsWith("Only a Resolution target has a cycle a reopening resumes, so only it can start a new one; FirstResponse: ", e.Message, StringComparison.Ordinal);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => resolution.WithReopenMode((ReopenMode)2)).ParamName);
    }
}
