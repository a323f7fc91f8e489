// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using ServicePolicy.Configuration;

namespace ServicePolicy.Catalog;

/// <summary>
/// Remembers, for one configuration name, the versions of the policies and escalation chains its catalogues have
/// published, so that a reload cannot take one back to a lower version unnoticed (issue 15: a half-written overlay file
/// that the JSON provider drops brings back the base file's older versions).
/// </summary>
/// <remarks>
/// <para>For each name it keeps the highest version ever published, not only the current one: a policy or chain
/// removed by one reload and added again at a lower version by a later one is a decrease too. Accepting a decrease
/// (with <see cref="ServicePolicyOptions.AllowVersionDecrease"/>) lowers the mark to the accepted version.</para>
/// <para>It also keeps a fingerprint of the settings of each policy and chain defined by options (configuration or
/// <c>ServicePolicyBuilder.AddPolicy(name, configure)</c>), to notice one whose settings changed while its version did
/// not. Policies and chains built in code have no fingerprint. Calendars, holiday files and rotas have no versions and
/// are not compared.</para>
/// <para>Not thread-safe: the provider uses it under the lock of the configuration name.</para>
/// </remarks>
internal sealed class CatalogVersionGuard
{
    internal const string Policy = "policy";
    internal const string EscalationChain = "escalation chain";

    private readonly Dictionary<(string What, string Name), int> highest = new(NameComparer.Instance);
    private Dictionary<(string What, string Name), Item> current = new(NameComparer.Instance);

    /// <summary>Gets the items of <paramref name="next"/> whose version is lower than the highest published.</summary>
    internal IReadOnlyList<VersionChange> Decreases(IReadOnlyDictionary<(string What, string Name), Item> next) =>
        next.Values
            .Where(item => highest.TryGetValue((item.What, item.Name), out int mark) && item.Version < mark)
            .Select(item => new VersionChange(item.What, item.Name, highest[(item.What, item.Name)], item.Version))
            .OrderBy(c => c.What, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>Gets the items of <paramref name="next"/> that keep the current catalogue's version with other settings.</summary>
    internal IReadOnlyList<VersionChange> ChangedWithoutNewVersion(IReadOnlyDictionary<(string What, string Name), Item> next) =>
        next.Values
            .Where(item => item.Fingerprint is not null
                && current.TryGetValue((item.What, item.Name), out Item? was)
                && was.Version == item.Version
                && was.Fingerprint is not null
                && !string.Equals(was.Fingerprint, item.Fingerprint, StringComparison.Ordinal))
            .Select(item => new VersionChange(item.What, item.Name, item.Version, item.Version))
            .OrderBy(c => c.What, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>Records the items of a published catalogue.</summary>
    internal void Accept(IReadOnlyDictionary<(string What, string Name), Item> next)
    {
        foreach (Item item in next.Values)
        {
            highest[(item.What, item.Name)] = item.Version;
        }
        current = new Dictionary<(string What, string Name), Item>(next, NameComparer.Instance);
    }

    /// <summary>The versioned items of a catalogue, with the fingerprints of those defined by options.</summary>
    internal static IReadOnlyDictionary<(string What, string Name), Item> Items(ServicePolicyCatalog catalog, ServicePolicyOptions options)
    {
        var items = new Dictionary<(string What, string Name), Item>(NameComparer.Instance);
        foreach ((string name, Policies.ServiceLevelPolicy policy) in catalog.Policies)
        {
            string? fingerprint = options.Policies.TryGetValue(name, out PolicyOptions? settings) ? Fingerprint(settings) : null;
            items[(Policy, name)] = new Item(Policy, name, policy.Version, fingerprint);
        }
        foreach (IGrouping<string, Escalation.EscalationChain> chain in catalog.EscalationChainVersions.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            string? fingerprint = options.EscalationChains.TryGetValue(chain.Key, out EscalationChainOptions? settings) ? Fingerprint(settings) : null;
            items[(EscalationChain, chain.Key)] = new Item(EscalationChain, chain.Key, chain.Max(c => c.Version), fingerprint);
        }
        return items;
    }

    /// <summary>A canonical text of an options object: its public properties by name, dictionaries by key (case-insensitively,
    /// as configuration compares them), lists in order.</summary>
    internal static string Fingerprint(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case bool or Enum or IConvertible:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case IDictionary dictionary:
                text.Append('{');
                foreach (string key in dictionary.Keys.Cast<string>().OrderBy(k => k.ToUpperInvariant(), StringComparer.Ordinal))
                {
                    Write(text, key.ToUpperInvariant());
                    text.Append(':');
                    Write(text, dictionary[key]);
                    text.Append(',');
                }
                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                foreach (object? element in list)
                {
                    Write(text, element);
                    text.Append(',');
                }
                text.Append(']');
                break;
            default:
                text.Append('(');
                foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0)
                    .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(property.Name).Append('=');
                    Write(text, property.GetValue(value));
                    text.Append(';');
                }
                text.Append(')');
                break;
        }
    }

    /// <summary>A policy or escalation chain of a catalogue: its name, (highest) version and settings' fingerprint.</summary>
    internal sealed record Item(string What, string Name, int Version, string? Fingerprint);

    /// <summary>A policy or chain whose version went from <see cref="From"/> to <see cref="To"/>.</summary>
    internal sealed record VersionChange(string What, string Name, int From, int To);

    /// <summary>Compares keys by kind (ordinal) and name (ignoring case, as configuration keys).</summary>
    private sealed class NameComparer : IEqualityComparer<(string What, string Name)>
    {
        internal static readonly NameComparer Instance = new();

        public bool Equals((string What, string Name) x, (string What, string Name) y) =>
            string.Equals(x.What, y.What, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string What, string Name) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.What), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name));
    }
}
