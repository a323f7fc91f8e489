// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>
/// A weekly on-call rota in configuration: <c>ServicePolicy:Rotas:&lt;name&gt;</c>, named by the recipient
/// <c>on-call:&lt;name&gt;</c>; it becomes an <see cref="Escalation.WeeklyRota"/>.
/// </summary>
/// <remarks>Mutable options POCO. The default value has no time zone and no hand-overs, which is invalid.</remarks>
[Mutable]
public sealed class RotaOptions
{
    /// <summary>Gets or sets the IANA (TZDB) time zone of the hand-over times.</summary>
    /// <value>Required, such as <c>Europe/London</c>. Default: null.</value>
    public string? TimeZone { get; set; }

    /// <summary>Gets the weekly hand-overs: at each, a person takes over until the next.</summary>
    /// <value>At least one; at most one per day and time. Default: empty.</value>
    public List<RotaHandOverOptions> HandOvers { get; } = new();
}
