// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Collections.ObjectModel;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// An ordered list of policies with an explicit fallback: an interaction gets the first policy whose
/// <see cref="ServiceLevelPolicy.Applicability"/> matches its profile, or the fallback when none does.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality is reference equality.</remarks>
[Immutable]
public sealed class ServiceLevelPolicySet
{
    /// <summary>Creates a policy set.</summary>
    /// <param name="policies">The policies, in order of precedence; may be empty.</param>
    /// <param name="fallback">The policy of interactions no other policy matches; its applicability is not consulted.</param>
    /// <exception cref="ArgumentNullException">An argument or a policy is null.</exception>
    /// <exception cref="ArgumentException">Two policies (the fallback included) have the same name.</exception>
    public ServiceLevelPolicySet(IEnumerable<ServiceLevelPolicy> policies, ServiceLevelPolicy fallback)
    {
        Preconditions.CheckNotNull(policies);
        Preconditions.CheckNotNull(fallback);
        ServiceLevelPolicy[] list = policies.ToArray();
        for (int i = 0; i < list.Length; i++)
        {
            Preconditions.CheckArgument(list[i] is not null, nameof(policies), $"Policy {i} is null.");
        }
        string? duplicate = list.Append(fallback).GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        Preconditions.CheckArgument(duplicate is null, nameof(policies), $"More than one policy is named '{duplicate}' (the fallback included).");
        Policies = Array.AsReadOnly(list);
        Fallback = fallback;
        CustomerCalendars = NoCalendars;
    }

    private ServiceLevelPolicySet(ServiceLevelPolicySet other, IReadOnlyDictionary<string, BusinessCalendar> customerCalendars)
    {
        Policies = other.Policies;
        Fallback = other.Fallback;
        CustomerCalendars = customerCalendars;
    }

    private static readonly IReadOnlyDictionary<string, BusinessCalendar> NoCalendars =
        new ReadOnlyDictionary<string, BusinessCalendar>(new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal));

    /// <summary>Gets the calendars that profiles may name as the customer's hours
    /// (<see cref="InteractionProfile.CustomerCalendarName"/>, compared ordinally), for targets measured in
    /// <see cref="TargetHours.Customer"/>; empty unless set with <see cref="WithCustomerCalendars"/>.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> CustomerCalendars { get; }

    /// <summary>Returns a copy whose profiles may name <paramref name="calendars"/> (by their keys) as the customer's
    /// hours. A profile naming a calendar that is not there falls back to its time zone (see <see cref="TargetHours.Customer"/>).</summary>
    /// <param name="calendars">The calendars by name.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendars"/>, a key or a calendar is null.</exception>
    public ServiceLevelPolicySet WithCustomerCalendars(IEnumerable<KeyValuePair<string, BusinessCalendar>> calendars)
    {
        Preconditions.CheckNotNull(calendars);
        var copy = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, BusinessCalendar> pair in calendars)
        {
            Preconditions.CheckArgument(pair.Key is not null && pair.Value is not null, nameof(calendars), "Calendar names and calendars must not be null.");
            copy[pair.Key] = pair.Value;
        }
        return new ServiceLevelPolicySet(this, new ReadOnlyDictionary<string, BusinessCalendar>(copy));
    }

    /// <summary>Gets the policies in order of precedence, without the fallback.</summary>
    public IReadOnlyList<ServiceLevelPolicy> Policies { get; }

    /// <summary>Gets the policy of interactions no other policy matches.</summary>
    public ServiceLevelPolicy Fallback { get; }

    /// <summary>Selects the policy of an interaction: the first matching policy, otherwise the fallback.</summary>
    /// <param name="profile">The interaction's profile.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public ServiceLevelPolicy Select(InteractionProfile profile)
    {
        Preconditions.CheckNotNull(profile);
        foreach (ServiceLevelPolicy policy in Policies)
        {
            if (policy.Applicability.Matches(profile))
            {
                return policy;
            }
        }
        return Fallback;
    }
}
