// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>The calendars, policies and policy set of a validated configuration, before it is given a version.</summary>
internal sealed class CatalogContent
{
    internal CatalogContent(IDictionary<string, BusinessCalendar> calendars, IDictionary<string, ServiceLevelPolicy> policies, ServiceLevelPolicySet? policySet)
    {
        Calendars = new ReadOnlyDictionary<string, BusinessCalendar>(new Dictionary<string, BusinessCalendar>(calendars, StringComparer.OrdinalIgnoreCase));
        Policies = new ReadOnlyDictionary<string, ServiceLevelPolicy>(new Dictionary<string, ServiceLevelPolicy>(policies, StringComparer.OrdinalIgnoreCase));
        PolicySet = policySet;
    }

    internal IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    internal IReadOnlyDictionary<string, ServiceLevelPolicy> Policies { get; }

    internal ServiceLevelPolicySet? PolicySet { get; }
}

/// <summary>The immutable catalogue: a <see cref="CatalogContent"/> with its version.</summary>
internal sealed class ServicePolicyCatalog : IServicePolicyCatalog
{
    internal ServicePolicyCatalog(long version, CatalogContent content)
    {
        Version = version;
        Content = content;
    }

    public long Version { get; }

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars => Content.Calendars;

    public IReadOnlyDictionary<string, ServiceLevelPolicy> Policies => Content.Policies;

    public ServiceLevelPolicySet? PolicySet => Content.PolicySet;

    internal CatalogContent Content { get; }

    public BusinessCalendar GetCalendar(string name) => Find(Calendars, name, "calendar");

    public ServiceLevelPolicy GetPolicy(string name) => Find(Policies, name, "policy");

    public override string ToString() =>
        $"ServicePolicy catalogue v{Version}: {Calendars.Count} calendars, {Policies.Count} policies";

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
