// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Owner = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;
using SetToNull = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionMemberSetToNullOrDefaultAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// The analyzers bind only the nodes whose names can concern an interaction (Internal/CandidateFilter): these are the
/// ways the name of an interaction type, factory or member can hide, each of which must still be seen.
/// </summary>
public class CandidateFilterTests
{
    private static DiagnosticResult NoOwner(int location, string type = "Ticket", string hint = "set 'Owner'")
        => Owner.Diagnostic(Descriptors.InteractionWithoutOwner).WithLocation(location).WithArguments(type, hint);

    private static DiagnosticResult NullOwner(int location, string type = "Ticket")
        => SetToNull.Diagnostic(Descriptors.InteractionMemberSetToNullOrDefault).WithLocation(location).WithArguments("owner", type);

    [Fact]
    public Task AliasesQualifiedAndGenericNames_Report()
        => Owner.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using ServicePolicy;
            using T = Support.Ticket;
            namespace N
            {
                using T2 = T;

                [CustomerInteraction]
                public class Case<TKey>
                {
                    [InteractionOwner] public string? Owner { get; set; }
                }

                class C
                {
                    T A() => {|#0:new T2("a")|};
                    Support.Ticket B() => {|#1:new global::Support.Ticket("b")|};
                    Case<int> D() => {|#2:new Case<int>()|};
                }
            }
            """,
            NoOwner(0), NoOwner(1), NoOwner(2, "Case"));

    [Fact]
    public Task AttributesAndBaseTypesWrittenThroughAliases_Report()
        => Owner.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Interaction = ServicePolicy.CustomerInteractionAttribute;
            using Who = ServicePolicy.InteractionOwnerAttribute;
            using Base = Case;

            [Interaction]
            public class Case
            {
                [Who] public string? Handler { get; set; }
            }

            public class Escalated : Base { }

            class C
            {
                Case A() => {|#0:new Case()|};
                Escalated B() => {|#1:new Escalated()|};
            }
            """,
            NoOwner(0, "Case", "set 'Handler'"), NoOwner(1, "Escalated", "set 'Handler'"));

    [Fact]
    public Task TargetTypedNew_DeclaredTypeDecides()
        => Owner.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using Support;
            class C
            {
                private readonly List<Ticket> _open = new();
                private readonly Ticket _first = {|#0:new("first")|};
                ChatMessage? Message { get; } = {|#1:new()|};
                void M() => Desk.Enqueue({|#2:new("passed")|});
            }
            """,
            NoOwner(0), NoOwner(1, "ChatMessage"), NoOwner(2));

    [Fact]
    public Task FactoryDeclaredAsLocalFunction_Reports()
        => Owner.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using ServicePolicy;
            using Support;
            class C
            {
                Ticket M()
                {
                    return {|#0:Make("x")|};

                    [CreatesCustomerInteraction]
                    static Ticket Make(string subject) => new Ticket(subject);
                }
            }
            """,
            NoOwner(0));

    [Fact]
    public async Task InteractionTypeFromAReferencedAssembly_Reports()
    {
        var test = new Owner.Test
        {
            TestCode = /* lang=c#-test */ """
                using Partner;
                class Local : PartnerCase { }
                class C
                {
                    PartnerCase A() => {|#0:new PartnerCase()|};
                    PartnerCase B() => PartnerCase.{|#1:Open()|};
                    Local D() => {|#2:new Local()|};
                }
                """,
        };
        var partner = CompileLibrary("""
            using ServicePolicy;
            namespace Partner;
            [CustomerInteraction]
            public class PartnerCase
            {
                [InteractionOwner] public string? Handler { get; set; }
                [CreatesCustomerInteraction] public static PartnerCase Open() => new PartnerCase();
            }
            """);

        // After the verifier's own transform, which sets the project's references.
        test.SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReference(projectId, partner));
        test.ExpectedDiagnostics.Add(NoOwner(0, "PartnerCase", "set 'Handler'"));
        test.ExpectedDiagnostics.Add(NoOwner(1, "PartnerCase", "set 'Handler'"));
        test.ExpectedDiagnostics.Add(NoOwner(2, "Local", "set 'Handler'"));
        await test.RunAsync();
    }

    /// <summary>A named constant is not bound only to find out whether it holds <c>null</c> (issue 16's cost: binding
    /// every assignment of a name cost SP1003 most of its time); docs/analyzers/SP1003.md says so.</summary>
    [Fact]
    public Task NullThroughConstructorInitializers_Reports_NamedConstantIsNotLookedAt()
        => SetToNull.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Support;
            public class Vip : Ticket
            {
                private const OwnerRef? Nobody = null;
                public Vip() : base("vip", {|#0:null|}) { }
                public void Clear() => Owner = Nobody;
            }
            [ServicePolicy.CustomerInteraction]
            public record Base(string Subject, [ServicePolicy.InteractionOwner] string? Agent);
            public record Derived(string Subject) : Base(Subject, {|#2:default|});
            """,
            NullOwner(0), NullOwner(2, "Base"));

    [Theory]
    [InlineData("null", true)]
    [InlineData("null!", true)]
    [InlineData("default", true)]
    [InlineData("default(string)", true)]
    [InlineData("(string?)(null)", true)]
    [InlineData("null as string", true)]
    [InlineData("flag ? \"x\" : null", true)]
    [InlineData("Constants.Nobody", false)]
    [InlineData("owner", false)]
    [InlineData("a ?? null", true)]
    [InlineData("tier switch { 1 => a, _ => null }", true)]
    [InlineData("tier switch { 1 => a, _ => b }", false)]
    [InlineData("\"bob\"", false)]
    [InlineData("42", false)]
    [InlineData("new OwnerRef(\"bob\")", false)]
    [InlineData("Pick()", false)]
    [InlineData("$\"{x}\"", false)]
    [InlineData("a ?? b", false)]
    public void MayBeNullOrDefault_IsASupersetOfNullOrDefaultValuesButNames(string expression, bool expected)
        => Assert.Equal(expected, Internal.SyntaxNames.MayBeNullOrDefault(SyntaxFactory.ParseExpression(expression)));

    /// <summary>Compiles <paramref name="source"/> against ServicePolicy into a library the test compilation references.</summary>
    private static MetadataReference CompileLibrary(string source)
    {
        var library = CSharpCompilation.Create(
            "Partner",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12))],
            Infrastructure.TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = library.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
