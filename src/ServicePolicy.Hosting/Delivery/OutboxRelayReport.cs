// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>What one <see cref="OutboxRelay.RelayOnceAsync"/> call did with each entry it leased, by key, in the order
/// the store leased them.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class OutboxRelayReport
{
    internal OutboxRelayReport(int leased, IReadOnlyList<string> delivered, IReadOnlyList<string> deadLettered,
        IReadOnlyList<string> released, IReadOnlyList<string> lostLease, IReadOnlyList<string> inFlight)
    {
        Leased = leased;
        Delivered = delivered;
        DeadLettered = deadLettered;
        Released = released;
        LostLease = lostLease;
        InFlight = inFlight;
    }

    /// <summary>Gets how many entries the call leased (at most <see cref="OutboxRelayOptions.BatchSize"/>; fewer means
    /// the outbox had no more due).</summary>
    public int Leased { get; }

    /// <summary>Gets the keys delivered and marked sent.</summary>
    public IReadOnlyList<string> Delivered { get; }

    /// <summary>Gets the keys whose every attempt failed, now dead-lettered with the last error.</summary>
    public IReadOnlyList<string> DeadLettered { get; }

    /// <summary>Gets the keys given back without an attempt, because what was left of the batch's lease when their
    /// turn came was too short for every attempt; the next run leases them again.</summary>
    public IReadOnlyList<string> Released { get; }

    /// <summary>Gets the keys this relay tried or delivered but could not settle: another claimant leased them after
    /// the lease ran out, so that claimant's delivery (a possible duplicate) decides their fate.</summary>
    public IReadOnlyList<string> LostLease { get; }

    /// <summary>Gets the keys leased again while another call of the same relay was still delivering them (its lease
    /// had run out); they were left to that delivery rather than delivered twice.</summary>
    public IReadOnlyList<string> InFlight { get; }
}
