// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using ServicePolicy.Calendars;
using ServicePolicy.Escalation;
using ServicePolicy.Policies;

namespace ServicePolicy.Catalog;

/// <summary>
/// One immutable version of the configured calendars, policies, escalation chains and on-call rotas, resolvable by name. Get the current one from
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

    /// <summary>Gets the policy set; null when several policies are configured without one. To find the policy of an
    /// interaction, <see cref="SelectPolicy"/> says what is wrong instead of returning null.</summary>
    ServiceLevelPolicySet? PolicySet { get; }

    /// <summary>Gets the escalation chains by name: for each name, its latest version (the latest
    /// <see cref="EscalationChain.EffectiveFrom"/>, then the highest <see cref="EscalationChain.Version"/>).</summary>
    IReadOnlyDictionary<string, EscalationChain> EscalationChains { get; }

    /// <summary>Gets every escalation chain version: one per configured chain, and every version added in code.</summary>
    IReadOnlyList<EscalationChain> EscalationChainVersions { get; }

    /// <summary>Gets the on-call rotas by name.</summary>
    IReadOnlyDictionary<string, WeeklyRota> Rotas { get; }

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

    /// <summary>Returns the policy that applies to an interaction: the one the <see cref="PolicySet"/> selects for its
    /// profile (with a single configured policy and no set, that policy).</summary>
    /// <param name="profile">The interaction's profile, usually <c>timeline.Opened.Profile</c>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The catalogue has several policies and no policy set; the message
    /// says which configuration key to add.</exception>
    ServiceLevelPolicy SelectPolicy(InteractionProfile profile);

    /// <summary>Returns the latest version of an escalation chain by name (see <see cref="EscalationChains"/>).</summary>
    /// <param name="name">The chain's name.</param>
    /// <returns>The chain version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No chain has that name; the message suggests the closest one.</exception>
    EscalationChain GetEscalationChain(string name);

    /// <summary>Returns the escalation context of this catalogue: every chain version, with the host's directory, for
    /// <see cref="Evaluation.Evaluator.Evaluate(Evaluation.Timeline, ServiceLevelPolicy, NodaTime.Instant, EscalationContext)"/>.
    /// <see cref="IServicePolicyEvaluator"/> does this with the directory registered in the container.</summary>
    /// <param name="directory">The directory that resolves recipients.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    EscalationContext CreateEscalationContext(IEscalationDirectory directory);
}
