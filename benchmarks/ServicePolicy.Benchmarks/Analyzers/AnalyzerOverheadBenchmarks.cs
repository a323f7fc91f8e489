// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

/// <summary>
/// Issue 7, analyzers: the time the compiler needs for all diagnostics of a generated help-desk application
/// (<see cref="GeneratedSupportCode"/>) without the ServicePolicy analyzers (the baseline) and with all of them; the
/// overhead is the Ratio minus one. The files are parsed once in the setup; each invocation binds a fresh compilation
/// (<see cref="CSharpCompilation.Create"/> over the parsed trees), so nothing is cached between invocations.
/// </summary>
/// <remarks>
/// References: the .NET 8 reference assemblies (Basic.Reference.Assemblies.Net80) and ServicePolicy's attributes
/// (their source files from <c>src/ServicePolicy</c>, compiled for .NET 8 in the setup). The
/// compiler is the Microsoft.CodeAnalysis.CSharp that BenchmarkDotNet brings (4.14); the analyzers are built
/// against 4.8. <c>--quick</c> uses <see cref="BenchmarkScale.QuickAnalyzerFiles"/> files instead of
/// <see cref="Files"/>. Analyzers run as the compiler runs them in a build: concurrently, without timing each
/// analyzer action (<see cref="CompilationWithAnalyzersOptions.LogAnalyzerExecutionTime"/> off; the
/// <c>WithAnalyzers</c> overload without options turns it on, which only <c>csc /reportanalyzer</c> does).
/// The controls explain the Ratio of <see cref="WithAnalyzers"/>, each a cost the ServicePolicy analyzers include:
/// <see cref="WithNoActionAnalyzer"/> what running any analyzer at all costs (the compiler producing its compilation
/// events, the analyzer driver consuming them); <see cref="WithEmptySyntaxNodeAnalyzer"/> that plus the driver walking
/// every declaration's syntax and calling back for the syntax kinds the ServicePolicy analyzers register for; the rest
/// of the ServicePolicy analyzers' Ratio is their own work (the name filter and binding the bodies with a candidate).
/// <see cref="WithEmptyOperationAnalyzer"/> is what any analyzer that registers for the same operations pays for the
/// driver building every method body's operation tree, before doing any work of its own (the ServicePolicy analyzers
/// use syntax actions and bind only the bodies with a candidate in them).
/// </remarks>
[MemoryDiagnoser]
public class AnalyzerOverheadBenchmarks
{
    /// <summary>The number of generated files (issue 7: 2,000).</summary>
    public const int Files = 2_000;

    private ImmutableArray<SyntaxTree> trees;
    private ImmutableArray<MetadataReference> references;
    private ImmutableArray<DiagnosticAnalyzer> analyzers;
    private ImmutableArray<DiagnosticAnalyzer> emptyOperation;
    private ImmutableArray<DiagnosticAnalyzer> noAction;
    private ImmutableArray<DiagnosticAnalyzer> emptySyntaxNode;
    private CSharpCompilationOptions options = null!;

    /// <summary>How many of the files create customer interactions: all of them (the worst case), or one in
    /// <see cref="GeneratedSupportCode.SparseInterval"/> among ordinary service code.</summary>
    [Params(InteractionDensity.Dense, InteractionDensity.Sparse)]
    public InteractionDensity Density { get; set; }

    /// <summary>Parses the files, loads the analyzers and checks that the code compiles and that every analyzer reports.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int count = BenchmarkScale.Quick ? BenchmarkScale.QuickAnalyzerFiles : Files;
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        trees = GeneratedSupportCode.Files(count, Density)
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, path: $"Area{i}/Desk.cs"))
            .ToImmutableArray();
        references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(ServicePolicyAttributesForNet80())
            .ToImmutableArray();
        options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        analyzers = typeof(ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        emptyOperation = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer());
        noAction = ImmutableArray.Create<DiagnosticAnalyzer>(new NoActionAnalyzer());
        emptySyntaxNode = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptySyntaxNodeAnalyzer());

        Diagnostic[] errors = WithoutAnalyzers().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"The generated code does not compile: {errors.Length} errors, the first: {errors[0]}");
        }
        var reported = WithAnalyzers().Where(d => d.Id.StartsWith("SP", StringComparison.Ordinal)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        // SP1004 reports wrong .editorconfig entries; the generated code has no .editorconfig, so it stays silent.
        string[] silent = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
            .Where(id => id != ServicePolicy.Analyzers.DiagnosticIds.InvalidInteractionConfiguration && !reported.ContainsKey(id))
            .ToArray();
        if (analyzers.Length == 0 || silent.Length > 0)
        {
            throw new InvalidOperationException($"{analyzers.Length} analyzers; nothing reported for {string.Join(", ", silent)}.");
        }
        Console.WriteLine($"// {count} files ({Density}), {analyzers.Length} analyzers, reported: {string.Join(", ", reported.OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value}"))}");
    }

    /// <summary>The compiler's diagnostics (declarations and method bodies), without analyzers.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> WithoutAnalyzers() => NewCompilation().GetDiagnostics();

    /// <summary>The compiler's diagnostics and those of every ServicePolicy analyzer.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithAnalyzers() => Run(analyzers);

    /// <summary>The compiler's diagnostics with <see cref="NoActionAnalyzer"/> only: the cost of running any analyzer,
    /// which the ServicePolicy analyzers' overhead includes.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithNoActionAnalyzer() => Run(noAction);

    /// <summary>The compiler's diagnostics with <see cref="EmptySyntaxNodeAnalyzer"/> only: the cost of running any
    /// analyzer with syntax-node actions for the ServicePolicy analyzers' syntax kinds, which their overhead includes.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithEmptySyntaxNodeAnalyzer() => Run(emptySyntaxNode);

    /// <summary>The compiler's diagnostics with <see cref="EmptyOperationAnalyzer"/> only: the cost of running any
    /// operation analyzer for object creations and invocations (what the ServicePolicy analyzers avoid).</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public ImmutableArray<Diagnostic> WithEmptyOperationAnalyzer() => Run(emptyOperation);

    /// <summary>All diagnostics of a fresh compilation with <paramref name="with"/>, run as the compiler runs analyzers
    /// in a build (see the remarks of <see cref="AnalyzerOverheadBenchmarks"/>).</summary>
    private ImmutableArray<Diagnostic> Run(ImmutableArray<DiagnosticAnalyzer> with) =>
        NewCompilation()
            .WithAnalyzers(with, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    private CSharpCompilation NewCompilation() => CSharpCompilation.Create("HelpDesk", trees, references, options);

    /// <summary>ServicePolicy's attributes (the library's own source files, embedded in this assembly) compiled into an
    /// assembly named ServicePolicy against the .NET 8 reference assemblies.</summary>
    internal static MetadataReference ServicePolicyAttributesForNet80()
    {
        var assembly = typeof(AnalyzerOverheadBenchmarks).Assembly;
        SyntaxTree[] sources = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("ServicePolicyAttributes/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return CSharpSyntaxTree.ParseText(reader.ReadToEnd(), path: name);
            })
            .ToArray();
        if (sources.Length < 3)
        {
            throw new InvalidOperationException($"Only {sources.Length} ServicePolicy attribute sources are embedded.");
        }
        CSharpCompilation library = CSharpCompilation.Create("ServicePolicy", sources, Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"ServicePolicy's attributes do not compile: {emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}");
        }
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
