// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers;

namespace ServicePolicy.Benchmarks.Analyzers;

/// <summary>
/// Issue 12, analyzers: what the IDE pays per edit. Each invocation makes one single-file edit of the generated
/// help-desk application (<see cref="GeneratedSupportCode"/>, 2,000 files): <see cref="Compilation.ReplaceSyntaxTree"/>
/// swaps one help-desk file for a copy with a changed comment (alternating between two texts, so every invocation
/// is a new compilation, as after a keystroke), and then computes that file's diagnostics, as the IDE does for the
/// document being edited: the compiler's (<see cref="SemanticModel.GetDiagnostics"/>, the baseline) and, in the other
/// benchmarks, those of the analyzers through a new <see cref="CompilationWithAnalyzers"/>
/// (<see cref="CompilationWithAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(SyntaxTree, CancellationToken)"/> and
/// <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// A new compilation shares the parsed trees and the referenced assemblies' symbols with the one before, but not a
/// source symbol, so every compilation-start action runs again and whatever it computes from the source symbols is
/// computed again. <see cref="WithAnalyzers"/> collects the name filter's names on each edit (from each tree's
/// declarations, cached per tree, since this benchmark showed that walking every source type's symbols took about a
/// minute per edit: docs/performance.md), and <see cref="WithAnalyzersWithoutNameFilter"/> runs the same analyzers
/// with the filter off (every creation and invocation of the edited file is a candidate and bound).
/// <see cref="WithNoActionAnalyzer"/> is the control for running any analyzer at all. The setup checks that both
/// ServicePolicy variants report the same diagnostics for the edited file. <c>--quick</c> uses
/// <see cref="BenchmarkScale.QuickAnalyzerFiles"/> files.
/// </remarks>
[MemoryDiagnoser]
public class AnalyzerEditBenchmarks
{
    private SyntaxTree[] versions = null!;
    private int edits;
    private CSharpCompilation compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> analyzers;
    private ImmutableArray<DiagnosticAnalyzer> analyzersWithoutNameFilter;
    private ImmutableArray<DiagnosticAnalyzer> noAction;

    /// <summary>How many of the files create customer interactions (the edited file always does).</summary>
    [Params(InteractionDensity.Dense, InteractionDensity.Sparse)]
    public InteractionDensity Density { get; set; }

    /// <summary>Parses the files, builds the first compilation, and checks that the edited file compiles and that both
    /// ServicePolicy variants report the same diagnostics in it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int count = BenchmarkScale.Quick ? BenchmarkScale.QuickAnalyzerFiles : AnalyzerOverheadBenchmarks.Files;
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        string[] texts = GeneratedSupportCode.Files(count, Density);
        SyntaxTree[] trees = texts.Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, path: $"Area{i}/Desk.cs")).ToArray();

        // A help-desk file in the middle (every SparseInterval-th file is one in either density).
        int edited = count / 2 / GeneratedSupportCode.SparseInterval * GeneratedSupportCode.SparseInterval;
        versions = new[]
        {
            trees[edited],
            CSharpSyntaxTree.ParseText(texts[edited] + "\n// edited\n", parse, path: trees[edited].FilePath),
        };
        var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(AnalyzerOverheadBenchmarks.ServicePolicyAttributesForNet80());
        compilation = CSharpCompilation.Create(
            "HelpDesk", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new InteractionWithoutOwnerAnalyzer(), new InteractionWithoutFollowUpDeadlineAnalyzer(), new InteractionMemberSetToNullOrDefaultAnalyzer());
        analyzersWithoutNameFilter = ImmutableArray.Create<DiagnosticAnalyzer>(
            new InteractionWithoutOwnerAnalyzer(nameFilter: false),
            new InteractionWithoutFollowUpDeadlineAnalyzer(nameFilter: false),
            new InteractionMemberSetToNullOrDefaultAnalyzer(nameFilter: false));
        noAction = ImmutableArray.Create<DiagnosticAnalyzer>(new NoActionAnalyzer());

        Diagnostic[] errors = CompilerOnly().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"The edited file does not compile: {errors.Length} errors, the first: {errors[0]}");
        }
        string filtered = Describe(WithAnalyzers());
        string unfiltered = Describe(WithAnalyzersWithoutNameFilter());
        if (filtered != unfiltered || !filtered.Contains("SP1001", StringComparison.Ordinal)
            || !filtered.Contains("SP1002", StringComparison.Ordinal) || !filtered.Contains("SP1003", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"With the name filter:\n{filtered}\nWithout it:\n{unfiltered}");
        }
        Console.WriteLine($"// {count} files ({Density}), editing {versions[0].FilePath}: {filtered.Split('\n').Length} ServicePolicy diagnostics, the same with and without the name filter");
    }

    /// <summary>The compiler's diagnostics of the edited file in the new compilation.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> CompilerOnly() => Edit().GetSemanticModel(versions[edits % 2]).GetDiagnostics();

    /// <summary>The compiler's and the ServicePolicy analyzers' diagnostics of the edited file (the analyzers as shipped).</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithAnalyzers() => Run(analyzers);

    /// <summary>The same with the ServicePolicy analyzers' name filter off.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithAnalyzersWithoutNameFilter() => Run(analyzersWithoutNameFilter);

    /// <summary>The compiler's diagnostics of the edited file and those of <see cref="NoActionAnalyzer"/> (none): what
    /// running any analyzer on an edit costs.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithNoActionAnalyzer() => Run(noAction);

    private static string Describe(ImmutableArray<Diagnostic> diagnostics) => string.Join(
        "\n",
        diagnostics.Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Span} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} {string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal));

    /// <summary>Replaces the edited file with its other version: a new compilation.</summary>
    private CSharpCompilation Edit()
    {
        SyntaxTree before = versions[edits % 2];
        edits++;
        compilation = compilation.ReplaceSyntaxTree(before, versions[edits % 2]);
        return compilation;
    }

    private ImmutableArray<Diagnostic> Run(ImmutableArray<DiagnosticAnalyzer> with)
    {
        CSharpCompilation edited = Edit();
        SyntaxTree tree = versions[edits % 2];
        SemanticModel model = edited.GetSemanticModel(tree);
        var withAnalyzers = edited.WithAnalyzers(with, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult();
        ImmutableArray<Diagnostic> semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        return model.GetDiagnostics().AddRange(syntax).AddRange(semantic);
    }
}
