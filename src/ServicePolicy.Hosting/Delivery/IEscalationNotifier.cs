// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Threading;
using System.Threading.Tasks;
using ServicePolicy.Escalation;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>Delivers an escalation action: sends the message, pages the person, reassigns the ticket. The host
/// implements it; <see cref="EscalationDispatcher"/> calls it.</summary>
/// <remarks>Delivery is at least once: after a crash between delivery and the log write the same action (same
/// <see cref="EscalationAction.Key"/>) can be delivered again, so a notifier that can pass the key on to its channel as
/// an idempotency key should. Throwing means "not delivered"; the dispatcher retries with backoff and then reports it.</remarks>
public interface IEscalationNotifier
{
    /// <summary>Delivers an action.</summary>
    /// <param name="action">The action.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the action is delivered, and faults when it is not.</returns>
    Task NotifyAsync(EscalationAction action, CancellationToken cancellationToken);
}
