// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// The attributes of an interaction that select its policy: channel, priority, customer tier, whether the customer is
/// internal (a colleague) or external, and free-form attributes.
/// </summary>
/// <remarks>Values are the host's own words (<c>email</c>, <c>urgent</c>, <c>gold</c>); policies compare them ignoring
/// case. Immutable. Equality is reference equality. <see cref="Unspecified"/> has no values and is external.</remarks>
[Immutable]
public sealed class InteractionProfile
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Creates a profile.</summary>
    /// <param name="channel">The channel, such as <c>email</c> or <c>phone</c>; null when unknown.</param>
    /// <param name="priority">The priority, such as <c>urgent</c>; null when unknown.</param>
    /// <param name="customerTier">The customer's tier, such as <c>gold</c>; null when unknown.</param>
    /// <param name="isInternal">Whether the customer is a colleague rather than an external customer.</param>
    /// <param name="attributes">Further attributes; keys are compared ignoring case and must be unique so.</param>
    /// <exception cref="ArgumentException">An attribute key is repeated (ignoring case), or a key or value is null.</exception>
    public InteractionProfile(string? channel = null, string? priority = null, string? customerTier = null, bool isInternal = false,
        IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        Channel = channel;
        Priority = priority;
        CustomerTier = customerTier;
        IsInternal = isInternal;
        if (attributes is null)
        {
            Attributes = NoAttributes;
            return;
        }
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> pair in attributes)
        {
            Preconditions.CheckArgument(pair.Key is not null && pair.Value is not null, nameof(attributes), "Attribute keys and values must not be null.");
            Preconditions.CheckArgument(copy.TryAdd(pair.Key, pair.Value), nameof(attributes), $"Attribute '{pair.Key}' is given more than once.");
        }
        Attributes = new ReadOnlyDictionary<string, string>(copy);
    }

    /// <summary>Gets a profile with no values, for an external customer.</summary>
    public static InteractionProfile Unspecified { get; } = new();

    /// <summary>Gets the channel; null when unknown.</summary>
    public string? Channel { get; }

    /// <summary>Gets the priority; null when unknown.</summary>
    public string? Priority { get; }

    /// <summary>Gets the customer's tier; null when unknown.</summary>
    public string? CustomerTier { get; }

    /// <summary>Gets whether the customer is internal (a colleague).</summary>
    public bool IsInternal { get; }

    /// <summary>Gets further attributes, with keys compared ignoring case.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>Returns the profile for logs.</summary>
    /// <returns>The non-empty values, such as <c>channel=email priority=urgent external</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Channel is not null)
        {
            parts.Add("channel=" + Channel);
        }
        if (Priority is not null)
        {
            parts.Add("priority=" + Priority);
        }
        if (CustomerTier is not null)
        {
            parts.Add("tier=" + CustomerTier);
        }
        parts.Add(IsInternal ? "internal" : "external");
        foreach (KeyValuePair<string, string> pair in Attributes)
        {
            parts.Add(pair.Key + "=" + pair.Value);
        }
        return string.Join(" ", parts);
    }
}
