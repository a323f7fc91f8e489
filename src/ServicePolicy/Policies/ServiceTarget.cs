// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// What a policy promises for one kind of commitment: its deadline rule, the calendar the rule runs on, an optional
/// at-risk threshold that overrides the policy's, and the remedies due when a cycle of it is breached.
/// </summary>
/// <remarks>Immutable: the <c>With…</c> methods return modified copies. Equality is reference equality.</remarks>
[Immutable]
public sealed class ServiceTarget
{
    private ServiceTarget(CommitmentKind kind, string? name, DeadlineRule rule, BusinessCalendar? calendar, AtRiskThreshold? atRisk, BreachRemedy[] remedies, string? delayNotice = null)
    {
        Kind = kind;
        DelayNotice = delayNotice;
        Name = name;
        Rule = rule;
        Calendar = calendar;
        AtRisk = atRisk;
        Remedies = Array.AsReadOnly(remedies);
    }

    /// <summary>Gets the kind of commitment.</summary>
    public CommitmentKind Kind { get; }

    /// <summary>Gets the name of a <see cref="CommitmentKind.Custom"/> target, a verb phrase such as "send you a quote"
    /// that descriptions use as is; null for the other kinds.</summary>
    public string? Name { get; }

    /// <summary>Returns whether this is the target for <paramref name="kind"/> (for a custom kind, with the name
    /// <paramref name="customName"/>, compared ordinally).</summary>
    internal bool IsFor(CommitmentKind kind, string? customName) =>
        Kind == kind && (kind != CommitmentKind.Custom || string.Equals(Name, customName, System.StringComparison.Ordinal));

    /// <summary>Gets the deadline rule.</summary>
    public DeadlineRule Rule { get; }

    /// <summary>Gets the calendar the rule runs on; null to use the policy's calendar.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>Gets the at-risk threshold for this target; null to use the policy's.</summary>
    public AtRiskThreshold? AtRisk { get; }

    /// <summary>Gets the remedies due, once per cycle, when a cycle is breached.</summary>
    public IReadOnlyList<BreachRemedy> Remedies { get; }

    /// <summary>Gets the host's template id of the early delay notice sent to the customer when a cycle of this target
    /// becomes at risk, before it is breached (listed as a <c>DelayNotice</c> in the evaluation while the cycle is at
    /// risk, once per cycle by its key); null when the customer is not told early.</summary>
    public string? DelayNotice { get; }

    /// <summary>Returns a copy that tells the customer early, with the host's message template
    /// <paramref name="templateId"/>, when a cycle becomes at risk (the at-risk threshold of the target, or of the
    /// policy). The notice is data the host delivers like an escalation step, with its own key, once per cycle.</summary>
    /// <param name="templateId">The host's id of the message template.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templateId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="templateId"/> is empty or white space.</exception>
    public ServiceTarget WithDelayNotice(string templateId)
    {
        Preconditions.CheckNotNull(templateId);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(templateId), nameof(templateId), "A delay notice's template id must not be empty or white space.");
        return new ServiceTarget(Kind, Name, Rule, Calendar, AtRisk, Remedies.ToArray(), templateId);
    }

    /// <summary>Creates a target for a built-in kind of commitment.</summary>
    /// <param name="kind">The kind; not <see cref="CommitmentKind.Custom"/> (use <see cref="Custom"/>).</param>
    /// <param name="rule">The deadline rule: an <see cref="AppointmentWindowRule"/> exactly when the kind is
    /// <see cref="CommitmentKind.Appointment"/>.</param>
    /// <returns>The target, on the policy's calendar, with no remedies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">The kind is custom, or the rule does not fit the kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static ServiceTarget Create(CommitmentKind kind, DeadlineRule rule)
    {
        Preconditions.CheckArgumentRange((int)kind, (int)CommitmentKind.FirstResponse, (int)CommitmentKind.Custom, nameof(kind));
        Preconditions.CheckArgument(kind != CommitmentKind.Custom, nameof(kind), "A custom target needs a name: use ServiceTarget.Custom(name, rule).");
        Preconditions.CheckNotNull(rule);
        bool isWindow = rule is AppointmentWindowRule;
        Preconditions.CheckArgument(isWindow == (kind == CommitmentKind.Appointment), nameof(rule), isWindow
            ? $"Rule '{rule}' is an appointment window rule, but the kind is {kind}: only Appointment targets use it."
            : $"Rule '{rule}' is not an appointment window rule: an Appointment target needs DeadlineRule.AppointmentWindow(maximumWidth).");
        return new ServiceTarget(kind, null, rule, null, null, Array.Empty<BreachRemedy>());
    }

    /// <summary>Creates a target for a custom commitment, met when a milestone with the same name is reached.</summary>
    /// <param name="name">The name, a verb phrase such as "send you a quote"; milestones are matched ordinally.</param>
    /// <param name="rule">The deadline rule; not an appointment window rule.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, white space or contains <c>/</c> (which separates the parts
    /// of action keys), or the rule is an appointment window rule.</exception>
    public static ServiceTarget Custom(string name, DeadlineRule rule)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A custom target's name must not be empty or white space.");
        ActionKeyPart.CheckNoSeparator(name, nameof(name), "Custom target name");
        Preconditions.CheckNotNull(rule);
        Preconditions.CheckArgument(rule is not AppointmentWindowRule, nameof(rule), $"Rule '{rule}' is only for Appointment targets.");
        return new ServiceTarget(CommitmentKind.Custom, name, rule, null, null, Array.Empty<BreachRemedy>());
    }

    /// <summary>Returns a copy that runs on <paramref name="calendar"/> instead of the policy's calendar.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public ServiceTarget WithCalendar(BusinessCalendar calendar) =>
        new(Kind, Name, Rule, Preconditions.CheckNotNull(calendar), AtRisk, Remedies.ToArray(), DelayNotice);

    /// <summary>Returns a copy with its own at-risk threshold instead of the policy's.</summary>
    /// <param name="atRisk">The threshold.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atRisk"/> is null.</exception>
    public ServiceTarget WithAtRisk(AtRiskThreshold atRisk) =>
        new(Kind, Name, Rule, Calendar, Preconditions.CheckNotNull(atRisk), Remedies.ToArray(), DelayNotice);

    /// <summary>Returns a copy whose breach remedies are <paramref name="remedies"/>, in order.</summary>
    /// <param name="remedies">The remedies.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="remedies"/> or one of its elements is null.</exception>
    public ServiceTarget WithRemedies(params BreachRemedy[] remedies)
    {
        Preconditions.CheckNotNull(remedies);
        for (int i = 0; i < remedies.Length; i++)
        {
            Preconditions.CheckArgument(remedies[i] is not null, nameof(remedies), $"Remedy {i} is null.");
        }
        return new ServiceTarget(Kind, Name, Rule, Calendar, AtRisk, (BreachRemedy[])remedies.Clone(), DelayNotice);
    }

    /// <summary>Returns the target for logs, such as <c>FirstResponse: within 4 business hours</c>.</summary>
    /// <returns>The kind (or custom name) and the rule.</returns>
    public override string ToString() => (Name is null ? Kind.ToString() : $"Custom '{Name}'") + ": " + Rule;
}
