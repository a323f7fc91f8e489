// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.Extensions.Logging;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>The relay's log messages, each with a fixed event id and name (2101 to 2199) that monitoring can key on.</summary>
internal static partial class OutboxRelayLog
{
    [LoggerMessage(EventId = 2201, EventName = "OutboxDeadLettered", Level = LogLevel.Error,
        Message = "Outbox entry {Key} ({Kind} for interaction {InteractionId}) was dead-lettered after {Attempts} failed attempt(s) by {Claimant}: {Error} Retry it with IOutboxStore.RetryDeadLetterAsync.")]
    public static partial void DeadLettered(ILogger logger, string key, string kind, string interactionId, int attempts, string claimant, string error);

    [LoggerMessage(EventId = 2202, EventName = "OutboxLeaseLost", Level = LogLevel.Warning,
        Message = "Outbox entry {Key}: {Claimant} could not record its outcome ({Outcome}) because another claimant leased it after the lease ran out; that claimant delivers it again, so a duplicate is possible.")]
    public static partial void LeaseLost(ILogger logger, string key, string claimant, string outcome);

    [LoggerMessage(EventId = 2203, EventName = "OutboxAttemptFailed", Level = LogLevel.Warning,
        Message = "Outbox entry {Key}: attempt {Attempt} of {MaxAttempts} failed: {Error}")]
    public static partial void AttemptFailed(ILogger logger, string key, int attempt, int maxAttempts, string error, Exception exception);

    [LoggerMessage(EventId = 2204, EventName = "OutboxReleased", Level = LogLevel.Information,
        Message = "Outbox entry {Key} was given back by {Claimant}: {Reason}")]
    public static partial void Released(ILogger logger, string key, string claimant, string reason);

    [LoggerMessage(EventId = 2205, EventName = "OutboxAlreadyInFlight", Level = LogLevel.Warning,
        Message = "Outbox entry {Key} was leased again by {Claimant} while the same relay was still delivering it (its lease ran out); it is left to that delivery.")]
    public static partial void AlreadyInFlight(ILogger logger, string key, string claimant);

    [LoggerMessage(EventId = 2206, EventName = "OutboxReleaseFailed", Level = LogLevel.Warning,
        Message = "Outbox entry {Key} could not be given back by {Claimant}; it is leased again when its lease runs out.")]
    public static partial void ReleaseFailed(ILogger logger, string key, string claimant, Exception exception);

    [LoggerMessage(EventId = 2207, EventName = "OutboxRelayFailed", Level = LogLevel.Error,
        Message = "The outbox relay failed (the store may be unreachable); retrying in {Delay}.")]
    public static partial void RelayFailed(ILogger logger, TimeSpan delay, Exception exception);
}
