// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

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
/// anywhere but in that local, captured by a lambda or local function). The analysis is textual
/// and flow-insensitive: an assignment inside an <c>if</c> counts.
/// </remarks>
internal sealed class CreationTracker
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

    private enum Use
    {
        /// <summary>The use does not let the object leave; keep looking.</summary>
        Continue,

        /// <summary>The use gives the member a value: complete.</summary>
        Sets,

        /// <summary>The object leaves the method here.</summary>
        Escapes,

        /// <summary>The local is overwritten: the object is dropped.</summary>
        Dropped,
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

        Follow(context, scope, info, creation, creation, factoryReceiver: null);
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

        Follow(context, scope, info, invocation, start, receiver);
    }

    private bool SetsAtCreation(IObjectCreationOperation creation, InteractionScope scope)
    {
        if (creation.Constructor is { } constructor && InteractionSymbols.HasAttribute(constructor, _context.Symbols.SetterAttribute(_kind)))
        {
            return true;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue
                && argument.Parameter is { } parameter
                && scope.IsBoundParameter(parameter, _kind))
            {
                return true;
            }
        }

        return InitializerSets(creation.Initializer, scope);
    }

    private bool InitializerSets(IObjectOrCollectionInitializerOperation? initializer, InteractionScope scope)
    {
        if (initializer is null)
        {
            return false;
        }

        foreach (var item in initializer.Initializers)
        {
            if (item is ISimpleAssignmentOperation { Target: IMemberReferenceOperation member }
                && scope.IsMember(member.Member, member.Instance?.Type, _kind))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a builder chain below a factory call (<c>new B().AssignTo(x).Build()</c>) sets the member.</summary>
    private bool ReceiverChainSets(IOperation? receiver, IOperation before, InteractionScope scope, int depth)
    {
        var current = OperationHelpers.SkipConversions(receiver);
        while (current is not null)
        {
            switch (current)
            {
                case IInvocationOperation invocation:
                    if (scope.IsSetter(invocation.TargetMethod, _kind))
                    {
                        return true;
                    }

                    current = OperationHelpers.SkipConversions(OperationHelpers.GetReceiver(invocation));
                    break;
                case IObjectCreationOperation creation:
                    return SetsAtCreation(creation, scope);
                case ILocalReferenceOperation local when depth == 0:
                    return LocalSetBefore(local, before, scope);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether the builder held in a local is given the member before <paramref name="before"/>.</summary>
    private bool LocalSetBefore(ILocalReferenceOperation reference, IOperation before, InteractionScope scope)
    {
        var local = reference.Local;
        var position = before.Syntax.SpanStart;
        foreach (var operation in FindScope(reference, local).Descendants())
        {
            if (operation.Syntax.SpanStart >= position)
            {
                continue;
            }

            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                         && declarator.Initializer is { } initializer
                         && ReceiverChainSets(initializer.Value, before, scope, depth: 1):
                    return true;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local):
                    if (other.Parent is ISimpleAssignmentOperation assignment && assignment.Target == other)
                    {
                        if (ReceiverChainSets(assignment.Value, before, scope, depth: 1))
                        {
                            return true;
                        }
                    }
                    else if (Classify(other, local, scope) == Use.Sets)
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private void Follow(
        SyntaxNodeAnalysisContext context,
        InteractionScope scope,
        InteractionTypeInfo info,
        IOperation creation,
        IOperation start,
        IOperation? factoryReceiver)
    {
        var current = start;
        while (true)
        {
            current = OperationHelpers.SkipParentConversions(current);
            if (OperationHelpers.GetInvocationOnReceiver(current) is { } call)
            {
                if (scope.IsSetter(call.TargetMethod, _kind))
                {
                    return;
                }

                if (call.Type is { } resultType
                    && SymbolEqualityComparer.Default.Equals(resultType.OriginalDefinition, info.Type.OriginalDefinition))
                {
                    // A fluent method of the interaction that returns it (or a copy): keep following.
                    current = call;
                    continue;
                }

                // Any other call uses the new object up.
                ReportAt(context, scope, info, creation, current, factoryReceiver);
                return;
            }

            switch (current.Parent)
            {
                case IWithOperation with when with.Operand == current:
                    if (InitializerSets(with.Initializer, scope))
                    {
                        return;
                    }

                    current = with;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    FollowLocal(context, scope, info, creation, declarator.Symbol, current, factoryReceiver);
                    return;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                    FollowLocal(context, scope, info, creation, target.Local, assignment, factoryReceiver);
                    return;
                default:
                    ReportAt(context, scope, info, creation, current, factoryReceiver);
                    return;
            }
        }
    }

    private void FollowLocal(
        SyntaxNodeAnalysisContext context,
        InteractionScope scope,
        InteractionTypeInfo info,
        IOperation creation,
        ILocalSymbol local,
        IOperation after,
        IOperation? factoryReceiver)
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
                Report(context, scope, info, creation, factoryReceiver);
                return;
            }

            switch (Classify(reference, local, scope))
            {
                case Use.Sets:
                    return;
                case Use.Escapes:
                    ReportAt(context, scope, info, creation, OperationHelpers.SkipParentConversions(reference), factoryReceiver);
                    return;
                case Use.Dropped:
                    Report(context, scope, info, creation, factoryReceiver);
                    return;
            }
        }

        // Never left the method and never completed.
        Report(context, scope, info, creation, factoryReceiver);
    }

    private Use Classify(ILocalReferenceOperation reference, ILocalSymbol local, InteractionScope scope)
    {
        if (reference.Parent is IMemberReferenceOperation member && member.Instance == reference)
        {
            return member.Parent is IAssignmentOperation assignment
                   && assignment.Target == member
                   && scope.IsMember(member.Member, reference.Type, _kind)
                ? Use.Sets
                : Use.Continue;
        }

        if (OperationHelpers.GetInvocationOnReceiver(reference) is { } call)
        {
            if (scope.IsSetter(call.TargetMethod, _kind))
            {
                return Use.Sets;
            }

            // A method of the object itself does not pass it on; an extension method does.
            return call.Instance == reference ? Use.Continue : Use.Escapes;
        }

        if (reference.Parent is ISimpleAssignmentOperation targetOf && targetOf.Target == reference)
        {
            return DerivesFrom(targetOf.Value, local) ? Use.Continue : Use.Dropped;
        }

        var outer = OperationHelpers.SkipParentConversions(reference);
        switch (outer.Parent)
        {
            case IWithOperation with when with.Operand == outer:
                if (InitializerSets(with.Initializer, scope))
                {
                    return Use.Sets;
                }

                return OperationHelpers.SkipParentConversions(with).Parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }
                       && SymbolEqualityComparer.Default.Equals(target.Local, local)
                    ? Use.Continue
                    : Use.Escapes;
            case IBinaryOperation:
            case IIsPatternOperation:
            case IIsTypeOperation:
            case INameOfOperation:
            case IConditionalAccessOperation access when access.Operation == outer:
                return Use.Continue;
            default:
                return Use.Escapes;
        }
    }

    private static bool DerivesFrom(IOperation value, ILocalSymbol local)
    {
        var current = OperationHelpers.SkipConversions(value);
        while (current is not null)
        {
            switch (current)
            {
                case IInvocationOperation invocation:
                    current = OperationHelpers.SkipConversions(OperationHelpers.GetReceiver(invocation));
                    break;
                case IWithOperation with:
                    current = OperationHelpers.SkipConversions(with.Operand);
                    break;
                case ILocalReferenceOperation reference:
                    return SymbolEqualityComparer.Default.Equals(reference.Local, local);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The block that declares <paramref name="local"/> (or the whole body).</summary>
    private static IOperation FindScope(IOperation operation, ILocalSymbol local)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current is IBlockOperation block)
            {
                foreach (var declared in block.Locals)
                {
                    if (SymbolEqualityComparer.Default.Equals(declared, local))
                    {
                        return block;
                    }
                }
            }

            if (current.Parent is null)
            {
                return current;
            }
        }

        return operation;
    }

    private void ReportAt(
        SyntaxNodeAnalysisContext context,
        InteractionScope scope,
        InteractionTypeInfo info,
        IOperation creation,
        IOperation escape,
        IOperation? factoryReceiver)
    {
        // A creation returned from a factory marked [CreatesCustomerInteraction] is the caller's to complete.
        if (escape.Parent is IReturnOperation
            && OperationHelpers.GetEnclosingMethod(escape, context.ContainingSymbol) is { } method
            && scope.IsFactory(method))
        {
            return;
        }

        Report(context, scope, info, creation, factoryReceiver);
    }

    private void Report(
        SyntaxNodeAnalysisContext context,
        InteractionScope scope,
        InteractionTypeInfo info,
        IOperation creation,
        IOperation? factoryReceiver)
    {
        var members = info.Get(_kind);
        var properties = GetFixProperties(context, scope, info, creation, factoryReceiver);
        context.ReportDiagnostic(Diagnostic.Create(
            _descriptor,
            GetLocation(creation.Syntax),
            properties,
            info.Type.Name,
            members.GetHint()));
    }

    private ImmutableDictionary<string, string?> GetFixProperties(
        SyntaxNodeAnalysisContext context,
        InteractionScope scope,
        InteractionTypeInfo info,
        IOperation creation,
        IOperation? factoryReceiver)
    {
        var members = info.Get(_kind);
        var within = (ISymbol?)context.ContainingSymbol?.ContainingType ?? context.Compilation.Assembly;
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        if (creation is IObjectCreationOperation
            && creation.Syntax is BaseObjectCreationExpressionSyntax
            && members.FixMember is { } member
            && IsSettableWithin(member, within, context.Compilation))
        {
            builder.Add(DiagnosticPropertyNames.Fix, DiagnosticPropertyNames.FixInitializer);
            builder.Add(DiagnosticPropertyNames.Member, member.Name);
        }
        else if (factoryReceiver is not null
                 && creation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
                 && FindBuilderSetter(scope, factoryReceiver.Type, within, context.Compilation) is { } builderSetter)
        {
            builder.Add(DiagnosticPropertyNames.Fix, DiagnosticPropertyNames.FixInsertCall);
            builder.Add(DiagnosticPropertyNames.Method, builderSetter.Name);
        }
        else if (members.FixSetter is { } setter
                 && creation.Syntax is not ImplicitObjectCreationExpressionSyntax
                 && !(creation is IInvocationOperation factory && IsAwaitable(factory))
                 && context.Compilation.IsSymbolAccessibleWithin(setter, within))
        {
            builder.Add(DiagnosticPropertyNames.Fix, DiagnosticPropertyNames.FixAppendCall);
            builder.Add(DiagnosticPropertyNames.Method, setter.Name);
        }

        return builder.ToImmutable();
    }

    private bool IsAwaitable(IInvocationOperation factory)
    {
        _context.Symbols.GetCreatedType(factory.TargetMethod, out var isAwaitable);
        return isAwaitable;
    }

    private IMethodSymbol? FindBuilderSetter(InteractionScope scope, ITypeSymbol? builderType, ISymbol within, Compilation compilation)
    {
        for (var type = builderType as INamedTypeSymbol; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary, Parameters.Length: 1 } method
                    && SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, builderType!.OriginalDefinition)
                    && scope.IsSetter(method, _kind)
                    && compilation.IsSymbolAccessibleWithin(method, within))
                {
                    return method;
                }
            }
        }

        return null;
    }

    private static bool IsSettableWithin(ISymbol member, ISymbol within, Compilation compilation)
        => member switch
        {
            IPropertySymbol { SetMethod: { } setter } => compilation.IsSymbolAccessibleWithin(setter, within),
            IFieldSymbol { IsReadOnly: false, IsConst: false } field => compilation.IsSymbolAccessibleWithin(field, within),
            _ => false,
        };

    /// <summary>
    /// Where a creation is reported: <c>new T(args)</c> or <c>new(args)</c> without the initializer,
    /// or <c>Factory(args)</c> without the receiver.
    /// </summary>
    internal static Location GetLocation(SyntaxNode syntax)
    {
        switch (syntax)
        {
            case ObjectCreationExpressionSyntax explicitCreation:
                return Location.Create(
                    syntax.SyntaxTree,
                    TextSpan.FromBounds(explicitCreation.SpanStart, explicitCreation.ArgumentList?.Span.End ?? explicitCreation.Type.Span.End));
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                return Location.Create(
                    syntax.SyntaxTree,
                    TextSpan.FromBounds(implicitCreation.SpanStart, implicitCreation.ArgumentList.Span.End));
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
            case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } invocation:
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(binding.Name.SpanStart, invocation.Span.End));
            default:
                return syntax.GetLocation();
        }
    }
}
