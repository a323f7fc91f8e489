// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>Everything of one interaction type that holds or sets one <see cref="InteractionMember"/>.</summary>
internal sealed class InteractionMemberSet
{
    private InteractionMemberSet(
        HashSet<ISymbol> members,
        HashSet<string> memberNames,
        HashSet<IMethodSymbol> setters,
        bool isDeclared,
        ISymbol? fixMember,
        IMethodSymbol? fixSetter,
        string? parameterName)
    {
        Members = members;
        MemberNames = memberNames;
        Setters = setters;
        IsDeclared = isDeclared;
        FixMember = fixMember;
        FixSetter = fixSetter;
        ParameterName = parameterName;
    }

    /// <summary>The properties and fields (original definitions) that hold the value.</summary>
    public HashSet<ISymbol> Members { get; }

    /// <summary>Names of those members and of marked constructor parameters (case-insensitive).</summary>
    public HashSet<string> MemberNames { get; }

    /// <summary>Methods of the type (original definitions) that set the value.</summary>
    public HashSet<IMethodSymbol> Setters { get; }

    /// <summary>Whether the type says anywhere where the value lives; if not, the rule has nothing to check.</summary>
    public bool IsDeclared { get; }

    /// <summary>A settable member the code fix can add to an object initializer.</summary>
    public ISymbol? FixMember { get; }

    /// <summary>A fluent instance setter (one parameter, returns the type) the code fix can append.</summary>
    public IMethodSymbol? FixSetter { get; }

    /// <summary>A marked constructor parameter, named in the message when nothing else can be set.</summary>
    public string? ParameterName { get; }

    /// <summary>What the diagnostic message tells the user to do.</summary>
    public string GetHint()
    {
        if (FixMember is not null)
        {
            return "set '" + FixMember.Name + "'";
        }

        if (FixSetter is not null)
        {
            return "call '" + FixSetter.Name + "'";
        }

        foreach (var setter in Setters)
        {
            return "call '" + setter.Name + "'";
        }

        if (ParameterName is not null)
        {
            return "pass '" + ParameterName + "'";
        }

        foreach (var member in Members)
        {
            return "set '" + member.Name + "'";
        }

        return "set it";
    }

    internal sealed class Builder
    {
        private readonly INamedTypeSymbol _type;
        private readonly InteractionMember _kind;
        private readonly InteractionSymbols _symbols;
        private readonly List<InteractionScope.ConfiguredType> _configs;
        private readonly List<ISymbol> _members = new();
        private readonly List<ISymbol> _allFieldsAndProperties = new();
        private readonly HashSet<string> _parameterNames = new(InteractionSymbols.NameComparer);
        private readonly HashSet<IMethodSymbol> _setters = new(SymbolEqualityComparer.Default);
        private bool _isDeclared;
        private IMethodSymbol? _fixSetter;
        private string? _parameterName;

        public Builder(INamedTypeSymbol type, InteractionMember kind, InteractionSymbols symbols, List<InteractionScope.ConfiguredType> configs)
        {
            _type = type;
            _kind = kind;
            _symbols = symbols;
            _configs = configs;
        }

        public void Visit(ISymbol member, bool isDeclaredType)
        {
            var memberAttribute = _symbols.MemberAttribute(_kind);
            var setterAttribute = _symbols.SetterAttribute(_kind);
            switch (member)
            {
                case IPropertySymbol or IFieldSymbol { AssociatedSymbol: null }:
                    if (member.IsStatic)
                    {
                        return;
                    }

                    _allFieldsAndProperties.Add(member);
                    if (InteractionSymbols.HasAttribute(member, memberAttribute) || IsConfigured(member.Name))
                    {
                        _members.Add(member.OriginalDefinition);
                    }

                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                    if (InteractionSymbols.HasAttribute(method, setterAttribute) || IsConfigured(method.Name))
                    {
                        _setters.Add(method.OriginalDefinition);
                        if (_fixSetter is null && !method.IsStatic && method.Parameters.Length == 1
                            && method.ReturnType is INamedTypeSymbol returnType
                            && SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, _type.OriginalDefinition))
                        {
                            _fixSetter = method;
                        }
                    }

                    break;
                case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                    if (isDeclaredType && InteractionSymbols.HasAttribute(constructor, setterAttribute))
                    {
                        _isDeclared = true;
                    }

                    // A marked parameter of a base type's constructor (a positional record's, say) marks the member
                    // of its name, which the derived type inherits, and binds the derived constructor's parameter of
                    // that name; only the declared type's own parameter is named in the message.
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (InteractionSymbols.HasAttribute(parameter, memberAttribute))
                        {
                            _isDeclared = true;
                            _parameterNames.Add(parameter.Name);
                            if (isDeclaredType)
                            {
                                _parameterName ??= parameter.Name;
                            }
                        }
                    }

                    break;
            }
        }

        public InteractionMemberSet Build()
        {
            var members = new HashSet<ISymbol>(_members, SymbolEqualityComparer.Default);

            // A marked constructor parameter also marks the property or field of the same name
            // (a positional record's property, or the member the constructor stores it in).
            if (_parameterNames.Count > 0)
            {
                foreach (var member in _allFieldsAndProperties)
                {
                    if (_parameterNames.Contains(member.Name))
                    {
                        members.Add(member.OriginalDefinition);
                    }
                }
            }

            var names = new HashSet<string>(_parameterNames, InteractionSymbols.NameComparer);
            ISymbol? fixMember = null;
            foreach (var member in _allFieldsAndProperties)
            {
                if (!members.Contains(member.OriginalDefinition))
                {
                    continue;
                }

                names.Add(member.Name);
                if (fixMember is null && IsSettable(member))
                {
                    fixMember = member;
                }
            }

            var isDeclared = _isDeclared || members.Count > 0 || _setters.Count > 0;
            return new InteractionMemberSet(members, names, _setters, isDeclared, fixMember, _fixSetter, _parameterName);
        }

        private static bool IsSettable(ISymbol member)
            => member switch
            {
                IPropertySymbol property => property.SetMethod is not null,
                IFieldSymbol field => !field.IsReadOnly && !field.IsConst,
                _ => false,
            };

        private bool IsConfigured(string name)
        {
            foreach (var config in _configs)
            {
                if (config.Names(_kind).Contains(name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
