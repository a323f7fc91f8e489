// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// What counts as a customer interaction, owner or follow-up deadline for the files that share one
/// set of <c>.editorconfig</c> options: the attributes plus the configured types and members. The
/// answer for each type is computed once and cached.
/// </summary>
internal sealed class InteractionScope
{
    private readonly ConcurrentDictionary<ITypeSymbol, InteractionTypeInfo?> _types = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, ConfiguredType> _configured = new(SymbolEqualityComparer.Default);

    public InteractionScope(InteractionSymbols symbols, InteractionOptions options)
    {
        Symbols = symbols;
        var compilation = symbols.Compilation;
        foreach (var name in InteractionOptions.Split(options.InteractionTypes))
        {
            if (compilation.GetTypeByMetadataName(name.Trim()) is { } type)
            {
                _configured[type.OriginalDefinition] = new ConfiguredType();
            }
        }

        AddMembers(compilation, options.OwnerMembers, InteractionMember.Owner);
        AddMembers(compilation, options.FollowUpMembers, InteractionMember.FollowUpDeadline);
    }

    public InteractionSymbols Symbols { get; }

    /// <summary>Whether anything at all can be an interaction in this scope.</summary>
    public bool IsActive => Symbols.HasAttributes || _configured.Count > 0;

    /// <summary>What <paramref name="type"/> is, or <see langword="null"/> if it is not a customer interaction.</summary>
    public InteractionTypeInfo? GetInteractionType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return null;
        }

        if (_types.TryGetValue(named, out var cached))
        {
            return cached;
        }

        return _types.GetOrAdd(named, Compute(named));
    }

    /// <summary>Whether <paramref name="member"/> (a property or field) holds <paramref name="kind"/>.</summary>
    public bool IsMember(ISymbol member, ITypeSymbol? receiverType, InteractionMember kind)
    {
        if (member is not (IPropertySymbol or IFieldSymbol))
        {
            return false;
        }

        if (InteractionSymbols.HasAttribute(member, Symbols.MemberAttribute(kind)))
        {
            return true;
        }

        var info = GetInteractionType(receiverType ?? member.ContainingType) ?? GetInteractionType(member.ContainingType);
        return info is not null && info.Get(kind).Members.Contains(member.OriginalDefinition);
    }

    /// <summary>
    /// Whether an argument for <paramref name="parameter"/> gives the interaction its <paramref name="kind"/>:
    /// the parameter is marked, or it is a constructor parameter of an interaction named like the member.
    /// </summary>
    public bool IsBoundParameter(IParameterSymbol parameter, InteractionMember kind)
    {
        if (InteractionSymbols.HasAttribute(parameter, Symbols.MemberAttribute(kind)))
        {
            return true;
        }

        return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
               && GetInteractionType(constructor.ContainingType) is { } info
               && info.Get(kind).MemberNames.Contains(parameter.Name);
    }

    /// <summary>Whether calling <paramref name="method"/> sets <paramref name="kind"/> (marked, or configured by name).</summary>
    public bool IsSetter(IMethodSymbol method, InteractionMember kind)
    {
        var definition = method.ReducedFrom ?? method;
        if (InteractionSymbols.HasAttribute(definition, Symbols.SetterAttribute(kind)))
        {
            return true;
        }

        return method.MethodKind == MethodKind.Ordinary
               && GetInteractionType(definition.ContainingType) is { } info
               && info.Get(kind).Setters.Contains(definition.OriginalDefinition);
    }

    /// <summary>
    /// The parameter of a setter that receives the value: the marked one, or the only one of a method. A marked
    /// constructor works the value out itself (docs/analyzers/SP1001.md): only a marked parameter of it receives one.
    /// </summary>
    public IParameterSymbol? GetSetterValueParameter(IMethodSymbol method, InteractionMember kind)
    {
        var attribute = Symbols.MemberAttribute(kind);
        IParameterSymbol? only = null;
        var count = 0;
        foreach (var parameter in method.Parameters)
        {
            if (method.IsExtensionMethod && method.ReducedFrom is null && parameter.Ordinal == 0)
            {
                continue;
            }

            if (InteractionSymbols.HasAttribute(parameter, attribute))
            {
                return parameter;
            }

            only = parameter;
            count++;
        }

        return count == 1 && method.MethodKind != MethodKind.Constructor ? only : null;
    }

    /// <summary>Whether <paramref name="method"/> is a factory marked <c>[CreatesCustomerInteraction]</c>.</summary>
    public bool IsFactory(IMethodSymbol method)
        => InteractionSymbols.HasAttribute(method.ReducedFrom ?? method, Symbols.CreatesCustomerInteractionAttribute);

    private InteractionTypeInfo? Compute(INamedTypeSymbol type)
    {
        var isInteraction = false;
        var configs = new List<ConfiguredType>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (InteractionSymbols.HasAttribute(current, Symbols.CustomerInteractionAttribute))
            {
                isInteraction = true;
            }

            if (_configured.TryGetValue(current.OriginalDefinition, out var configured))
            {
                isInteraction = true;
                configs.Add(configured);
            }
        }

        if (!isInteraction)
        {
            return null;
        }

        var owner = new InteractionMemberSet.Builder(type, InteractionMember.Owner, Symbols, configs);
        var followUp = new InteractionMemberSet.Builder(type, InteractionMember.FollowUpDeadline, Symbols, configs);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsImplicitlyDeclared && member is not IMethodSymbol { MethodKind: MethodKind.Constructor } && member is not IPropertySymbol)
                {
                    continue;
                }

                var isDeclaredType = SymbolEqualityComparer.Default.Equals(current, type);
                owner.Visit(member, isDeclaredType);
                followUp.Visit(member, isDeclaredType);
            }
        }

        return new InteractionTypeInfo(type, owner.Build(), followUp.Build());
    }

    private void AddMembers(Compilation compilation, string list, InteractionMember kind)
    {
        foreach (var entry in InteractionOptions.Split(list))
        {
            var text = entry.Trim();
            var dot = text.LastIndexOf('.');
            if (dot <= 0 || dot == text.Length - 1)
            {
                continue;
            }

            if (compilation.GetTypeByMetadataName(text.Substring(0, dot)) is { } type
                && _configured.TryGetValue(type.OriginalDefinition, out var configured))
            {
                configured.Names(kind).Add(text.Substring(dot + 1));
            }
        }
    }

    /// <summary>The member names configured for one type.</summary>
    internal sealed class ConfiguredType
    {
        public HashSet<string> OwnerNames { get; } = new(System.StringComparer.Ordinal);

        public HashSet<string> FollowUpNames { get; } = new(System.StringComparer.Ordinal);

        public HashSet<string> Names(InteractionMember kind)
            => kind == InteractionMember.Owner ? OwnerNames : FollowUpNames;
    }
}
