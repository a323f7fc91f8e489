// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>
/// One escalation chain in configuration: <c>ServicePolicy:EscalationChains:&lt;name&gt;</c>. A policy names it with
/// <see cref="PolicyOptions.EscalationChain"/>; it becomes an <see cref="Escalation.EscalationChain"/>.
/// </summary>
/// <remarks>Mutable options POCO. The default value has no fallback contact and no levels, which is invalid.</remarks>
[Mutable]
public sealed class EscalationChainOptions
{
    /// <summary>Gets or sets the chain's version, part of every escalation action's key.</summary>
    /// <value>1 or more; change it when the chain changes, so that new keys are not confused with old ones. Default: 1.</value>
    public int Version { get; set; } = 1;

    /// <summary>Gets or sets the instant from which this version is in force.</summary>
    /// <value>An ISO-8601 instant with an offset, such as <c>2026-03-01T00:00:00Z</c>, or null. Configuration holds one
    /// version per chain, and a chain's only version is used by every commitment cycle, whenever it started. Default:
    /// null: in force from the start of time (<see cref="NodaTime.Instant.MinValue"/>).</value>
    public string? EffectiveFrom { get; set; }

    /// <summary>Gets or sets the id of the contact that hears when a recipient resolves to nobody.</summary>
    /// <value>Required: the host's id of a person or channel, such as <c>support-leads</c>. Default: null.</value>
    public string? Fallback { get; set; }

    /// <summary>Gets or sets the name of the calendar of the fallback contact's working hours, for levels that wait for
    /// working hours.</summary>
    /// <value>The name of a calendar, or null when the fallback contact can be reached at any hour. Default: null.</value>
    public string? FallbackWorkingHours { get; set; }

    /// <summary>Gets or sets the name of the calendar that measures the chain's business-time delays (levels without
    /// their own <see cref="EscalationLevelOptions.Calendar"/>, the repeat interval and the acknowledgement timeout).</summary>
    /// <value>The name of a calendar, or null; required only when a delay without its own calendar is in business time.
    /// Default: null.</value>
    public string? Calendar { get; set; }

    /// <summary>Gets the warnings before a breach, in order.</summary>
    /// <value>Default: empty.</value>
    public List<EscalationWarningOptions> Warnings { get; } = new();

    /// <summary>Gets the levels after a breach, in order (level 0 first).</summary>
    /// <value>At least one level is required. Default: empty.</value>
    public List<EscalationLevelOptions> Levels { get; } = new();

    /// <summary>Gets or sets how the chain keeps going after its last level.</summary>
    /// <value>Null when the levels fire once. Default: null.</value>
    public EscalationRepeatOptions? Repeat { get; set; }

    /// <summary>Gets or sets how long an acknowledgement holds the levels that stop on it; when it runs out and the
    /// commitment is still not met, the ladder restarts from the acknowledged level.</summary>
    /// <value>A positive delay such as <c>2 hours</c> or <c>1 business hour</c>, or null for the rest of the cycle;
    /// only with a level that stops on acknowledgement. Default: null.</value>
    public string? AcknowledgementTimeout { get; set; }

    /// <summary>Gets the kinds of commitment the chain escalates, when it should not escalate every kind.</summary>
    /// <value><see cref="Commitments.CommitmentKind"/> names such as <c>FirstResponse</c> and <c>Resolution</c>
    /// (<c>Custom</c> for every custom commitment). Empty, with <see cref="CustomKinds"/> empty too, for every kind, so
    /// that a late <c>FeedbackRequest</c> escalates like a late resolution; list kinds to escalate only those (see
    /// <see cref="Escalation.EscalationChainBuilder.EscalatesOnly"/>). Default: empty.</value>
    public List<string> Kinds { get; } = new();

    /// <summary>Gets the names of the custom commitments the chain escalates, besides <see cref="Kinds"/>.</summary>
    /// <value>Custom target names (compared ordinally), such as <c>call-back</c>; any name limits the chain as
    /// <see cref="Kinds"/> does (see <see cref="Escalation.EscalationChainBuilder.EscalatesOnlyCustom"/>). Default: empty.</value>
    public List<string> CustomKinds { get; } = new();

    /// <summary>Gets or sets what evaluation lists when it runs late.</summary>
    /// <value><c>LatestOnly</c> (only the most recent passed step) or <c>FireAllMissed</c> (every passed step), or
    /// null for <c>LatestOnly</c>. Default: null.</value>
    public string? CatchUp { get; set; }
}
