// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// Delivers escalation actions in process: for each action, claims its key in the <see cref="IDispatchLog"/>, hands it
/// to the <see cref="IEscalationNotifier"/> with retries and exponential backoff, and marks the key sent. A key is
/// delivered at most once per log (barring a crash between delivery and the log write, after which it is delivered again
/// once its lease runs out) and at least once across evaluations and retries.
/// </summary>
/// <remarks>
/// <para>Failures are surfaced, never swallowed: an action whose every attempt fails has its claim released and makes
/// <see cref="DispatchAsync"/> throw <see cref="EscalationDispatchException"/> after the other actions are dispatched.
/// Exceptions from the log propagate at once (the log is the source of truth), leaving the current claim to run out.</para>
/// <para>Waits between attempts use the <see cref="TimeProvider"/>, so tests can run them without sleeping. Thread-safe:
/// several calls may run at once, on one dispatcher or many sharing a log.</para>
/// </remarks>
[Immutable]
public sealed class EscalationDispatcher
{
    private readonly IEscalationNotifier notifier;
    private readonly IDispatchLog log;
    private readonly TimeProvider timeProvider;
    private readonly int maxAttempts;
    private readonly Duration initialBackoff;
    private readonly double multiplier;
    private readonly Duration maxBackoff;
    private readonly Duration lease;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="notifier">Delivers actions.</param>
    /// <param name="log">Records claimed and sent keys; share it between dispatchers that must not duplicate.</param>
    /// <param name="timeProvider">The clock for claims and the timer for backoff (<see cref="TimeProvider.System"/> in production).</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="claimant">This dispatcher's id in the log (the host name, for example); null for a new unique id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notifier"/>, <paramref name="log"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it and its value.</exception>
    public EscalationDispatcher(IEscalationNotifier notifier, IDispatchLog log, TimeProvider timeProvider, EscalationDispatcherOptions? options = null, string? claimant = null)
    {
        this.notifier = Preconditions.CheckNotNull(notifier);
        this.log = Preconditions.CheckNotNull(log);
        this.timeProvider = Preconditions.CheckNotNull(timeProvider);
        options ??= new EscalationDispatcherOptions();
        maxAttempts = options.MaxAttempts;
        initialBackoff = options.InitialBackoff;
        multiplier = options.BackoffMultiplier;
        maxBackoff = options.MaxBackoff;
        lease = options.LeaseDuration;
        Preconditions.CheckArgumentRange(maxAttempts, 1, 100, "options.MaxAttempts");
        CheckOption(initialBackoff >= Duration.Zero, "options.InitialBackoff", initialBackoff, "must not be negative");
        CheckOption(multiplier >= 1.0, "options.BackoffMultiplier", multiplier, "must be 1 or more");
        CheckOption(maxBackoff >= initialBackoff, "options.MaxBackoff", maxBackoff, $"must be at least InitialBackoff ({initialBackoff})");
        Duration waits = Duration.Zero;
        for (int attempt = 1; attempt < maxAttempts; attempt++)
        {
            waits += Backoff(attempt);
        }
        CheckOption(lease > waits, "options.LeaseDuration", lease, $"must be more than the sum of the waits between attempts ({waits}), or a retry could outlive its claim");
        Claimant = claimant ?? Guid.NewGuid().ToString("N");
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
            Instant now = Now();
            switch (await log.TryClaimAsync(action.Key.ToString(), Claimant, now, now + lease, cancellationToken).ConfigureAwait(false))
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
                await log.MarkSentAsync(action.Key.ToString(), Now(), cancellationToken).ConfigureAwait(false);
                delivered.Add(action);
            }
            else
            {
                await log.ReleaseAsync(action.Key.ToString(), Claimant, CancellationToken.None).ConfigureAwait(false);
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

    /// <summary>Attempts delivery up to the maximum; returns null on success, or every attempt's exception.</summary>
    private async Task<List<Exception>?> DeliverAsync(EscalationAction action, CancellationToken cancellationToken)
    {
        var attemptErrors = new List<Exception>();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await notifier.NotifyAsync(action, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await log.ReleaseAsync(action.Key.ToString(), Claimant, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            catch (Exception e)
            {
                attemptErrors.Add(new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Attempt {attempt} of {maxAttempts} to deliver escalation action '{action.Key}' failed: {e.Message}"), e));
            }
            if (attempt == maxAttempts)
            {
                return attemptErrors;
            }
            try
            {
                await Task.Delay(Backoff(attempt).ToTimeSpan(), timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await log.ReleaseAsync(action.Key.ToString(), Claimant, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): the initial backoff times the
    /// multiplier to the power attempt - 1, capped.</summary>
    private Duration Backoff(int attempt)
    {
        double nanos = initialBackoff.ToInt64Nanoseconds() * Math.Pow(multiplier, attempt - 1);
        return nanos >= maxBackoff.ToInt64Nanoseconds() ? maxBackoff : Duration.FromNanoseconds(nanos);
    }

    private Instant Now() => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());

    private static void CheckOption(bool valid, string name, object value, string rule)
    {
        if (!valid)
        {
            Preconditions.ThrowArgumentOutOfRange(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}: it {rule}."));
        }
    }
}
