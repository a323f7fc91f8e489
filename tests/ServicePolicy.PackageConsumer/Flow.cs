// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy;

namespace Consumer;

/// Issue 16: a follow-up deadline held in a DateTime (SP1005).
[CustomerInteraction]
public sealed class SiteVisit
{
    [InteractionOwner]
    public string? Engineer;

    [FollowUpDeadline]
    public DateTime? VisitBy; // expect: SP1005
}

/// A struct interaction: its default value is a creation with nothing set.
[CustomerInteraction]
public struct PhoneNote
{
    [InteractionOwner]
    public string? Owner;

    [FollowUpDeadline]
    public DateTimeOffset? CallBackBy;
}

/// Issue 16: flow (an owner set on some paths only) and struct defaults, through the packed package.
public static class FlowCases
{
    public static SupportTicket OwnerOnlyInsideAnIf(bool urgent)
    {
        var ticket = new SupportTicket("x") { FollowUpBy = Desk.Tomorrow }; // expect: SP1001
        if (urgent)
        {
            ticket.Owner = Desk.Alice;
        }

        return ticket;
    }

    public static SupportTicket OwnerOnEveryBranch(bool urgent)
    {
        var ticket = new SupportTicket("x") { FollowUpBy = Desk.Tomorrow };
        if (urgent)
        {
            ticket.Owner = Desk.Alice;
        }
        else
        {
            ticket.Owner = new Agent("desk");
        }

        return ticket;
    }

    public static PhoneNote DefaultStruct()
    {
        PhoneNote note = default; // expect: SP1001, SP1002
        return note;
    }

    public static SupportTicket ConditionalNull(bool vip) => new SupportTicket("x") { Owner = vip ? Desk.Alice : null, FollowUpBy = Desk.Tomorrow }; // expect: SP1003
}
