// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Tests.Evaluation;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Runtime;

/// <summary>
/// The equivalence property: random timelines (<see cref="TimelineCase"/>) recorded fact by fact through the fact path,
/// with the timer worker's passes at every <c>NextChangeAt</c> in between, under a fake clock. After every write the
/// stored summary, state, deadline and <c>NextChangeAt</c> equal those of a fresh pure <c>Evaluate(timeline, now)</c>;
/// the version counts the writes; and at the end the outbox holds exactly the keys of every escalation action and
/// remedy those evaluations listed. Each store's test class derives from this one and says how to make an empty store
/// on a clock.
/// </summary>
public abstract class InteractionServiceEquivalenceTests
{
    private const int BatchSize = 2;

    /// <summary>Returns a new, empty, initialized store that reads time from <paramref name="clock"/>.</summary>
    protected abstract Task<IRuntimeStore> CreateStoreAsync(IClock clock);

    /// <summary>How many random timelines to check; database stores may lower it.</summary>
    protected virtual int MaxTest => 100;

    /// <summary>Runs before the property, outside it: a store whose database is missing skips the test here (a skip
    /// thrown inside the property would be reported as a falsified case).</summary>
    protected virtual void BeforeProperty()
    {
    }

    /// <summary>A store under test: both halves, and its disposal.</summary>
    protected interface IRuntimeStore : IAsyncDisposable
    {
        IInteractionStore Interactions { get; }

        IOutboxStore Outbox { get; }
    }

    [Fact]
    public void Recorded_and_ticked_state_equals_a_fresh_pure_evaluation()
    {
        BeforeProperty();
        long writes = 0, keys = 0;
        Prop.ForAll(TimelineCase.Arbitrary(), c =>
            {
                (int w, int k) = CheckAsync(c).GetAwaiter().GetResult();
                writes += w;
                keys += k;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(MaxTest));
        Assert.True(writes > MaxTest && keys > 0, $"{writes} writes and {keys} outbox keys checked");
    }

    private async Task<(int Writes, int Keys)> CheckAsync(TimelineCase c)
    {
        const string id = "E-1";
        var clock = new FakeClock(c.Timeline.Opened.At);
        await using IRuntimeStore store = await CreateStoreAsync(clock);
        var service = new InteractionService(store.Interactions, store.Outbox, new RuntimeEvaluator());
        var options = new ServicePolicyHostingOptions { Timer = { BatchSize = BatchSize } };
        var worker = new InteractionTimerWorker(service, new StaticOptionsMonitor(options), TimeProvider.System);
        CancellationToken none = CancellationToken.None;

        Timeline? timeline = null;
        Instant? next = null;
        int writes = 0;
        var expectedKeys = new HashSet<string>(StringComparer.Ordinal);

        async Task Expect(Instant now)
        {
            EvaluationResult expected = RuntimePolicy.Evaluate(timeline!, now);
            InteractionRecord record = (await store.Interactions.FindAsync(id, none))!;
            Assert.Equal(writes, record.Version);
            Assert.Equal(expected.NextChangeAt, record.NextChangeAt);
            Assert.Equal(ExpectedState(expected), record.Summary.State);
            Assert.Equal(ExpectedDeadline(expected), record.Summary.Deadline);
            Assert.Equal(expected.Owner.ToString(), record.Summary.Owner);
            Assert.Equal("Everything@1", record.Summary.Policy);
            Assert.Equal(now, record.Summary.EvaluatedAt);
            Assert.Equal(timeline!.Count, TimelineJson.Deserialize(record.Timeline).Count);
            expectedKeys.UnionWith(expected.EscalationActions.Select(a => a.Key.ToString()));
            expectedKeys.UnionWith(expected.RemediesDue.Select(r => r.Key.ToString()));
            next = expected.NextChangeAt;
        }

        async Task TickUntil(Instant until)
        {
            while (next is { } due && due <= until)
            {
                clock.Reset(due);
                int written, total = 0;
                do
                {
                    written = await worker.RunOnceAsync(none);
                    total += written;
                }
                while (written >= BatchSize);
                Assert.Equal(1, total);
                writes++;
                await Expect(due);
            }
        }

        foreach (TimelineFact fact in c.Timeline)
        {
            await TickUntil(fact.At);
            clock.Reset(fact.At);
            timeline = timeline is null ? Timeline.Create(id, [fact]) : timeline.Append(fact);
            RecordResult result = await service.RecordAsync(id, fact, none);
            writes++;
            Assert.Equal(writes, result.Version);
            await Expect(fact.At);
        }
        await TickUntil(c.Now);
        clock.Reset(c.Now);
        Assert.Equal(0, await worker.RunOnceAsync(none));

        var stored = new List<string>();
        for (string? after = null; ;)
        {
            IReadOnlyList<OutboxRecord> page = await store.Outbox.ListOutboxAsync(OutboxState.Pending, 500, after, none);
            stored.AddRange(page.Select(r => r.Entry.Key));
            if (page.Count < 500)
            {
                break;
            }
            after = page[^1].Entry.Key;
        }
        Assert.Equal(expectedKeys.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        return (writes, expectedKeys.Count);
    }

    /// <summary>The queue state, worked out here independently of the runtime: breached over at risk over waiting (a
    /// paused commitment) over on track; closed when no commitment is open.</summary>
    private static QueueState ExpectedState(EvaluationResult result)
    {
        IEnumerable<CommitmentState> states = result.Commitments.Select(c => c.State);
        return states.Contains(CommitmentState.Breached) ? QueueState.Breached
            : states.Contains(CommitmentState.AtRisk) ? QueueState.AtRisk
            : states.Contains(CommitmentState.Paused) ? QueueState.Waiting
            : states.Contains(CommitmentState.OnTrack) ? QueueState.OnTrack
            : QueueState.Closed;
    }

    private static Instant? ExpectedDeadline(EvaluationResult result) => result.Commitments
        .Where(c => c.State is CommitmentState.OnTrack or CommitmentState.AtRisk or CommitmentState.Breached or CommitmentState.Paused)
        .Select(c => (Instant?)c.Deadline).Min();
}

/// <summary>Options that never change, for constructing the worker without a container.</summary>
internal sealed class StaticOptionsMonitor(ServicePolicyHostingOptions value) : IOptionsMonitor<ServicePolicyHostingOptions>
{
    public ServicePolicyHostingOptions CurrentValue => value;

    public ServicePolicyHostingOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<ServicePolicyHostingOptions, string?> listener) => null;
}
