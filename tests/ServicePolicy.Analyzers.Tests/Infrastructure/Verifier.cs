// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ServicePolicy.Analyzers.Tests.Infrastructure;

/// <summary>
/// <c>using Verify = CSharpVerifier&lt;TAnalyzer, TCodeFix&gt;;</c> in each test file: runs the
/// analyzer (and code fix) on C# 12 sources, with nullable enabled, against
/// <see cref="TestReferences"/>, with <see cref="Model.Source"/> added as a second file.
/// </summary>
internal static class CSharpVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Checks that <paramref name="source"/> (with the model) produces exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Checks the diagnostics of <paramref name="source"/>, that the code fix turns it into
    /// <paramref name="fixedSource"/>, and that the fixed code then has <paramref name="fixedExpected"/>.
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, params DiagnosticResult[] fixedExpected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(fixedExpected);
        return test.RunAsync();
    }

    internal sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var references = ReferenceServicePolicy ? TestReferences.All : TestReferences.FrameworkOnly;
                return solution
                    .WithProjectMetadataReferences(projectId, references)
                    .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12))
                    .WithProjectCompilationOptions(
                        projectId,
                        ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable));
            });
        }

        /// <summary>Whether the test compilation references the ServicePolicy library (default: yes).</summary>
        public bool ReferenceServicePolicy { get; set; } = true;

        /// <summary>Whether <see cref="Model.Source"/> is added (default: yes).</summary>
        public bool IncludeModel { get; set; } = true;

        /// <summary>Run all three ServicePolicy analyzers, not only <typeparamref name="TAnalyzer"/>.</summary>
        public bool AllAnalyzers { get; set; }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => AllAnalyzers
                ? [new InteractionWithoutOwnerAnalyzer(), new InteractionWithoutFollowUpDeadlineAnalyzer(), new InteractionMemberSetToNullOrDefaultAnalyzer()]
                : base.GetDiagnosticAnalyzers();

        /// <summary>
        /// The base class pins the tested rules to <see cref="ReportDiagnostic.Default"/> in the
        /// compilation options, which (like a command-line option) overrides an <c>.editorconfig</c>
        /// that raises them to errors. A real build sets no such option, so neither do the tests.
        /// </summary>
        protected override Project ApplyCompilationOptions(Project project)
        {
            project = base.ApplyCompilationOptions(project);
            var options = project.CompilationOptions!;
            var specific = options.SpecificDiagnosticOptions.RemoveRange(
                [DiagnosticIds.InteractionWithoutOwner, DiagnosticIds.InteractionWithoutFollowUpDeadline, DiagnosticIds.InteractionMemberSetToNullOrDefault]);
            return project.Solution.WithProjectCompilationOptions(project.Id, options.WithSpecificDiagnosticOptions(specific)).GetProject(project.Id)!;
        }

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            if (IncludeModel)
            {
                TestState.Sources.Add(("/0/Model.cs", Model.Source));
                if (FixedState.Sources.Count > 0)
                {
                    FixedState.Sources.Add(("/0/Model.cs", Model.Source));
                }
            }

            await base.RunImplAsync(cancellationToken);
        }
    }
}
