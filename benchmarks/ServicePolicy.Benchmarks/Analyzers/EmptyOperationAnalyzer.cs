// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

/// <summary>
/// A control for <see cref="AnalyzerOverheadBenchmarks"/>: registers for object creations and invocations as operations
/// (as the ServicePolicy analyzers did before they moved to syntax actions) and does nothing with them, so its cost is
/// what any operation analyzer pays for the analyzer driver building every method body's operation tree, before doing
/// any work of its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyOperationAnalyzer : ControlAnalyzer
{
    /// <summary>Initializes the control.</summary>
    public EmptyOperationAnalyzer()
        : base("BENCH0001")
    {
    }

    /// <inheritdoc/>
    protected override void Register(AnalysisContext context) =>
        context.RegisterOperationAction(static _ => { }, OperationKind.ObjectCreation, OperationKind.Invocation);
}
