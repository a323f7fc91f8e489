// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

/// <summary>
/// A control for <see cref="AnalyzerOverheadBenchmarks"/>: an analyzer that reports nothing, configured as the
/// ServicePolicy analyzers are (no generated code, concurrent execution), whose cost is that of the actions a subclass
/// registers and of the analyzer driver running them.
/// </summary>
public abstract class ControlAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Initializes the control with the id of the diagnostic it declares and never reports.</summary>
    /// <param name="id">The diagnostic id, unique among the controls.</param>
    protected ControlAnalyzer(string id) =>
        SupportedDiagnostics = ImmutableArray.Create(
            new DiagnosticDescriptor(id, "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        Register(context);
    }

    /// <summary>Registers the control's actions, which do nothing.</summary>
    /// <param name="context">The analysis context.</param>
    protected abstract void Register(AnalysisContext context);
}
