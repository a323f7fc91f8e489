// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1001: the creation forms that are reported (<c>new</c>, target-typed <c>new</c>, factories, builders, lambdas, collections).</summary>
public partial class InteractionWithoutOwnerAnalyzerTests
{
    [Fact]
    public Task New_WithoutOwner_Returned_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new Ticket("printer on fire")|};
            }
            """,
            Owner().WithArguments("Ticket", "set 'Owner'"));

    [Fact]
    public Task TargetTypedNew_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    Ticket ticket = {|#0:new("printer on fire")|};
                    return ticket;
                }
            }
            """,
            Owner());

    [Fact]
    public Task ObjectInitializer_WithoutOwner_ReportsWithoutInitializerSpan()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new Ticket|}
                {
                    Subject = "printer on fire",
                    FollowUpBy = Desk.Tomorrow,
                };
            }
            """,
            Owner());

    [Fact]
    public Task DerivedType_InheritsCustomerInteraction_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new VipTicket()|} { Subject = "x" };
            }
            """,
            Owner().WithArguments("VipTicket", "set 'Owner'"));

    [Fact]
    public Task Record_OptionalOwnerNotSet_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                ChatThread M() => {|#0:new ChatThread("refund")|} { ReplyBy = Desk.Tomorrow };
            }
            """,
            Owner().WithArguments("ChatThread", "set 'Agent'"));

    [Fact]
    public Task Struct_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                ChatMessage M() => {|#0:new ChatMessage|} { Text = "hello" };
            }
            """,
            Owner(type: "ChatMessage"));

    [Fact]
    public Task OptionalOwnerParameterOmitted_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new Ticket("x", followUpBy: Desk.Tomorrow)|};
            }
            """,
            Owner());

    [Fact]
    public Task Factory_WithoutOwner_ReportsOnTheCall()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => Ticket.{|#0:Open("x")|};
            }
            """,
            Owner().WithArguments("Ticket", "set 'Owner'"));

    [Fact]
    public Task AsyncFactory_Awaited_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Support;
            class C
            {
                async Task<Ticket> M()
                {
                    var ticket = await Ticket.{|#0:OpenAsync("x")|};
                    return ticket;
                }
            }
            """,
            Owner());

    [Fact]
    public Task Builder_WithoutOwner_ReportsOnBuild()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => new TicketBuilder().WithSubject("x").FollowUpAt(Desk.Tomorrow).{|#0:Build()|};
            }
            """,
            Owner().WithArguments("Ticket", "set 'Owner'"));

    [Fact]
    public Task ImmutableFactory_WithoutOwner_HintsTheFluentSetter()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Escalation M() => Escalation.{|#0:Raise("angry customer")|}.DueBy(Desk.Tomorrow);
            }
            """,
            Owner().WithArguments("Escalation", "call 'EscalateTo'"));

    [Fact]
    public Task Lambda_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using Support;
            class C
            {
                Func<Ticket> M() => () => {|#0:new Ticket("x")|};
            }
            """,
            Owner());

    [Fact]
    public Task LocalFunction_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    return Make("x");

                    static Ticket Make(string subject)
                    {
                        var ticket = {|#0:new Ticket(subject)|};
                        ticket.Subject += "!";
                        return ticket;
                    }
                }
            }
            """,
            Owner());

    [Fact]
    public Task AsyncMethod_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Support;
            class C
            {
                async Task<Ticket> M()
                {
                    var ticket = {|#0:new Ticket("x")|};
                    await Task.Delay(1);
                    return ticket;
                }
            }
            """,
            Owner());

    [Fact]
    public Task CollectionExpression_ReportsOnlyIncompleteElements()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using Support;
            class C
            {
                List<Ticket> M() =>
                [
                    {|#0:new("a")|},
                    new("b") { Owner = Desk.Alice },
                    new Ticket("c", Desk.Alice),
                    {|#1:new Ticket|} { Subject = "d" },
                ];
            }
            """,
            Owner(0),
            Owner(1));
}
