// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

// A measurement control that the benchmark instantiates itself, never loaded by a compiler: the analyzer-packaging
// rules (netstandard2.0 target, extended analyzer rules, release tracking) do not apply.
#pragma warning disable RS1041, RS1036, RS2008

/// <summary>
/// A control for <see cref="AnalyzerOverheadBenchmarks"/>: registers for object creations and invocations as operations
/// (as the ServicePolicy analyzers did before they moved to syntax actions) and does nothing with them, so its cost is
/// what any operation analyzer pays for the analyzer driver building every method body's operation tree, before doing
/// any work of its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(static _ => { }, OperationKind.ObjectCreation, OperationKind.Invocation);
    }
}
#pragma warning restore RS1041, RS1036, RS2008
