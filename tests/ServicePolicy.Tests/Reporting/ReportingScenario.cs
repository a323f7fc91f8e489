// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Reporting;

/// <summary>
/// Seven tickets of a UK office (Mon-Fri 09:00-17:00; Monday 10 March 2025) under one policy, a first response within
/// 4 business hours (at risk at 75%, an apology and a 10 GBP credit when breached), all evaluated at Tuesday 12:30:
/// <code>
/// ticket  opened     owner          channel tier      reply        first response (deadline)         on clock / elapsed
/// T-1     Mon 09:00  team:support   email   gold      Mon 10:00    met on time (Mon 13:00)           1h / 1h
/// T-2     Mon 09:00  team:support   email   standard  Mon 14:00    met late (Mon 13:00)              5h / 5h
/// T-3     Mon 16:00  team:billing   chat    gold      Tue 10:00    met on time (Tue 12:00)           2h / 18h
/// T-4     Tue 09:00  team:billing   chat    (none)    -            open at risk: 3.5h of 4 used      -
/// T-5     Mon 13:00  person:alice   phone   standard  -            breached (Tue 09:00)              -
/// T-6     Tue 11:00  team:support   email   standard  -            open on track: 1.5h of 4 used     -
/// T-7     Mon 11:00  team:support   web     standard  resolved Mon 11:30 unanswered: cancelled   -
/// </code>
/// T-4 is internal, the others external.
/// </summary>
internal static class ReportingScenario
{
    public static readonly Instant Now = At("2025-03-11 12:30");

    public static ServiceLevelPolicy Policy(double firstResponseHours = 4) => ServiceLevelPolicy.CreateBuilder("desk", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromMinutes(firstResponseHours * 60)))
            .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Credit(10, "GBP")))
        .WithAtRisk(AtRiskThreshold.AtPercent(75))
        .Build();

    public static IReadOnlyList<(Timeline Timeline, InteractionProfile Profile)> Tickets() =>
    [
        Ticket("T-1", "2025-03-10 09:00", Owner.Team("support"), new("email", customerTier: "gold"), new AgentReplied(At("2025-03-10 10:00"))),
        Ticket("T-2", "2025-03-10 09:00", Owner.Team("support"), new("email", customerTier: "standard"), new AgentReplied(At("2025-03-10 14:00"))),
        Ticket("T-3", "2025-03-10 16:00", Owner.Team("billing"), new("chat", customerTier: "gold"), new AgentReplied(At("2025-03-11 10:00"))),
        Ticket("T-4", "2025-03-11 09:00", Owner.Team("billing"), new("chat", isInternal: true)),
        Ticket("T-5", "2025-03-10 13:00", Owner.Person("alice"), new("phone", customerTier: "standard")),
        Ticket("T-6", "2025-03-11 11:00", Owner.Team("support"), new("email", customerTier: "standard")),
        Ticket("T-7", "2025-03-10 11:00", Owner.Team("support"), new("web", customerTier: "standard"), new InteractionResolved(At("2025-03-10 11:30"))),
    ];

    /// <summary>Aggregates the tickets evaluated at <see cref="Now"/> under <paramref name="policy"/>.</summary>
    public static AttainmentAggregator Aggregate(ServiceLevelPolicy policy, ReportPeriod period = ReportPeriod.Day)
    {
        var aggregator = new AttainmentAggregator(Zone, period);
        foreach ((Timeline timeline, InteractionProfile profile) in Tickets())
        {
            aggregator.Add(Evaluator.Evaluate(timeline, policy, Now), profile);
        }
        return aggregator;
    }

    private static (Timeline, InteractionProfile) Ticket(string id, string opened, Owner owner, InteractionProfile profile, params TimelineFact[] facts) =>
        (Timeline.Create(id, [new InteractionOpened(At(opened), owner, profile), .. facts]), profile);
}
