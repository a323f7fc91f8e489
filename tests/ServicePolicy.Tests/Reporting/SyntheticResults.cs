// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Tests.Reporting;

/// <summary>
/// Evaluation results made up from a seed through the internal constructors (every state, custom kinds, cycles over
/// two months and DST changes, met durations from zero to weeks, remedies, handoff-limit breaches), with the profile
/// and team the host would add: the input of the aggregation properties.
/// </summary>
internal static class SyntheticResults
{
    private static readonly ServiceLevelPolicy[] Policies =
    [
        ServiceLevelPolicy.CreateBuilder("standard", 1, BusinessCalendar.AlwaysOpen).AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinElapsedTime(Duration.FromHours(4))).Build(),
        ServiceLevelPolicy.CreateBuilder("standard", 2, BusinessCalendar.AlwaysOpen).AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinElapsedTime(Duration.FromHours(2))).Build(),
        ServiceLevelPolicy.CreateBuilder("gold, \"vip\"", 1, BusinessCalendar.AlwaysOpen).AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinElapsedTime(Duration.FromHours(1))).Build(),
    ];

    private static readonly Owner[] Owners = [Owner.Team("support"), Owner.Team("billing"), Owner.Person("alice"), Owner.Person("bob")];

    private static readonly InteractionProfile[] Profiles =
    [
        new("email", "normal", "gold"), new("chat", "urgent", "standard"), new("phone"), new(isInternal: true), InteractionProfile.Unspecified,
    ];

    private static readonly BreachRemedy[] Remedies = [BreachRemedy.Apology(), BreachRemedy.Credit(12.5m, "GBP"), BreachRemedy.Credit(10, "EUR")];

    public static List<(EvaluationResult Result, InteractionProfile Profile, string? Team)> Create(int count, int seed)
    {
        var random = new Random(seed);
        // Remedies given and feedback answers from a stream of their own, so the rest is as it was before they existed.
        var amends = new Random(~seed);
        var list = new List<(EvaluationResult, InteractionProfile, string?)>(count);
        Instant origin = Instant.FromUtc(2025, 3, 1, 0, 0);
        for (int i = 0; i < count; i++)
        {
            string id = "S-" + i;
            int cycles = random.Next(0, 5);
            var statuses = new List<CommitmentStatus>();
            var remedies = new List<RemedyDue>();
            for (int c = 0; c < cycles; c++)
            {
                var kind = (CommitmentKind)random.Next(0, 8);
                string? name = kind == CommitmentKind.Custom ? (random.Next(2) == 0 ? "callback" : "visit, \"on site\"") : null;
                var state = (CommitmentState)random.Next(0, 7);
                Instant started = origin + Duration.FromMinutes(random.Next(0, 60 * 24 * 60));
                Duration target = Duration.FromMinutes(random.Next(0, 60 * 24));
                Duration elapsed = Duration.FromMilliseconds(random.NextInt64(0, 14L * 24 * 3600 * 1000));
                Instant deadline = started + target;
                Instant? metAt = state is CommitmentState.Met or CommitmentState.MetLate ? started + elapsed + Duration.FromMinutes(random.Next(0, 600)) : null;
                Instant? endedAt = state == CommitmentState.Cancelled ? started + elapsed : null;
                var status = new CommitmentStatus(kind, name, c, started, state, deadline, null, target, elapsed, metAt, endedAt,
                    Policies[0], origin); // the reports read the result's policy; drawing this one would change the pinned data
                statuses.Add(status);
                if (state is CommitmentState.MetLate or CommitmentState.Breached && random.Next(2) == 0)
                {
                    int r = random.Next(Remedies.Length);
                    remedies.Add(new RemedyDue(Remedies[r], deadline, status, ActionKey.Remedy(id, kind, name, c, r)));
                }
            }
            Instant? handoffBreach = random.Next(10) == 0 ? origin : null;
            ServiceLevelPolicy policy = Policies[random.Next(Policies.Length)];
            var given = new List<GivenRemedy>();
            for (int r = remedies.Count - 1; r >= 0; r--)
            {
                if (amends.Next(3) == 0)
                {
                    RemedyDue due = remedies[r];
                    decimal? applied = due.Remedy.Amount is { } amount && amends.Next(2) == 0 ? amount + 1 : null;
                    given.Add(new GivenRemedy(due, new RemedyGiven(due.DueAt + Duration.FromMinutes(amends.Next(0, 600)), due.Key,
                        applied, applied is null ? null : due.Remedy.Currency)));
                    remedies.RemoveAt(r);
                }
            }
            var feedback = new List<FeedbackReceived>();
            for (int f = amends.Next(0, 4) - 1; f > 0; f--)
            {
                feedback.Add(new FeedbackReceived(origin + Duration.FromDays(60), amends.Next(1, 6)));
            }
            var result = new EvaluationResult(id, policy, origin + Duration.FromDays(70), Owners[random.Next(Owners.Length)], 0, handoffBreach,
                statuses, remedies, [], null, origin)
            {
                RemediesGiven = given,
                Feedback = feedback,
            };
            string? team = random.Next(4) == 0 ? "escalations" : null;
            list.Add((result, Profiles[random.Next(Profiles.Length)], team));
        }
        return list;
    }

    public static ServicePolicy.Reporting.AttainmentAggregator Aggregate(IEnumerable<(EvaluationResult Result, InteractionProfile Profile, string? Team)> results,
        DateTimeZone zone, ServicePolicy.Reporting.ReportPeriod period)
    {
        var aggregator = new ServicePolicy.Reporting.AttainmentAggregator(zone, period);
        foreach ((EvaluationResult result, InteractionProfile profile, string? team) in results)
        {
            aggregator.Add(result, profile, team);
        }
        return aggregator;
    }
}
