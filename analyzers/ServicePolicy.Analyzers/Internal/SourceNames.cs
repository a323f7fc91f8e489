// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// The source part of <see cref="InteractionNameCollector"/>: adds to <see cref="InteractionNames"/> what the
/// <see cref="TreeDeclarations"/> of a compilation's trees declare, matching attributes by name (ServicePolicy's
/// attribute names, with or without the <c>Attribute</c> suffix, and every alias to them) instead of binding them.
/// </summary>
internal static class SourceNames
{
    private const string Suffix = "Attribute";
    private const string CustomerInteraction = "CustomerInteractionAttribute";
    private const string InteractionOwner = "InteractionOwnerAttribute";
    private const string FollowUpDeadline = "FollowUpDeadlineAttribute";
    private const string CreatesCustomerInteraction = "CreatesCustomerInteractionAttribute";
    private const string SetsInteractionOwner = "SetsInteractionOwnerAttribute";
    private const string SetsFollowUpDeadline = "SetsFollowUpDeadlineAttribute";

    /// <summary>Adds the names that the declarations of <paramref name="trees"/> contribute to <paramref name="names"/>,
    /// which already holds those of the referenced assemblies and the configuration.</summary>
    public static void Add(InteractionNames names, IEnumerable<Microsoft.CodeAnalysis.SyntaxTree> trees)
    {
        var declarations = new List<TreeDeclarations>();
        var aliases = new List<KeyValuePair<string, string>>();
        foreach (var tree in trees)
        {
            var declared = TreeDeclarations.Of(tree);
            declarations.Add(declared);
            aliases.AddRange(declared.Aliases);
        }

        var attributes = new AttributeNames(aliases);
        var types = new List<Declaration>();
        foreach (var declared in declarations)
        {
            foreach (var declaration in declared.Declarations)
            {
                Add(names, declaration, attributes);
                if (declaration.Kind == DeclarationKind.Type && declaration.Bases.Length > 0)
                {
                    types.Add(declaration);
                }
            }
        }

        AddDerivedTypesAndAliases(names, types, aliases);
    }

    private static void Add(InteractionNames names, Declaration declaration, AttributeNames attributes)
    {
        var sets = attributes.AnyMatches(declaration.Attributes, SetsInteractionOwner, SetsFollowUpDeadline);
        foreach (var parameter in declaration.Parameters)
        {
            if (attributes.AnyMatches(parameter.Attributes, InteractionOwner, FollowUpDeadline))
            {
                // A marked constructor parameter also marks the property or field of the same name.
                names.Members.Add(parameter.Name);
                sets = true;
            }
        }

        switch (declaration.Kind)
        {
            case DeclarationKind.Type:
                if (attributes.AnyMatches(declaration.Attributes, CustomerInteraction, CustomerInteraction))
                {
                    names.InteractionTypes.Add(declaration.Name);
                    names.ConstructedTypes.Add(declaration.Name);
                }

                if (sets)
                {
                    // A primary constructor with a marked parameter, or marked with [method: Sets...].
                    names.ConstructedTypes.Add(declaration.Name);
                }

                break;
            case DeclarationKind.Member:
                if (attributes.AnyMatches(declaration.Attributes, InteractionOwner, FollowUpDeadline))
                {
                    names.Members.Add(declaration.Name);
                }

                break;
            case DeclarationKind.Method:
                if (sets)
                {
                    names.SettingMethods.Add(declaration.Name);
                }

                if (attributes.AnyMatches(declaration.Attributes, CreatesCustomerInteraction, CreatesCustomerInteraction))
                {
                    names.Factories.Add(declaration.Name);
                }

                break;
            case DeclarationKind.Constructor:
                if (sets)
                {
                    names.ConstructedTypes.Add(declaration.Name);
                }

                break;
            case DeclarationKind.Delegate:
                names.AnyMarkedDelegate |= sets;
                break;
        }
    }

    /// <summary>
    /// Adds the types that derive from an interaction type (by the rightmost identifier of a base type), and the
    /// <c>using X = ...;</c> aliases whose target's rightmost identifier is an interaction (or constructed) type name,
    /// until neither adds another (an alias can name a derived type, a base type can be written as an alias, an alias
    /// in a namespace can name one from the enclosing scope).
    /// </summary>
    private static void AddDerivedTypesAndAliases(InteractionNames names, List<Declaration> types, List<KeyValuePair<string, string>> aliases)
    {
        bool added;
        do
        {
            added = false;
            foreach (var type in types)
            {
                if (!names.InteractionTypes.Contains(type.Name) && Array.Exists(type.Bases, names.InteractionTypes.Contains))
                {
                    names.InteractionTypes.Add(type.Name);
                    names.ConstructedTypes.Add(type.Name);
                    added = true;
                }
            }

            foreach (var alias in aliases)
            {
                if (names.InteractionTypes.Contains(alias.Value) && names.InteractionTypes.Add(alias.Key))
                {
                    added = true;
                }

                if (names.ConstructedTypes.Contains(alias.Value) && names.ConstructedTypes.Add(alias.Key))
                {
                    added = true;
                }
            }
        }
        while (added);
    }

    /// <summary>The names under which each ServicePolicy attribute can be written in this compilation: its own name
    /// and every alias whose target (or the target's target) names it.</summary>
    private sealed class AttributeNames
    {
        private readonly List<KeyValuePair<string, string>> _aliases;
        private readonly Dictionary<string, HashSet<string>> _resolved = new(StringComparer.Ordinal);

        public AttributeNames(List<KeyValuePair<string, string>> aliases)
        {
            _aliases = aliases;
        }

        /// <summary>Whether any of <paramref name="written"/> can be <paramref name="first"/> or <paramref name="second"/>.</summary>
        public bool AnyMatches(string[] written, string first, string second)
        {
            foreach (var name in written)
            {
                if (Matches(name, first) || Matches(name, second))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <c>[<paramref name="written"/>]</c> can be the attribute class <paramref name="attribute"/>:
        /// the compiler looks up both the name as written and the name with the <c>Attribute</c> suffix.</summary>
        private bool Matches(string written, string attribute)
        {
            var names = Resolve(attribute);
            if (names.Contains(written))
            {
                return true;
            }

            foreach (var name in names)
            {
                if (name.Length == written.Length + Suffix.Length
                    && name.StartsWith(written, StringComparison.Ordinal)
                    && name.EndsWith(Suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private HashSet<string> Resolve(string attribute)
        {
            if (_resolved.TryGetValue(attribute, out var names))
            {
                return names;
            }

            names = new HashSet<string>(StringComparer.Ordinal) { attribute };
            bool added;
            do
            {
                added = false;
                foreach (var alias in _aliases)
                {
                    if ((names.Contains(alias.Value) || names.Contains(alias.Value + Suffix)) && names.Add(alias.Key))
                    {
                        added = true;
                    }
                }
            }
            while (added);

            _resolved.Add(attribute, names);
            return names;
        }
    }
}
