// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using ServicePolicy.Calendars;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Catalog;

/// <summary>The immutable catalogue: a <see cref="CatalogContent"/> with its version and the configuration path it came from.</summary>
internal sealed class ServicePolicyCatalog : IServicePolicyCatalog
{
    private readonly string sectionPath;

    /// <summary>Creates a catalogue version.</summary>
    /// <param name="version">The version (1 for the first load of a configuration name).</param>
    /// <param name="content">The content built from validated options.</param>
    /// <param name="sectionPath">The configuration path of the options, named in error messages.</param>
    internal ServicePolicyCatalog(long version, CatalogContent content, string sectionPath = ServicePolicyConstants.DefaultSectionName)
    {
        Version = version;
        Content = content;
        this.sectionPath = sectionPath;
    }

    public long Version { get; }

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars => Content.Calendars;

    public IReadOnlyDictionary<string, ServiceLevelPolicy> Policies => Content.Policies;

    public ServiceLevelPolicySet? PolicySet => Content.PolicySet;

    public IReadOnlyDictionary<string, EscalationChain> EscalationChains => Content.EscalationChains;

    public IReadOnlyList<EscalationChain> EscalationChainVersions => Content.EscalationChainVersions;

    public IReadOnlyDictionary<string, WeeklyRota> Rotas => Content.Rotas;

    internal CatalogContent Content { get; }

    public BusinessCalendar GetCalendar(string name) => Find(Calendars, name, "calendar");

    public ServiceLevelPolicy GetPolicy(string name) => Find(Policies, name, "policy");

    public EscalationChain GetEscalationChain(string name) => Find(EscalationChains, name, "escalation chain");

    public ServiceLevelPolicy SelectPolicy(InteractionProfile profile)
    {
        Preconditions.CheckNotNull(profile);
        if (PolicySet is not { } set)
        {
            throw new InvalidOperationException(
                $"Catalogue version {Version} has {Policies.Count} policies and no policy set: configure "
                + $"{sectionPath}:PolicySet or evaluate under a named policy.");
        }
        return set.Select(profile);
    }

    public EscalationContext CreateEscalationContext(IEscalationDirectory directory)
    {
        Preconditions.CheckNotNull(directory);
        return EscalationContext.Create(directory, EscalationChainVersions.ToArray());
    }

    public override string ToString() =>
        $"ServicePolicy catalogue v{Version}: {Calendars.Count} calendars, {Policies.Count} policies, {EscalationChains.Count} escalation chains";

    private T Find<T>(IReadOnlyDictionary<string, T> items, string name, string what)
    {
        Preconditions.CheckNotNull(name);
        if (items.TryGetValue(name, out T? item))
        {
            return item;
        }
        throw new KeyNotFoundException(
            $"No {what} is named '{name}' in catalogue version {Version}{NameSuggestions.DidYouMean(name, items.Keys)}.");
    }
}
