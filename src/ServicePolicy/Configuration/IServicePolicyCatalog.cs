// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using ServicePolicy.Calendars;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>
/// One immutable version of the configured calendars and policies, resolvable by name. Get the current one from
/// <see cref="IServicePolicyCatalogProvider.Current"/>; a reload publishes a new version and never changes this one.
/// </summary>
/// <remarks>Implementations are immutable and thread-safe. Names are compared case-insensitively.</remarks>
public interface IServicePolicyCatalog
{
    /// <summary>Gets the version: 1 for the configuration loaded at start-up, one more for each successful reload.</summary>
    long Version { get; }

    /// <summary>Gets the calendars by name.</summary>
    IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    /// <summary>Gets the policies by name.</summary>
    IReadOnlyDictionary<string, ServiceLevelPolicy> Policies { get; }

    /// <summary>Gets the policy set; null when several policies are configured without one.</summary>
    ServiceLevelPolicySet? PolicySet { get; }

    /// <summary>Returns a calendar by name.</summary>
    /// <param name="name">The calendar's name.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No calendar has that name; the message suggests the closest one.</exception>
    BusinessCalendar GetCalendar(string name);

    /// <summary>Returns a policy by name.</summary>
    /// <param name="name">The policy's name.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No policy has that name; the message suggests the closest one.</exception>
    ServiceLevelPolicy GetPolicy(string name);
}
