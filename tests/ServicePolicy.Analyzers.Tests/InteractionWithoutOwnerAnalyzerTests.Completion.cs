// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1001: the ways of completing a creation (no diagnostic).</summary>
public partial class InteractionWithoutOwnerAnalyzerTests
{
    [Fact]
    public Task ConstructorArgument_BoundByName_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => new Ticket("x", Desk.Alice);
                Ticket B() => new Ticket("x", owner: Desk.Alice);
                Ticket C2() => new("x", Desk.Alice, Desk.Tomorrow);
            }
            """);

    [Fact]
    public Task RecordPrimaryConstructorArgument_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                CallbackRequest A() => new CallbackRequest("bob", Desk.Tomorrow, "555-0100");
                CallbackRequest B() => new(Agent: "bob", CallBackBy: Desk.Tomorrow, Phone: "555-0100");
            }
            """);

    [Fact]
    public Task ObjectInitializer_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => new Ticket { Subject = "x", Owner = Desk.Alice };
                Ticket B() => new() { Owner = Desk.Alice };
                ChatMessage D() => new ChatMessage { Owner = "bob", Text = "hi" };
            }
            """);

    [Fact]
    public Task WithExpressionOnTheCreation_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                ChatThread M() => new ChatThread("refund") with { Agent = "bob" };
            }
            """);

    [Fact]
    public Task WithExpressionOnExistingObject_IsNotACreation_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                ChatThread M(ChatThread thread) => thread with { Topic = "refund" };
            }
            """);

    [Fact]
    public Task FluentSetter_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => new Ticket("x").AssignTo(Desk.Alice);
                Ticket B() => Ticket.Open("x").WithNote("vip").AssignTo(Desk.Alice).FollowUpAt(Desk.Tomorrow);
                Escalation D() => Escalation.Raise("angry").EscalateTo(Desk.Alice);
            }
            """);

    [Fact]
    public Task FactoryWithOwnerParameter_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => Ticket.OpenFor(Desk.Alice, Desk.Tomorrow, "x");
            }
            """);

    [Fact]
    public Task BuilderChainSetsOwner_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => new TicketBuilder().WithSubject("x").AssignTo(Desk.Alice).Build();
            }
            """);

    [Fact]
    public Task BuilderInLocalSetsOwner_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    var builder = new TicketBuilder().WithSubject("x");
                    builder.AssignTo(Desk.Alice);
                    return builder.Build();
                }
            }
            """);

    [Fact]
    public Task AssignmentBeforeReturn_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    var ticket = new Ticket("x");
                    ticket.Subject = ticket.Subject.Trim();
                    if (ticket.Subject.Length > 0 && ticket is { FollowUpBy: null })
                    {
                        ticket.FollowUpBy = Desk.Tomorrow;
                    }

                    ticket.Owner = Desk.Alice;
                    return ticket;
                }
            }
            """);

    [Fact]
    public Task AssignmentBeforePassedOn_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                private Ticket? _last;
                void M()
                {
                    Ticket ticket;
                    ticket = new("x");
                    ticket.Owner = Desk.Alice;
                    Desk.Enqueue(ticket);
                    _last = ticket;
                }
            }
            """);

    [Fact]
    public Task SetterCallOnLocal_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    var ticket = Ticket.Open("x");
                    ticket.Submit();
                    ticket.AssignTo(Desk.Alice);
                    return ticket;
                }
            }
            """);

    [Fact]
    public Task ImmutableReassignedThroughSetter_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Escalation M()
                {
                    var escalation = Escalation.Raise("angry");
                    escalation = escalation.EscalateTo(Desk.Alice);
                    return escalation;
                }
            }
            """);

    [Fact]
    public Task AsyncMethod_AssignmentAfterAwait_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Support;
            class C
            {
                async Task<Ticket> M()
                {
                    var ticket = await Ticket.OpenAsync("x");
                    ticket.Owner = await Desk.PickOwnerAsync();
                    return ticket;
                }
            }
            """);

    [Fact]
    public Task LambdaAndLocalFunction_AssignmentInside_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using Support;
            class C
            {
                Func<Ticket> M()
                {
                    Func<Ticket> make = () =>
                    {
                        var ticket = new Ticket("x");
                        ticket.Owner = Desk.Alice;
                        return ticket;
                    };

                    return Local;

                    Ticket Local()
                    {
                        var ticket = make();
                        var other = new Ticket("y");
                        other.Owner = ticket.Owner;
                        return other;
                    }
                }
            }
            """);

    [Fact]
    public Task CreationReturnedFromFactoryMethod_IsTheCallersJob_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using ServicePolicy;
            using Support;
            static class Factories
            {
                [CreatesCustomerInteraction]
                public static Ticket Blank() => new Ticket("blank");

                [CreatesCustomerInteraction]
                public static Ticket Blank2()
                {
                    var ticket = new Ticket("blank");
                    ticket.Subject += "2";
                    return ticket;
                }
            }
            """);

    [Fact]
    public Task ConstructorMarkedAsSettingOwner_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using ServicePolicy;
            [CustomerInteraction]
            sealed class Callback
            {
                [SetsInteractionOwner]
                public Callback() => Agent = "reception";

                public Callback(string agent) => Agent = agent;

                [InteractionOwner]
                public string Agent { get; set; }
            }

            class C
            {
                Callback A() => new Callback();
                Callback B() => new Callback(agent: "bob");
            }
            """);

    [Fact]
    public Task InteractionWithoutDeclaredOwnerMember_NothingToCheck_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                InternalNote M() => new InternalNote { Text = "call back" };
            }
            """);

    [Fact]
    public Task NonInteractionTypes_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using Support;
            class C
            {
                List<Ticket> M() => new List<Ticket>();
                OwnerRef N() => new OwnerRef("bob");
                TicketBuilder B() => new TicketBuilder();
            }
            """);
}
