// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1001: configuration (<c>.editorconfig</c> types and severities), generated code, and code without ServicePolicy.</summary>
public partial class InteractionWithoutOwnerAnalyzerTests
{
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
}
