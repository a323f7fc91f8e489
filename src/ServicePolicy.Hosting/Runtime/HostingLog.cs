// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.Extensions.Logging;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>The runtime's log messages, with fixed event ids (listed in <c>docs/hosting.md</c>). The hosting package
/// uses ids 2100 to 2199 for the runtime.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 2101, EventName = "TimerStarted", Level = LogLevel.Information,
        Message = "ServicePolicy timer worker started on node '{NodeId}': batches of {BatchSize}, polling every {PollInterval} when idle")]
    internal static partial void TimerStarted(ILogger logger, string nodeId, int batchSize, TimeSpan pollInterval);

    [LoggerMessage(EventId = 2102, EventName = "InteractionFailed", Level = LogLevel.Warning,
        Message = "ServicePolicy interaction '{InteractionId}' no longer evaluates and is marked Failed; it is not woken again until a new fact arrives: {Failure}")]
    internal static partial void InteractionFailed(ILogger logger, string interactionId, string failure);

    [LoggerMessage(EventId = 2103, EventName = "TimerStoreError", Level = LogLevel.Warning,
        Message = "ServicePolicy timer pass failed (retry {Attempt}); retrying in {Delay}")]
    internal static partial void TimerStoreError(ILogger logger, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(EventId = 2104, EventName = "TimerBatch", Level = LogLevel.Debug,
        Message = "ServicePolicy timer re-evaluated {Count} due interactions")]
    internal static partial void TimerBatch(ILogger logger, int count);

    [LoggerMessage(EventId = 2105, EventName = "TimerStopped", Level = LogLevel.Information,
        Message = "ServicePolicy timer worker stopped on node '{NodeId}'")]
    internal static partial void TimerStopped(ILogger logger, string nodeId);
}
