// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

// Its compilation-start action registers nothing on purpose (RS1012): an analyzer without any action would not run at all.
#pragma warning disable RS1012

/// <summary>
/// A control for <see cref="AnalyzerOverheadBenchmarks"/>: registers a compilation-start action that registers nothing,
/// so its cost is what running any analyzer at all costs (the compiler producing its compilation events for the
/// analyzer driver, and the driver consuming them), before any syntax, semantic model or operation action.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoActionAnalyzer : ControlAnalyzer
{
    /// <summary>Initializes the control.</summary>
    public NoActionAnalyzer()
        : base("BENCH0002")
    {
    }

    /// <inheritdoc/>
    protected override void Register(AnalysisContext context) =>
        context.RegisterCompilationStartAction(static _ => { });
}
#pragma warning restore RS1012
