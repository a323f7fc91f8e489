// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;

namespace ServicePolicy.HelpdeskService;

/// <summary>The desk's organisation chart, from memory (the escalation chains name roles; this names the people). A
/// real host reads its directory of staff; it must answer the same for the same arguments.</summary>
internal sealed class DeskDirectory : IEscalationDirectory
{
    public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at) =>
        (recipient.Kind, owner.Id) switch
        {
            (EscalationRecipientKind.Owner, _) => [new EscalationContact(owner.Id)],
            (EscalationRecipientKind.OwnersLead, "support") => [new EscalationContact("amira")],
            (EscalationRecipientKind.OwnersLead, "billing") => [new EscalationContact("ben")],
            (EscalationRecipientKind.OwnersManager, _) => [new EscalationContact("jo")],
            (EscalationRecipientKind.Role, _) when recipient.Name == "duty-manager" => [new EscalationContact("sam")],
            _ => [],
        };
}
