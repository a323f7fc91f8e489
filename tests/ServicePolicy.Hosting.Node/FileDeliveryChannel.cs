// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Hosting.Delivery;

namespace ServicePolicy.Hosting.Node;

/// <summary>
/// The node's channel: a delivery is one line, <c>key TAB dueAt TAB deliveredAt</c> (the machine's clock, never the
/// node's skewed one), appended to the node's deliveries file and flushed to the disk before
/// <see cref="DeliverAsync"/> returns. A line in the file is a completed send; a SIGKILL after it and before the relay
/// marks the entry sent makes the entry be delivered again, a duplicate the tests count.
/// </summary>
internal sealed class FileDeliveryChannel(AppendOnlyLog deliveries, IClock machineClock) : IOutboxChannel
{
    public Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        deliveries.Append([$"{delivery.Key}\t{InstantPattern.ExtendedIso.Format(delivery.DueAt)}\t{InstantPattern.ExtendedIso.Format(machineClock.GetCurrentInstant())}"]);
        return Task.CompletedTask;
    }
}
