// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;

namespace ServicePolicy.QuickStart;

/// <summary>An interaction's opening fact, what happened next, and the instants to look at it.</summary>
internal sealed record Scenario(string Id, string Title, InteractionOpened Opened, TimelineFact[] Later, Instant[] LookAt)
{
    public IEnumerable<TimelineFact> Facts => Later.Prepend(Opened);
}

/// <summary>Formats instants in a zone, such as <c>Mon 2026-11-23 12:40</c>.</summary>
internal static class Time
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd yyyy-MM-dd HH:mm");

    public static string Format(Instant instant, DateTimeZone zone) => Pattern.Format(instant.InZone(zone).LocalDateTime);
}

/// <summary>The organisation chart, from memory: evaluation must be a pure function of its arguments.</summary>
internal sealed class OrgChart : IEscalationDirectory
{
    public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at) =>
        (recipient.Kind, owner.Id) switch
        {
            (EscalationRecipientKind.Owner, _) => new[] { new EscalationContact(owner.Id) },
            (EscalationRecipientKind.OwnersLead, "support") => new[] { new EscalationContact("amira (support lead)") },
            (EscalationRecipientKind.OwnersLead, "billing") => new[] { new EscalationContact("ben (billing lead)") },
            (EscalationRecipientKind.OwnersManager, _) => new[] { new EscalationContact("jo (head of support)") },
            (EscalationRecipientKind.Role, _) when recipient.Name == "duty-manager" => new[] { new EscalationContact("sam (duty manager)") },
            _ => Array.Empty<EscalationContact>(),
        };
}

/// <summary>Delivers escalations by writing them to the console, each key once: it keeps the keys it has printed and
/// drops an action whose key it has seen, as a real channel (e-mail, chat, pages) does with
/// <see cref="EscalationAction.Key"/> as its idempotency key. In production the outbox relay of ServicePolicy.Hosting
/// delivers each planned action at least once, and the key lets the channel drop a duplicate (see docs/hosting.md).</summary>
internal sealed class ConsoleChannel
{
    private readonly HashSet<ActionKey> printed = new();

    public DateTimeZone Zone { get; set; } = DateTimeZone.Utc;

    public void Deliver(EscalationAction action)
    {
        if (!printed.Add(action.Key))
        {
            return;   // delivered before: the same key is the same action
        }
        string what = action.Step == EscalationStep.Warning ? "Warn" : action.Action.ToString();
        Console.WriteLine($"      escalated (due {Time.Format(action.DueAt, Zone)}): {what} {string.Join(", ", action.Contacts)}" +
            $"{(action.UsedFallback ? " (fallback)" : "")}  [{action.Key}]");
    }
}
