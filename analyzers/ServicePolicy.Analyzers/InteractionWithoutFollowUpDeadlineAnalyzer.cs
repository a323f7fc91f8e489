// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>SP1002: a customer interaction is created without a follow-up deadline.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractionWithoutFollowUpDeadlineAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InteractionWithoutFollowUpDeadline);

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

            var tracker = new CreationTracker(interactions, InteractionMember.FollowUpDeadline, Descriptors.InteractionWithoutFollowUpDeadline);
            start.RegisterOperationAction(tracker.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(tracker.AnalyzeInvocation, OperationKind.Invocation);
        });
    }
}
