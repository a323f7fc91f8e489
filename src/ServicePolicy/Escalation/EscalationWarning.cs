// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Escalation;

/// <summary>
/// A notice before a commitment is breached: at a share of its target used, or at a lead time before its deadline,
/// both on the commitment's own clock (so paused time does not count). Each warning fires at most once per cycle, and
/// only before the deadline.
/// </summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class EscalationWarning
{
    private readonly AtRiskThreshold trigger;

    private EscalationWarning(AtRiskThreshold trigger, EscalationRecipient recipient)
    {
        this.trigger = trigger;
        Recipient = recipient;
    }

    /// <summary>Gets the share of the target, in percent, at which the warning fires; null when it fires at a lead time.</summary>
    public double? Percent => trigger.Percent;

    /// <summary>Gets the time left before the deadline at which the warning fires; null when it fires at a percentage.</summary>
    public Duration? LeadTime => trigger.LeadTime;

    /// <summary>Gets who is warned.</summary>
    public EscalationRecipient Recipient { get; }

    /// <summary>Creates a warning at a share of the target used: "warn the owner at 75%".</summary>
    /// <param name="percent">The share in percent, greater than 0 and less than 100.</param>
    /// <param name="recipient">Who is warned.</param>
    /// <returns>The warning.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not greater than 0 and less than 100.</exception>
    public static EscalationWarning AtPercent(double percent, EscalationRecipient recipient) =>
        new(AtRiskThreshold.AtPercent(percent), Preconditions.CheckNotNull(recipient));

    /// <summary>Creates a warning at a lead time before the deadline: "warn the lead 30 minutes before".</summary>
    /// <param name="leadTime">The time left; positive. A lead time longer than the target fires when the cycle starts.</param>
    /// <param name="recipient">Who is warned.</param>
    /// <returns>The warning.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadTime"/> is zero or negative.</exception>
    public static EscalationWarning BeforeDeadline(Duration leadTime, EscalationRecipient recipient) =>
        new(AtRiskThreshold.BeforeDeadline(leadTime), Preconditions.CheckNotNull(recipient));

    /// <summary>Returns how much of <paramref name="target"/> is used when the warning fires.</summary>
    internal Duration UsedWhenDue(Duration target) => trigger.UsableBeforeRisk(target) ?? target;

    /// <summary>Returns the warning for logs, such as <c>warn owner at 75%</c>.</summary>
    /// <returns>The warning.</returns>
    public override string ToString() => $"warn {Recipient} at {trigger}";
}
