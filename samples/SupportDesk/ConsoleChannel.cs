// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Escalation;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>
/// Delivers escalation actions to the console, each key once: each new one becomes a line (the live display shows the
/// latest; <c>--verbose</c> prints every one), and the channel keeps every delivered action for the report. Every
/// evaluation lists the actions still due, so a ticket looked at twice lists an action twice under the same key; the
/// channel keeps the keys it has delivered and drops repeats. In production the outbox relay of ServicePolicy.Hosting
/// delivers each planned action at least once, and a channel (e-mail, chat, pages) drops duplicates by
/// <see cref="EscalationAction.Key"/>, its idempotency key (see docs/hosting.md).
/// </summary>
internal sealed class ConsoleChannel
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd HH:mm");
    private readonly DateTimeZone zone;
    private readonly Action<string>? writeLine;
    private readonly Queue<string> recent = new();
    private readonly HashSet<ActionKey> keys = new();

    public ConsoleChannel(DateTimeZone zone, Action<string>? writeLine)
    {
        this.zone = zone;
        this.writeLine = writeLine;
    }

    /// <summary>Gets the time zone the channel shows times in.</summary>
    public DateTimeZone Zone => zone;

    public List<EscalationAction> Delivered { get; } = new();

    public IEnumerable<string> Recent => recent;

    /// <summary>Delivers <paramref name="action"/> unless its key was delivered before.</summary>
    /// <returns>False for a repeat, which is dropped.</returns>
    public bool Deliver(EscalationAction action)
    {
        if (!keys.Add(action.Key))
        {
            return false;
        }
        Delivered.Add(action);
        string line = Describe(action);
        recent.Enqueue(line);
        if (recent.Count > 8)
        {
            recent.Dequeue();
        }
        writeLine?.Invoke(line);
        return true;
    }

    public string Format(Instant instant) => Pattern.Format(instant.InZone(zone).LocalDateTime);

    public string Describe(EscalationAction action)
    {
        string what = action.Step switch
        {
            EscalationStep.Warning => "warn",
            EscalationStep.HandoffLimit => "handoff limit:",
            _ => action.Action.ToString(),
        };
        return $"{Format(action.DueAt)}  {what} {string.Join(", ", action.Contacts)}{(action.UsedFallback ? " (fallback)" : "")}  [{action.Key}]";
    }
}
