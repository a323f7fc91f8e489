// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>A random valid timeline (<see cref="TimelineCase"/>) whose waits have random reasons: the two built-in
/// ones, two the host declares (<see cref="PauseReasonProperties.Vendor"/>, <see cref="PauseReasonProperties.Freeze"/>)
/// and one no policy has a rule for (<see cref="PauseReasonProperties.Unlisted"/>).</summary>
public sealed record CustomPauseCase(TimelineCase Case, Timeline Timeline)
{
    private static readonly PauseReason[] Reasons =
        [PauseReason.WaitingOnCustomer, PauseReason.WaitingOnThirdParty, PauseReasonProperties.Vendor, PauseReasonProperties.Freeze, PauseReasonProperties.Unlisted];

    public static Arbitrary<CustomPauseCase> Arbitrary() =>
        (from c in TimelineCasesWithoutAmendments.Generator
         from picks in Gen.ArrayOf(Gen.Choose(0, Reasons.Length - 1), 8)
         select new CustomPauseCase(c, Rewrite(c.Timeline, i => Reasons[picks[i % picks.Length]]))).ToArbitrary();

    /// <summary>The timeline with the reason of its i-th wait replaced by <paramref name="reason"/>(i).</summary>
    public static Timeline Rewrite(Timeline timeline, Func<int, PauseReason> reason)
    {
        int waits = 0;
        return Timeline.Create(timeline.InteractionId, timeline.Select(f => f is WaitingStarted w ? new WaitingStarted(w.At, reason(waits++)) : f));
    }

    public override string ToString() =>
        $"now {Local(Case.Now)}: " + string.Join(", ", Timeline.Select(f => f is WaitingStarted w ? $"WaitingStarted({w.Reason})@{Local(f.At)}" : $"{f.GetType().Name}@{Local(f.At)}"));
}

/// <summary>Specifications of evaluation with the host's own pause reasons and several measures of one kind, on random
/// valid timelines: determinism, <see cref="EvaluationResult.NextChangeAt"/> a true next change, and equivalences that
/// pin the new behaviour to the old (a declared reason behaves exactly as a built-in one with the same rule; a reason
/// without a rule pauses nothing; rules for reasons a timeline never names change nothing; a second measure with the
/// same rule as a kind's target runs exactly as it does).</summary>
public class PauseReasonProperties
{
    internal static readonly PauseReason Vendor = PauseReason.Create("WaitingOnVendor");
    internal static readonly PauseReason Freeze = PauseReason.Create("change freeze");
    internal static readonly PauseReason Unlisted = PauseReason.Create("Unlisted");

    /// <summary><see cref="TimelineCase.Policy"/> with a second resolution measure, and rules for the declared reasons,
    /// one of them naming the measure.</summary>
    private static readonly ServiceLevelPolicy Measured = TimelineCase.Policy.ToBuilder(2)
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessTime(Duration.FromHours(16)))
            .WithName("agent work time").WithRemedies(BreachRemedy.Apology()))
        .PauseWhile(Vendor, [CommitmentKind.FirstResponse], ["agent work time"])
        .PauseWhile(Freeze, [CommitmentKind.NextResponse, CommitmentKind.Resolution], ["send you a quote"])
        .Build();

    private static string States(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c.Kind}:{c.Name}#{c.Cycle}={c.State}")) + $"; handoffs breached={result.HandoffLimitBreachedAt.HasValue}";

    private static string Snapshot(EvaluationResult result) =>
        string.Join("; ", result.Commitments.Select(c => $"{c}|{c.AtRiskAt}|{c.Elapsed}|{c.Remaining}|{c.PercentUsed}|{c.MetAt}|{c.BreachedAt}|{c.EndedAt}"))
        + $"|{string.Join(",", result.RemediesDue.Select(r => r.Key))}|{result.NextChangeAt}|{result.Owner}|{result.Handoffs}";

    /// <summary><see cref="TimelineCase.Policy"/> rebuilt with each pause rule's reason mapped, and a rule dropped where
    /// the map gives null.</summary>
    private static ServiceLevelPolicy Remapped(Func<PauseReason, PauseReason?> map)
    {
        ServiceLevelPolicy policy = TimelineCase.Policy;
        ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder(policy.Name, policy.Version, policy.Calendar)
            .WithAtRisk(policy.AtRisk)
            .WithHandoffLimit(policy.HandoffLimit!.MaxReassignments, policy.HandoffLimit.Remedies.ToArray());
        foreach (ServiceTarget target in policy.Targets)
        {
            builder.AddTarget(target);
        }
        foreach (PauseRule rule in policy.PauseRules)
        {
            if (map(rule.Reason) is { } reason)
            {
                builder.PauseWhile(reason, rule.PausedKinds, rule.PausedTargets);
            }
        }
        return builder.Build();
    }

    [Property(Arbitrary = [typeof(CustomPauseCase)], MaxTest = 200)]
    public void Evaluate_WithCustomPausesAndMeasures_IsDeterministic(CustomPauseCase c)
    {
        Assert.Equal(Snapshot(Evaluator.Evaluate(c.Timeline, Measured, c.Case.Now)), Snapshot(Evaluator.Evaluate(c.Timeline, Measured, c.Case.Now)));
    }

    [Property(Arbitrary = [typeof(CustomPauseCase)], MaxTest = 300)]
    public void NextChangeAt_WithCustomPausesAndMeasures_IsATrueNextChange(CustomPauseCase c)
    {
        Instant now = c.Case.Now;
        EvaluationResult result = Evaluator.Evaluate(c.Timeline, Measured, now);
        string states = States(result);
        if (result.NextChangeAt is not { } next)
        {
            Assert.Equal(states, States(Evaluator.Evaluate(c.Timeline, Measured, now + Duration.FromDays(60))));
            return;
        }
        Assert.True(next > now, $"NextChangeAt {next} is not after {now}");
        Assert.NotEqual(states, States(Evaluator.Evaluate(c.Timeline, Measured, next)));
        Duration span = next - now;
        foreach (int perMille in c.Case.Probes)
        {
            Instant between = now + Duration.FromNanoseconds(span.ToInt64Nanoseconds() / 1000 * perMille);
            if (between > now && between < next)
            {
                Assert.Equal(states, States(Evaluator.Evaluate(c.Timeline, Measured, between)));
            }
        }
        Instant justBefore = next - Duration.Epsilon;
        if (justBefore > now)
        {
            Assert.Equal(states, States(Evaluator.Evaluate(c.Timeline, Measured, justBefore)));
        }
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void OnlyBuiltInReasons_RulesForOtherReasons_ChangeNothing(TimelineCase c)
    {
        // A timeline of today's reasons: adding rules for reasons it never names leaves every result as it was.
        ServiceLevelPolicy withDeclared = TimelineCase.Policy.ToBuilder(1)
            .PauseWhile(Vendor, CommitmentKind.FirstResponse, CommitmentKind.Resolution, CommitmentKind.FollowUp)
            .PauseWhile(Freeze, [CommitmentKind.NextResponse], ["send you a quote"])
            .Build();

        Assert.Equal(Snapshot(Evaluator.Evaluate(c.Timeline, TimelineCase.Policy, c.Now)), Snapshot(Evaluator.Evaluate(c.Timeline, withDeclared, c.Now)));
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void DeclaredReason_WithTheRuleOfABuiltInOne_BehavesExactlyAsIt(TimelineCase c)
    {
        Timeline vendor = CustomPauseCase.Rewrite(c.Timeline, i => c.Timeline.OfType<WaitingStarted>().ElementAt(i).Reason == PauseReason.WaitingOnThirdParty
            ? Vendor : PauseReason.WaitingOnCustomer);
        ServiceLevelPolicy vendorPolicy = Remapped(r => r == PauseReason.WaitingOnThirdParty ? Vendor : r);

        Assert.Equal(Snapshot(Evaluator.Evaluate(c.Timeline, TimelineCase.Policy, c.Now)), Snapshot(Evaluator.Evaluate(vendor, vendorPolicy, c.Now)));
    }

    [Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)], MaxTest = 200)]
    public void ReasonWithoutARule_PausesNothing(TimelineCase c)
    {
        // Waiting on a third party renamed to a reason the policy has no rule for is the same as the policy having no
        // rule for third parties.
        Timeline unlisted = CustomPauseCase.Rewrite(c.Timeline, i => c.Timeline.OfType<WaitingStarted>().ElementAt(i).Reason == PauseReason.WaitingOnThirdParty
            ? Unlisted : PauseReason.WaitingOnCustomer);
        ServiceLevelPolicy withoutThirdParty = Remapped(r => r == PauseReason.WaitingOnThirdParty ? null : r);

        Assert.Equal(Snapshot(Evaluator.Evaluate(c.Timeline, withoutThirdParty, c.Now)), Snapshot(Evaluator.Evaluate(unlisted, TimelineCase.Policy, c.Now)));
    }

    [Property(Arbitrary = [typeof(CustomPauseCase)], MaxTest = 200)]
    public void SecondMeasureWithTheSameRule_RunsExactlyAsTheKindsTarget(CustomPauseCase c)
    {
        ServiceTarget resolution = TimelineCase.Policy.FindTarget(CommitmentKind.Resolution)!;
        ServiceLevelPolicy twice = TimelineCase.Policy.ToBuilder(2).AddTarget(resolution.WithName("copy")).Build();

        EvaluationResult result = Evaluator.Evaluate(c.Timeline, twice, c.Case.Now);

        string Of(string? name) => string.Join("; ", result.Commitments.Where(s => s.Kind == CommitmentKind.Resolution && s.Name == name)
            .Select(s => $"{s.Cycle} {s.State} {s.StartedAt} {s.Deadline} {s.AtRiskAt} {s.Elapsed} {s.MetAt} {s.EndedAt}"));
        Assert.NotEmpty(Of("copy"));
        Assert.Equal(Of(null), Of("copy"));
        // And the other commitments, and the next change, are as without the copy.
        EvaluationResult once = Evaluator.Evaluate(c.Timeline, TimelineCase.Policy, c.Case.Now);
        Assert.Equal(
            string.Join("; ", once.Commitments) + $" next {once.NextChangeAt}",
            string.Join("; ", result.Commitments.Where(s => s.Name != "copy")) + $" next {result.NextChangeAt}");
    }
}
