// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Hosting.Delivery;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>A dispatch log that "crashes" the process between a delivery and its log write when told to: it throws
/// before writing, so the key stays claimed until its lease runs out.</summary>
internal sealed class CrashingLog : IDispatchLog
{
    private readonly IDispatchLog inner;
    private readonly Func<string, bool> crashBeforeWriting;

    public CrashingLog(IDispatchLog inner, Func<string, bool> crashBeforeWriting)
    {
        this.inner = inner;
        this.crashBeforeWriting = crashBeforeWriting;
    }

    public ValueTask<DispatchClaim> TryClaimAsync(string key, string claimant, Instant now, Instant leaseUntil, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(key, claimant, now, leaseUntil, cancellationToken);

    public ValueTask MarkSentAsync(string key, Instant sentAt, CancellationToken cancellationToken) =>
        crashBeforeWriting(key) ? throw new SimulatedCrash(key) : inner.MarkSentAsync(key, sentAt, cancellationToken);

    public ValueTask ReleaseAsync(string key, string claimant, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(key, claimant, cancellationToken);

    internal sealed class SimulatedCrash(string key) : Exception($"Simulated crash after delivering {key}, before the log write.")
    {
        public string Key { get; } = key;
    }
}
