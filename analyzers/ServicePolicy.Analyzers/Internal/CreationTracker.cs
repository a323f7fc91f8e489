// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// Follows each creation of a customer interaction until it is complete for one
/// <see cref="InteractionMember"/> or leaves the method, and reports it if it left incomplete.
/// Used by SP1001 (owner) and SP1002 (follow-up deadline).
/// </summary>
/// <remarks>
/// A creation is complete when the member gets a value (null/default included: SP1003 reports
/// those) through a constructor or factory argument bound to the member, the object initializer, a
/// <c>with</c> expression, a marked setter call on the new object (or earlier in a builder chain),
/// or an assignment to the member through the local that holds it, after the creation and before the
/// local's first use that lets the object leave the method (returned, passed as an argument, stored
/// anywhere but in that local, captured by a lambda or local function), in source order; when the first assignment
/// that gives the value can be skipped (it is under an <c>if</c>, a loop, a <c>switch</c>, <c>&amp;&amp;</c> and the like,
/// or a jump lies between), the control flow graph decides (<c>CreationTracker.Flow.cs</c>).
/// <para>
/// Four files, one concept each: this one finds the creations and follows the new object
/// (<see cref="CreationSite"/> carries what is known about it); <c>CreationTracker.Completion.cs</c> decides whether
/// an operation gives the member a value or lets the object leave; <c>CreationTracker.Flow.cs</c> follows the paths of
/// the control flow graph when a set can be skipped; <c>CreationTracker.Report.cs</c> reports, with the properties the
/// code fix reads.
/// </para>
/// </remarks>
internal sealed partial class CreationTracker
{
    private readonly InteractionContext _context;
    private readonly InteractionMember _kind;
    private readonly DiagnosticDescriptor _descriptor;

    public CreationTracker(InteractionContext context, InteractionMember kind, DiagnosticDescriptor descriptor)
    {
        _context = context;
        _kind = kind;
        _descriptor = descriptor;
    }

    /// <summary>The action for <c>new T(...)</c> and <c>new(...)</c>: binds only the candidates of <see cref="CandidateFilter"/>.</summary>
    public void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context)
    {
        if (!_context.Filter.IsCreation((BaseObjectCreationExpressionSyntax)context.Node)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IObjectCreationOperation creation)
        {
            return;
        }

        var scope = _context.GetScope(creation.Syntax.SyntaxTree);
        var info = scope.GetInteractionType(creation.Type);
        if (info is null || !info.Get(_kind).IsDeclared || SetsAtCreation(creation, scope))
        {
            return;
        }

        Follow(new CreationSite(context, scope, info, creation, factoryReceiver: null), creation);
    }

    /// <summary>The action for invocations: binds only the candidates of <see cref="CandidateFilter"/>.</summary>
    public void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        var symbols = _context.Symbols;
        if (symbols.CreatesCustomerInteractionAttribute is null
            || !_context.Filter.IsFactoryCall((InvocationExpressionSyntax)context.Node)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        AnalyzeFactoryCall(context, invocation);
    }

    /// <summary>The action for <c>default(T)</c> and <c>default</c>: the default value of a struct interaction is a
    /// creation with nothing set.</summary>
    public void AnalyzeDefault(SyntaxNodeAnalysisContext context)
    {
        if (!_context.Filter.IsDefaultCreation((ExpressionSyntax)context.Node)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IDefaultValueOperation value
            || (value.Type ?? (value.Parent as IConversionOperation)?.Type) is not { IsValueType: true } type)
        {
            return;
        }

        var scope = _context.GetScope(value.Syntax.SyntaxTree);
        var info = scope.GetInteractionType(type);
        if (info is null || !info.Get(_kind).IsDeclared)
        {
            return;
        }

        Follow(new CreationSite(context, scope, info, value, factoryReceiver: null), value);
    }

    /// <summary>The action for collection initializers: each element calls an <c>Add</c>, which may be a factory.</summary>
    public void AnalyzeCollectionInitializer(SyntaxNodeAnalysisContext context)
    {
        if (_context.Symbols.CreatesCustomerInteractionAttribute is null
            || !_context.Filter.IsFactoryCollectionInitializer()
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IObjectOrCollectionInitializerOperation initializer)
        {
            return;
        }

        foreach (var element in initializer.Initializers)
        {
            if (element is IInvocationOperation invocation)
            {
                AnalyzeFactoryCall(context, invocation);
            }
        }
    }

    private void AnalyzeFactoryCall(SyntaxNodeAnalysisContext context, IInvocationOperation invocation)
    {
        var symbols = _context.Symbols;
        var method = invocation.TargetMethod;
        var createdType = symbols.GetCreatedType(method, out var isAwaitable);
        if (createdType is null)
        {
            return;
        }

        var scope = _context.GetScope(invocation.Syntax.SyntaxTree);
        var info = scope.GetInteractionType(createdType);
        if (info is null || !scope.IsFactory(method) || scope.IsSetter(method, _kind))
        {
            return;
        }

        var hasBoundParameter = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && scope.IsBoundParameter(parameter, _kind))
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return;
                }

                hasBoundParameter = true;
            }
        }

        if (!hasBoundParameter && !info.Get(_kind).IsDeclared)
        {
            return;
        }

        var receiver = OperationHelpers.GetReceiver(invocation);
        if (receiver is not null && ReceiverChainSets(receiver, invocation, scope, depth: 0))
        {
            return;
        }

        IOperation start = invocation;
        if (isAwaitable && OperationHelpers.SkipParentConversions(invocation).Parent is IAwaitOperation awaited)
        {
            start = awaited;
        }

        Follow(new CreationSite(context, scope, info, invocation, receiver), start);
    }

    /// <summary>Follows the new object up from <paramref name="start"/> through fluent calls, <c>with</c> and
    /// conversions to where it is stored in a local (then <see cref="FollowLocal"/>) or used up.</summary>
    private void Follow(in CreationSite site, IOperation start)
    {
        var current = start;
        while (true)
        {
            current = OperationHelpers.SkipParentConversions(current);
            if (OperationHelpers.GetInvocationOnReceiver(current) is { } call)
            {
                if (site.Scope.IsSetter(call.TargetMethod, _kind))
                {
                    return;
                }

                if (call.Type is { } resultType
                    && SymbolEqualityComparer.Default.Equals(resultType.OriginalDefinition, site.Info.Type.OriginalDefinition))
                {
                    // A fluent method of the interaction that returns it (or a copy): keep following.
                    current = call;
                    continue;
                }

                // Any other call uses the new object up.
                ReportAt(site, current);
                return;
            }

            switch (current.Parent)
            {
                case IWithOperation with when with.Operand == current:
                    if (InitializerSets(with.Initializer, site.Scope))
                    {
                        return;
                    }

                    current = with;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    FollowLocal(site, declarator.Symbol, current);
                    return;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                    FollowLocal(site, target.Local, assignment);
                    return;
                default:
                    ReportAt(site, current);
                    return;
            }
        }
    }

    /// <summary>Walks the uses of <paramref name="local"/> after <paramref name="after"/>, in source order, until one
    /// completes the object, lets it leave, or drops it.</summary>
    private void FollowLocal(in CreationSite site, ILocalSymbol local, IOperation after)
    {
        var position = after.Syntax.Span.End;
        var function = OperationHelpers.GetEnclosingFunction(after);
        var references = new List<ILocalReferenceOperation>();
        foreach (var operation in FindScope(after, local).Descendants())
        {
            if (operation is ILocalReferenceOperation reference
                && reference.Syntax.SpanStart >= position
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                references.Add(reference);
            }
        }

        references.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        foreach (var reference in references)
        {
            if (OperationHelpers.GetEnclosingFunction(reference) != function)
            {
                // Captured by a lambda or local function: it may run any time.
                Report(site);
                return;
            }

            switch (Classify(reference, local, site.Scope))
            {
                case Use.Sets:
                    // Set in textual order; if the set can be skipped, the control flow graph decides.
                    if (MaySkip(after, reference))
                    {
                        ReportPathWithoutSet(site, local, after, references);
                    }

                    return;
                case Use.Escapes:
                    ReportAt(site, OperationHelpers.SkipParentConversions(reference));
                    return;
                case Use.Dropped:
                    Report(site);
                    return;
            }
        }

        // Never left the method and never completed.
        Report(site);
    }
}
