// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>A random valid timeline (<see cref="TimelineCase"/>) opened with a random profile and with profile changes
/// inserted between its facts, to evaluate under <see cref="Policies"/>; and <see cref="Unchanged"/>, the same
/// timeline without the changes.</summary>
public sealed record ProfileTimelineCase(Timeline Timeline, Timeline Unchanged, Instant Now, int[] Probes)
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>The profiles the cases switch between: priorities and teams that select each policy, with and without
    /// a customer zone.</summary>
    private static readonly InteractionProfile[] Profiles =
    [
        InteractionProfile.Unspecified,
        new(priority: "urgent"),
        new InteractionProfile(priority: "urgent").WithCustomerTimeZone(NewYork),
        new(attributes: [new("team", "billing")]),
        new InteractionProfile(attributes: [new("team", "billing")]).WithCustomerTimeZone(NewYork),
        InteractionProfile.Unspecified.WithCustomerTimeZone(NewYork),
    ];

    /// <summary>Three policies: "Urgent" (retroactive, kept to its end, first response in the customer's hours, a new
    /// resolution cycle at each reopening),
    /// "Billing" (from the change, cancelled; on a Mon-Sat calendar) and <see cref="TimelineCase.Policy"/> as the
    /// fallback (every kind of commitment).</summary>
    public static ServiceLevelPolicySet Policies { get; } = new(
        [
            ServiceLevelPolicy.CreateBuilder("Urgent", 1, Office)
                .AppliesTo(Applicability.Any.WithPriorities("urgent"))
                .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1))).WithHours(TargetHours.Customer))
                .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
                .AddTarget(CommitmentKind.FollowUp, DeadlineRule.WithinBusinessTime(Duration.FromHours(3)))
                .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
                    .WithRemedies(BreachRemedy.Apology()).WithReopenMode(ReopenMode.NewCycle))
                .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(4))))
                .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
                .WithAtRisk(AtRiskThreshold.AtPercent(50))
                .WithTargetStart(TargetStart.Retroactive)
                .WithReplacedTarget(ReplacedTarget.KeepToEnd)
                .Build(),
            ServiceLevelPolicy.CreateBuilder("Billing", 1, BusinessCalendar.Create("billing", "Europe/London", "Mon-Sat 08:00-20:00"))
                .AppliesTo(Applicability.Any.WithAttribute("team", "billing"))
                .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
                .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromHours(12)))
                .AddTarget(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
                .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.EndOfBusinessDay()).WithHours(TargetHours.Customer))
                .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
                .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution)
                .WithHandoffLimit(1, BreachRemedy.ProactiveMessage("sorry"))
                .Build(),
        ],
        TimelineCase.Policy);

    public static Arbitrary<ProfileTimelineCase> Arbitrary() =>
        (from basis in TimelineCasesWithoutAmendments.Generator
         from opening in Gen.Choose(0, Profiles.Length - 1)
         from changes in Gen.ArrayOf(from position in Gen.Choose(1, 1000) from profile in Gen.Choose(0, Profiles.Length - 1) select (position, profile))
         select Build(basis, opening, changes)).ToArbitrary();

    private static ProfileTimelineCase Build(TimelineCase basis, int opening, (int Position, int Profile)[] changes)
    {
        var opened = (InteractionOpened)basis.Timeline[0];
        var facts = new List<TimelineFact> { new InteractionOpened(opened.At, opened.Owner, Profiles[opening]) };
        facts.AddRange(basis.Timeline.Skip(1));
        Timeline unchanged = Timeline.Create(basis.Timeline.InteractionId, facts);
        // Each change goes before a fact (at the previous fact's instant), or at the end; never after a cancellation.
        int count = facts.Count;
        bool cancelled = facts[^1] is InteractionCancelled;
        var inserts = changes.Take(4)
            .Select(c => (Index: Math.Max(1, Math.Min(c.Position % (count + 1), cancelled ? count - 1 : count)), c.Position, c.Profile))
            .OrderByDescending(c => c.Index)
            .ToList();
        foreach ((int index, int position, int profile) in inserts)
        {
            Instant at = index == facts.Count ? basis.Now - Duration.FromMinutes(position % 60) : facts[index - 1].At;
            at = at < facts[index - 1].At ? facts[index - 1].At : at;
            facts.Insert(index, new ProfileChanged(at, Profiles[profile]));
        }
        return new ProfileTimelineCase(Timeline.Create(basis.Timeline.InteractionId, facts), unchanged, basis.Now, basis.Probes);
    }

    public override string ToString() =>
        $"now {Local(Now)}: " + string.Join(", ", Timeline.Select(f => f is ProfileChanged p ? $"ProfileChanged({p.Profile})@{Local(f.At)}"
            : f is InteractionOpened o ? $"Opened({o.Profile})@{Local(f.At)}" : $"{f.GetType().Name}@{Local(f.At)}"));
}
