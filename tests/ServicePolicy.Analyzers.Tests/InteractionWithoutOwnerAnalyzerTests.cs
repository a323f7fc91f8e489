// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ServicePolicy.Analyzers.CodeFixes;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1001. The model the sources use is <see cref="Infrastructure.Model"/>.</summary>
public class InteractionWithoutOwnerAnalyzerTests
{
    private static DiagnosticResult Owner(int location = 0, string type = "Ticket", string hint = "set 'Owner'")
        => Verify.Diagnostic(Descriptors.InteractionWithoutOwner).WithLocation(location).WithArguments(type, hint);

    // ---- Creation forms that are reported --------------------------------------------------

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

    // ---- Ways of completing a creation (no diagnostic) -------------------------------------

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
    public Task AssignmentInBranch_CountsFlowInsensitively_NoDiagnostic()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M(bool urgent)
                {
                    var ticket = new Ticket("x");
                    if (urgent)
                    {
                        ticket.Owner = Desk.Alice;
                    }

                    return ticket;
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

    // ---- Configuration, generated code, and no ServicePolicy -------------------------------

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
                        public CaseEntity() { }
                        public CaseEntity(string assignedTo) => AssignedTo = assignedTo;
                        public string? AssignedTo { get; set; }
                        public string? Title { get; set; }
                        public CaseEntity Assign(string agent) { AssignedTo = agent; return this; }
                    }
                }

                class C
                {
                    Crm.CaseEntity A() => {|#0:new Crm.CaseEntity|} { Title = "x" };
                    Crm.CaseEntity B() => new Crm.CaseEntity { AssignedTo = "bob" };
                    Crm.CaseEntity D() => new Crm.CaseEntity("bob");
                    Crm.CaseEntity E() => new Crm.CaseEntity().Assign("bob");
                    Crm.CaseEntity F()
                    {
                        var entity = new Crm.CaseEntity();
                        entity.AssignedTo = "bob";
                        return entity;
                    }
                }
                """,
            ExpectedDiagnostics = { Owner(type: "CaseEntity", hint: "set 'AssignedTo'") },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity, Crm.Unknown
            service_policy.owner_members = Crm.CaseEntity.AssignedTo, Crm.CaseEntity.Assign
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task EditorConfigListedType_WithoutServicePolicyReference_Reports()
    {
        var test = new Verify.Test
        {
            ReferenceServicePolicy = false,
            IncludeModel = false,
            TestCode = /* lang=c#-test */ """
                namespace Crm
                {
                    public class CaseEntity { public string? AssignedTo { get; set; } }
                }

                class C
                {
                    Crm.CaseEntity A() => {|#0:new Crm.CaseEntity()|};
                }
                """,
            ExpectedDiagnostics = { Owner(type: "CaseEntity", hint: "set 'AssignedTo'") },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity
            service_policy.owner_members = Crm.CaseEntity.AssignedTo
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task EditorConfigListedNestedTypeAndDerivedType_Report()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                namespace Crm
                {
                    public static class Entities
                    {
                        public class Case { public string? AssignedTo; }
                    }

                    public class UrgentCase : Entities.Case { }
                }

                class C
                {
                    object A() => {|#0:new Crm.Entities.Case()|};
                    object B() => {|#1:new Crm.UrgentCase()|};
                    object D() => new Crm.UrgentCase { AssignedTo = "bob" };
                }
                """,
            ExpectedDiagnostics =
            {
                Owner(0, "Case", "set 'AssignedTo'"),
                Owner(1, "UrgentCase", "set 'AssignedTo'"),
            },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            service_policy.interaction_types = Crm.Entities+Case
            service_policy.owner_members = Crm.Entities+Case.AssignedTo
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task WithoutServicePolicyReferenceOrConfiguration_NoDiagnostic()
        => new Verify.Test
        {
            ReferenceServicePolicy = false,
            IncludeModel = false,
            TestCode = /* lang=c#-test */ """
                [System.AttributeUsage(System.AttributeTargets.Class)]
                sealed class CustomerInteractionAttribute : System.Attribute { }

                [CustomerInteraction]
                class Ticket { public string? Owner { get; set; } }

                class C
                {
                    Ticket M() => new Ticket();
                }
                """,
        }.RunAsync();

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public async Task Severity_ConfiguredInEditorConfig(string configured, DiagnosticSeverity expected)
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using Support;
                class C
                {
                    Ticket M() => {|#0:new Ticket("x")|};
                }
                """,
            ExpectedDiagnostics = { Owner().WithSeverity(expected) },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"""
            root = true

            [*.cs]
            dotnet_diagnostic.SP1001.severity = {configured}
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Severity_None_Disables()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using Support;
                class C
                {
                    Ticket M() => new Ticket("x");
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.SP1001.severity = none
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_IsSkipped()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using Support;
                class C
                {
                    Ticket M() => {|#0:new Ticket("x")|};
                }
                """,
            ExpectedDiagnostics = { Owner() },
        };
        test.TestState.Sources.Add(("/0/Tickets.g.cs", """
            using Support;
            partial class Generated
            {
                Ticket M() => new Ticket("x");
            }
            """));
        test.TestState.Sources.Add(("/0/Header.cs", """
            // <auto-generated/>
            using Support;
            class Generated2
            {
                Ticket M() => new Ticket("x");
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public void Descriptor_HasHelpLinkToItsDocumentationPage()
    {
        var analyzer = new InteractionWithoutOwnerAnalyzer();
        var descriptor = Assert.Single(analyzer.SupportedDiagnostics);
        Assert.Equal("SP1001", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal(Descriptors.HelpLinkBase + "SP1001.md", descriptor.HelpLinkUri);
        Assert.Equal("ServicePolicy.SP1001.AddOwner", CodeFixEquivalenceKeys.AddOwner);
    }
}
