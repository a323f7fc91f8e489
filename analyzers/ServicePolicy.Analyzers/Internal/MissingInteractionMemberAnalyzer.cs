// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
            if (InteractionContext.TryCreate(start.Compilation, start.Options) is not { } interactions
                || !interactions.Names.HasInteractionTypes)
            {
                return;
            }

            // Syntax actions, not operation actions: an operation action makes the driver build the operation tree
            // (a second binding) of every member body; these bind only the bodies with a candidate in them.
            var tracker = new CreationTracker(interactions, member, descriptor);
            start.RegisterSyntaxNodeAction(tracker.AnalyzeObjectCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            start.RegisterSyntaxNodeAction(tracker.AnalyzeInvocation, SyntaxKind.InvocationExpression);
        });
    }
}
