// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;

namespace ServicePolicy.Benchmarks.Queue;

/// <summary>
/// The support organisation of the queue benchmark, as a host would cache it: agents <c>agent-000</c> to
/// <c>agent-199</c>, one lead per ten agents, one manager (who works the office hours) per fifty, and named people
/// resolving to themselves. Every answer is a list built once, so the directory allocates nothing per call.
/// </summary>
public sealed class QueueDirectory : IEscalationDirectory
{
    /// <summary>The number of agents.</summary>
    public const int AgentCount = 200;

    private readonly Dictionary<string, EscalationContact[]> leads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EscalationContact[]> managers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EscalationContact[]> people = new(StringComparer.Ordinal);

    /// <summary>Creates the directory.</summary>
    /// <param name="officeHours">The managers' working hours.</param>
    public QueueDirectory(BusinessCalendar officeHours)
    {
        Agents = new Owner[AgentCount];
        for (int i = 0; i < AgentCount; i++)
        {
            string id = AgentId(i);
            Agents[i] = Owner.Person(id);
            leads[id] = new[] { new EscalationContact($"lead-{i / 10:00}") };
            managers[id] = new[] { new EscalationContact($"manager-{i / 50}", officeHours) };
            people[id] = new[] { new EscalationContact(id) };
        }
        foreach (string person in new[] { "head-of-support", "erin", "femi" })
        {
            people[person] = new[] { new EscalationContact(person) };
        }
    }

    /// <summary>Gets the agents who own interactions.</summary>
    public Owner[] Agents { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(owner);
        EscalationContact[]? found = recipient.Kind switch
        {
            EscalationRecipientKind.Owner => people.GetValueOrDefault(owner.Id),
            EscalationRecipientKind.OwnersLead => leads.GetValueOrDefault(owner.Id),
            EscalationRecipientKind.OwnersManager => managers.GetValueOrDefault(owner.Id),
            EscalationRecipientKind.Person => people.GetValueOrDefault(recipient.Name!),
            _ => null,
        };
        return found ?? Array.Empty<EscalationContact>();
    }

    private static string AgentId(int i) => $"agent-{i:000}";
}
