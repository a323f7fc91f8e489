// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Hosting.Tests.Runtime;

/// <summary>Issue 14 through the runtime: the timer records an early delay notice once, the fact path records a remedy
/// as given (stored and read back), and the remedy then stops being recorded as due.</summary>
public class CustomerRuntimeTests
{
    private static CancellationToken None => CancellationToken.None;

    // A first response within 2 business hours, at risk 1 hour before, telling the customer; breaching it owes an
    // apology within 1 business hour. Opened Monday 09:00: at risk from 10:00, breached from 11:00 (plus 1 ns).
    private static readonly ServiceLevelPolicy Policy = ServiceLevelPolicy.CreateBuilder("Customer", 1, Office)
        .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .WithDelayNotice("running-late")
            .WithRemedies(BreachRemedy.Apology().WithDeadline(DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))))
        .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromHours(1)))
        .WithFeedbackScale(1, 5)
        .Build();

    private readonly FakeClock clock = new(At("2025-03-03 09:00"));
    private readonly InMemoryInteractionStore store;
    private readonly InteractionService service;

    public CustomerRuntimeTests()
    {
        store = new InMemoryInteractionStore(clock);
        service = new InteractionService(store, store, new PolicyEvaluator(), new ListLogger<InteractionService>());
    }

    private async Task<string[]> PendingKeys() =>
        (await store.ListOutboxAsync(OutboxState.Pending, 100, null, None)).Select(r => r.Entry.Key).Order(StringComparer.Ordinal).ToArray();

    private async Task RunTimerAt(string local)
    {
        clock.Reset(At(local));
        while (await service.UpdateDueAsync(10, None) > 0)
        {
        }
    }

    [Fact]
    public async Task DelayNoticeOnce_RemedyGivenStoredAndNoLongerDue_FeedbackReadBack()
    {
        await service.RecordAsync("C-1", new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("p0")), None);
        Assert.Empty(await PendingKeys());

        await RunTimerAt("2025-03-03 10:00");
        await RunTimerAt("2025-03-03 10:30");
        Assert.Equal(["C-1/FirstResponse/0/notice"], await PendingKeys());
        OutboxRecord notice = (await store.FindOutboxAsync("C-1/FirstResponse/0/notice", None))!;
        Assert.Equal((OutboxKind.DelayNotice, "running-late"), (notice.Entry.Kind, DelayNoticeMessage.Parse(notice.Entry.Payload).TemplateId));

        await RunTimerAt("2025-03-03 11:30");
        Assert.Equal(["C-1/FirstResponse/0/notice", "C-1/FirstResponse/0/remedy/0"], await PendingKeys());

        clock.Reset(At("2025-03-03 11:40"));
        RecordResult given = await service.RecordAsync("C-1", new RemedyGiven(At("2025-03-03 11:40"), ActionKey.Parse("C-1/FirstResponse/0/remedy/0"), by: "p0"), None);
        RecordResult answered = await service.RecordAsync("C-1", new FeedbackReceived(At("2025-03-03 11:40"), 4, "thanks"), None);

        Assert.Empty(given.Evaluation.RemediesDue);
        Assert.False(Assert.Single(given.Evaluation.RemediesGiven).IsLate);   // by 12:00
        Assert.Empty(given.OutboxKeys);
        Assert.Equal(4, Assert.Single(answered.Evaluation.Feedback).Score);
        Timeline stored = TimelineJson.Deserialize((await store.FindAsync("C-1", None))!.Timeline);
        Assert.Equal("p0", Assert.IsType<RemedyGiven>(stored[1]).By);
        Assert.Equal("thanks", Assert.IsType<FeedbackReceived>(stored[2]).Comment);
    }

    [Fact]
    public async Task FeedbackOutsideTheScale_IsRefusedAndNothingIsWritten()
    {
        await service.RecordAsync("C-2", new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("p0")), None);
        InteractionRecord before = (await store.FindAsync("C-2", None))!;

        await Assert.ThrowsAsync<InvalidTimelineException>(() => service.RecordAsync("C-2", new FeedbackReceived(At("2025-03-03 09:05"), 9), None));

        Assert.Same(before, await store.FindAsync("C-2", None));
    }

    private sealed class PolicyEvaluator : IServicePolicyEvaluator
    {
        public EvaluationResult Evaluate(Timeline timeline) => throw new NotSupportedException("the runtime must pass its instant");

        public EvaluationResult Evaluate(Timeline timeline, string policyName) => throw new NotSupportedException("the runtime must pass its instant");

        public EvaluationResult Evaluate(Timeline timeline, Instant now) => Evaluator.Evaluate(timeline, Policy, now);

        public EvaluationResult Evaluate(Timeline timeline, string policyName, Instant now) => throw new NotSupportedException("the runtime selects no policy by name");
    }
}
