// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using ServicePolicy.Escalation;
using ServicePolicy.Hosting.Delivery;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>A notifier that records every delivery by key, and fails the first <c>failures</c> attempts of each key.</summary>
internal sealed class RecordingNotifier : IEscalationNotifier
{
    private readonly int failures;
    private readonly ConcurrentDictionary<string, int> attempts = new();

    public RecordingNotifier(int failures = 0) => this.failures = failures;

    public ConcurrentDictionary<string, int> Deliveries { get; } = new();

    public Action? OnAttempt { get; init; }

    public int Attempts(string key) => attempts.GetValueOrDefault(key);

    public Task NotifyAsync(EscalationAction action, CancellationToken cancellationToken)
    {
        OnAttempt?.Invoke();
        if (attempts.AddOrUpdate(action.Key.ToString(), 1, (_, n) => n + 1) <= failures)
        {
            throw new IOException($"mail server refused {action.Key}");
        }
        Deliveries.AddOrUpdate(action.Key.ToString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
