// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutFollowUpDeadlineAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1002. It shares its engine with SP1001, so these cover each form once more for the deadline.</summary>
public class InteractionWithoutFollowUpDeadlineAnalyzerTests
{
    private static DiagnosticResult FollowUp(int location = 0, string type = "Ticket", string hint = "set 'FollowUpBy'")
        => Verify.Diagnostic(Descriptors.InteractionWithoutFollowUpDeadline).WithLocation(location).WithArguments(type, hint);

    [Fact]
    public Task New_WithOwnerButNoDeadline_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => {|#0:new Ticket("x", Desk.Alice)|};
                Ticket B() => {|#1:new Ticket|} { Owner = Desk.Alice };
                Ticket D() => {|#2:new("x")|};
            }
            """,
            FollowUp(0),
            FollowUp(1),
            FollowUp(2));

    [Fact]
    public Task RecordStructAndFactories_WithoutDeadline_Report()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Support;
            class C
            {
                ChatThread A() => {|#0:new ChatThread("refund")|} { Agent = "bob" };
                ChatMessage B() => {|#1:new ChatMessage|} { Owner = "bob" };
                Ticket D() => Ticket.{|#2:Open("x")|}.AssignTo(Desk.Alice);
                async Task<Ticket> E() => (await Ticket.{|#3:OpenAsync("x")|}).AssignTo(Desk.Alice);
                Ticket F() => new TicketBuilder().AssignTo(Desk.Alice).{|#4:Build()|};
            }
            """,
            FollowUp(0, "ChatThread", "set 'ReplyBy'"),
            FollowUp(1, "ChatMessage", "set 'ReplyBy'"),
            FollowUp(2),
            FollowUp(3),
            FollowUp(4));

    [Fact]
    public Task LambdaLocalFunctionAsyncAndCollection_WithoutDeadline_Report()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Support;
            class C
            {
                Func<Ticket> A() => () => {|#0:new Ticket("x", Desk.Alice)|};

                Ticket B()
                {
                    return Local();
                    Ticket Local() => {|#1:new Ticket("x", Desk.Alice)|};
                }

                async Task<List<Ticket>> D()
                {
                    await Task.Yield();
                    return [{|#2:new("x", Desk.Alice)|}, new("y", Desk.Alice, Desk.Tomorrow)];
                }
            }
            """,
            FollowUp(0),
            FollowUp(1),
            FollowUp(2));

    [Fact]
    public Task AllWaysOfSettingTheDeadline_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Support;
            class C
            {
                Ticket A() => new Ticket("x", Desk.Alice, Desk.Tomorrow);
                Ticket B() => new Ticket("x", followUpBy: Desk.Tomorrow);
                Ticket D() => new Ticket { FollowUpBy = Desk.Tomorrow };
                Ticket E() => new Ticket("x").FollowUpAt(Desk.Tomorrow);
                Ticket F() => Ticket.OpenFor(Desk.Alice, Desk.Tomorrow, "x");
                Ticket G() => new TicketBuilder().FollowUpAt(Desk.Tomorrow).Build();
                CallbackRequest H() => new("bob", Desk.Tomorrow, "555-0100");
                ChatThread I() => new ChatThread("refund") with { ReplyBy = Desk.Tomorrow };
                Escalation J() => Escalation.Raise("angry").DueBy(Desk.Tomorrow);

                async Task<Ticket> K()
                {
                    var ticket = await Ticket.OpenAsync("x");
                    await Task.Yield();
                    ticket.FollowUpBy = Desk.Tomorrow;
                    Desk.Enqueue(ticket);
                    return ticket;
                }
            }
            """);

    [Fact]
    public async Task EditorConfigListedType_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                namespace Crm
                {
                    public class CaseEntity
                    {
                        public string? AssignedTo { get; set; }
                        public System.DateTime? RespondBy;
                    }
                }

                class C
                {
                    Crm.CaseEntity A() => {|#0:new Crm.CaseEntity()|} { AssignedTo = "bob" };
                    Crm.CaseEntity B() => new Crm.CaseEntity { RespondBy = new System.DateTime(2030, 1, 1) };
                }
                """,
            ExpectedDiagnostics = { FollowUp(0, "CaseEntity", "set 'RespondBy'") },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity
            service_policy.follow_up_members = Crm.CaseEntity.RespondBy
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Severity_ConfiguredPerRule()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using Support;
                class C
                {
                    Ticket M() => {|#0:new Ticket("x", Desk.Alice)|};
                }
                """,
            ExpectedDiagnostics = { FollowUp().WithSeverity(DiagnosticSeverity.Error) },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.SP1001.severity = none
            dotnet_diagnostic.SP1002.severity = error
            """));
        await test.RunAsync();
    }

    [Fact]
    public void Descriptor_HasHelpLinkToItsDocumentationPage()
    {
        var descriptor = Assert.Single(new InteractionWithoutFollowUpDeadlineAnalyzer().SupportedDiagnostics);
        Assert.Equal("SP1002", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal(Descriptors.HelpLinkBase + "SP1002.md", descriptor.HelpLinkUri);
    }
}
