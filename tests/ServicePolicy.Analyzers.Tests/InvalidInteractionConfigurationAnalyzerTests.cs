// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis.Testing;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InvalidInteractionConfigurationAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1004: <c>service_policy.*</c> entries that the other rules would silently ignore.</summary>
public class InvalidInteractionConfigurationAnalyzerTests
{
    private const string Crm = /* lang=c#-test */ """
        namespace Crm
        {
            public class CaseEntity
            {
                public string? AssignedTo { get; set; }
                public System.DateTimeOffset? DueAt { get; set; }
                public CaseEntity Assign(string agent) { AssignedTo = agent; return this; }
            }

            public class Other
            {
                public string? Agent { get; set; }
            }
        }
        """;

    private static DiagnosticResult Ignored(string entry, string key, string reason)
        => Verify.Diagnostic(Descriptors.InvalidInteractionConfiguration).WithArguments(entry, key, reason);

    private static Task VerifyAsync(string editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Crm };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task ValidEntries_NoDiagnostic()
        => VerifyAsync("""
            root = true

            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity
            service_policy.owner_members = Crm.CaseEntity.AssignedTo, Crm.CaseEntity.Assign
            service_policy.follow_up_members = Crm.CaseEntity.DueAt
            """);

    [Fact]
    public Task MalformedMissingAndUnlistedEntries_EachReportedOnce()
        => VerifyAsync(
            """
            root = true

            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity, Crm.Unknown
            service_policy.owner_members = AgentId, Crm.CaseEntity.AssignedTo, Crm.CaseEntity.Missing, Crm.Other.Agent, Crm.Nope.Agent
            service_policy.follow_up_members = Crm.CaseEntity.

            [Model.cs]
            service_policy.interaction_types = Crm.CaseEntity, Crm.Unknown
            service_policy.owner_members = AgentId
            """,
            Ignored("Crm.Unknown", "service_policy.interaction_types", "no type of that name is in the compilation or its references"),
            Ignored("AgentId", "service_policy.owner_members", "an entry is 'Namespace.Type.Member'"),
            Ignored("Crm.CaseEntity.Missing", "service_policy.owner_members", "'Crm.CaseEntity' has no member 'Missing'"),
            Ignored("Crm.Other.Agent", "service_policy.owner_members", "'Crm.Other' is not listed in service_policy.interaction_types"),
            Ignored("Crm.Nope.Agent", "service_policy.owner_members", "no type 'Crm.Nope' is in the compilation or its references"),
            Ignored("Crm.CaseEntity.", "service_policy.follow_up_members", "an entry is 'Namespace.Type.Member'"));

    [Fact]
    public Task MembersWithoutAnyInteractionTypes_Reported()
        => VerifyAsync(
            """
            root = true

            [*.cs]
            service_policy.owner_members = Crm.CaseEntity.AssignedTo
            """,
            Ignored("Crm.CaseEntity.AssignedTo", "service_policy.owner_members", "'Crm.CaseEntity' is not listed in service_policy.interaction_types"));
}
