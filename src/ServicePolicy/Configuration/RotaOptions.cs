// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>
/// An on-call rota in configuration: <c>ServicePolicy:Rotas:&lt;name&gt;</c>, named by the recipient
/// <c>on-call:&lt;name&gt;</c>; it becomes an <see cref="Escalation.WeeklyRota"/> that repeats every week, or every
/// <see cref="CycleWeeks"/> weeks from <see cref="CycleStart"/>, with optional overrides.
/// </summary>
/// <remarks>Mutable options POCO. The default value has no time zone and no hand-overs, which is invalid.</remarks>
[Mutable]
public sealed class RotaOptions
{
    /// <summary>Gets or sets the IANA (TZDB) time zone of the hand-over times.</summary>
    /// <value>Required, such as <c>Europe/London</c>. Default: null.</value>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets the number of weeks after which the rota repeats.</summary>
    /// <value>From 1 to <see cref="Escalation.WeeklyRota.MaxCycleWeeks"/> (52). Default: null, which means 1 (every week).</value>
    public int? CycleWeeks { get; set; }

    /// <summary>Gets or sets the first day of week 1 of a cycle, as an ISO date such as <c>2026-03-02</c>.</summary>
    /// <value>Required when <see cref="CycleWeeks"/> is more than 1; optional otherwise. Default: null.</value>
    public string? CycleStart { get; set; }

    /// <summary>Gets the hand-overs: at each, a person takes over until the next.</summary>
    /// <value>At least one; at most one per week, day and time. Default: empty.</value>
    public List<RotaHandOverOptions> HandOvers { get; } = new();

    /// <summary>Gets the overrides: stretches of local time in which someone else is on call.</summary>
    /// <value>Any number; two may overlap only when each covers for a different person. Default: empty.</value>
    public List<RotaOverrideOptions> Overrides { get; } = new();
}
