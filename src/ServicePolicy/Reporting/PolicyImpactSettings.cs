// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>How <see cref="PolicyImpactPreview"/> replays history: at which instant, with which escalation chains, and
/// how its reports group.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class PolicyImpactSettings
{
    /// <summary>Creates settings.</summary>
    /// <param name="zone">The time zone of the reports' periods.</param>
    /// <param name="period">The length of the reports' periods; days by default.</param>
    /// <param name="now">The instant to evaluate every timeline at (it must not be before any timeline's last fact);
    /// null to evaluate each at its own last fact.</param>
    /// <param name="escalation">The escalation chains, to count the escalation steps that would have fired under each
    /// policy set (every policy either set selects must find its chain here); null not to count escalations.</param>
    /// <param name="teamOf">The team of an interaction, for <see cref="ReportDimension.Team"/>; null for the owner's id
    /// when the owner is a team.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not a defined value.</exception>
    public PolicyImpactSettings(DateTimeZone zone, ReportPeriod period = ReportPeriod.Day, Instant? now = null,
        EscalationContext? escalation = null, Func<Timeline, string?>? teamOf = null)
    {
        Zone = Preconditions.CheckNotNull(zone);
        if (!Enum.IsDefined(period))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(period), period, $"Report period {period} is not a defined ReportPeriod value.");
        }
        Period = period;
        Now = now;
        Escalation = escalation;
        TeamOf = teamOf;
    }

    /// <summary>Gets the time zone of the reports' periods.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the length of the reports' periods.</summary>
    public ReportPeriod Period { get; }

    /// <summary>Gets the instant every timeline is evaluated at; null for each at its own last fact.</summary>
    public Instant? Now { get; }

    /// <summary>Gets the escalation chains; null when escalations are not counted.</summary>
    public EscalationContext? Escalation { get; }

    /// <summary>Gets the team of an interaction; null for the owner's id when the owner is a team.</summary>
    public Func<Timeline, string?>? TeamOf { get; }
}
