// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>The shared mechanism of SP1001 and SP1002: report creations of a customer interaction that never give
/// the owner or the follow-up deadline a value before the object leaves the method.</summary>
/// <remarks>Public only because the public analyzers derive from it; its constructor is not accessible outside this
/// assembly, so no other analyzer can.</remarks>
public abstract class MissingInteractionMemberAnalyzer : DiagnosticAnalyzer
{
    private readonly InteractionMember member;
    private readonly DiagnosticDescriptor descriptor;
    private readonly bool nameFilter;

    private protected MissingInteractionMemberAnalyzer(InteractionMember member, DiagnosticDescriptor descriptor, bool nameFilter)
    {
        this.member = member;
        this.descriptor = descriptor;
        this.nameFilter = nameFilter;
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
            if (InteractionContext.TryCreate(start.Compilation, start.Options, nameFilter) is not { } interactions
                || !interactions.HasInteractionTypes)
            {
                return;
            }

            // Syntax actions, not operation actions: an operation action makes the driver build the operation tree
            // (a second binding) of every member body; these bind only the bodies with a candidate in them.
            var tracker = new CreationTracker(interactions, member, descriptor);
            start.RegisterSyntaxNodeAction(tracker.AnalyzeObjectCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            start.RegisterSyntaxNodeAction(tracker.AnalyzeInvocation, SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(tracker.AnalyzeDefault, SyntaxKind.DefaultExpression, SyntaxKind.DefaultLiteralExpression);
            start.RegisterSyntaxNodeAction(tracker.AnalyzeCollectionInitializer, SyntaxKind.CollectionInitializerExpression);
        });
    }
}
