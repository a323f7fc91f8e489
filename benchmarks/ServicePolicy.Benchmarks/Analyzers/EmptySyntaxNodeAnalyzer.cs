// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

// A measurement control that the benchmark instantiates itself, never loaded by a compiler: the analyzer-packaging
// rules (netstandard2.0 target, extended analyzer rules, release tracking) do not apply.
#pragma warning disable RS1041, RS1036, RS2008

/// <summary>
/// A control for <see cref="AnalyzerOverheadBenchmarks"/>: registers syntax-node actions for the syntax kinds the
/// ServicePolicy analyzers register for (object creations, invocations, assignments, constructor initializers, primary
/// constructor base types) and does nothing with them, so its cost is what the analyzer driver pays to walk every
/// declaration's syntax and call back for those nodes, before any name filter or binding of the ServicePolicy analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptySyntaxNodeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0003", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            static _ => { },
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression,
            SyntaxKind.InvocationExpression,
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.BaseConstructorInitializer,
            SyntaxKind.ThisConstructorInitializer,
            SyntaxKind.PrimaryConstructorBaseType);
    }
}
#pragma warning restore RS1041, RS1036, RS2008
