// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using NodaTime;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Telemetry;

namespace ServicePolicy.Hosting.Telemetry;

/// <summary>
/// The hosting runtime's instruments (see <c>docs/telemetry.md</c>): commitments entering at risk and breached, outbox
/// entries planned, sent, failed attempts and dead letters, delivery latency and timer lag; and the activity source of
/// the fact path, the timer batches and the relay's deliveries.
/// </summary>
/// <remarks>
/// <para>One instance per container, on the meter of its <see cref="IMeterFactory"/> (the same meter as the core's
/// evaluation instruments: the factory returns one meter per name and version), or <see cref="Static"/> without a factory
/// and for a relay created with its public constructor.</para>
/// <para>Tags are low-cardinality only: the policy's name, the commitment kind, the outbox kind. Never an interaction
/// id, an owner or a key (those go on spans, as attributes; see <see cref="Source"/>). Callers check
/// <see cref="ObservesEvaluations"/> (or the <c>Enabled</c> of what they record) before gathering anything.</para>
/// </remarks>
internal sealed class HostingMetrics
{
    /// <summary>The tag naming the commitment kind (<c>FirstResponse</c>, <c>Resolution</c>, ...).</summary>
    internal const string CommitmentKindTag = "servicepolicy.commitment.kind";

    /// <summary>The tag naming the policy (its name), as the core's evaluation instruments name it.</summary>
    internal const string PolicyTag = "servicepolicy.policy";

    /// <summary>The tag naming the outbox kind: <c>escalation</c> or <c>remedy</c>.</summary>
    internal const string OutboxKindTag = "servicepolicy.outbox.kind";

    private readonly Counter<long> atRisk;
    private readonly Counter<long> breached;
    private readonly Counter<long> planned;
    private readonly Counter<long> sent;
    private readonly Counter<long> failedAttempts;
    private readonly Counter<long> deadLettered;
    private readonly Histogram<double> deliveryLatency;
    private readonly Histogram<double> timerLag;
    private readonly ObservableGauge<long> pending;

    // The last pending count a relay read from the store; -1 before the first (or after a failed) read.
    private long pendingCount = -1;

    /// <summary>Creates the instruments on a meter.</summary>
    /// <param name="meter">The meter (named <see cref="ServicePolicyTelemetry.Name"/>).</param>
    internal HostingMetrics(Meter meter)
    {
        atRisk = meter.CreateCounter<long>("servicepolicy.commitments.at_risk", "{commitment}",
            "Commitment cycles that entered the at-risk state, counted once, by the evaluation that first saw it.");
        breached = meter.CreateCounter<long>("servicepolicy.commitments.breached", "{commitment}",
            "Commitment cycles that passed their deadline unmet, counted once, by the evaluation that first saw it.");
        planned = meter.CreateCounter<long>("servicepolicy.outbox.planned", "{action}",
            "Escalation actions and remedies that fell due and were written to the outbox.");
        sent = meter.CreateCounter<long>("servicepolicy.outbox.sent", "{action}",
            "Outbox entries the channel delivered and the relay marked sent.");
        failedAttempts = meter.CreateCounter<long>("servicepolicy.outbox.failed_attempts", "{attempt}",
            "Delivery attempts that threw or timed out (retried, or the last before a dead letter).");
        deadLettered = meter.CreateCounter<long>("servicepolicy.outbox.dead_lettered", "{action}",
            "Outbox entries dead-lettered after every attempt failed.");
        deliveryLatency = meter.CreateHistogram<double>("servicepolicy.outbox.delivery.latency", "s",
            "From when an entry could first be delivered (the later of its due instant and its insertion) to when it was marked sent.");
        timerLag = meter.CreateHistogram<double>("servicepolicy.timer.lag", "s",
            "How late the timer re-evaluated an interaction: from its next_change_at to the store's clock at the batch.");
        // Observed without I/O: the relay reads the store's count after each pass and this reports the last one read.
        pending = meter.CreateObservableGauge("servicepolicy.outbox.pending", ObservePending, "{action}",
            "Outbox entries not yet sent nor dead-lettered in the whole store, as the store counted them after the relay's last pass.");
    }

    /// <summary>Gets the activity source of the runtime's spans, named <see cref="ServicePolicyTelemetry.Name"/>.</summary>
    internal static ActivitySource Source { get; } = new(ServicePolicyTelemetry.Name, ServicePolicyTelemetry.Version);

    /// <summary>Gets the instruments on a process-wide meter.</summary>
    internal static HostingMetrics Static { get; } = new(new Meter(ServicePolicyTelemetry.Name, ServicePolicyTelemetry.Version));

    /// <summary>Gets a value indicating whether anything <see cref="RecordEvaluation"/> records is listened to.</summary>
    internal bool ObservesEvaluations => atRisk.Enabled || breached.Enabled || planned.Enabled;

    /// <summary>Gets a value indicating whether the outbox pending count is listened to (the relay then asks the store
    /// for it after each pass).</summary>
    internal bool ObservesPending => pending.Enabled;

    /// <summary>Keeps the pending count a relay read from the store, for the gauge to report.</summary>
    /// <param name="count">The store's count; null when the read failed (the gauge then reports nothing rather than a
    /// stale value).</param>
    internal void RecordPending(long? count) => Interlocked.Exchange(ref pendingCount, count ?? -1);

    /// <summary>Gets a value indicating whether the timer lag is listened to.</summary>
    internal bool ObservesTimerLag => timerLag.Enabled;

    /// <summary>Creates the instruments a container uses: on its meter factory's meter when it has one, else
    /// <see cref="Static"/>.</summary>
    /// <param name="factory">The container's meter factory; null when none is registered.</param>
    /// <returns>The instruments.</returns>
    internal static HostingMetrics For(IMeterFactory? factory) =>
        factory is null ? Static : new(factory.Create(new MeterOptions(ServicePolicyTelemetry.Name) { Version = ServicePolicyTelemetry.Version }));

    /// <summary>Records what one committed evaluation changed since the previous one: the cycles that entered at risk
    /// or breached, and the outbox entries planned.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="previous">The instant of the interaction's previous evaluation (its stored summary's
    /// <see cref="InteractionSummary.EvaluatedAt"/>); null for a new interaction.</param>
    /// <param name="outbox">The entries the change wrote to the outbox (inserted unless their key was there).</param>
    /// <remarks>A transition is counted when its instant lies after <paramref name="previous"/> and at or before the
    /// evaluation's instant, so evaluating again (a later fact, the timer, another node) never counts it twice. Likewise
    /// an entry counts as planned when it fell due after <paramref name="previous"/>: an entry already due then was
    /// written by that earlier evaluation.</remarks>
    internal void RecordEvaluation(EvaluationResult result, Instant? previous, IReadOnlyList<OutboxEntry> outbox)
    {
        Instant from = previous ?? Instant.MinValue;
        string policy = result.Policy.Name;
        foreach (CommitmentStatus commitment in result.Commitments)
        {
            // At risk from its at-risk instant until it closes (met or ended): one that closed first never was.
            Instant? closedAt = commitment.MetAt ?? commitment.EndedAt;
            if (commitment.AtRiskAt is { } riskAt && riskAt > from && riskAt <= result.Now && !(closedAt <= riskAt))
            {
                Add(atRisk, commitment, policy);
            }
            if (commitment.BreachedAt is { } breachedAt && breachedAt > from && breachedAt <= result.Now)
            {
                Add(breached, commitment, policy);
            }
        }
        if (planned.Enabled)
        {
            foreach (OutboxEntry entry in outbox)
            {
                if (entry.DueAt > from)
                {
                    planned.Add(1, new KeyValuePair<string, object?>(OutboxKindTag, KindName(entry.Kind)));
                }
            }
        }
    }

    /// <summary>Records how late the timer re-evaluated one interaction.</summary>
    /// <param name="lag">From its <c>next_change_at</c> to the store's clock at the batch.</param>
    internal void RecordTimerLag(Duration lag) => timerLag.Record(lag.TotalSeconds);

    /// <summary>Records an entry marked sent.</summary>
    /// <param name="record">The entry as leased.</param>
    /// <param name="sentAt">When it was marked sent, by the relay's clock.</param>
    internal void RecordSent(OutboxRecord record, Instant sentAt)
    {
        var kind = new KeyValuePair<string, object?>(OutboxKindTag, KindName(record.Entry.Kind));
        sent.Add(1, kind);
        if (deliveryLatency.Enabled)
        {
            Instant ready = record.Entry.DueAt > record.CreatedAt ? record.Entry.DueAt : record.CreatedAt;
            deliveryLatency.Record((sentAt - ready).TotalSeconds, kind);
        }
    }

    /// <summary>Gets a value indicating whether the delivery latency is listened to (the relay then reads its clock
    /// after marking an entry sent).</summary>
    internal bool ObservesDeliveryLatency => deliveryLatency.Enabled;

    /// <summary>Records one failed delivery attempt.</summary>
    /// <param name="kind">The entry's kind.</param>
    internal void RecordFailedAttempt(OutboxKind kind) => failedAttempts.Add(1, new KeyValuePair<string, object?>(OutboxKindTag, KindName(kind)));

    /// <summary>Records an entry dead-lettered.</summary>
    /// <param name="kind">The entry's kind.</param>
    internal void RecordDeadLettered(OutboxKind kind) => deadLettered.Add(1, new KeyValuePair<string, object?>(OutboxKindTag, KindName(kind)));

    /// <summary>The outbox kind as a tag value: <c>escalation</c>, <c>remedy</c> or <c>delayNotice</c>, as in the payload's <c>kind</c>.</summary>
    internal static string KindName(OutboxKind kind) => kind switch
    {
        OutboxKind.Remedy => OutboxPayload.RemedyKind,
        OutboxKind.DelayNotice => OutboxPayload.DelayNoticeKind,
        _ => OutboxPayload.EscalationKind,
    };

    private IEnumerable<Measurement<long>> ObservePending()
    {
        long count = Interlocked.Read(ref pendingCount);
        return count < 0 ? [] : [new Measurement<long>(count)];
    }

    private static void Add(Counter<long> counter, CommitmentStatus commitment, string policy)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(CommitmentKindTag, commitment.Kind.ToString()),
                new KeyValuePair<string, object?>(PolicyTag, policy));
        }
    }
}
