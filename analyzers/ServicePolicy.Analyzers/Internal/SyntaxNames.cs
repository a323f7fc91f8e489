// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// What a node names, read from the syntax alone (no binding): the rightmost identifier of a type, of
/// an invoked member or of an assigned member; and whether a value can be a <c>null</c> or
/// <c>default</c> constant. <see cref="CandidateFilter"/> compares these names with
/// <see cref="InteractionNames"/>.
/// </summary>
internal static class SyntaxNames
{
    /// <summary>The name of an indexer, as <see cref="ISymbol.Name"/> spells it.</summary>
    public const string IndexerName = "this[]";

    /// <summary>
    /// The rightmost identifier of <paramref name="type"/> (<c>Ticket</c> for <c>global::Support.Ticket</c>,
    /// <c>Ticket&lt;int&gt;</c> or <c>Ticket?</c>), or <see langword="null"/> for a type without one
    /// (a predefined type, an array, a tuple, a pointer).
    /// </summary>
    public static string? OfType(TypeSyntax? type)
        => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
            NullableTypeSyntax nullable => OfType(nullable.ElementType),
            _ => null,
        };

    /// <summary>
    /// The type named by the declaration whose initializer is <paramref name="creation"/> (<c>Ticket t = new()</c>,
    /// a field, a property or a parameter default): the type a target-typed <c>new</c> creates; otherwise
    /// <see langword="null"/> (the target type is only known after binding).
    /// </summary>
    public static TypeSyntax? DeclaredTargetType(ExpressionSyntax creation)
    {
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: { } declaration })
        {
            return null;
        }

        return declaration switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variables } => variables.Type,
            PropertyDeclarationSyntax property => property.Type,
            ParameterSyntax parameter => parameter.Type,
            _ => null,
        };
    }

    /// <summary>
    /// The name of the method an invocation calls (<c>Open</c> for <c>Ticket.Open(x)</c>, <c>t?.AssignTo(a)</c> or
    /// <c>Create&lt;T&gt;()</c>), or <see langword="null"/> when the syntax does not say (a delegate returned by
    /// another call, say).
    /// </summary>
    public static string? OfInvokedMember(InvocationExpressionSyntax invocation)
    {
        var expression = invocation.Expression;
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>
    /// The name of the member an assignment writes (<c>Owner</c> for <c>Owner = x</c> in an initializer,
    /// <c>t.Owner = x</c> or <c>this.Owner = x</c>; <see cref="IndexerName"/> for <c>t[i] = x</c>), or
    /// <see langword="null"/> when the target cannot be a member (a tuple, a dereferenced pointer).
    /// </summary>
    public static string? OfAssignedMember(ExpressionSyntax target)
    {
        while (target is ParenthesizedExpressionSyntax parenthesized)
        {
            target = parenthesized.Expression;
        }

        return target switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax or ElementBindingExpressionSyntax => IndexerName,
            _ => null,
        };
    }

    /// <summary>
    /// Whether <paramref name="value"/> can be a <c>null</c> or <c>default</c> once bound: <c>null</c>, <c>default</c>,
    /// <c>default(T)</c>, also through parentheses, <c>!</c>, casts, <c>as</c> and <c>checked</c>, and a conditional
    /// or switch expression with such a branch or a coalesce with such a fallback. A superset of
    /// <see cref="OperationHelpers.IsNullOrDefault"/> except for a named constant (<c>const OwnerRef? Nobody = null</c>),
    /// which is not looked at: a name is not bound only to find out whether it is one (docs/analyzers/SP1003.md).
    /// </summary>
    public static bool MayBeNullOrDefault(ExpressionSyntax value)
    {
        while (true)
        {
            switch (value)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    value = parenthesized.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    value = suppressed.Operand;
                    continue;
                case CastExpressionSyntax cast:
                    value = cast.Expression;
                    continue;
                case BinaryExpressionSyntax asExpression when asExpression.IsKind(SyntaxKind.AsExpression):
                    value = asExpression.Left;
                    continue;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    value = coalesce.Right;
                    continue;
                case CheckedExpressionSyntax checkedExpression:
                    value = checkedExpression.Expression;
                    continue;
                case ConditionalExpressionSyntax conditional:
                    return MayBeNullOrDefault(conditional.WhenTrue) || MayBeNullOrDefault(conditional.WhenFalse);
                case SwitchExpressionSyntax switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (MayBeNullOrDefault(arm.Expression))
                        {
                            return true;
                        }
                    }

                    return false;
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression);
                case DefaultExpressionSyntax:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Whether any argument of <paramref name="arguments"/> <see cref="MayBeNullOrDefault"/>.</summary>
    public static bool AnyMayBeNullOrDefault(BaseArgumentListSyntax? arguments)
    {
        if (arguments is null)
        {
            return false;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (MayBeNullOrDefault(argument.Expression))
            {
                return true;
            }
        }

        return false;
    }
}
