// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Escalation;
using ServicePolicy.Hosting.Delivery;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>
/// Delivers escalation actions to the console: each one becomes a line (the live display shows the latest;
/// <c>--verbose</c> prints every one), and the notifier keeps every delivered action for the report. A real notifier
/// sends e-mail, chat messages or pages and passes <see cref="EscalationAction.Key"/> on as an idempotency key.
/// </summary>
internal sealed class ConsoleNotifier : IEscalationNotifier
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd HH:mm");
    private readonly DateTimeZone zone;
    private readonly Action<string>? writeLine;
    private readonly Queue<string> recent = new();

    public ConsoleNotifier(DateTimeZone zone, Action<string>? writeLine)
    {
        this.zone = zone;
        this.writeLine = writeLine;
    }

    /// <summary>Gets the time zone the notifier shows times in.</summary>
    public DateTimeZone Zone => zone;

    public List<EscalationAction> Delivered { get; } = new();

    public IEnumerable<string> Recent => recent;

    public Task NotifyAsync(EscalationAction action, CancellationToken cancellationToken)
    {
        Delivered.Add(action);
        string line = Describe(action);
        recent.Enqueue(line);
        if (recent.Count > 8)
        {
            recent.Dequeue();
        }
        writeLine?.Invoke(line);
        return Task.CompletedTask;
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
