// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Calendars;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>Where an evaluation gets policies and customer calendars from beyond the policy it starts with: the policy
/// set that selects again at each <see cref="ProfileChanged"/> (null to keep the starting policy), and the calendars that
/// profiles may name (<see cref="InteractionProfile.CustomerCalendarName"/>; null for none). The default value has neither.</summary>
internal readonly record struct PolicySource(ServiceLevelPolicySet? Policies, IReadOnlyDictionary<string, BusinessCalendar>? Calendars)
{
    /// <summary>Gets the source of an evaluation under one fixed policy, with no named calendars.</summary>
    internal static PolicySource None => default;

    /// <summary>Gets the source of an evaluation under a policy set, with the set's customer calendars.</summary>
    internal static PolicySource Of(ServiceLevelPolicySet set) => new(set, set.CustomerCalendars);
}
