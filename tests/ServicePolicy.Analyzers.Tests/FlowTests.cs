// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis.Testing;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// Issue 16's flow gap: a creation is reported when some path reaches its escape or the end of the method without
/// the member set (control flow graph); a struct interaction's <c>default</c> is a creation; a marked <c>Add</c>
/// reached through a collection initializer is seen.
/// </summary>
public class FlowTests
{
    private static DiagnosticResult Owner(int location = 0, string type = "Ticket", string hint = "set 'Owner'")
        => Verify.Diagnostic(Descriptors.InteractionWithoutOwner).WithLocation(location).WithArguments(type, hint);

    [Fact]
    public Task OwnerSetOnlyInsideAnIf_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M(bool urgent)
                {
                    var ticket = {|#0:new Ticket("x")|};
                    if (urgent)
                    {
                        ticket.Owner = Desk.Alice;
                    }

                    return ticket;
                }
            }
            """,
            Owner());

    [Fact]
    public Task OwnerSetOnEveryBranch_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using Support;
            class C
            {
                Ticket A(bool urgent)
                {
                    var ticket = new Ticket("x");
                    if (urgent) ticket.Owner = Desk.Alice;
                    else ticket.AssignTo(Desk.Alice);
                    return ticket;
                }

                Ticket B(int level)
                {
                    var ticket = new Ticket("x");
                    switch (level)
                    {
                        case 1: ticket.Owner = Desk.Alice; break;
                        default: ticket.Owner = new OwnerRef("desk"); break;
                    }

                    return ticket;
                }

                Ticket D(bool urgent)
                {
                    var ticket = new Ticket("x");
                    if (!urgent) throw new InvalidOperationException();
                    ticket.Owner = Desk.Alice;
                    return ticket;
                }

                Ticket E()
                {
                    var ticket = new Ticket("x");
                    try { ticket.Owner = Desk.Alice; } finally { ticket.Subject = "y"; }
                    return ticket;
                }

                System.Func<bool, Ticket> F() => urgent =>
                {
                    var ticket = new Ticket("x");
                    if (urgent) ticket.Owner = Desk.Alice;
                    else ticket.Owner = new OwnerRef("desk");
                    return ticket;
                };

                [ServicePolicy.CreatesCustomerInteraction]
                Ticket G(bool urgent)
                {
                    var ticket = new Ticket("x");
                    if (urgent) ticket.Owner = Desk.Alice;
                    return ticket;
                }
            }
            """);

    [Fact]
    public Task SomePathEscapesOrEndsWithoutTheOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using Support;
            class C
            {
                Ticket A(IEnumerable<OwnerRef> candidates)
                {
                    var ticket = {|#0:new Ticket("x")|};
                    foreach (var candidate in candidates) ticket.Owner = candidate;
                    return ticket;
                }

                void B(bool urgent)
                {
                    var ticket = {|#1:new Ticket("x")|};
                    if (urgent) ticket.Owner = Desk.Alice;
                    else Desk.Enqueue(ticket);
                }

                Ticket D(int level)
                {
                    var ticket = {|#2:new Ticket("x")|};
                    switch (level)
                    {
                        case 1: ticket.Owner = Desk.Alice; break;
                    }

                    return ticket;
                }

                Ticket E(bool urgent)
                {
                    var ticket = {|#3:new Ticket("x")|};
                    if (urgent) goto done;
                    ticket.Owner = Desk.Alice;
                    done:
                    return ticket;
                }

                Ticket F(bool urgent)
                {
                    var ticket = Ticket.{|#4:Open("x")|};
                    _ = urgent && ticket.AssignTo(Desk.Alice) is not null;
                    return ticket;
                }

                System.Func<bool, Ticket> G() => urgent =>
                {
                    var ticket = {|#5:new Ticket("x")|};
                    if (urgent) ticket.Owner = Desk.Alice;
                    return ticket;
                };

                Ticket H(bool urgent)
                {
                    return Local();

                    Ticket Local()
                    {
                        var ticket = {|#6:new Ticket("x")|};
                        if (urgent) ticket.Owner = Desk.Alice;
                        return ticket;
                    }
                }
            }
            """,
            Owner(0),
            Owner(1),
            Owner(2),
            Owner(3),
            Owner(4),
            Owner(5),
            Owner(6));

    [Fact]
    public Task DefaultOfAStructInteraction_IsACreation()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                ChatMessage A()
                {
                    ChatMessage message = {|#0:default|};
                    return message;
                }

                ChatMessage B() => {|#1:default(ChatMessage)|};

                ChatMessage D()
                {
                    ChatMessage message = default;
                    message.Owner = "ann";
                    return message;
                }

                Ticket? E() => default;
            }
            """,
            Owner(0, "ChatMessage"),
            Owner(1, "ChatMessage"));

    [Fact]
    public Task MarkedAddThroughACollectionInitializer_IsSeen()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Collections;
                using System.Collections.Generic;
                using ServicePolicy;
                using Support;

                public sealed class Inbox : IEnumerable<Ticket>
                {
                    private readonly List<Ticket> _tickets = new();
                    [CreatesCustomerInteraction] public Ticket Add(string subject) => Ticket.Open(subject);
                    public IEnumerator<Ticket> GetEnumerator() => _tickets.GetEnumerator();
                    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
                }

                [CustomerInteraction]
                public sealed class Party : IEnumerable<string>
                {
                    private readonly List<string> _owners = new();
                    [SetsInteractionOwner] public void Add(string owner) => _owners.Add(owner);
                    public IEnumerator<string> GetEnumerator() => _owners.GetEnumerator();
                    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
                }

                class C
                {
                    Inbox A() => new Inbox { {|#0:"printer on fire"|} };
                    Party B() => new Party { "ann" };
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Owner(0));
        return test.RunAsync();
    }
}
