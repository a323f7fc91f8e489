// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;

namespace ServicePolicy.Tests.Escalation;

/// <summary>An in-memory directory: leads and managers by owner id, role holders by role, and working hours by person.
/// A person resolves to themselves; anything not listed resolves to nobody.</summary>
internal sealed class OrgChart : IEscalationDirectory
{
    private readonly Dictionary<string, string> leads = new();
    private readonly Dictionary<string, string> managers = new();
    private readonly Dictionary<string, string> roles = new();
    private readonly Dictionary<string, BusinessCalendar> hours = new();

    public OrgChart Lead(string owner, string lead) { leads[owner] = lead; return this; }

    public OrgChart Manager(string owner, string manager) { managers[owner] = manager; return this; }

    public OrgChart Role(string role, string person) { roles[role] = person; return this; }

    public OrgChart Works(string person, BusinessCalendar calendar) { hours[person] = calendar; return this; }

    public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at)
    {
        string? person = recipient.Kind switch
        {
            EscalationRecipientKind.Owner => owner.Id,
            EscalationRecipientKind.OwnersLead => leads.GetValueOrDefault(owner.Id),
            EscalationRecipientKind.OwnersManager => managers.GetValueOrDefault(owner.Id),
            EscalationRecipientKind.Role => roles.GetValueOrDefault(recipient.Name!),
            EscalationRecipientKind.Person => recipient.Name,
            _ => throw new InvalidOperationException($"The library resolves {recipient} before asking the directory."),
        };
        return person is null ? [] : [new EscalationContact(person, hours.GetValueOrDefault(person))];
    }
}
