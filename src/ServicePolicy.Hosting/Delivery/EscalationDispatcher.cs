// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>
/// Delivers escalation actions in process: for each action, claims its key in the <see cref="IDispatchLog"/>, hands it
/// to the <see cref="IEscalationNotifier"/> through a Polly retry pipeline (exponential backoff, a timeout per attempt),
/// and marks the key sent.
/// </summary>
/// <remarks>
/// <para>Guarantees, for dispatchers that share one log: an action is delivered at least once (a failed delivery
/// releases its claim, so the next evaluation's dispatch retries it); it is delivered more than once only when a
/// dispatcher stops between delivering it and marking it sent (after which its lease runs out and another dispatcher
/// delivers it again), so a notifier that passes <see cref="EscalationAction.Key"/> to its channel as an idempotency
/// key gets effectively-once delivery where the channel de-duplicates. Every attempt is cancelled after
/// <see cref="EscalationDispatcherOptions.AttemptTimeout"/>, and the options are checked so that all attempts and the
/// waits between them end before the lease does: a slow channel cannot outlive its claim.</para>
/// <para>Failures are surfaced, never swallowed: an action whose every attempt fails has its claim released and makes
/// <see cref="DispatchAsync"/> throw <see cref="EscalationDispatchException"/> after the other actions are dispatched.
/// Exceptions from the log propagate at once (the log is the source of truth), leaving the current claim to run out.</para>
/// <para>Claims and sent times are read from the <see cref="IClock"/>; the waits between attempts and the attempt
/// timeouts run on <see cref="EscalationDispatcherOptions.TimeProvider"/> (Polly's timer), so tests run them without
/// sleeping. Thread-safe: several calls may run at once, on one dispatcher or many sharing a log.</para>
/// </remarks>
[Immutable]
public sealed class EscalationDispatcher
{
    private readonly IEscalationNotifier notifier;
    private readonly IDispatchLog log;
    private readonly IClock clock;
    private readonly int maxAttempts;
    private readonly Duration lease;
    private readonly ResiliencePipeline pipeline;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="notifier">Delivers actions.</param>
    /// <param name="log">Records claimed and sent keys; share it between dispatchers that must not duplicate.</param>
    /// <param name="clock">The clock for claims, leases and sent times.</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="claimant">This dispatcher's id in the log (the host name, for example); null for a new unique id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notifier"/>, <paramref name="log"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it and its value.</exception>
    public EscalationDispatcher(IEscalationNotifier notifier, IDispatchLog log, IClock clock, EscalationDispatcherOptions? options = null, string? claimant = null)
    {
        this.notifier = Preconditions.CheckNotNull(notifier);
        this.log = Preconditions.CheckNotNull(log);
        this.clock = Preconditions.CheckNotNull(clock);
        options ??= new EscalationDispatcherOptions();
        maxAttempts = options.MaxAttempts;
        lease = options.LeaseDuration;
        Duration initialBackoff = options.InitialBackoff, maxBackoff = options.MaxBackoff, attemptTimeout = options.AttemptTimeout;
        double multiplier = options.BackoffMultiplier;
        Preconditions.CheckArgumentRange(maxAttempts, 1, 100, "options.MaxAttempts");
        CheckOption(initialBackoff >= Duration.Zero, "options.InitialBackoff", initialBackoff, "must not be negative");
        CheckOption(multiplier >= 1.0, "options.BackoffMultiplier", multiplier, "must be 1 or more");
        CheckOption(maxBackoff >= initialBackoff, "options.MaxBackoff", maxBackoff, $"must be at least InitialBackoff ({initialBackoff})");
        CheckOption(attemptTimeout > Duration.Zero && attemptTimeout <= Duration.FromDays(1), "options.AttemptTimeout", attemptTimeout, "must be more than zero and at most one day");
        CheckOption(options.TimeProvider is not null, "options.TimeProvider", "null", "must not be null");
        Duration worstCase = attemptTimeout * maxAttempts;
        for (int attempt = 1; attempt < maxAttempts; attempt++)
        {
            worstCase += Backoff(attempt, initialBackoff, multiplier, maxBackoff);
        }
        CheckOption(lease > worstCase, "options.LeaseDuration", lease,
            $"must be more than every attempt timing out plus the waits between them ({worstCase}), or a slow delivery could outlive its claim");
        Claimant = claimant ?? Guid.NewGuid().ToString("N");
        pipeline = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxAttempts - 1,
                // Every exception but the caller's cancellation is a failed attempt, including a timed-out one.
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } e &&
                    !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(Backoff(args.AttemptNumber + 1, initialBackoff, multiplier, maxBackoff).ToTimeSpan()),
            })
            .AddTimeout(attemptTimeout.ToTimeSpan())
            .Build();
    }

    /// <summary>Gets this dispatcher's id in the log.</summary>
    public string Claimant { get; }

    /// <summary>Dispatches actions in order: each is claimed, delivered with retries, and marked sent; keys already
    /// sent or held by another dispatcher are skipped.</summary>
    /// <param name="actions">The actions, usually <see cref="Evaluation.EvaluationResult.EscalationActions"/>.</param>
    /// <param name="cancellationToken">Cancels the dispatch; the current claim is released.</param>
    /// <returns>What happened to each action.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actions"/> or one of its elements is null.</exception>
    /// <exception cref="EscalationDispatchException">An action could not be delivered after every attempt.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DispatchReport> DispatchAsync(IEnumerable<EscalationAction> actions, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actions);
        var delivered = new List<EscalationAction>();
        var alreadySent = new List<EscalationAction>();
        var held = new List<EscalationAction>();
        var failed = new List<EscalationAction>();
        var errors = new List<Exception>();
        foreach (EscalationAction action in actions)
        {
            Preconditions.CheckArgument(action is not null, nameof(actions), "An action is null.");
            Instant now = clock.GetCurrentInstant();
            switch (await log.TryClaimAsync(KeyOf(action), Claimant, now, now + lease, cancellationToken).ConfigureAwait(false))
            {
                case DispatchClaim.AlreadySent:
                    alreadySent.Add(action);
                    continue;
                case DispatchClaim.HeldByAnother:
                    held.Add(action);
                    continue;
            }
            List<Exception>? attemptErrors = await DeliverAsync(action, cancellationToken).ConfigureAwait(false);
            if (attemptErrors is null)
            {
                await log.MarkSentAsync(KeyOf(action), clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                delivered.Add(action);
            }
            else
            {
                await log.ReleaseAsync(KeyOf(action), Claimant, CancellationToken.None).ConfigureAwait(false);
                failed.Add(action);
                errors.AddRange(attemptErrors);
            }
        }
        var report = new DispatchReport(delivered.AsReadOnly(), alreadySent.AsReadOnly(), held.AsReadOnly(), failed.AsReadOnly());
        if (failed.Count > 0)
        {
            throw new EscalationDispatchException(report, new AggregateException(errors));
        }
        return report;
    }

    /// <summary>The key under which the log records an action.</summary>
    private static string KeyOf(EscalationAction action) => action.Key.ToString();

    /// <summary>Delivers through the pipeline; returns null on success, or every attempt's exception. On cancellation
    /// the claim is released and the cancellation propagates.</summary>
    private async Task<List<Exception>?> DeliverAsync(EscalationAction action, CancellationToken cancellationToken)
    {
        var attemptErrors = new List<Exception>();
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                try
                {
                    await notifier.NotifyAsync(action, token).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // Recorded here, where the notifier's own exception is still visible (a timeout shows as the
                    // notifier's cancellation); the pipeline then decides whether to retry.
                    attemptErrors.Add(new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"Attempt {attemptErrors.Count + 1} of {maxAttempts} to deliver escalation action '{KeyOf(action)}' failed: {Describe(e, token)}"), e));
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled by the caller (during an attempt, or while waiting for the next): whatever the last attempt
            // threw, the answer is the cancellation, and the claim goes back at once.
            await log.ReleaseAsync(KeyOf(action), Claimant, CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (Exception) when (attemptErrors.Count > 0)
        {
            return attemptErrors;
        }
    }

    private static string Describe(Exception e, CancellationToken attemptToken) =>
        e is OperationCanceledException && attemptToken.IsCancellationRequested ? "it timed out" : e.Message;

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): the initial backoff times the
    /// multiplier to the power attempt - 1, capped.</summary>
    private static Duration Backoff(int attempt, Duration initialBackoff, double multiplier, Duration maxBackoff)
    {
        double nanos = initialBackoff.ToInt64Nanoseconds() * Math.Pow(multiplier, attempt - 1);
        return nanos >= maxBackoff.ToInt64Nanoseconds() ? maxBackoff : Duration.FromNanoseconds((long)nanos);
    }

    private static void CheckOption(bool valid, string name, object value, string rule)
    {
        if (!valid)
        {
            Preconditions.ThrowArgumentOutOfRange(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}: it {rule}."));
        }
    }
}
