// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;
using Polly.Retry;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>
/// Runs the <see cref="OutboxRelay"/> while the host runs: one batch after another while batches come back full, and
/// a wait of <see cref="OutboxRelayOptions.PollInterval"/> after a batch that was not. An exception (the store
/// unreachable, say) is logged (event 2107) and the run retried through a Polly pipeline, with exponential backoff and
/// jitter from <see cref="OutboxRelayOptions.PollInterval"/> up to the larger of it and
/// <see cref="OutboxRelayOptions.MaxBackoff"/>, for as long as it takes: the host never stops because of it.
/// </summary>
/// <remarks>Stopping cancels the current wait or batch at once; the batch releases the entries it had not settled
/// (see <see cref="OutboxRelay.RelayOnceAsync"/>).</remarks>
internal sealed class OutboxRelayService : BackgroundService
{
    private readonly OutboxRelay relay;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly int batchSize;
    private readonly TimeSpan pollInterval;
    private readonly TimeSpan maxRetryDelay;

    /// <summary>Creates the service.</summary>
    /// <param name="relay">The relay.</param>
    /// <param name="options">The relay's options (validated at start).</param>
    /// <param name="timeProvider">The timer for the waits.</param>
    /// <param name="logger">Where failed runs are logged.</param>
    public OutboxRelayService(OutboxRelay relay, IOptions<OutboxRelayOptions> options, TimeProvider timeProvider, ILogger<OutboxRelayService> logger)
    {
        this.relay = Preconditions.CheckNotNull(relay);
        this.timeProvider = Preconditions.CheckNotNull(timeProvider);
        this.logger = Preconditions.CheckNotNull(logger);
        OutboxRelayOptions values = Preconditions.CheckNotNull(options).Value;
        batchSize = values.BatchSize;
        pollInterval = values.PollInterval.ToTimeSpan();
        maxRetryDelay = Duration.Max(values.PollInterval, values.MaxBackoff).ToTimeSpan();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ResiliencePipeline<OutboxRelayReport> retry = new ResiliencePipelineBuilder<OutboxRelayReport> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<OutboxRelayReport>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = pollInterval,
                MaxDelay = maxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } e &&
                    !(e is OperationCanceledException && stoppingToken.IsCancellationRequested)),
                OnRetry = args =>
                {
                    OutboxRelayLog.RelayFailed(logger, args.RetryDelay, args.Outcome.Exception!);
                    return default;
                },
            })
            .Build();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                OutboxRelayReport report = await retry.ExecuteAsync(
                    static async (relay, token) => await relay.RelayOnceAsync(token).ConfigureAwait(false), relay, stoppingToken).ConfigureAwait(false);
                if (report.Leased < batchSize)
                {
                    await Task.Delay(pollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
