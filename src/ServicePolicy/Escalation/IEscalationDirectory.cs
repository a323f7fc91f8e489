// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using NodaTime;
using ServicePolicy.Commitments;

namespace ServicePolicy.Escalation;

/// <summary>
/// The host's organisation chart: who the owner's lead and manager are, who holds a role, how to reach a person and
/// when they work. Evaluation calls it to resolve recipients when it plans escalation steps.
/// </summary>
/// <remarks>
/// <para>Evaluation is pure only if the directory is: for the same arguments it must return the same contacts (answer
/// from an in-memory snapshot, never from I/O during evaluation), and it must be thread-safe. Keys never depend on the
/// directory, so a changed organisation chart changes who hears, never how often.</para>
/// <para>For <see cref="EscalationRecipientKind.OnCall"/> recipients the library asks the rota who is on call and then
/// calls this directory with <see cref="EscalationRecipient.Person"/> of that person.</para>
/// </remarks>
public interface IEscalationDirectory
{
    /// <summary>Resolves a recipient to the contacts it stands for.</summary>
    /// <param name="recipient">The recipient: owner, owner's lead, owner's manager, role or person.</param>
    /// <param name="owner">The interaction's current owner.</param>
    /// <param name="at">The instant of the escalation step.</param>
    /// <returns>The contacts; empty when the recipient resolves to nobody, in which case the chain's fallback contact
    /// is used and the action says so.</returns>
    IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at);
}
