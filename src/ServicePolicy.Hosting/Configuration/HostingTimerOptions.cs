// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Configuration;

/// <summary>
/// How the timer worker wakes due interactions (configuration section <c>ServicePolicy:Hosting:Timer</c>): it claims
/// batches of interactions whose <c>NextChangeAt</c> has passed by the store's clock, re-evaluates them and commits;
/// after a batch that was not full it waits <see cref="PollInterval"/>. A store error (the database unreachable) is
/// logged and the pass retried after an exponential backoff with jitter, from <see cref="RetryDelay"/> up to
/// <see cref="MaxRetryDelay"/>, for as long as it takes; it never stops the host.
/// </summary>
/// <remarks>Mutable POCO. Waits run on the container's <see cref="TimeProvider"/>.</remarks>
[Mutable]
public sealed class HostingTimerOptions
{
    /// <summary>The largest <see cref="BatchSize"/>.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>Gets or sets how many due interactions one transaction claims at most.</summary>
    /// <value>1 to <see cref="MaxBatchSize"/>. Default: 200.</value>
    public int BatchSize { get; set; } = 200;

    /// <summary>Gets or sets how long to wait after a batch that was not full (nothing more is due) before looking
    /// again. An interaction is therefore re-evaluated at most about this long after it fell due.</summary>
    /// <value>Positive, at most one hour. Default: 1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the first wait before retrying a timer pass that failed with a store error.</summary>
    /// <value>Positive, at most <see cref="MaxRetryDelay"/>. Default: 1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between retries of a failing timer pass.</summary>
    /// <value>At least <see cref="RetryDelay"/>, at most one hour. Default: 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
