// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy;

namespace Consumer;

/// An interaction whose owner and deadline are virtual; the override below does not repeat the attributes.
[CustomerInteraction]
public abstract class CaseBase
{
    [InteractionOwner]
    public virtual Agent? Owner { get; set; }

    [FollowUpDeadline]
    public virtual DateTimeOffset? Due { get; set; }
}

public sealed class Complaint : CaseBase
{
    public override Agent? Owner { get; set; }

    public override DateTimeOffset? Due { get; set; }
}

/// A marked constructor works its owner and deadline out itself: its only parameter is a queue name.
[CustomerInteraction]
public sealed class RoutedTicket
{
    [SetsInteractionOwner, SetsFollowUpDeadline]
    public RoutedTicket(string? queue) => Queue = queue;

    public string? Queue { get; }
}

[CustomerInteraction]
public record Callback([InteractionOwner] string Agent, [FollowUpDeadline] DateTimeOffset CallBackBy, string Phone);

/// Derives from a positional record: its Agent and CallBackBy parameters give the inherited owner and deadline.
public sealed record UrgentCallback(string Phone, string Agent, DateTimeOffset CallBackBy, int Priority)
    : Callback(Agent, CallBackBy, Phone);

/// Issue 16: inheritance, derived positional records and deconstruction, through the packed package.
public static class InheritanceCases
{
    public static Complaint OverrideSet(DateTimeOffset due) => new Complaint { Owner = Desk.Alice, Due = due };

    public static Complaint OverrideSetToNull(DateTimeOffset due) => new Complaint { Owner = null, Due = due }; // expect: SP1003

    public static RoutedTicket MarkedConstructor() => new RoutedTicket(null);

    public static UrgentCallback DerivedRecord(DateTimeOffset due) => new UrgentCallback("555-0197", "eve", due, 2);

    public static UrgentCallback DerivedRecordNullAgent(DateTimeOffset due) => new UrgentCallback("555-0197", null!, due, 2); // expect: SP1003

    public static UrgentCallback DerivedRecordWith(UrgentCallback existing) => existing with { Agent = null! }; // expect: SP1003

    public static void Deconstruction(SupportTicket ticket) => (ticket.Owner, ticket.FollowUpBy) = (null, null); // expect: SP1003, SP1003
}
