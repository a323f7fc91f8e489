// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;

/// <summary>Updaters for the tests: a change that wakes at a given instant, with outbox entries.</summary>
internal static class Changes
{
    public static InteractionUpdater WakeAt(Instant? nextChangeAt, params string[] outboxKeys) =>
        (id, current, now) => new InteractionChange(
            $"timeline of {id} v{(current?.Version ?? 0) + 1}",
            new InteractionSummary(QueueState.OnTrack, nextChangeAt, "person:ann", "standard@1", now),
            nextChangeAt,
            outboxKeys.Select(key => new OutboxEntry(key, id, OutboxKind.Escalation, now, "{}")).ToArray());

    /// <summary>Wakes an interaction and never again.</summary>
    public static InteractionChange? Woken(string id, InteractionRecord? current, Instant now) =>
        new(current!.Timeline, current.Summary, null, []);
}
