// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Hosting.Delivery;

namespace ServicePolicy.Hosting.Load;

/// <summary>The channel of the load tool's hosts: the outbox relay runs as in an application and delivers here, where
/// each delivery is counted and dropped.</summary>
public sealed class DiscardingChannel : IOutboxChannel
{
    private long delivered;

    /// <summary>Gets how many deliveries arrived.</summary>
    public long Delivered => Interlocked.Read(ref delivered);

    /// <inheritdoc/>
    public Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref delivered);
        return Task.CompletedTask;
    }
}
