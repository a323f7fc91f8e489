// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Delivery;

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

/// <summary>Delivers escalations by writing them to the console; a real notifier sends e-mail, chat or pages,
/// passing <see cref="EscalationAction.Key"/> on as an idempotency key.</summary>
internal sealed class ConsoleNotifier : IEscalationNotifier
{
    public DateTimeZone Zone { get; set; } = DateTimeZone.Utc;

    public Task NotifyAsync(EscalationAction action, CancellationToken cancellationToken)
    {
        string what = action.Step == EscalationStep.Warning ? "Warn" : action.Action.ToString();
        Console.WriteLine($"      escalated (due {Time.Format(action.DueAt, Zone)}): {what} {string.Join(", ", action.Contacts)}" +
            $"{(action.UsedFallback ? " (fallback)" : "")}  [{action.Key}]");
        return Task.CompletedTask;
    }
}

/// <summary>A clock the sample moves by hand, for the dispatcher's claims (which expire after a lease). Tests use
/// NodaTime.Testing's FakeClock the same way.</summary>
internal sealed class SampleClock : IClock
{
    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;
}
