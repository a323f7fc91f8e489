// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>Builds a <see cref="ServiceLevelPolicy"/>. Start with <see cref="ServiceLevelPolicy.CreateBuilder"/>.</summary>
/// <remarks>A builder is mutable and not thread-safe; each method returns the same builder for chaining. Arguments are
/// checked when given; rules that span several calls are checked together by <see cref="Build"/>, which reports every
/// problem at once.</remarks>
[Mutable]
public sealed class ServiceLevelPolicyBuilder
{
    private readonly string name;
    private readonly int version;
    private readonly BusinessCalendar calendar;
    private readonly List<ServiceTarget> targets = new();
    private readonly List<(PauseReason Reason, CommitmentKind[] Kinds)> pauseRules = new();
    private Applicability applicability = Applicability.Any;
    private AtRiskThreshold atRisk = AtRiskThreshold.None;
    private HandoffLimit? handoffLimit;
    private string? escalationChainName;

    internal ServiceLevelPolicyBuilder(string name, int version, BusinessCalendar calendar)
    {
        this.name = name;
        this.version = version;
        this.calendar = calendar;
    }

    /// <summary>A builder holding everything <paramref name="policy"/> has, for a new version of it.</summary>
    internal ServiceLevelPolicyBuilder(ServiceLevelPolicy policy, int version)
        : this(policy.Name, version, policy.Calendar)
    {
        targets.AddRange(policy.Targets);
        pauseRules.AddRange(policy.PauseRules.Select(r => (r.Reason, r.PausedKinds.ToArray())));
        applicability = policy.Applicability;
        atRisk = policy.AtRisk;
        handoffLimit = policy.HandoffLimit;
        escalationChainName = policy.EscalationChainName;
    }

    /// <summary>Sets which interactions the policy applies to (by default, every interaction).</summary>
    /// <param name="applicability">The applicability.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="applicability"/> is null.</exception>
    public ServiceLevelPolicyBuilder AppliesTo(Applicability applicability)
    {
        this.applicability = Preconditions.CheckNotNull(applicability);
        return this;
    }

    /// <summary>Adds a target.</summary>
    /// <param name="target">The target.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public ServiceLevelPolicyBuilder AddTarget(ServiceTarget target)
    {
        targets.Add(Preconditions.CheckNotNull(target));
        return this;
    }

    /// <summary>Removes the target for a kind of commitment (for a custom kind, the one with that name), so that
    /// <see cref="AddTarget(ServiceTarget)"/> can replace it in a builder from <see cref="ServiceLevelPolicy.ToBuilder"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="customName">For <see cref="CommitmentKind.Custom"/>, the target's name (compared ordinally); otherwise ignored.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    /// <exception cref="InvalidOperationException">The builder has no such target; the message lists the targets it has.</exception>
    public ServiceLevelPolicyBuilder RemoveTarget(CommitmentKind kind, string? customName = null)
    {
        Preconditions.CheckArgumentRange((int)kind, (int)CommitmentKind.FirstResponse, (int)CommitmentKind.Custom, nameof(kind));
        int removed = targets.RemoveAll(t => t.IsFor(kind, customName));
        if (removed == 0)
        {
            string what = kind == CommitmentKind.Custom ? $"custom target '{customName}'" : $"{kind} target";
            string has = targets.Count == 0 ? "none" : string.Join(", ", targets.Select(t => t.Kind == CommitmentKind.Custom ? $"custom '{t.Name}'" : t.Kind.ToString()));
            throw new InvalidOperationException($"Policy '{name}' has no {what} to remove; its targets: {has}.");
        }
        return this;
    }

    /// <summary>Adds a target for a built-in kind on the policy's calendar, with no remedies; see <see cref="ServiceTarget.Create"/>.</summary>
    /// <param name="kind">The kind of commitment; not custom.</param>
    /// <param name="rule">The deadline rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">The kind is custom, or the rule does not fit the kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public ServiceLevelPolicyBuilder AddTarget(CommitmentKind kind, DeadlineRule rule) => AddTarget(ServiceTarget.Create(kind, rule));

    /// <summary>Makes waiting for <paramref name="reason"/> stop the clocks of <paramref name="kinds"/>.</summary>
    /// <param name="reason">The reason for waiting.</param>
    /// <param name="kinds">The kinds of commitment to pause; at least one, and not <see cref="CommitmentKind.Appointment"/>
    /// (an appointment window is a fixed time).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentException">No kind is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The reason or a kind is not defined.</exception>
    public ServiceLevelPolicyBuilder PauseWhile(PauseReason reason, params CommitmentKind[] kinds)
    {
        Preconditions.CheckArgumentRange((int)reason, (int)PauseReason.WaitingOnCustomer, (int)PauseReason.WaitingOnThirdParty, nameof(reason));
        Preconditions.CheckNotNull(kinds);
        Preconditions.CheckArgument(kinds.Length > 0, nameof(kinds), "At least one kind of commitment is required.");
        foreach (CommitmentKind kind in kinds)
        {
            Preconditions.CheckArgumentRange((int)kind, (int)CommitmentKind.FirstResponse, (int)CommitmentKind.Custom, nameof(kinds));
        }
        pauseRules.Add((reason, (CommitmentKind[])kinds.Clone()));
        return this;
    }

    /// <summary>Sets the at-risk threshold of targets that do not have their own (by default, <see cref="AtRiskThreshold.None"/>).</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="threshold"/> is null.</exception>
    public ServiceLevelPolicyBuilder WithAtRisk(AtRiskThreshold threshold)
    {
        atRisk = Preconditions.CheckNotNull(threshold);
        return this;
    }

    /// <summary>Limits handoffs: the handoff after the <paramref name="maximumHandoffs"/>-th breaches the policy.</summary>
    /// <param name="maximumHandoffs">The number of handoffs allowed; zero or more.</param>
    /// <param name="remedies">The remedies due when the limit is breached.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="remedies"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumHandoffs"/> is negative.</exception>
    public ServiceLevelPolicyBuilder WithHandoffLimit(int maximumHandoffs, params BreachRemedy[] remedies)
    {
        Preconditions.CheckArgumentRange(maximumHandoffs, 0, int.MaxValue);
        Preconditions.CheckNotNull(remedies);
        Preconditions.CheckArgument(remedies.All(r => r is not null), nameof(remedies), "A remedy is null.");
        handoffLimit = new HandoffLimit(maximumHandoffs, Array.AsReadOnly((BreachRemedy[])remedies.Clone()));
        return this;
    }

    /// <summary>Names the escalation chain the policy's commitments escalate with (by default, none). Evaluation takes
    /// the chain's versions from its <c>EscalationContext</c> and uses, for each cycle, the version in force when the
    /// cycle started.</summary>
    /// <param name="chainName">The chain's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chainName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="chainName"/> is empty or white space.</exception>
    public ServiceLevelPolicyBuilder WithEscalationChain(string chainName)
    {
        Preconditions.CheckNotNull(chainName);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(chainName), nameof(chainName), "An escalation chain name must not be empty or white space.");
        escalationChainName = chainName;
        return this;
    }

    /// <summary>Builds the policy, checking the rules that span several calls: at least one target; at most one target
    /// per kind (per name for custom targets); at most one pause rule per reason; no pause rule for appointments.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidOperationException">The policy breaks one or more of those rules; the message lists
    /// every problem.</exception>
    public ServiceLevelPolicy Build()
    {
        var errors = new List<string>();
        if (targets.Count == 0)
        {
            errors.Add("it has no targets: add at least one with AddTarget");
        }
        foreach (var group in targets.GroupBy(t => (t.Kind, t.Name)).Where(g => g.Count() > 1))
        {
            string what = group.Key.Kind == CommitmentKind.Custom ? $"custom target '{group.Key.Name}'" : $"{group.Key.Kind} target";
            errors.Add($"the {what} is defined {group.Count()} times");
        }
        foreach (var group in pauseRules.GroupBy(r => r.Reason).Where(g => g.Count() > 1))
        {
            errors.Add($"the pause rule for {group.Key} is defined {group.Count()} times");
        }
        foreach ((PauseReason reason, CommitmentKind[] kinds) in pauseRules.Where(r => r.Kinds.Contains(CommitmentKind.Appointment)))
        {
            errors.Add($"the pause rule for {reason} pauses Appointment, but an appointment window is a fixed time and cannot be paused");
        }
        string title = $"{name} v{version.ToString(CultureInfo.InvariantCulture)}";
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Policy '{title}' is invalid: " + string.Join("; ", errors) + ".");
        }
        return new ServiceLevelPolicy(name, version, calendar, applicability, targets.ToArray(),
            pauseRules.Select(r => new PauseRule(r.Reason, r.Kinds.ToImmutableHashSet())).ToArray(), atRisk, handoffLimit, escalationChainName);
    }
}
