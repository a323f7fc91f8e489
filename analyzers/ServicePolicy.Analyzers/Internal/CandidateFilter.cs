// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// Decides from the syntax alone, by the names in <see cref="InteractionNames"/>, whether a node can matter to a
/// rule. Only a candidate is bound (<see cref="SemanticModel.GetOperation"/> binds the whole member body it is in),
/// so code that never touches a customer interaction costs the analyzers a name lookup per node, not a second
/// binding. Every answer errs on the side of "candidate".
/// </summary>
internal sealed class CandidateFilter
{
    private readonly InteractionNames? _names;

    /// <summary>Creates the filter for <paramref name="names"/>; without names (<see langword="null"/>) every node is a
    /// candidate, which is how the analyzers run with the name filter switched off.</summary>
    public CandidateFilter(InteractionNames? names)
    {
        _names = names;
    }

    /// <summary>
    /// SP1001/SP1002: whether <paramref name="creation"/> can create a customer interaction. A target-typed
    /// <c>new(...)</c> names no type: it is a candidate unless it initializes a declaration of a named type.
    /// </summary>
    public bool IsCreation(BaseObjectCreationExpressionSyntax creation)
        => _names is null || IsCreatedType(creation, _names.InteractionTypes);

    /// <summary>
    /// SP1001/SP1002: whether <c>default(T)</c> or a <c>default</c> literal can be a struct interaction's default value:
    /// <c>default(T)</c> by its type's name; a literal when it initializes a declaration of a candidate type
    /// (<c>SiteVisit v = default;</c>) or is returned. A literal argument or parameter default is not looked at: binding
    /// every <c>cancellationToken: default</c> would cost more than it finds.
    /// </summary>
    public bool IsDefaultCreation(ExpressionSyntax node)
    {
        TypeSyntax? type;
        if (node is DefaultExpressionSyntax explicitDefault)
        {
            type = explicitDefault.Type;
        }
        else if (node.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax)
        {
            return true;
        }
        else if ((type = SyntaxNames.DeclaredTargetType(node)) is null || node.Parent?.Parent is ParameterSyntax)
        {
            return false;
        }

        return _names is null || SyntaxNames.OfType(type) is not { } name || _names.InteractionTypes.Contains(name);
    }

    /// <summary>SP1001/SP1002: whether a collection initializer can call a <c>[CreatesCustomerInteraction]</c> <c>Add</c>.</summary>
    public bool IsFactoryCollectionInitializer() => _names is null || _names.Factories.Contains("Add");

    /// <summary>SP1001/SP1002: whether <paramref name="invocation"/> can call a <c>[CreatesCustomerInteraction]</c> factory.</summary>
    public bool IsFactoryCall(InvocationExpressionSyntax invocation)
        => _names is null
           || SyntaxNames.OfInvokedMember(invocation) is not { } name
           || _names.Factories.Contains(name)
           || IsMarkedLocalFunction(invocation, name);

    /// <summary>
    /// SP1003: whether <paramref name="assignment"/> can set an owner or deadline member to <c>null</c>/<c>default</c>,
    /// also as an element of a deconstruction (<c>(t.Owner, t.Subject) = (null, "x")</c>).
    /// </summary>
    public bool IsNullOrDefaultAssignment(AssignmentExpressionSyntax assignment)
        => IsNullOrDefaultWrite(assignment.Left, assignment.Right);

    private bool IsNullOrDefaultWrite(ExpressionSyntax target, ExpressionSyntax value)
    {
        if (target is TupleExpressionSyntax targets)
        {
            // Only a tuple literal can hold a constant element; anything else deconstructed is not one.
            if (SkipParentheses(value) is not TupleExpressionSyntax values || values.Arguments.Count != targets.Arguments.Count)
            {
                return false;
            }

            for (var i = 0; i < targets.Arguments.Count; i++)
            {
                if (IsNullOrDefaultWrite(targets.Arguments[i].Expression, values.Arguments[i].Expression))
                {
                    return true;
                }
            }

            return false;
        }

        return SyntaxNames.MayBeNullOrDefault(value)
               && (_names is null || SyntaxNames.OfAssignedMember(target) is not { } name || _names.Members.Contains(name));
    }

    private static ExpressionSyntax SkipParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>SP1003: whether a constructor argument of <paramref name="creation"/> can give an owner or deadline <c>null</c>/<c>default</c>.</summary>
    public bool IsNullOrDefaultArgument(BaseObjectCreationExpressionSyntax creation)
        => SyntaxNames.AnyMayBeNullOrDefault(creation.ArgumentList) && (_names is null || IsCreatedType(creation, _names.ConstructedTypes));

    /// <summary>SP1003: whether an argument of <paramref name="invocation"/> can give an owner or deadline <c>null</c>/<c>default</c>.</summary>
    public bool IsNullOrDefaultArgument(InvocationExpressionSyntax invocation)
    {
        if (!SyntaxNames.AnyMayBeNullOrDefault(invocation.ArgumentList))
        {
            return false;
        }

        return _names is null
               || _names.AnyMarkedDelegate
               || SyntaxNames.OfInvokedMember(invocation) is not { } name
               || _names.SettingMethods.Contains(name)
               || IsMarkedLocalFunction(invocation, name);
    }

    /// <summary>
    /// SP1003: whether the base-type arguments of a record or primary constructor (<c>record R(string A) : Base(null)</c>)
    /// can give an owner or deadline <c>null</c>/<c>default</c>.
    /// </summary>
    public bool IsNullOrDefaultArgument(PrimaryConstructorBaseTypeSyntax baseType)
        => SyntaxNames.AnyMayBeNullOrDefault(baseType.ArgumentList)
           && (_names is null || SyntaxNames.OfType(baseType.Type) is not { } name || _names.ConstructedTypes.Contains(name));

    /// <summary>
    /// SP1003: whether a <c>: this(...)</c> or <c>: base(...)</c> call of <paramref name="constructor"/> (its declared
    /// symbol, known without binding the body) can give an owner or deadline <c>null</c>/<c>default</c>.
    /// </summary>
    public bool IsNullOrDefaultArgument(ConstructorInitializerSyntax initializer, ISymbol? constructor)
    {
        if (!SyntaxNames.AnyMayBeNullOrDefault(initializer.ArgumentList))
        {
            return false;
        }

        var type = constructor?.ContainingType;
        var called = initializer.IsKind(SyntaxKind.BaseConstructorInitializer) ? type?.BaseType : type;
        return _names is null || called is null || _names.ConstructedTypes.Contains(called.Name);
    }

    private static bool IsCreatedType(BaseObjectCreationExpressionSyntax creation, HashSet<string> names)
    {
        var type = creation switch
        {
            ObjectCreationExpressionSyntax explicitCreation => explicitCreation.Type,
            ImplicitObjectCreationExpressionSyntax implicitCreation => SyntaxNames.DeclaredTargetType(implicitCreation),
            _ => null,
        };

        return SyntaxNames.OfType(type) is not { } name || names.Contains(name);
    }

    /// <summary>
    /// Whether <paramref name="invocation"/> calls, by its simple name, a local function that carries attributes (on
    /// itself or a parameter): local functions are no members, so <see cref="InteractionNameCollector"/> cannot see
    /// them; one is in scope only if it is declared in a block (or the top-level statements) around the call.
    /// </summary>
    private static bool IsMarkedLocalFunction(InvocationExpressionSyntax invocation, string name)
    {
        if (invocation.Expression is not SimpleNameSyntax)
        {
            return false;
        }

        for (var node = invocation.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BlockSyntax block:
                    if (DeclaresMarkedLocalFunction(block.Statements, name))
                    {
                        return true;
                    }

                    break;
                case SwitchSectionSyntax section:
                    if (DeclaresMarkedLocalFunction(section.Statements, name))
                    {
                        return true;
                    }

                    break;
                case CompilationUnitSyntax unit:
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function } && IsMarked(function, name))
                        {
                            return true;
                        }
                    }

                    break;
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool DeclaresMarkedLocalFunction(SyntaxList<StatementSyntax> statements, string name)
    {
        foreach (var statement in statements)
        {
            if (statement is LocalFunctionStatementSyntax function && IsMarked(function, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarked(LocalFunctionStatementSyntax function, string name)
    {
        if (function.Identifier.ValueText != name)
        {
            return false;
        }

        if (function.AttributeLists.Count > 0)
        {
            return true;
        }

        foreach (var parameter in function.ParameterList.Parameters)
        {
            if (parameter.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
