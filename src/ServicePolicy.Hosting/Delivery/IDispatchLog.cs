// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>
/// Where dispatchers record which action keys were delivered, shared by every dispatcher that must not deliver a key
/// twice. A key is claimed with a lease before delivery and marked sent after it, so two dispatchers never deliver the
/// same key at once, and a dispatcher that dies between delivery and the log write leaves a lease that runs out, after
/// which the key can be delivered again (at least once, never lost).
/// </summary>
/// <remarks>Implementations must be thread-safe and make <see cref="TryClaimAsync"/> atomic (a conditional insert or
/// update in a database). <see cref="InMemoryDispatchLog"/> is the in-process implementation.</remarks>
public interface IDispatchLog
{
    /// <summary>Claims a key for delivery unless it was sent or another claimant's lease has not run out at <paramref name="now"/>.</summary>
    /// <param name="key">The action's key.</param>
    /// <param name="claimant">The claiming dispatcher's id.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="leaseUntil">The instant the claim runs out if the key is not marked sent (exclusive).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the key is now the caller's, was already sent, or is held by another claimant.</returns>
    ValueTask<DispatchClaim> TryClaimAsync(string key, string claimant, Instant now, Instant leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records that a key was delivered; it is never claimed again.</summary>
    /// <param name="key">The action's key.</param>
    /// <param name="sentAt">The instant of delivery.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    ValueTask MarkSentAsync(string key, Instant sentAt, CancellationToken cancellationToken);

    /// <summary>Gives up a claim that <paramref name="claimant"/> holds (after a failed delivery), so the next
    /// evaluation can retry at once; does nothing when the claim is someone else's or the key was sent.</summary>
    /// <param name="key">The action's key.</param>
    /// <param name="claimant">The dispatcher that claimed it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string key, string claimant, CancellationToken cancellationToken);
}
