// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// The declarations of one syntax tree that can put a name into <see cref="InteractionNames"/>: the types with a base
/// list or an attribute, the members, methods, constructors and delegates with an attribute (on themselves or a
/// parameter), and the <c>using</c> aliases. Read from the syntax alone (declarations, never a body) and cached per
/// tree, so a new compilation that shares its trees with the one before (an edit in the IDE replaces one tree) reads
/// only the trees that changed (benchmarks/ServicePolicy.Benchmarks/Analyzers/AnalyzerEditBenchmarks.cs).
/// </summary>
/// <remarks>
/// Attributes are kept as the names they are written with (<c>InteractionOwner</c>, <c>S.InteractionOwnerAttribute</c>
/// and an alias all give their rightmost identifier): which of them are ServicePolicy's is decided with every alias of
/// the compilation at hand (<see cref="InteractionNameCollector"/>), so the names are a superset of what binding
/// would give, never fewer.
/// </remarks>
internal sealed class TreeDeclarations
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> Cache = new();

    private TreeDeclarations()
    {
    }

    /// <summary>The <c>using X = ...;</c> aliases at any level: the alias and the rightmost identifier of its target.</summary>
    public List<KeyValuePair<string, string>> Aliases { get; } = new();

    /// <summary>The declarations that can matter, in source order.</summary>
    public List<Declaration> Declarations { get; } = new();

    /// <summary>The declarations of <paramref name="tree"/>, read on first use.</summary>
    public static TreeDeclarations Of(SyntaxTree tree)
        => Cache.GetValue(tree, static t => Read(t.GetRoot()));

    private static TreeDeclarations Read(SyntaxNode root)
    {
        var declarations = new TreeDeclarations();
        declarations.Visit(root, containingType: string.Empty);
        return declarations;
    }

    private void Visit(SyntaxNode container, string containingType)
    {
        foreach (var node in container.ChildNodes())
        {
            switch (node)
            {
                case UsingDirectiveSyntax { Alias: { } alias } directive:
                    if (SyntaxNames.OfType(directive.NamespaceOrType) is { } target)
                    {
                        Aliases.Add(new KeyValuePair<string, string>(alias.Name.Identifier.ValueText, target));
                    }

                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    Visit(ns, string.Empty);
                    break;
                case TypeDeclarationSyntax type:
                    AddType(type);
                    Visit(type, type.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax declaration:
                    Add(DeclarationKind.Delegate, declaration.Identifier.ValueText, declaration.AttributeLists, declaration.ParameterList);
                    break;
                case MethodDeclarationSyntax method:
                    Add(DeclarationKind.Method, method.Identifier.ValueText, method.AttributeLists, method.ParameterList);
                    break;
                case ConstructorDeclarationSyntax constructor:
                    Add(DeclarationKind.Constructor, containingType, constructor.AttributeLists, constructor.ParameterList);
                    break;
                case BaseMethodDeclarationSyntax other:
                    // Operators, conversions, finalizers: only a marked parameter's name can matter.
                    Add(DeclarationKind.Other, string.Empty, other.AttributeLists, other.ParameterList);
                    break;
                case PropertyDeclarationSyntax property:
                    Add(DeclarationKind.Member, property.Identifier.ValueText, property.AttributeLists, parameters: null);
                    break;
                case IndexerDeclarationSyntax indexer:
                    Add(DeclarationKind.Member, SyntaxNames.IndexerName, indexer.AttributeLists, indexer.ParameterList);
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        Add(DeclarationKind.Member, variable.Identifier.ValueText, field.AttributeLists, parameters: null);
                    }

                    break;
            }
        }
    }

    private void AddType(TypeDeclarationSyntax type)
    {
        var bases = new List<string>();
        if (type.BaseList is { } baseList)
        {
            foreach (var baseType in baseList.Types)
            {
                if (SyntaxNames.OfType(baseType.Type) is { } name)
                {
                    bases.Add(name);
                }
            }
        }

        var parameters = type switch
        {
            RecordDeclarationSyntax record => record.ParameterList,
            ClassDeclarationSyntax declaration => declaration.ParameterList,
            StructDeclarationSyntax declaration => declaration.ParameterList,
            _ => null,
        };
        var attributes = AttributeNames(type.AttributeLists);
        var marked = MarkedParameters(parameters);
        if (bases.Count > 0 || attributes.Length > 0 || marked.Length > 0)
        {
            Declarations.Add(new Declaration(DeclarationKind.Type, type.Identifier.ValueText, attributes, marked, bases.ToArray()));
        }
    }

    private void Add(DeclarationKind kind, string name, SyntaxList<AttributeListSyntax> attributeLists, BaseParameterListSyntax? parameters)
    {
        var attributes = AttributeNames(attributeLists);
        var marked = MarkedParameters(parameters);
        if (attributes.Length > 0 || marked.Length > 0)
        {
            Declarations.Add(new Declaration(kind, name, attributes, marked, System.Array.Empty<string>()));
        }
    }

    private static string[] AttributeNames(SyntaxList<AttributeListSyntax> lists)
    {
        if (lists.Count == 0)
        {
            return System.Array.Empty<string>();
        }

        var names = new List<string>();
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (SyntaxNames.OfType(attribute.Name) is { } name)
                {
                    names.Add(name);
                }
            }
        }

        return names.ToArray();
    }

    private static MarkedParameter[] MarkedParameters(BaseParameterListSyntax? parameters)
    {
        if (parameters is null)
        {
            return System.Array.Empty<MarkedParameter>();
        }

        List<MarkedParameter>? marked = null;
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.AttributeLists.Count > 0)
            {
                (marked ??= new List<MarkedParameter>()).Add(new MarkedParameter(parameter.Identifier.ValueText, AttributeNames(parameter.AttributeLists)));
            }
        }

        return marked?.ToArray() ?? System.Array.Empty<MarkedParameter>();
    }
}
