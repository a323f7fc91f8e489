// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// Builds the <see cref="InteractionNames"/> of a compilation from declarations only (never a method body), in two
/// parts that survive an edit, so that the IDE, which makes a new compilation on every edit, does not walk every
/// type of the solution again (benchmarks/ServicePolicy.Benchmarks/Analyzers/AnalyzerEditBenchmarks.cs):
/// <list type="bullet">
/// <item>the source: each tree's <see cref="TreeDeclarations"/>, read from its syntax and cached per tree, then
/// matched against ServicePolicy's attribute names (and every alias to them) and combined across trees (a type
/// deriving from an interaction type is one);</item>
/// <item>the referenced assemblies that can declare interaction-related members (the ServicePolicy assembly, the
/// assemblies of configured types, and, transitively, the assemblies that reference one of those; framework
/// assemblies reference none and are never scanned): walked through their symbols, once per assembly symbol (which
/// the compilations after an edit share) and configuration.</item>
/// </list>
/// Every set is a superset of what binding would give.
/// </summary>
internal sealed class InteractionNameCollector
{
    private static readonly ConditionalWeakTable<IAssemblySymbol, ConcurrentDictionary<string, InteractionNames>> AssemblyCache = new();

    private readonly InteractionSymbols _symbols;
    private readonly HashSet<INamedTypeSymbol> _configured;
    private readonly InteractionNames _names = new();

    private InteractionNameCollector(InteractionSymbols symbols, HashSet<INamedTypeSymbol> configured)
    {
        _symbols = symbols;
        _configured = configured;
    }

    /// <summary>Collects the names of <paramref name="symbols"/>' compilation under every configuration in use.</summary>
    /// <param name="symbols">The ServicePolicy symbols of the compilation.</param>
    /// <param name="configurations">Every distinct <c>.editorconfig</c> configuration of the compilation's files.</param>
    /// <param name="configurationKey">A text that is the same exactly when the configurations are.</param>
    public static InteractionNames Collect(InteractionSymbols symbols, IEnumerable<InteractionOptions> configurations, string configurationKey)
    {
        var compilation = symbols.Compilation;
        var configured = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var names = new InteractionNames();
        foreach (var options in configurations)
        {
            foreach (var name in InteractionOptions.Split(options.InteractionTypes))
            {
                if (compilation.GetTypeByMetadataName(name.Trim()) is { } type)
                {
                    configured.Add(type.OriginalDefinition);
                    names.InteractionTypes.Add(type.Name);
                    names.ConstructedTypes.Add(type.Name);
                }
            }

            // A configured member is a property or field holding the value, or a method setting it.
            AddMemberNames(names, options.OwnerMembers);
            AddMemberNames(names, options.FollowUpMembers);
        }

        var collector = new InteractionNameCollector(symbols, configured);
        foreach (var assembly in collector.ReferencedAssembliesToScan())
        {
            var cached = AssemblyCache.GetOrCreateValue(assembly).GetOrAdd(configurationKey, _ => collector.CollectAssembly(assembly));
            names.UnionWith(cached);
        }

        SourceNames.Add(names, compilation.SyntaxTrees);
        return names;
    }

    private static void AddMemberNames(InteractionNames names, string list)
    {
        foreach (var entry in InteractionOptions.Split(list))
        {
            var text = entry.Trim();
            var dot = text.LastIndexOf('.');
            if (dot > 0 && dot < text.Length - 1)
            {
                var member = text.Substring(dot + 1);
                names.Members.Add(member);
                names.SettingMethods.Add(member);
            }
        }
    }

    private InteractionNames CollectAssembly(IAssemblySymbol assembly)
    {
        var visitor = new InteractionNameCollector(_symbols, _configured);
        visitor.VisitNamespace(assembly.GlobalNamespace);
        return visitor._names;
    }

    /// <summary>
    /// The referenced assemblies that can declare interaction types or marked members: those that define the
    /// attributes or a configured type, and those that reference such an assembly (a type deriving from an
    /// interaction type, or carrying an attribute, makes its assembly reference the one that defines it).
    /// </summary>
    private List<IAssemblySymbol> ReferencedAssembliesToScan()
    {
        var compilation = _symbols.Compilation;
        var relevant = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_symbols.CustomerInteractionAttribute is { } attribute)
        {
            relevant.Add(attribute.ContainingAssembly.Name);
        }

        foreach (var type in _configured)
        {
            relevant.Add(type.ContainingAssembly.Name);
        }

        var pending = new List<IAssemblySymbol>();
        var seen = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default) { compilation.Assembly };
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && seen.Add(assembly))
            {
                pending.Add(assembly);
            }
        }

        var scan = new List<IAssemblySymbol>();
        bool added;
        do
        {
            added = false;
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var assembly = pending[i];
                if (relevant.Contains(assembly.Name) || ReferencesAny(assembly, relevant))
                {
                    relevant.Add(assembly.Name);
                    scan.Add(assembly);
                    pending.RemoveAt(i);
                    added = true;
                }
            }
        }
        while (added);

        return scan;
    }

    private static bool ReferencesAny(IAssemblySymbol assembly, HashSet<string> names)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (names.Contains(identity.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void VisitNamespace(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol nested)
            {
                VisitNamespace(nested);
            }
            else if (member is INamedTypeSymbol type)
            {
                VisitType(type);
            }
        }
    }

    private void VisitType(INamedTypeSymbol type)
    {
        if (IsInteraction(type))
        {
            _names.InteractionTypes.Add(type.Name);
            _names.ConstructedTypes.Add(type.Name);
        }

        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IPropertySymbol or IFieldSymbol:
                    if (HasMemberAttribute(member))
                    {
                        _names.Members.Add(member.Name);
                    }

                    break;
                case IMethodSymbol method:
                    VisitMethod(type, method);
                    break;
                case INamedTypeSymbol nested:
                    VisitType(nested);
                    break;
            }
        }
    }

    private void VisitMethod(INamedTypeSymbol type, IMethodSymbol method)
    {
        var sets = InteractionSymbols.HasAttribute(method, _symbols.SetsInteractionOwnerAttribute)
                   || InteractionSymbols.HasAttribute(method, _symbols.SetsFollowUpDeadlineAttribute);
        foreach (var parameter in method.Parameters)
        {
            if (HasMemberAttribute(parameter))
            {
                // A marked constructor parameter also marks the property or field of the same name.
                _names.Members.Add(parameter.Name);
                sets = true;
            }
        }

        switch (method.MethodKind)
        {
            case MethodKind.Constructor:
                if (sets)
                {
                    _names.ConstructedTypes.Add(type.Name);
                }

                break;
            case MethodKind.DelegateInvoke:
                _names.AnyMarkedDelegate |= sets;
                break;
            default:
                if (sets)
                {
                    _names.SettingMethods.Add(method.Name);
                }

                if (InteractionSymbols.HasAttribute(method, _symbols.CreatesCustomerInteractionAttribute))
                {
                    _names.Factories.Add(method.Name);
                }

                break;
        }
    }

    private bool IsInteraction(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (InteractionSymbols.HasAttribute(current, _symbols.CustomerInteractionAttribute) || _configured.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasMemberAttribute(ISymbol symbol)
        => InteractionSymbols.HasAttribute(symbol, _symbols.InteractionOwnerAttribute)
           || InteractionSymbols.HasAttribute(symbol, _symbols.FollowUpDeadlineAttribute);
}
