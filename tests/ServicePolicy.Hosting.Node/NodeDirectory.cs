// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;

namespace ServicePolicy.Hosting.Node;

/// <summary>The nodes' organisation chart (also compiled into the cluster tests, for their pure evaluations): the
/// owner's lead is '{owner}-lead', the manager '{owner}-manager', a role or person is the contact of that name.</summary>
internal sealed class NodeDirectory : IEscalationDirectory
{
    public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at) => recipient.Kind switch
    {
        EscalationRecipientKind.Owner => [new EscalationContact(owner.Id)],
        EscalationRecipientKind.OwnersLead => [new EscalationContact(owner.Id + "-lead")],
        EscalationRecipientKind.OwnersManager => [new EscalationContact(owner.Id + "-manager")],
        _ => [new EscalationContact(recipient.Name!)],
    };
}
