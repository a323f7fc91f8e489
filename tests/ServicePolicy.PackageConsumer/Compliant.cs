// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Consumer.Crm;

namespace Consumer;

/// <summary>Correct code in every form the rules cover: no line here may get a warning.</summary>
public static class Compliant
{
    public static SupportTicket Constructor() => new SupportTicket("x", Desk.Alice, Desk.Tomorrow);

    public static SupportTicket Initializer() => new SupportTicket("x") { Owner = Desk.Alice, FollowUpBy = Desk.Tomorrow };

    public static SupportTicket TargetTyped() => new("x") { Owner = Desk.Alice, FollowUpBy = Desk.Tomorrow };

    public static SupportTicket Fluent() => SupportTicket.Open("x").AssignTo(Desk.Alice).WithDeadline(Desk.Tomorrow);

    public static CallbackRequest Record() => new CallbackRequest("bob", Desk.Tomorrow, "555-0100");

    public static CallbackRequest With(CallbackRequest request) => request with { Agent = "carol" };

    public static SupportTicket AssignedBeforeItLeaves()
    {
        var ticket = new SupportTicket("x");
        ticket.Owner = Desk.Alice;
        ticket.FollowUpBy = Desk.Tomorrow;
        Desk.Enqueue(ticket);
        return ticket;
    }

    public static Func<SupportTicket> InLambda() => () => new("x", Desk.Alice, Desk.Tomorrow);

    public static async Task<SupportTicket> InAsyncMethod()
    {
        var ticket = SupportTicket.Open("x");
        await Task.Yield();
        ticket.Owner = Desk.Alice;
        ticket.FollowUpBy = Desk.Tomorrow;
        return ticket;
    }

    public static List<SupportTicket> InCollectionExpression() => [new("a", Desk.Alice, Desk.Tomorrow)];

    public static CaseEntity ConfiguredEntity() => new CaseEntity { AssignedTo = "bob", RespondBy = Desk.Tomorrow };

    public static ServicePolicy.Evaluation.InteractionOpened LibraryType() =>
        new ServicePolicy.Evaluation.InteractionOpened(NodaTime.Instant.FromUtc(2026, 11, 23, 9, 0), ServicePolicy.Commitments.Owner.Team("support"));
}

public static class SupportTicketExtensions
{
    [ServicePolicy.SetsFollowUpDeadline]
    public static SupportTicket WithDeadline(this SupportTicket ticket, DateTimeOffset deadline)
    {
        ticket.FollowUpBy = deadline;
        return ticket;
    }
}
