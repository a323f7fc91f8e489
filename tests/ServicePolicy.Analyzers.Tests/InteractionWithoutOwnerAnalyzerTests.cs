// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ServicePolicy.Analyzers.CodeFixes;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// SP1001. The model the sources use is <see cref="Infrastructure.Model"/>. The cases are split by theme (one partial file per theme, as the tests of large types are):
/// <c>.CreationForms.cs</c>, <c>.Escapes.cs</c>, <c>.Completion.cs</c> and <c>.Configuration.cs</c>.
/// </summary>
public partial class InteractionWithoutOwnerAnalyzerTests
{
    private static DiagnosticResult Owner(int location = 0, string type = "Ticket", string hint = "set 'Owner'")
        => Verify.Diagnostic(Descriptors.InteractionWithoutOwner).WithLocation(location).WithArguments(type, hint);

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
