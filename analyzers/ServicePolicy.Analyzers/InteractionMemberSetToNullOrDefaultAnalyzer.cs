// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>
/// SP1003: the owner or follow-up deadline of a customer interaction is explicitly set to
/// <c>null</c> or <c>default</c> (assignment, initializer, <c>with</c>, or an argument bound to it).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractionMemberSetToNullOrDefaultAnalyzer : DiagnosticAnalyzer
{
    private static readonly InteractionMember[] Kinds = { InteractionMember.Owner, InteractionMember.FollowUpDeadline };

    private readonly bool nameFilter;

    /// <summary>Creates the analyzer.</summary>
    public InteractionMemberSetToNullOrDefaultAnalyzer()
        : this(nameFilter: true)
    {
    }

    /// <summary>Creates the analyzer with the name filter (<see cref="CandidateFilter"/>) on or off; off only to
    /// measure what the filter costs (benchmarks/ServicePolicy.Benchmarks/Analyzers/AnalyzerEditBenchmarks.cs).</summary>
    internal InteractionMemberSetToNullOrDefaultAnalyzer(bool nameFilter)
    {
        this.nameFilter = nameFilter;
    }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InteractionMemberSetToNullOrDefault);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (InteractionContext.TryCreate(start.Compilation, start.Options, nameFilter) is not { } interactions)
            {
                return;
            }

            // Syntax actions that bind only candidates (see CandidateFilter), not operation actions.
            var filter = interactions.Filter;
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (!filter.IsNullOrDefaultAssignment((AssignmentExpressionSyntax)c.Node))
                    {
                        return;
                    }

                    switch (c.SemanticModel.GetOperation(c.Node, c.CancellationToken))
                    {
                        case ISimpleAssignmentOperation assignment:
                            AnalyzeWrite(c, interactions, assignment.Target, assignment.Value, ((AssignmentExpressionSyntax)c.Node).Right);
                            break;
                        case IDeconstructionAssignmentOperation deconstruction:
                            AnalyzeDeconstruction(c, interactions, deconstruction.Target, deconstruction.Value);
                            break;
                    }
                },
                SyntaxKind.SimpleAssignmentExpression);
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (filter.IsNullOrDefaultArgument((BaseObjectCreationExpressionSyntax)c.Node)
                        && c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is IObjectCreationOperation creation)
                    {
                        AnalyzeArguments(c, interactions, creation.Arguments, creation.Constructor, creation.Type);
                    }
                },
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (filter.IsNullOrDefaultArgument((InvocationExpressionSyntax)c.Node))
                    {
                        AnalyzeInvocation(c, interactions, c.SemanticModel.GetOperation(c.Node, c.CancellationToken));
                    }
                },
                SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (filter.IsNullOrDefaultArgument((ConstructorInitializerSyntax)c.Node, c.ContainingSymbol))
                    {
                        AnalyzeInvocation(c, interactions, c.SemanticModel.GetOperation(c.Node, c.CancellationToken));
                    }
                },
                SyntaxKind.BaseConstructorInitializer,
                SyntaxKind.ThisConstructorInitializer);
            start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (filter.IsNullOrDefaultArgument((PrimaryConstructorBaseTypeSyntax)c.Node))
                    {
                        AnalyzeInvocation(c, interactions, c.SemanticModel.GetOperation(c.Node, c.CancellationToken));
                    }
                },
                SyntaxKind.PrimaryConstructorBaseType);
        });
    }

    /// <summary>
    /// A call (a method, or a constructor through <c>: base(...)</c>, <c>: this(...)</c> or a primary constructor's
    /// base type, which bind to a statement around the call): its arguments.
    /// </summary>
    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, InteractionContext interactions, IOperation? operation)
    {
        if (operation is IExpressionStatementOperation statement)
        {
            operation = statement.Operation;
        }

        if (operation is IInvocationOperation invocation)
        {
            AnalyzeArguments(context, interactions, invocation.Arguments, invocation.TargetMethod, OperationHelpers.GetReceiver(invocation)?.Type);
        }
    }

    /// <summary>
    /// A deconstruction assignment, <c>(t.Owner, t.FollowUpBy) = (null, null)</c>: each element of the target tuple
    /// with the element of the value tuple it receives (nested tuples pairwise); a value that is not a tuple literal
    /// (a call, a variable) holds no constant.
    /// </summary>
    private static void AnalyzeDeconstruction(SyntaxNodeAnalysisContext context, InteractionContext interactions, IOperation target, IOperation value)
    {
        if (target is not ITupleOperation targets || OperationHelpers.SkipConversions(value) is not ITupleOperation values
            || targets.Elements.Length != values.Elements.Length)
        {
            return;
        }

        for (var i = 0; i < targets.Elements.Length; i++)
        {
            var element = OperationHelpers.SkipConversions(values.Elements[i])!;
            if (targets.Elements[i] is ITupleOperation)
            {
                AnalyzeDeconstruction(context, interactions, targets.Elements[i], element);
            }
            else
            {
                AnalyzeWrite(context, interactions, targets.Elements[i], values.Elements[i], element.Syntax);
            }
        }
    }

    /// <summary>A write of <paramref name="value"/> (its syntax <paramref name="valueSyntax"/>) to <paramref name="target"/>.</summary>
    private static void AnalyzeWrite(SyntaxNodeAnalysisContext context, InteractionContext interactions, IOperation target, IOperation value, SyntaxNode valueSyntax)
    {
        if (target is not IMemberReferenceOperation member || !OperationHelpers.IsNullOrDefault(value))
        {
            return;
        }

        var scope = interactions.GetScope(valueSyntax.SyntaxTree);
        var receiverType = member.Instance?.Type ?? member.Member.ContainingType;
        foreach (var kind in Kinds)
        {
            if (scope.IsMember(member.Member, receiverType, kind))
            {
                Report(context, WithSuppression(valueSyntax), kind, receiverType);
                return;
            }
        }
    }

    private static void AnalyzeArguments(
        SyntaxNodeAnalysisContext context,
        InteractionContext interactions,
        ImmutableArray<IArgumentOperation> arguments,
        IMethodSymbol? method,
        ITypeSymbol? receiverType)
    {
        if (method is null)
        {
            return;
        }

        InteractionScope? scope = null;
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue
                || argument.Parameter is not { } parameter
                || !OperationHelpers.IsNullOrDefault(argument.Value))
            {
                continue;
            }

            scope ??= interactions.GetScope(argument.Syntax.SyntaxTree);
            foreach (var kind in Kinds)
            {
                if (scope.IsBoundParameter(parameter, kind)
                    || (scope.IsSetter(method, kind) && SymbolEqualityComparer.Default.Equals(scope.GetSetterValueParameter(method, kind), parameter)))
                {
                    var valueSyntax = argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : argument.Value.Syntax;
                    Report(context, WithSuppression(valueSyntax), kind, InteractionTypeOf(scope, method, receiverType));
                    break;
                }
            }
        }
    }

    private static ITypeSymbol? InteractionTypeOf(InteractionScope scope, IMethodSymbol method, ITypeSymbol? receiverType)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return method.ContainingType;
        }

        var created = scope.Symbols.GetCreatedType(method, out _);
        if (scope.GetInteractionType(created) is not null)
        {
            return created;
        }

        if (scope.GetInteractionType(receiverType) is not null)
        {
            return receiverType;
        }

        // A builder's setter: the interaction its [CreatesCustomerInteraction] method builds.
        var builder = receiverType as INamedTypeSymbol ?? method.ContainingType;
        for (var type = builder; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false } factory
                    && scope.IsFactory(factory)
                    && scope.Symbols.GetCreatedType(factory, out _) is { } built
                    && scope.GetInteractionType(built) is not null)
                {
                    return built;
                }
            }
        }

        return method.ContainingType;
    }

    /// <summary>Widens <c>null</c> to <c>null!</c> (and parentheses around it), so the whole value is reported.</summary>
    private static SyntaxNode WithSuppression(SyntaxNode value)
    {
        while (value.Parent is { } parent
               && (parent.IsKind(SyntaxKind.SuppressNullableWarningExpression) || parent.IsKind(SyntaxKind.ParenthesizedExpression)))
        {
            value = parent;
        }

        return value;
    }

    private static void Report(SyntaxNodeAnalysisContext context, SyntaxNode value, InteractionMember kind, ITypeSymbol? type)
        => context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.InteractionMemberSetToNullOrDefault,
            value.GetLocation(),
            kind == InteractionMember.Owner ? "owner" : "follow-up deadline",
            type?.Name ?? "?"));
}
