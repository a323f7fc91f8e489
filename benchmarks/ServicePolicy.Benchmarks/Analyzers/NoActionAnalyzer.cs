// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

// A measurement control that the benchmark instantiates itself, never loaded by a compiler: the analyzer-packaging
// rules (netstandard2.0 target, extended analyzer rules, release tracking) do not apply. Its compilation-start action
// registers nothing on purpose (RS1012): an analyzer without any action would not run at all.
#pragma warning disable RS1041, RS1036, RS2008, RS1012

/// <summary>
/// A control for <see cref="AnalyzerOverheadBenchmarks"/>: registers a compilation-start action that registers nothing,
/// so its cost is what running any analyzer at all costs (the compiler producing its compilation events for the
/// analyzer driver, and the driver consuming them), before any syntax, semantic model or operation action.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoActionAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static _ => { });
    }
}
#pragma warning restore RS1041, RS1036, RS2008, RS1012
