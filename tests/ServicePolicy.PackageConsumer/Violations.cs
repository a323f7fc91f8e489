// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Consumer.Crm;

namespace Consumer;

/// <summary>Known violations: each marked line must get exactly the warnings it names.</summary>
public static class Violations
{
    public static SupportTicket NoOwnerNoDeadline() => new SupportTicket("printer on fire"); // expect: SP1001, SP1002

    public static SupportTicket NoDeadline() => new SupportTicket("vpn down") { Owner = Desk.Alice }; // expect: SP1002

    public static SupportTicket FactoryWithoutDeadline() => SupportTicket.Open("refund") // expect: SP1002
        .AssignTo(Desk.Alice);

    public static SupportTicket FactoryAlone() => SupportTicket.Open("refund"); // expect: SP1001, SP1002

    public static void AssignedTooLate()
    {
        var ticket = new SupportTicket("late") { FollowUpBy = Desk.Tomorrow }; // expect: SP1001
        Desk.Enqueue(ticket);
        ticket.Owner = Desk.Alice;
    }

    public static Func<SupportTicket> InLambda() => () => new("from a lambda") { Owner = Desk.Alice }; // expect: SP1002

    public static async Task<SupportTicket> InAsyncMethod()
    {
        await Task.Yield();
        SupportTicket ticket = new("async") { FollowUpBy = Desk.Tomorrow }; // expect: SP1001
        return ticket;
    }

    public static List<SupportTicket> InCollectionExpression() =>
    [
        new("a", Desk.Alice, Desk.Tomorrow),
        new("b") { FollowUpBy = Desk.Tomorrow }, // expect: SP1001
    ];

    public static SupportTicket ExplicitNull() => new SupportTicket("x") { Owner = null!, FollowUpBy = default }; // expect: SP1003, SP1003

    public static CallbackRequest RecordWithNull(CallbackRequest request) => request with { Agent = null! }; // expect: SP1003

    public static CaseEntity ConfiguredEntity() => new CaseEntity { Title = "from the CRM" }; // expect: SP1001, SP1002

    // The library's own interaction types carry the attributes too.
    public static ServicePolicy.Evaluation.InteractionOpened LibraryTypeWithNullOwner() =>
        new ServicePolicy.Evaluation.InteractionOpened(NodaTime.Instant.FromUtc(2026, 11, 23, 9, 0), null!); // expect: SP1003
}
