// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Tests.Escalation;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Hosting.Tests.Runtime;

/// <summary>The targets of <see cref="SimulationPolicy"/> with its escalation chain, plus remedies (for a breached
/// follow-up and a breached handoff limit), so that one evaluation lists both kinds of outbox entry.</summary>
internal static class RuntimePolicy
{
    public static ServiceLevelPolicy Policy { get; } = ServiceLevelPolicy.CreateBuilder("Everything", 1, Office)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .AddTarget(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)))
        .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromDays(1)))
        .AddTarget(ServiceTarget.Create(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
            .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Credit(5m, "GBP")))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(3, new LocalTime(17, 0)))
            .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromHours(2))))
        .AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(6)))
        .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
        .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(16))))
        .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Resolution, CommitmentKind.FollowUp, CommitmentKind.Custom)
        .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution, CommitmentKind.FirstResponse)
        .WithAtRisk(AtRiskThreshold.AtPercentOrBeforeDeadline(75, Duration.FromHours(1)))
        .WithHandoffLimit(2, BreachRemedy.ProactiveMessage("sorry"))
        .WithEscalationChain("sim")
        .Build();

    public static EscalationContext Context => SimulationPolicy.Context;

    /// <summary>The pure evaluation the runtime must agree with.</summary>
    public static EvaluationResult Evaluate(Timeline timeline, Instant now) => Evaluator.Evaluate(timeline, Policy, now, Context);
}

/// <summary>An <see cref="IServicePolicyEvaluator"/> over <see cref="RuntimePolicy"/>, which throws for the interactions
/// in <see cref="Rejected"/> (as a new policy version that no longer accepts their timelines would).</summary>
internal sealed class RuntimeEvaluator : IServicePolicyEvaluator
{
    public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets a fault to throw instead of evaluating: called with the timeline, returns the exception to
    /// throw, or null to evaluate.</summary>
    public Func<Timeline, Exception?>? Fault { get; set; }

    public int Calls { get; private set; }

    public EvaluationResult Evaluate(Timeline timeline) => throw new NotSupportedException("the runtime must pass its instant");

    public EvaluationResult Evaluate(Timeline timeline, string policyName) => throw new NotSupportedException("the runtime must pass its instant");

    public EvaluationResult Evaluate(Timeline timeline, string policyName, Instant now) => throw new NotSupportedException("the runtime selects no policy by name");

    public EvaluationResult Evaluate(Timeline timeline, Instant now)
    {
        Calls++;
        if (Fault?.Invoke(timeline) is { } fault)
        {
            throw fault;
        }
        if (Rejected.Contains(timeline.InteractionId))
        {
            throw new InvalidOperationException($"policy Everything@2 rejects {timeline.InteractionId}");
        }
        return RuntimePolicy.Evaluate(timeline, now);
    }
}
