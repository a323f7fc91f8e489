// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionMemberSetToNullOrDefaultAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1003.</summary>
public class InteractionMemberSetToNullOrDefaultAnalyzerTests
{
    private static DiagnosticResult NullOwner(int location = 0, string type = "Ticket")
        => Verify.Diagnostic(Descriptors.InteractionMemberSetToNullOrDefault).WithLocation(location).WithArguments("owner", type);

    private static DiagnosticResult NullFollowUp(int location = 0, string type = "Ticket")
        => Verify.Diagnostic(Descriptors.InteractionMemberSetToNullOrDefault).WithLocation(location).WithArguments("follow-up deadline", type);

    [Fact]
    public Task ObjectInitializer_NullOrDefault_Reports()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => new Ticket("x") { Owner = {|#0:null!|}, FollowUpBy = {|#1:default|} };
                Ticket B() => new() { Owner = {|#2:default(OwnerRef)|}, FollowUpBy = {|#3:null|} };
                ChatMessage D() => new ChatMessage { Owner = {|#4:null|}, ReplyBy = {|#5:default(NodaTime.Instant?)|} };
            }
            """,
            NullOwner(0),
            NullFollowUp(1),
            NullOwner(2),
            NullFollowUp(3),
            NullOwner(4, "ChatMessage"),
            NullFollowUp(5, "ChatMessage"));

    [Fact]
    public Task ConstructorAndRecordArguments_NullOrDefault_Report()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => new Ticket("x", {|#0:null|}, {|#1:null|});
                Ticket B() => new("x", owner: {|#2:default|});
                CallbackRequest D() => new CallbackRequest({|#3:null!|}, {|#4:default|}, "555-0100");
            }
            """,
            NullOwner(0),
            NullFollowUp(1),
            NullOwner(2),
            NullOwner(3, "CallbackRequest"),
            NullFollowUp(4, "CallbackRequest"));

    [Fact]
    public Task WithExpressionAndLaterAssignment_NullOrDefault_Report()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                ChatThread A(ChatThread thread) => thread with { Agent = {|#0:null|} };
                CallbackRequest B(CallbackRequest request) => request with { Agent = {|#1:null!|}, CallBackBy = {|#2:default|} };

                void D(Ticket ticket)
                {
                    ticket.Owner = {|#3:null|};
                    ticket.FollowUpBy = {|#4:default|};
                }
            }
            """,
            NullOwner(0, "ChatThread"),
            NullOwner(1, "CallbackRequest"),
            NullFollowUp(2, "CallbackRequest"),
            NullOwner(3),
            NullFollowUp(4));

    [Fact]
    public Task FactoryAndSetterArguments_NullOrDefault_Report()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => Ticket.OpenFor({|#0:null!|}, {|#1:default|}, "x");
                Ticket B() => new Ticket("x").AssignTo({|#2:null!|}).FollowUpAt({|#3:default|});
                Ticket D() => new TicketBuilder().AssignTo({|#4:null!|}).Build();
                Escalation E() => Escalation.Raise("angry").EscalateTo({|#5:default!|});
            }
            """,
            NullOwner(0),
            NullFollowUp(1),
            NullOwner(2),
            NullFollowUp(3),
            NullOwner(4),
            NullOwner(5, "Escalation"));

    [Fact]
    public Task RealValuesAndOtherMembers_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A(OwnerRef? maybe) => new Ticket("x") { Owner = maybe, FollowUpBy = Desk.Tomorrow };
                Ticket B() => new Ticket(null!) { Subject = null!, Owner = Desk.Alice };
                Ticket D() => new Ticket("x");
                Ticket E() => Ticket.Open(null!).WithNote(null!);
                ChatThread F(ChatThread thread) => thread with { Topic = null! };
            }
            """);

    [Fact]
    public Task PropertyInitializerInTheTypeItself_IsNotReported()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using ServicePolicy;
            [CustomerInteraction]
            sealed class Callback
            {
                [InteractionOwner]
                public string Agent { get; set; } = null!;

                [FollowUpDeadline]
                public System.DateTimeOffset? CallBackBy { get; init; } = default;
            }
            """);

    [Fact]
    public async Task EditorConfigListedMembers_Report()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                namespace Crm
                {
                    public class CaseEntity
                    {
                        public string? AssignedTo { get; set; }
                        public System.DateTime? RespondBy { get; set; }
                        public string? Title { get; set; }
                    }
                }

                class C
                {
                    Crm.CaseEntity A() => new Crm.CaseEntity { AssignedTo = {|#0:null|}, RespondBy = {|#1:null|}, Title = null };
                }
                """,
            ExpectedDiagnostics = { NullOwner(0, "CaseEntity"), NullFollowUp(1, "CaseEntity") },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity
            service_policy.owner_members = Crm.CaseEntity.AssignedTo
            service_policy.follow_up_members = Crm.CaseEntity.RespondBy
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_IsSkipped()
    {
        var test = new Verify.Test { TestCode = "class C { }" };
        test.TestState.Sources.Add(("/0/Entities.g.cs", """
            using Support;
            class Generated
            {
                Ticket M() => new Ticket("x") { Owner = null };
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public void Descriptor_HasHelpLinkToItsDocumentationPage()
    {
        var descriptor = Assert.Single(new InteractionMemberSetToNullOrDefaultAnalyzer().SupportedDiagnostics);
        Assert.Equal("SP1003", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal(Descriptors.HelpLinkBase + "SP1003.md", descriptor.HelpLinkUri);
    }
}
