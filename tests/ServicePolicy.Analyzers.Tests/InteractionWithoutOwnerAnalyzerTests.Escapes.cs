// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1001: a creation reported because it leaves the method (stored, passed on, captured, dropped) before it is completed.</summary>
public partial class InteractionWithoutOwnerAnalyzerTests
{
    [Fact]
    public Task StoredInField_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                private Ticket? _last;
                void M() => _last = {|#0:new Ticket("x")|};
            }
            """,
            Owner());

    [Fact]
    public Task PassedOn_WithoutOwner_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                void M() => Desk.Enqueue({|#0:new Ticket("x")|});
            }
            """,
            Owner());

    [Fact]
    public Task FieldAndPropertyInitializers_WithoutOwner_Report()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                private readonly Ticket _template = {|#0:new Ticket("template")|};
                public Ticket Default { get; } = {|#1:new("default")|};
                public Ticket Assigned { get; } = new("assigned") { Owner = Desk.Alice };
            }
            """,
            Owner(0),
            Owner(1));

    [Fact]
    public Task CopiedToAnotherLocal_CountsAsStored_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    var ticket = {|#0:new Ticket("x")|};
                    var alias = ticket;
                    alias.Owner = Desk.Alice;
                    return alias;
                }
            }
            """,
            Owner());

    [Fact]
    public Task AssignmentAfterPassedOn_IsTooLate_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                void M()
                {
                    var ticket = {|#0:new Ticket("x")|};
                    Desk.Enqueue(ticket);
                    ticket.Owner = Desk.Alice;
                }
            }
            """,
            Owner());

    [Fact]
    public Task AssignmentAfterCapture_IsTooLate_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using Support;
            class C
            {
                Action M()
                {
                    var ticket = {|#0:new Ticket("x")|};
                    Action submit = () => Desk.Enqueue(ticket);
                    ticket.Owner = Desk.Alice;
                    return submit;
                }
            }
            """,
            Owner());

    [Fact]
    public Task AssignmentAfterExtensionCall_IsTooLate_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    var ticket = {|#0:new Ticket("x")|};
                    ticket.Log();
                    ticket.Owner = Desk.Alice;
                    return ticket;
                }
            }
            """,
            Owner());

    [Fact]
    public Task LocalOverwritten_DroppedCreationReports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M(Ticket existing)
                {
                    var ticket = {|#0:new Ticket("x")|};
                    ticket = existing;
                    ticket.Owner = Desk.Alice;
                    return ticket;
                }
            }
            """,
            Owner());

    [Fact]
    public Task MethodCalledOnNewObject_UsesItUp_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                void M() => {|#0:new Ticket("x")|}.Submit();
            }
            """,
            Owner());

    [Fact]
    public Task NeverLeavesAndNeverCompleted_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                int M()
                {
                    var ticket = {|#0:new Ticket("x")|};
                    return ticket.Subject.Length;
                }
            }
            """,
            Owner());
}
