// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
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
    /// <summary>A target with the defaults: no name unless custom, the policy's calendar and hours, no at-risk
    /// threshold of its own, no remedies, no delay notice, resuming on reopen, not recurring.</summary>
    private ServiceTarget(CommitmentKind kind, string? name, DeadlineRule rule)
    {
        Kind = kind;
        Name = name;
        Rule = rule;
        Remedies = ReadOnlyCollection<BreachRemedy>.Empty;
    }

    /// <summary>A copy of <paramref name="source"/>, which the <c>With…</c> methods change one setting of (an object
    /// initializer after it): every setting is copied here, so a new one is added in one place.</summary>
    private ServiceTarget(ServiceTarget source)
    {
        Kind = source.Kind;
        Name = source.Name;
        Rule = source.Rule;
        Calendar = source.Calendar;
        Hours = source.Hours;
        AtRisk = source.AtRisk;
        Remedies = source.Remedies;
        ReopenMode = source.ReopenMode;
        Recurrence = source.Recurrence;
        DelayNotice = source.DelayNotice;
    }

    /// <summary>Gets the kind of commitment.</summary>
    public CommitmentKind Kind { get; private init; }

    /// <summary>Gets the target's name: for a <see cref="CommitmentKind.Custom"/> target, a verb phrase such as "send
    /// you a quote" that descriptions use as is; for a target of a built-in kind, the name of the measure when the policy
    /// has several of that kind (such as "requester wait time" and "agent work time", two resolution measures, see
    /// <see cref="WithName"/>); null for an unnamed target of a built-in kind.</summary>
    public string? Name { get; private init; }

    /// <summary>Returns whether this is the target for <paramref name="kind"/> with the name <paramref name="name"/>
    /// (compared ordinally; null for the unnamed target of a built-in kind).</summary>
    internal bool IsFor(CommitmentKind kind, string? name) =>
        Kind == kind && string.Equals(Name, name, StringComparison.Ordinal);

    /// <summary>Gets the deadline rule.</summary>
    public DeadlineRule Rule { get; private init; }

    /// <summary>Gets the calendar the rule runs on; null to use the policy's calendar.</summary>
    public BusinessCalendar? Calendar { get; private init; }

    /// <summary>Gets whose hours the target is measured in: the desk's calendar (<see cref="TargetHours.Policy"/>, the
    /// default) or the customer's (<see cref="TargetHours.Customer"/>).</summary>
    public TargetHours Hours { get; private init; }

    /// <summary>Gets the at-risk threshold for this target; null to use the policy's.</summary>
    public AtRiskThreshold? AtRisk { get; private init; }

    /// <summary>Gets the remedies due, once per cycle, when a cycle is breached.</summary>
    public IReadOnlyList<BreachRemedy> Remedies { get; private init; }

    /// <summary>Gets what a resolution target does on a reopening: resume its cycle (<see cref="ReopenMode.Resume"/>,
    /// the default) or start a new one (<see cref="ReopenMode.NewCycle"/>). Always <see cref="ReopenMode.Resume"/>
    /// for other kinds, which a reopening does not resume.</summary>
    public ReopenMode ReopenMode { get; private init; }

    /// <summary>Gets how a custom target (a milestone) recurs within one interaction: once
    /// (<see cref="MilestoneRecurrence.None"/>, the default), each cycle after the last one met
    /// (<see cref="MilestoneRecurrence.Sequential"/>), or once per occurrence (<see cref="MilestoneRecurrence.Independent"/>).
    /// Always <see cref="MilestoneRecurrence.None"/> for built-in kinds.</summary>
    public MilestoneRecurrence Recurrence { get; private init; }

    /// <summary>Gets the host's template id of the early delay notice sent to the customer when a cycle of this target
    /// becomes at risk, before it is breached (listed as a <c>DelayNotice</c> in the evaluation while the cycle is at
    /// risk, once per cycle by its key); null when the customer is not told early.</summary>
    public string? DelayNotice { get; private init; }

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
        return new ServiceTarget(this) { DelayNotice = templateId };
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
        return new ServiceTarget(kind, null, rule);
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
        return new ServiceTarget(CommitmentKind.Custom, name, rule);
    }

    /// <summary>Returns a copy with the name <paramref name="name"/>: for a built-in kind, a named measure, so that a
    /// policy can hold several targets of one kind (such as "requester wait time" and "agent work time", two resolution
    /// measures with different pause rules); for a custom target, its new name.</summary>
    /// <remarks>Each measure has its own cycles, statuses (<see cref="Evaluation.CommitmentStatus.Name"/>), action keys
    /// (<c>Resolution:agent work time</c> in place of <c>Resolution</c>), escalation and remedies; a fact that meets a
    /// kind (a public reply, a resolution) meets every measure of it. A pause rule pauses a measure by its kind or by
    /// its name (<see cref="ServiceLevelPolicyBuilder.PauseWhile(PauseReason, System.Collections.Generic.IEnumerable{CommitmentKind}, System.Collections.Generic.IEnumerable{string})"/>).
    /// Appointment targets cannot be named: an appointment window is one booking.</remarks>
    /// <param name="name">The name: not empty or white space, and without <c>/</c> (which separates the parts of
    /// action keys). Names are unique within a policy and compared ordinally.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, white space or contains <c>/</c>, or this is an
    /// Appointment target.</exception>
    public ServiceTarget WithName(string name)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A target's name must not be empty or white space.");
        ActionKeyPart.CheckNoSeparator(name, nameof(name), "Target name");
        Preconditions.CheckArgument(Kind != CommitmentKind.Appointment, nameof(name),
            $"An Appointment target cannot be named '{name}': an appointment window is one booking, measured once.");
        return new ServiceTarget(this) { Name = name };
    }

    /// <summary>Returns a copy that runs on <paramref name="calendar"/> instead of the policy's calendar.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public ServiceTarget WithCalendar(BusinessCalendar calendar) =>
        new(this) { Calendar = Preconditions.CheckNotNull(calendar) };

    /// <summary>Returns a copy with its own at-risk threshold instead of the policy's.</summary>
    /// <param name="atRisk">The threshold.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atRisk"/> is null.</exception>
    public ServiceTarget WithAtRisk(AtRiskThreshold atRisk) =>
        new(this) { AtRisk = Preconditions.CheckNotNull(atRisk) };

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
        return new ServiceTarget(this) { Remedies = Array.AsReadOnly((BreachRemedy[])remedies.Clone()) };
    }

    /// <summary>Returns a copy that, when a resolved interaction is reopened, resumes its resolution cycle or starts
    /// a new one.</summary>
    /// <remarks>Either way the cycle met at the resolution keeps its history until the reopening: with
    /// <see cref="ReopenMode.Resume"/> it runs on from there (the time resolved not counted); with
    /// <see cref="ReopenMode.NewCycle"/> it stays met and the new cycle (the next <see cref="Evaluation.CommitmentStatus.Cycle"/>)
    /// is measured from the reopening, with its own action keys.</remarks>
    /// <param name="mode">What a reopening does.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is <see cref="ReopenMode.NewCycle"/> and this is not
    /// a <see cref="CommitmentKind.Resolution"/> target (a reopening resumes no other kind).</exception>
    public ServiceTarget WithReopenMode(ReopenMode mode)
    {
        Preconditions.CheckArgumentRange((int)mode, (int)ReopenMode.Resume, (int)ReopenMode.NewCycle, nameof(mode));
        Preconditions.CheckArgument(mode == ReopenMode.Resume || Kind == CommitmentKind.Resolution, nameof(mode),
            $"Only a Resolution target has a cycle a reopening resumes, so only it can start a new one; {this} cannot.");
        return new ServiceTarget(this) { ReopenMode = mode };
    }

    /// <summary>Returns a copy of this custom target that recurs as <paramref name="recurrence"/> says.</summary>
    /// <remarks>With <see cref="MilestoneRecurrence.Sequential"/>, each <see cref="Evaluation.MilestoneReached"/> that
    /// meets a cycle starts the next at the same instant, while the interaction is open. With
    /// <see cref="MilestoneRecurrence.Independent"/>, no cycle starts at the opening: each
    /// <see cref="Evaluation.MilestoneStarted"/> starts one, and each <see cref="Evaluation.MilestoneReached"/> meets the
    /// oldest open one. Each cycle is numbered (<see cref="Evaluation.CommitmentStatus.Cycle"/>) and has its own
    /// deadline, action keys, escalation and remedies; met and breached cycles keep their history.</remarks>
    /// <param name="recurrence">How the target recurs.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recurrence"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="recurrence"/> is not <see cref="MilestoneRecurrence.None"/>
    /// and this is not a <see cref="CommitmentKind.Custom"/> target (only a milestone recurs).</exception>
    public ServiceTarget WithRecurrence(MilestoneRecurrence recurrence)
    {
        Preconditions.CheckArgumentRange((int)recurrence, (int)MilestoneRecurrence.None, (int)MilestoneRecurrence.Independent, nameof(recurrence));
        Preconditions.CheckArgument(recurrence == MilestoneRecurrence.None || Kind == CommitmentKind.Custom, nameof(recurrence),
            $"Only a custom target (a milestone) recurs; {this} cannot be {recurrence}.");
        return new ServiceTarget(this) { Recurrence = recurrence };
    }

    /// <summary>Returns a copy measured in <paramref name="hours"/>: the desk's calendar or the customer's hours (see
    /// <see cref="TargetHours.Customer"/> for how the customer's calendar is found, and its fallback).</summary>
    /// <param name="hours">Whose hours.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is not a defined value.</exception>
    public ServiceTarget WithHours(TargetHours hours)
    {
        Preconditions.CheckArgumentRange((int)hours, (int)TargetHours.Policy, (int)TargetHours.Customer, nameof(hours));
        return new ServiceTarget(this) { Hours = hours };
    }

    /// <summary>Returns the target for logs, such as <c>FirstResponse: within 4 business hours</c> or
    /// <c>Resolution 'agent work time': within 3 business days</c>.</summary>
    /// <returns>The kind (and name) and the rule.</returns>
    public override string ToString() => (Name is null ? Kind.ToString() : $"{Kind} '{Name}'") + ": " + Rule;
}
