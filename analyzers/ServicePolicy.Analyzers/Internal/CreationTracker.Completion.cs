// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// Whether an operation gives the tracked member a value (at the creation, in a builder chain before it, or through
/// the local that holds the new object) and what each later use of that local does with the object.
/// </summary>
internal sealed partial class CreationTracker
{
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

            // A collection initializer's element calls Add, which may be a marked setter.
            if (item is IInvocationOperation call && scope.IsSetter(call.TargetMethod, _kind))
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
}
