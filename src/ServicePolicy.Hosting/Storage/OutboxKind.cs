// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Storage;

/// <summary>What an outbox entry delivers. Stored as its number: the values never change meaning.</summary>
public enum OutboxKind
{
    /// <summary>A step of an escalation chain (<c>EscalationAction</c>).</summary>
    Escalation = 0,

    /// <summary>A breach remedy now due (<c>RemedyDue</c>).</summary>
    Remedy = 1,

    /// <summary>An early delay notice to the customer, a commitment now at risk (<c>DelayNotice</c>).</summary>
    DelayNotice = 2,
}
