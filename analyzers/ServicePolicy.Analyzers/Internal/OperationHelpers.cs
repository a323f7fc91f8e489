// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>Small helpers over <see cref="IOperation"/> trees.</summary>
internal static class OperationHelpers
{
    /// <summary>
    /// Whether <paramref name="value"/> is a <c>null</c> or <c>default</c> constant (through conversions and <c>!</c>),
    /// or can evaluate to one: a conditional (<c>vip ? desk : null</c>) or switch expression with such a branch, or a
    /// coalesce whose fallback is one (<c>desk ?? null</c>).
    /// </summary>
    public static bool IsNullOrDefault(IOperation? value)
    {
        value = SkipConversions(value);
        switch (value)
        {
            case null:
                return false;
            case IDefaultValueOperation:
                return true;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return IsNullOrDefault(conditional.WhenTrue) || IsNullOrDefault(whenFalse);
            case ICoalesceOperation coalesce:
                return IsNullOrDefault(coalesce.WhenNull);
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    if (IsNullOrDefault(arm.Value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return value.ConstantValue.HasValue && value.ConstantValue.Value is null;
        }
    }

    /// <summary>Skips the built-in conversions (to a base type, an interface, nullable) above <paramref name="operation"/>.</summary>
    public static IOperation SkipParentConversions(IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion && conversion.OperatorMethod is null)
        {
            operation = conversion;
        }

        return operation;
    }

    /// <summary>Skips built-in conversions below <paramref name="operation"/>.</summary>
    public static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion && conversion.OperatorMethod is null)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The object a call is made on: the instance of an instance method, or the <c>this</c> argument
    /// of an extension method; <see langword="null"/> for other static methods.
    /// </summary>
    public static IOperation? GetReceiver(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        if (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// If <paramref name="operation"/> is the object a call is made on, the call; otherwise <see langword="null"/>.
    /// </summary>
    public static IInvocationOperation? GetInvocationOnReceiver(IOperation operation)
    {
        switch (operation.Parent)
        {
            case IInvocationOperation invocation when invocation.Instance == operation:
                return invocation;
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument
                when invocation.Instance is null && invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0:
                return invocation;
            default:
                return null;
        }
    }

    /// <summary>The nearest enclosing lambda or local function, or <see langword="null"/> for the member body itself.</summary>
    public static IOperation? GetEnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The method whose body contains <paramref name="operation"/>: a local function, lambda, or <paramref name="containingSymbol"/>.</summary>
    public static IMethodSymbol? GetEnclosingMethod(IOperation operation, ISymbol? containingSymbol)
        => GetEnclosingFunction(operation) switch
        {
            ILocalFunctionOperation localFunction => localFunction.Symbol,
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => containingSymbol as IMethodSymbol,
        };

    /// <summary>The root of the operation tree that holds <paramref name="operation"/>.</summary>
    public static IOperation GetRoot(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
