// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// The attributes of an interaction that select its policy: channel, priority, customer tier, whether the customer is
/// internal (a colleague) or external, and free-form attributes (such as the <c>team</c>); and the customer's own hours
/// (a time zone, optionally a calendar), which targets measured in <see cref="TargetHours.Customer"/> use.
/// </summary>
/// <remarks>Values are the host's own words (<c>email</c>, <c>urgent</c>, <c>gold</c>); policies compare them ignoring
/// case. A profile can change while the interaction is open (<see cref="Evaluation.ProfileChanged"/>); the <c>With…</c>
/// methods derive the changed copy. Immutable. Equality is reference equality. <see cref="Unspecified"/> has no values,
/// is external and has no customer time zone.</remarks>
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

    private InteractionProfile(string? channel, string? priority, string? customerTier, bool isInternal,
        IReadOnlyDictionary<string, string> attributes, DateTimeZone? customerTimeZone, string? customerCalendarName)
    {
        Channel = channel;
        Priority = priority;
        CustomerTier = customerTier;
        IsInternal = isInternal;
        Attributes = attributes;
        CustomerTimeZone = customerTimeZone;
        CustomerCalendarName = customerCalendarName;
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

    /// <summary>Gets the customer's time zone; null when unknown (targets in the customer's hours then use the desk's
    /// calendar).</summary>
    public DateTimeZone? CustomerTimeZone { get; }

    /// <summary>Gets the name of the calendar of the customer's hours in the catalogue (such as <c>NewYorkOffice</c>);
    /// null for the desk's hours in <see cref="CustomerTimeZone"/>.</summary>
    public string? CustomerCalendarName { get; }

    /// <summary>Returns a copy with another channel.</summary>
    /// <param name="channel">The channel; null when unknown.</param>
    /// <returns>The changed copy.</returns>
    public InteractionProfile WithChannel(string? channel) =>
        new(channel, Priority, CustomerTier, IsInternal, Attributes, CustomerTimeZone, CustomerCalendarName);

    /// <summary>Returns a copy with another priority (a ticket re-prioritised).</summary>
    /// <param name="priority">The priority; null when unknown.</param>
    /// <returns>The changed copy.</returns>
    public InteractionProfile WithPriority(string? priority) =>
        new(Channel, priority, CustomerTier, IsInternal, Attributes, CustomerTimeZone, CustomerCalendarName);

    /// <summary>Returns a copy with another customer tier.</summary>
    /// <param name="customerTier">The tier; null when unknown.</param>
    /// <returns>The changed copy.</returns>
    public InteractionProfile WithCustomerTier(string? customerTier) =>
        new(Channel, Priority, customerTier, IsInternal, Attributes, CustomerTimeZone, CustomerCalendarName);

    /// <summary>Returns a copy for an internal (true) or external (false) customer.</summary>
    /// <param name="isInternal">Whether the customer is a colleague.</param>
    /// <returns>The changed copy.</returns>
    public InteractionProfile WithInternal(bool isInternal) =>
        new(Channel, Priority, CustomerTier, isInternal, Attributes, CustomerTimeZone, CustomerCalendarName);

    /// <summary>Returns a copy with one attribute set (added or replaced, its key compared ignoring case), such as
    /// <c>WithAttribute("team", "billing")</c> for a transfer to another team.</summary>
    /// <param name="key">The attribute's key.</param>
    /// <param name="value">The attribute's value.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public InteractionProfile WithAttribute(string key, string value)
    {
        Preconditions.CheckNotNull(key);
        Preconditions.CheckNotNull(value);
        var copy = new Dictionary<string, string>(Attributes, StringComparer.OrdinalIgnoreCase) { [key] = value };
        return new(Channel, Priority, CustomerTier, IsInternal, new ReadOnlyDictionary<string, string>(copy), CustomerTimeZone, CustomerCalendarName);
    }

    /// <summary>Returns a copy with the customer's time zone (for targets measured in <see cref="TargetHours.Customer"/>).</summary>
    /// <param name="zone">The zone; null when unknown.</param>
    /// <returns>The changed copy.</returns>
    public InteractionProfile WithCustomerTimeZone(DateTimeZone? zone) =>
        new(Channel, Priority, CustomerTier, IsInternal, Attributes, zone, CustomerCalendarName);

    /// <summary>Returns a copy naming the catalogue calendar of the customer's hours (for targets measured in
    /// <see cref="TargetHours.Customer"/>).</summary>
    /// <param name="calendarName">The calendar's name in the catalogue; null for none.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException"><paramref name="calendarName"/> is empty or white space.</exception>
    public InteractionProfile WithCustomerCalendar(string? calendarName)
    {
        Preconditions.CheckArgument(calendarName is null || !string.IsNullOrWhiteSpace(calendarName), nameof(calendarName),
            "A customer calendar name must not be empty or white space; pass null for none.");
        return new(Channel, Priority, CustomerTier, IsInternal, Attributes, CustomerTimeZone, calendarName);
    }

    /// <summary>Returns the profile for logs.</summary>
    /// <returns>The non-empty values, such as <c>channel=email priority=urgent external zone=America/New_York</c>.</returns>
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
        if (CustomerTimeZone is not null)
        {
            parts.Add("zone=" + CustomerTimeZone.Id);
        }
        if (CustomerCalendarName is not null)
        {
            parts.Add("calendar=" + CustomerCalendarName);
        }
        return string.Join(" ", parts);
    }
}
