// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Benchmarks.Analyzers;

/// <summary>
/// A control for <see cref="AnalyzerOverheadBenchmarks"/>: registers syntax-node actions for the syntax kinds the
/// ServicePolicy analyzers register for (object creations, invocations, assignments, constructor initializers, primary
/// constructor base types) and does nothing with them, so its cost is what the analyzer driver pays to walk every
/// declaration's syntax and call back for those nodes, before any name filter or binding of the ServicePolicy analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptySyntaxNodeAnalyzer : ControlAnalyzer
{
    /// <summary>Initializes the control.</summary>
    public EmptySyntaxNodeAnalyzer()
        : base("BENCH0003")
    {
    }

    /// <inheritdoc/>
    protected override void Register(AnalysisContext context) =>
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
