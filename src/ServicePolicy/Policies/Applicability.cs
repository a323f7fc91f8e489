// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// Which interactions a policy applies to: sets of allowed priorities, channels and customer tiers, internal or
/// external customers, and required attribute values. An empty set allows every value; a non-empty set needs the
/// profile's value (compared ignoring case) to be in it, so an unknown value does not match.
/// </summary>
/// <remarks>Immutable: the <c>With…</c> and <c>For…</c> methods return modified copies, and calling one of them
/// again replaces that condition. Equality is reference equality. <see cref="Any"/> matches every profile.</remarks>
[Immutable]
public sealed class Applicability
{
    private static readonly ImmutableHashSet<string> AnyValue = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    private readonly ImmutableHashSet<string> priorities;
    private readonly ImmutableHashSet<string> channels;
    private readonly ImmutableHashSet<string> tiers;
    private readonly ImmutableDictionary<string, string> attributes;

    private Applicability(ImmutableHashSet<string> priorities, ImmutableHashSet<string> channels, ImmutableHashSet<string> tiers,
        bool? isInternal, ImmutableDictionary<string, string> attributes)
    {
        this.priorities = priorities;
        this.channels = channels;
        this.tiers = tiers;
        IsInternal = isInternal;
        this.attributes = attributes;
    }

    /// <summary>Gets the applicability that matches every interaction.</summary>
    public static Applicability Any { get; } =
        new(AnyValue, AnyValue, AnyValue, null, ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Gets the allowed priorities; empty for any.</summary>
    public IReadOnlySet<string> Priorities => priorities;

    /// <summary>Gets the allowed channels; empty for any.</summary>
    public IReadOnlySet<string> Channels => channels;

    /// <summary>Gets the allowed customer tiers; empty for any.</summary>
    public IReadOnlySet<string> CustomerTiers => tiers;

    /// <summary>Gets whether only internal (true) or only external (false) customers match; null for both.</summary>
    public bool? IsInternal { get; }

    /// <summary>Gets the attribute values a profile must have (keys and values compared ignoring case).</summary>
    public IReadOnlyDictionary<string, string> Attributes => attributes;

    /// <summary>Returns a copy that allows only the given priorities.</summary>
    /// <param name="priorities">The priorities; at least one.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="priorities"/> is null.</exception>
    /// <exception cref="ArgumentException">No value is given, or a value is null or empty.</exception>
    public Applicability WithPriorities(params string[] priorities) =>
        new(ToSet(priorities), channels, tiers, IsInternal, attributes);

    /// <summary>Returns a copy that allows only the given channels.</summary>
    /// <param name="channels">The channels; at least one.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException">No value is given, or a value is null or empty.</exception>
    public Applicability WithChannels(params string[] channels) =>
        new(priorities, ToSet(channels), tiers, IsInternal, attributes);

    /// <summary>Returns a copy that allows only the given customer tiers.</summary>
    /// <param name="tiers">The tiers; at least one.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is null.</exception>
    /// <exception cref="ArgumentException">No value is given, or a value is null or empty.</exception>
    public Applicability WithCustomerTiers(params string[] tiers) =>
        new(priorities, channels, ToSet(tiers), IsInternal, attributes);

    /// <summary>Returns a copy that matches only internal customers (colleagues).</summary>
    /// <returns>The modified copy.</returns>
    public Applicability ForInternalCustomers() =>
        new(priorities, channels, tiers, true, attributes);

    /// <summary>Returns a copy that matches only external customers.</summary>
    /// <returns>The modified copy.</returns>
    public Applicability ForExternalCustomers() =>
        new(priorities, channels, tiers, false, attributes);

    /// <summary>Returns a copy that also requires attribute <paramref name="key"/> to have <paramref name="value"/>.</summary>
    /// <param name="key">The attribute key.</param>
    /// <param name="value">The required value.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public Applicability WithAttribute(string key, string value)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(value);
        Preconditions.CheckArgument(key.Length > 0, nameof(key), "An attribute key must not be empty.");
        return new(priorities, channels, tiers, IsInternal,
            (attributes).SetItem(key, value));
    }

    /// <summary>Returns whether an interaction with <paramref name="profile"/> matches.</summary>
    /// <param name="profile">The interaction's profile.</param>
    /// <returns>Whether every condition holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public bool Matches(InteractionProfile profile)
    {
        Preconditions.CheckNotNull(profile);
        return Allows(Priorities, profile.Priority)
            && Allows(Channels, profile.Channel)
            && Allows(CustomerTiers, profile.CustomerTier)
            && (IsInternal is null || IsInternal == profile.IsInternal)
            && Attributes.All(required => profile.Attributes.TryGetValue(required.Key, out string? actual)
                && string.Equals(actual, required.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Returns the conditions for logs, such as <c>priority in {urgent} internal</c>, or <c>any</c>.</summary>
    /// <returns>The conditions.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        void AddSet(string label, IReadOnlySet<string> set)
        {
            if (set.Count > 0)
            {
                parts.Add($"{label} in {{{string.Join(", ", set.OrderBy(v => v, StringComparer.OrdinalIgnoreCase))}}}");
            }
        }
        AddSet("priority", Priorities);
        AddSet("channel", Channels);
        AddSet("tier", CustomerTiers);
        if (IsInternal is { } isInternal)
        {
            parts.Add(isInternal ? "internal" : "external");
        }
        parts.AddRange(Attributes.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Select(a => $"{a.Key}={a.Value}"));
        return parts.Count == 0 ? "any" : string.Join(" ", parts);
    }

    private static bool Allows(IReadOnlySet<string> allowed, string? value) => allowed.Count == 0 || (value is not null && allowed.Contains(value));

    private static ImmutableHashSet<string> ToSet(string[] values, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        Preconditions.CheckNotNull(values, paramName);
        Preconditions.CheckArgument(values.Length > 0, paramName, "At least one value is required.");
        for (int i = 0; i < values.Length; i++)
        {
            Preconditions.CheckArgument(!string.IsNullOrEmpty(values[i]), paramName, $"Value {i} is null or empty.");
        }
        return ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, values);
    }
}
