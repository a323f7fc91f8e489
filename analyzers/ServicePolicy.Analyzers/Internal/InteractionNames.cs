// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// The simple names under which a customer interaction can appear in code, collected once per compilation by
/// <see cref="InteractionNameCollector"/> from declarations only (source trees and referenced assemblies each read once
/// and cached): a node that names none of them cannot matter to
/// any rule, so it is rejected by <see cref="CandidateFilter"/> before anything is bound. Every set is a superset
/// (names, not symbols): a match only means "bind and look".
/// </summary>
internal sealed class InteractionNames
{
    /// <summary>Names of the customer interaction types (marked, configured, or derived from one), and of aliases to them.</summary>
    public HashSet<string> InteractionTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of the methods marked <c>[CreatesCustomerInteraction]</c>.</summary>
    public HashSet<string> Factories { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names of the types whose constructor arguments can give an interaction its owner or deadline: the
    /// interaction types and every type with a constructor that has a marked parameter or is a marked setter (and
    /// aliases to them).
    /// </summary>
    public HashSet<string> ConstructedTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of the methods whose arguments can give an interaction its owner or deadline: marked setters,
    /// methods with a marked parameter, and the configured member names.</summary>
    public HashSet<string> SettingMethods { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names of the properties and fields that can hold an owner or deadline: the marked ones, those named like a
    /// marked constructor parameter, and the configured member names (ignoring case, as constructor parameters are
    /// matched).
    /// </summary>
    public HashSet<string> Members { get; } = new(InteractionSymbols.NameComparer);

    /// <summary>Whether a delegate type has a marked parameter or is a marked setter: then the invoked name (the
    /// delegate's variable) says nothing, and every call with a possibly-null argument is a candidate.</summary>
    public bool AnyMarkedDelegate { get; set; }

    /// <summary>
    /// Whether the compilation can see any customer interaction type. Without one, SP1001/SP1002 have nothing to
    /// check (every creation or factory they report creates one); SP1003 still looks at marked members and
    /// parameters, which need no interaction type.
    /// </summary>
    public bool HasInteractionTypes => InteractionTypes.Count > 0;

    /// <summary>Adds every name of <paramref name="other"/>.</summary>
    public void UnionWith(InteractionNames other)
    {
        InteractionTypes.UnionWith(other.InteractionTypes);
        Factories.UnionWith(other.Factories);
        ConstructedTypes.UnionWith(other.ConstructedTypes);
        SettingMethods.UnionWith(other.SettingMethods);
        Members.UnionWith(other.Members);
        AnyMarkedDelegate |= other.AnyMarkedDelegate;
    }
}
