// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using ServicePolicy.Calendars;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Catalog;

/// <summary>The calendars, policies, policy set, escalation chains and rotas of a validated configuration, before it is
/// given a version.</summary>
internal sealed class CatalogContent
{
    internal CatalogContent(IDictionary<string, BusinessCalendar> calendars, IDictionary<string, ServiceLevelPolicy> policies, ServiceLevelPolicySet? policySet,
        IEnumerable<EscalationChain>? chainVersions = null, IDictionary<string, WeeklyRota>? rotas = null)
    {
        Calendars = new ReadOnlyDictionary<string, BusinessCalendar>(new Dictionary<string, BusinessCalendar>(calendars, StringComparer.OrdinalIgnoreCase));
        Policies = new ReadOnlyDictionary<string, ServiceLevelPolicy>(new Dictionary<string, ServiceLevelPolicy>(policies, StringComparer.OrdinalIgnoreCase));
        PolicySet = policySet;
        EscalationChainVersions = Array.AsReadOnly((chainVersions ?? Array.Empty<EscalationChain>()).ToArray());
        EscalationChains = new ReadOnlyDictionary<string, EscalationChain>(EscalationChainVersions
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Version).Last(), StringComparer.OrdinalIgnoreCase));
        Rotas = new ReadOnlyDictionary<string, WeeklyRota>(new Dictionary<string, WeeklyRota>(rotas ?? new Dictionary<string, WeeklyRota>(), StringComparer.OrdinalIgnoreCase));
    }

    internal IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    internal IReadOnlyDictionary<string, ServiceLevelPolicy> Policies { get; }

    internal ServiceLevelPolicySet? PolicySet { get; }

    internal IReadOnlyList<EscalationChain> EscalationChainVersions { get; }

    internal IReadOnlyDictionary<string, EscalationChain> EscalationChains { get; }

    internal IReadOnlyDictionary<string, WeeklyRota> Rotas { get; }
}
