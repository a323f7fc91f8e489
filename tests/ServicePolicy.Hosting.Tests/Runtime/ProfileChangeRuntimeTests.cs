// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Hosting.Tests.Runtime;

/// <summary>Issue 13 through the runtime: a recorded <see cref="ProfileChanged"/> is stored with the timeline, and the
/// evaluation on the fact path selects the policy again (the stored summary, deadline and next wake-up follow).</summary>
public class ProfileChangeRuntimeTests
{
    private static readonly Instant Monday13 = At("2025-03-03 13:00");
    private static readonly InteractionProfile Normal = new(priority: "normal");

    private static readonly ServiceLevelPolicySet Policies = new(
        [ServiceLevelPolicy.CreateBuilder("Urgent", 2, Office).AppliesTo(Applicability.Any.WithPriorities("urgent"))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1))).Build()],
        ServiceLevelPolicy.CreateBuilder("Normal", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8))).Build());

    [Fact]
    public async Task RecordAsync_ProfileChanged_StoresTheFactAndSelectsThePolicyAgain()
    {
        var clock = new FakeClock(Monday13);
        var store = new InMemoryInteractionStore(clock);
        var service = new InteractionService(store, store, new SetEvaluator(), new ListLogger<InteractionService>());

        await service.RecordAsync("A", new InteractionOpened(Monday13, Owner.Person("ann"), Normal), CancellationToken.None);
        InteractionRecord opened = (await store.FindAsync("A", CancellationToken.None))!;
        clock.AdvanceMinutes(60);
        await service.RecordAsync("A", new ProfileChanged(clock.GetCurrentInstant(), Normal.WithPriority("urgent")), CancellationToken.None);
        InteractionRecord changed = (await store.FindAsync("A", CancellationToken.None))!;

        Assert.Equal(("Normal@1", At("2025-03-04 13:00")), (opened.Summary.Policy, opened.NextChangeAt - Duration.Epsilon));
        Assert.Equal(("Urgent@2", At("2025-03-03 15:00")), (changed.Summary.Policy, changed.Summary.Deadline));
        Assert.Equal(At("2025-03-03 15:00") + Duration.Epsilon, changed.NextChangeAt);
        Timeline stored = TimelineJson.Deserialize(changed.Timeline);
        Assert.Equal("urgent", Assert.IsType<ProfileChanged>(stored[1]).Profile.Priority);
    }

    /// <summary>Evaluates under <see cref="Policies"/>, as the configured evaluator does under the catalogue's set.</summary>
    private sealed class SetEvaluator : IServicePolicyEvaluator
    {
        public EvaluationResult Evaluate(Timeline timeline) => throw new NotSupportedException("the runtime must pass its instant");

        public EvaluationResult Evaluate(Timeline timeline, string policyName) => throw new NotSupportedException("the runtime must pass its instant");

        public EvaluationResult Evaluate(Timeline timeline, Instant now) => Evaluator.Evaluate(timeline, Policies, now);

        public EvaluationResult Evaluate(Timeline timeline, string policyName, Instant now) => throw new NotSupportedException("the runtime selects no policy by name");
    }
}
