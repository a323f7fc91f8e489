// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Escalation;

/// <summary>The classic ladder of the issue, on the UK office calendar: a 4-business-hour first response; warn the owner
/// at 75%; at breach notify the lead; 1 business hour later the manager; then the duty manager 30 minutes later and
/// every 30 minutes after that, up to 3 repeats; an acknowledgement holds the levels for 2 hours.</summary>
internal static class Ladder
{
    public static readonly Owner Alice = Owner.Person("alice");

    public static readonly EscalationContact Fallback = new("support-leads");

    public static OrgChart Org() => new OrgChart().Lead("alice", "bob").Manager("alice", "carol").Role("duty-manager", "dave");

    public static EscalationChain Chain(int version = 1, Instant? effectiveFrom = null) =>
        EscalationChain.CreateBuilder("ladder", version, effectiveFrom ?? At("2025-01-01 00:00"), Fallback)
            .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Business(Duration.FromHours(1), Office))
                .WithAuthorityToDecide())
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Role("duty-manager"), EscalationDelay.Elapsed(Duration.FromMinutes(30))))
            .WithRepeat(EscalationRepeat.Create(fromLevel: 2, EscalationDelay.Elapsed(Duration.FromMinutes(30)), maxRepeats: 3))
            .WithAcknowledgementTimeout(EscalationDelay.Elapsed(Duration.FromHours(2)))
            .Build();

    public static ServiceLevelPolicy Policy(int maximumHandoffs = 10) => ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .WithHandoffLimit(maximumHandoffs)
        .WithEscalationChain("ladder")
        .Build();

    /// <summary>Evaluates at a local time, "2025-03-10 13:00"; a "+1ns" suffix evaluates one tick after it (deadlines
    /// are inclusive: a cycle due at 13:00 is breached, and its first level due, from 13:00 plus one nanosecond).</summary>
    public static EvaluationResult Evaluate(Timeline timeline, string local, EscalationContext? context = null) =>
        Evaluator.Evaluate(timeline.AsOf(When(local)), Policy(), When(local), context ?? EscalationContext.Create(Org(), Chain()));

    /// <summary>The instant of a local time, with an optional "+1ns" suffix for one tick after it.</summary>
    public static Instant When(string local) =>
        local.EndsWith("+1ns", StringComparison.Ordinal) ? At(local[..^4]) + Duration.Epsilon : At(local);

    /// <summary>Each action as "key-suffix action contacts [late] [fallback]", the suffix after the chain part of the key.</summary>
    public static string Describe(EvaluationResult result) => string.Join("; ", result.EscalationActions.Select(Describe));

    public static string Describe(EscalationAction a) =>
        $"{a.Key.ToString()[(a.Key.ToString().IndexOf('/', a.Key.ToString().IndexOf('@')) + 1)..]} {a.Action} {string.Join(",", a.Contacts)}{(a.IsLate ? " late" : "")}{(a.UsedFallback ? " fallback" : "")}";
}
