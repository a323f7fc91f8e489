// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>The shared mechanism of SP1001 and SP1002: report creations of a customer interaction that never give
/// <see cref="InteractionMember"/> a value before the object leaves the method.</summary>
public abstract class MissingInteractionMemberAnalyzer : DiagnosticAnalyzer
{
    private readonly InteractionMember member;
    private readonly DiagnosticDescriptor descriptor;

    private protected MissingInteractionMemberAnalyzer(InteractionMember member, DiagnosticDescriptor descriptor)
    {
        this.member = member;
        this.descriptor = descriptor;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (InteractionContext.TryCreate(start.Compilation, start.Options) is not { } interactions)
            {
                return;
            }

            var tracker = new CreationTracker(interactions, member, descriptor);
            start.RegisterOperationAction(tracker.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(tracker.AnalyzeInvocation, OperationKind.Invocation);
        });
    }
}
