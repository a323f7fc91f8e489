// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Escalation;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.HelpdeskService;

/// <summary>The host's channel: the outbox relay hands it each escalation and remedy, with its key, and it writes one
/// line for each. A real channel sends an e-mail, a chat message or a page instead, and passes the key on as the
/// idempotency key wherever the destination takes one.</summary>
/// <remarks>Delivery is at least once: after a copy dies between sending and marking sent, the entry is delivered
/// again (by any copy) once its lease runs out. This channel prints every delivery, and says so when an entry was
/// leased before (<see cref="OutboxDelivery.Lease"/> &gt; 1), so that a repeat is visible; a channel that must
/// deliver effectively once drops a key it has already delivered.</remarks>
internal sealed class ConsoleChannel(SampleConsole console) : IOutboxChannel
{
    private int escalations;
    private int remedies;
    private int notices;

    public int Escalations => Volatile.Read(ref escalations);

    public int Remedies => Volatile.Read(ref remedies);

    public int Notices => Volatile.Read(ref notices);

    public Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        string again = delivery.Lease > 1 ? $" (lease {delivery.Lease}: it may have been delivered before)" : "";
        if (delivery.Kind == OutboxKind.Escalation)
        {
            EscalationMessage message = EscalationMessage.Parse(delivery.Payload);
            console.WriteLine("ESCALATION", $"{message.InteractionId} {Describe(message)}{again}; key {delivery.Key}");
            Interlocked.Increment(ref escalations);
        }
        else if (delivery.Kind == OutboxKind.DelayNotice)
        {
            DelayNoticeMessage message = DelayNoticeMessage.Parse(delivery.Payload);
            console.WriteLine("NOTICE", $"{message.InteractionId} {message.Commitment} at risk, due {message.Deadline}: send '{message.TemplateId}'{again}; key {delivery.Key}");
            Interlocked.Increment(ref notices);
        }
        else
        {
            RemedyMessage message = RemedyMessage.Parse(delivery.Payload);
            string commitment = message.Commitment is { } kind ? $"{kind} missed: " : "hand-off limit passed: ";
            console.WriteLine("REMEDY", $"{message.InteractionId} {commitment}{message.Description}{again}; key {delivery.Key}");
            Interlocked.Increment(ref remedies);
        }
        return Task.CompletedTask;
    }

    /// <summary>For example <c>FirstResponse level 1 -> OwnersManager (jo): RaisePriority, due 10:15:02</c>.</summary>
    private static string Describe(EscalationMessage message)
    {
        string commitment = message.Commitment is { } kind ? kind.ToString() : "hand-off limit";
        string step = message.Step switch
        {
            EscalationStep.Warning => "warning",
            EscalationStep.Level => $"level {message.StepIndex}",
            _ => "hand-off limit",
        };
        if (message.Repeat > 0)
        {
            step += $" repeat {message.Repeat}";
        }
        string recipient = message.RecipientName is { } name ? $"{message.RecipientKind}:{name}" : message.RecipientKind.ToString();
        string contacts = message.Contacts.Count > 0 ? string.Join(", ", message.Contacts) : "nobody";
        string action = message.Action == EscalationActionKind.Custom ? message.CustomAction! : message.Action.ToString();
        return $"{commitment} {step} -> {recipient} ({contacts}{(message.UsedFallback ? ", fallback" : "")}): {action}, due {SampleConsole.Format(message.DueAt)}";
    }
}
