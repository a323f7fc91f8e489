// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// A service-level policy: which interactions it applies to, the commitments they get (a target per kind with its
/// deadline rule and calendar), which waiting stops which clocks, when a commitment counts as at risk, how many
/// handoffs are allowed, and the remedies due on a breach. Build one with <see cref="CreateBuilder"/>.
/// </summary>
/// <remarks>
/// <para>A policy is identified by <see cref="Name"/> and <see cref="Version"/>. To repair history after a
/// configuration mistake, build the corrected policy as a new version and evaluate the same timeline with it: the
/// evaluation is a pure function of the timeline, the policy and the instant.</para>
/// <para>Immutable and thread-safe. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class ServiceLevelPolicy
{
    private readonly ServiceTarget[] targets;
    private readonly PauseRule[] pauseRules;

    internal ServiceLevelPolicy(string name, int version, BusinessCalendar calendar, Applicability applicability,
        ServiceTarget[] targets, PauseRule[] pauseRules, AtRiskThreshold atRisk, HandoffLimit? handoffLimit, string? escalationChainName,
        TargetStart targetStart = TargetStart.FromChange, ReplacedTarget replacedTarget = ReplacedTarget.Cancel)
    {
        TargetStart = targetStart;
        ReplacedTarget = replacedTarget;
        Name = name;
        Version = version;
        Calendar = calendar;
        Applicability = applicability;
        this.targets = targets;
        this.pauseRules = pauseRules;
        Targets = Array.AsReadOnly(targets);
        PauseRules = Array.AsReadOnly(pauseRules);
        AtRisk = atRisk;
        HandoffLimit = handoffLimit;
        EscalationChainName = escalationChainName;
    }

    /// <summary>Gets the policy's name.</summary>
    public string Name { get; }

    /// <summary>Gets the policy's version, 1 or more; a corrected policy is a new version.</summary>
    public int Version { get; }

    /// <summary>Gets the calendar of targets that do not name their own, and of follow-up promises made with a rule
    /// the policy has no target for.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets which interactions the policy applies to.</summary>
    public Applicability Applicability { get; }

    /// <summary>Gets the targets, in the order they were added: at most one unnamed target per kind, and any number of
    /// named ones (custom targets, and measures of a built-in kind, see <see cref="ServiceTarget.WithName"/>), each name
    /// once in the policy.</summary>
    public IReadOnlyList<ServiceTarget> Targets { get; }

    /// <summary>Gets the pause rules, at most one per reason.</summary>
    public IReadOnlyList<PauseRule> PauseRules { get; }

    /// <summary>Gets <see cref="Targets"/> for the evaluation's inner loops, without interface calls.</summary>
    internal ReadOnlySpan<ServiceTarget> TargetSpan => targets;

    /// <summary>Gets <see cref="PauseRules"/> for the evaluation's inner loops, without interface calls.</summary>
    internal ReadOnlySpan<PauseRule> PauseRuleSpan => pauseRules;

    /// <summary>Gets the at-risk threshold of targets that do not have their own.</summary>
    public AtRiskThreshold AtRisk { get; }

    /// <summary>Gets the handoff limit; null when handoffs are not limited.</summary>
    public HandoffLimit? HandoffLimit { get; }

    /// <summary>Gets the name of the escalation chain every commitment cycle (and a breached handoff limit) escalates
    /// with; null for none. The chain's versions come from the <c>EscalationContext</c> given to the evaluator.</summary>
    public string? EscalationChainName { get; }

    /// <summary>Gets from when this policy's commitments count when a profile change makes it govern an interaction
    /// (<see cref="Evaluation.ProfileChanged"/>); <see cref="Policies.TargetStart.FromChange"/> unless set.</summary>
    public TargetStart TargetStart { get; }

    /// <summary>Gets what happens to this policy's running cycles when a profile change selects another policy;
    /// <see cref="Policies.ReplacedTarget.Cancel"/> unless set.</summary>
    public ReplacedTarget ReplacedTarget { get; }

    /// <summary>Gets the scale of the scores its feedback requests ask for; null when it declares none, and then a
    /// <c>FeedbackReceived</c> fact is refused when evaluated.</summary>
    public FeedbackScale? FeedbackScale { get; internal init; }

    /// <summary>Starts building a policy.</summary>
    /// <param name="name">The policy's name.</param>
    /// <param name="version">The policy's version, 1 or more.</param>
    /// <param name="calendar">The calendar of targets that do not name their own.</param>
    /// <returns>A builder with no targets, applying to every interaction, with no pause rules, no at-risk threshold
    /// and no handoff limit.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static ServiceLevelPolicyBuilder CreateBuilder(string name, int version, BusinessCalendar calendar)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A policy name must not be empty or white space.");
        Preconditions.CheckArgumentRange(version, 1, int.MaxValue);
        Preconditions.CheckNotNull(calendar);
        return new ServiceLevelPolicyBuilder(name, version, calendar);
    }

    /// <summary>Starts building another version of this policy: a builder that already holds everything this policy
    /// has (name, calendar, applicability, targets, pause rules, at-risk threshold, handoff limit, escalation chain and feedback scale),
    /// so <c>policy.ToBuilder(2).WithEscalationChain("ladder").Build()</c> is the same policy with a chain. This policy
    /// is not changed.</summary>
    /// <param name="version">The new version, 1 or more (usually <see cref="Version"/> + 1: a changed policy is a new
    /// version, so that results and escalation keys of the two are never confused).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public ServiceLevelPolicyBuilder ToBuilder(int version)
    {
        Preconditions.CheckArgumentRange(version, 1, int.MaxValue);
        return new ServiceLevelPolicyBuilder(this, version);
    }

    /// <summary>Returns the target for a kind of commitment with a name, or null when the policy has none.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="name">The target's name (compared ordinally): a custom target's, or a named measure's
    /// (<see cref="ServiceTarget.WithName"/>); null for the unnamed target of a built-in kind.</param>
    /// <returns>The target, or null.</returns>
    public ServiceTarget? FindTarget(CommitmentKind kind, string? name = null)
    {
        foreach (ServiceTarget target in TargetSpan)
        {
            if (target.IsFor(kind, name))
            {
                return target;
            }
        }
        return null;
    }

    /// <summary>Returns whether waiting for <paramref name="reason"/> stops the clock of a target of
    /// <paramref name="kind"/> named <paramref name="targetName"/>. A reason the policy has no rule for stops nothing.</summary>
    /// <param name="reason">The reason for waiting.</param>
    /// <param name="kind">The kind of commitment.</param>
    /// <param name="targetName">The target's name (a custom target's or a measure's); null for an unnamed target.</param>
    /// <returns>Whether a pause rule for the reason lists the kind or names the target.</returns>
    public bool Pauses(PauseReason reason, CommitmentKind kind, string? targetName = null)
    {
        foreach (PauseRule rule in PauseRuleSpan)
        {
            if (rule.Reason == reason && rule.Pauses(kind, targetName))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Describes the policy in plain language for customers, in the order they read it: one sentence per target
    /// (first response first, whatever the order they were added in), the policy's business hours once, the pause
    /// rules, the remedies and the handoff limit; for example "We reply to new requests within 4 business hours. Our
    /// business hours are Monday to Friday, 09:00-17:00 UK time, except public holidays. The clock stops while we are
    /// waiting for your reply. If we miss a promised call-back, we'll apologise and credit £10 to your account."
    /// </summary>
    /// <remarks>
    /// <para>The text comes from the <c>PolicyText</c> and <c>RuleText</c> resources: English is built in, French and
    /// German ship as satellite assemblies, and another language is another resource file, with no code change. A
    /// culture without a translation reads English (numbers and money still in its own format);
    /// <see cref="CustomerText.LanguageOf"/> says which language a culture gets. docs/customer-text.md has the
    /// details.</para>
    /// <para>A target on another calendar than the policy's names its hours after its sentence. Time zones are named by
    /// the resources' <c>Zone.&lt;TZDB id&gt;</c> entries ("UK time" for <c>Europe/London</c>, "US Eastern time" for
    /// <c>America/New_York</c>, and other common zones); any other zone is named by its TZDB id through
    /// <c>Zone.Fallback</c> ("Asia/Riyadh time"). A calendar with holidays adds "except public holidays"; a 24x7
    /// calendar reads "around the clock". Rules on elapsed time and appointment windows have no hours to show.
    /// Proactive-message remedies are the host's own templates and are not described.</para>
    /// </remarks>
    /// <param name="culture">The culture of the text; null for the current UI culture.</param>
    /// <returns>The description.</returns>
    public string Describe(CultureInfo? culture = null) => PolicyDescription.Describe(this, culture ?? CultureInfo.CurrentUICulture);

    /// <summary>Returns the policy's name and version, such as <c>Standard v2</c>.</summary>
    /// <returns>The name and version.</returns>
    public override string ToString() => $"{Name} v{Version.ToString(CultureInfo.InvariantCulture)}";
}
