// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>
/// The timer path as a hosted service: claims interactions whose <c>NextChangeAt</c> has passed by the store's clock,
/// in batches, re-evaluates and commits them (<see cref="InteractionService.UpdateDueAsync"/>); after a batch that was
/// not full, waits <see cref="HostingTimerOptions.PollInterval"/>.
/// </summary>
/// <remarks>A pass that fails (the database lost, say) is logged and retried through a Polly retry pipeline with
/// exponential backoff and jitter, without limit: the worker never stops the host, and resumes when the store is back.
/// Stopping the host cancels the current pass or wait at once; a cancelled pass rolls back. Waits run on the
/// container's <see cref="TimeProvider"/>.</remarks>
internal sealed class InteractionTimerWorker : BackgroundService
{
    private readonly Func<InteractionService> serviceFactory;
    private InteractionService? service;
    private readonly IOptionsMonitor<ServicePolicyHostingOptions> options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ResiliencePipeline pipeline;

    /// <summary>Creates the worker.</summary>
    /// <param name="service">The runtime whose timer path the worker runs.</param>
    /// <param name="options">The options; the timer's are read at every pass (the retry delays once).</param>
    /// <param name="timeProvider">Runs the waits.</param>
    /// <param name="logger">Logs; null for none.</param>
    public InteractionTimerWorker(InteractionService service, IOptionsMonitor<ServicePolicyHostingOptions> options, TimeProvider timeProvider,
        ILogger<InteractionTimerWorker>? logger = null)
        : this(() => service, options, timeProvider, logger)
    {
        Preconditions.CheckNotNull(service);
    }

    /// <summary>Creates the worker with the runtime resolved when it is first needed: the host creates its hosted
    /// services before it runs start-up validation, and a missing store must be reported by the validation, with the
    /// call to add, not by the container.</summary>
    internal InteractionTimerWorker(Func<InteractionService> service, IOptionsMonitor<ServicePolicyHostingOptions> options, TimeProvider timeProvider,
        ILogger<InteractionTimerWorker>? logger = null)
    {
        serviceFactory = Preconditions.CheckNotNull(service);
        this.options = Preconditions.CheckNotNull(options);
        this.timeProvider = Preconditions.CheckNotNull(timeProvider);
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        HostingTimerOptions timer = options.CurrentValue.Timer;
        pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                // Every failure of a pass is retried, except the cancellation that stops the worker.
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } e
                    && !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = timer.RetryDelay,
                MaxDelay = timer.MaxRetryDelay,
                OnRetry = args =>
                {
                    HostingLog.TimerStoreError(this.logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Runs one timer pass: one batch, in one store transaction, without retrying.</summary>
    /// <param name="cancellationToken">Cancels the pass; the transaction rolls back.</param>
    /// <returns>How many interactions were written.</returns>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        service ??= serviceFactory();
        int count = await service.UpdateDueAsync(options.CurrentValue.Timer.BatchSize, cancellationToken).ConfigureAwait(false);
        if (count > 0)
        {
            HostingLog.TimerBatch(logger, count);
        }
        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ServicePolicyHostingOptions current = options.CurrentValue;
        HostingLog.TimerStarted(logger, current.NodeId, current.Timer.BatchSize, current.Timer.PollInterval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int count = await pipeline.ExecuteAsync(static (worker, token) => new ValueTask<int>(worker.RunOnceAsync(token)), this, stoppingToken)
                    .ConfigureAwait(false);
                HostingTimerOptions timer = options.CurrentValue.Timer;
                if (count < timer.BatchSize)
                {
                    await Task.Delay(timer.PollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the pass in progress rolled back, and the next node (or the next start) picks it up.
        }
        HostingLog.TimerStopped(logger, options.CurrentValue.NodeId);
    }
}
