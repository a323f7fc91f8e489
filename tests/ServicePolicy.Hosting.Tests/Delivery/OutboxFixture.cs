// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>An in-memory store on a <see cref="ManualTimeProvider"/>, with helpers to fill its outbox and build relays
/// over it.</summary>
internal sealed class OutboxFixture
{
    public static readonly Instant T0 = Instant.FromUtc(2025, 3, 10, 13, 0);

    public OutboxFixture(TimeSpan? holdFrom = null)
    {
        Clock = new ManualTimeProvider(T0);
        if (holdFrom is { } hold)
        {
            Clock.HoldFrom = hold;
        }
        Store = new InMemoryInteractionStore(Clock);
    }

    public ManualTimeProvider Clock { get; }

    public InMemoryInteractionStore Store { get; }

    /// <summary>Plans entries (escalations due now, in the order given) for interaction T-1, as the fact path would.</summary>
    public async Task PlanAsync(params string[] keys)
    {
        Instant now = Clock.Now;
        await Store.UpdateAsync(["T-1"], (id, current, at) => new InteractionChange(
            "timeline", new InteractionSummary(QueueState.Breached, null, "person:ann", "standard@1", at), null,
            keys.Select((k, i) => new OutboxEntry(k, id, OutboxKind.Escalation, now + Duration.FromNanoseconds(i), $"{{\"key\":\"{k}\"}}")).ToList()),
            CancellationToken.None);
    }

    public async Task<OutboxRecord> FindAsync(string key) => (await Store.FindOutboxAsync(key, CancellationToken.None))!;

    public OutboxRelay Relay(IOutboxChannel channel, OutboxRelayOptions? options = null, RecordingLogger<OutboxRelay>? logger = null, string nodeId = "node-a") =>
        new(Store, channel, Clock, Clock, options ?? new OutboxRelayOptions(), logger, nodeId);

    /// <summary>Fires held timers (attempt timeouts) until <paramref name="task"/> completes, with a bound.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task)
    {
        for (int i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            Clock.FireHeld();
            await Task.Delay(1);
        }
        Assert.True(task.IsCompleted, $"the run did not finish; timers held: {string.Join(", ", Clock.HeldDueTimes)}");
        return await task;
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (int i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(1);
        }
        Assert.True(condition(), $"timed out waiting until {what}");
    }
}
