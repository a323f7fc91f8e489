// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Hosting.Node;

/// <summary>The node's timer and relay settings (also compiled into the cluster tests, which bound the work in flight
/// at a kill by them): small batches, short polls, a lease of seconds.</summary>
internal static class NodeSettings
{
    public const int TimerBatchSize = 100;

    public const int RelayBatchSize = 25;

    public const int RelayParallelism = 4;

    /// <summary>How many facts a node records at once.</summary>
    public const int IngestWorkers = 6;

    /// <summary>The most committed writes a kill can cut off before the node logs them: a timer batch and the facts
    /// being recorded.</summary>
    public const int WritesInFlight = TimerBatchSize + IngestWorkers;

    public static readonly TimeSpan TimerPollInterval = TimeSpan.FromMilliseconds(200);

    public static readonly Duration RelayPollInterval = Duration.FromMilliseconds(100);

    /// <summary>Longer than <see cref="RelayMaxAttempts"/> × <see cref="RelayAttemptTimeout"/> + the backoff between
    /// them, as the relay's options require; a killed node's entries are delivered again once it runs out.</summary>
    public static readonly Duration RelayLease = Duration.FromSeconds(6);

    public const int RelayMaxAttempts = 2;

    public static readonly Duration RelayAttemptTimeout = Duration.FromSeconds(2);

    public static readonly Duration RelayInitialBackoff = Duration.FromMilliseconds(100);

    public static readonly Duration RelayMaxBackoff = Duration.FromMilliseconds(200);
}
