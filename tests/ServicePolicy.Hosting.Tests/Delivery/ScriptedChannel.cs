// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using ServicePolicy.Hosting.Delivery;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>A channel that records every attempt and every successful delivery by key, fails the first
/// <see cref="Failures"/> attempts of each key, and runs <see cref="OnAttempt"/> (to block, hang or move the clock)
/// before it answers.</summary>
internal sealed class ScriptedChannel : IOutboxChannel
{
    private readonly ConcurrentDictionary<string, int> attemptsByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<OutboxDelivery> attempts = new();

    public int Failures { get; init; }

    public Func<OutboxDelivery, CancellationToken, Task>? OnAttempt { get; init; }

    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<OutboxDelivery> Attempts => attempts.ToArray();

    public int AttemptsOf(string key) => attemptsByKey.GetValueOrDefault(key);

    public async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        attempts.Enqueue(delivery);
        int attempt = attemptsByKey.AddOrUpdate(delivery.Key, 1, (_, n) => n + 1);
        if (OnAttempt is not null)
        {
            await OnAttempt(delivery, cancellationToken);
        }
        if (attempt <= Failures)
        {
            throw new IOException($"channel down for {delivery.Key} (attempt {attempt})");
        }
        Delivered.AddOrUpdate(delivery.Key, 1, (_, n) => n + 1);
    }
}
