// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>SP1001: a customer interaction is created without an owner.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractionWithoutOwnerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InteractionWithoutOwner);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (InteractionContext.TryCreate(start.Compilation, start.Options) is not { } interactions)
            {
                return;
            }

            var tracker = new CreationTracker(interactions, InteractionMember.Owner, Descriptors.InteractionWithoutOwner);
            start.RegisterOperationAction(tracker.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(tracker.AnalyzeInvocation, OperationKind.Invocation);
        });
    }
}
