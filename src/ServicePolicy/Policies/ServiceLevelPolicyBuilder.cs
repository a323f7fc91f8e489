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
    private FeedbackScale? feedbackScale;

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
        feedbackScale = policy.FeedbackScale;
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

    /// <summary>Limits how many times an interaction may be handed from one owner to another: the reassignment after
    /// the <paramref name="maxReassignments"/>-th breaches the policy.</summary>
    /// <param name="maxReassignments">The number of reassignments allowed (each <c>OwnerAssigned</c> fact after the
    /// opening is one); zero or more. Owners are one more: to let a ticket pass through at most four people (the first
    /// owner and three more), pass <c>maxReassignments: 3</c>; the fourth reassignment, to a fifth owner, breaches.
    /// Zero means any reassignment breaches.</param>
    /// <param name="remedies">The remedies due when the limit is breached.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="remedies"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxReassignments"/> is negative.</exception>
    /// <example><code>
    /// // "No customer should be passed through more than four people."
    /// builder.WithHandoffLimit(maxReassignments: 3, BreachRemedy.ProactiveMessage("sorry-for-the-runaround"));
    /// </code></example>
    public ServiceLevelPolicyBuilder WithHandoffLimit(int maxReassignments, params BreachRemedy[] remedies)
    {
        Preconditions.CheckArgumentRange(maxReassignments, 0, int.MaxValue);
        Preconditions.CheckNotNull(remedies);
        Preconditions.CheckArgument(remedies.All(r => r is not null), nameof(remedies), "A remedy is null.");
        handoffLimit = new HandoffLimit(maxReassignments, Array.AsReadOnly((BreachRemedy[])remedies.Clone()));
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

    /// <summary>Declares the scale of the scores the policy's feedback requests ask for (by default, none: a
    /// <c>FeedbackReceived</c> fact is then refused when evaluated).</summary>
    /// <param name="minimum">The lowest score; 0 or more.</param>
    /// <param name="maximum">The highest score; greater than <paramref name="minimum"/>, at most 1000.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bounds are out of range (see <see cref="FeedbackScale.Create"/>).</exception>
    public ServiceLevelPolicyBuilder WithFeedbackScale(int minimum, int maximum)
    {
        feedbackScale = FeedbackScale.Create(minimum, maximum);
        return this;
    }

    /// <summary>Builds the policy, checking the rules that span several calls: at least one target; at most one target
    /// per kind (per name for custom targets); at most one pause rule per reason; no pause rule for appointments.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidOperationException">The policy breaks one or more of those rules; the message lists
    /// every problem.</exception>
    public ServiceLevelPolicy Build()
    {
        BuildError.ThrowIfAny($"Policy '{name} v{version.ToString(CultureInfo.InvariantCulture)}' is invalid", Validate());
        return new ServiceLevelPolicy(name, version, calendar, applicability, targets.ToArray(),
            pauseRules.Select(r => new PauseRule(r.Reason, r.Kinds.ToImmutableHashSet())).ToArray(), atRisk, handoffLimit, escalationChainName)
        {
            FeedbackScale = feedbackScale,
        };
    }

    /// <summary>Checks the rules that span several calls (see <see cref="Build"/>) and returns every problem, each
    /// naming the builder call that breaks the rule.</summary>
    /// <returns>The problems; empty when the builder would build.</returns>
    internal IReadOnlyList<BuildError> Validate() =>
        Validate(targets.Select(t => (t.Kind, t.Name)).ToArray(), pauseRules.Select(r => (r.Reason, (IReadOnlyList<CommitmentKind>)r.Kinds)).ToArray());

    /// <summary>The rules that span several calls, over the policy's shape: the <c>AddTarget</c> calls' kinds and names and the
    /// <c>PauseWhile</c> calls' reasons and kinds, in the order they were made. Configuration checks the shape it was
    /// given with this, even when some of its parts did not parse.</summary>
    /// <param name="targets">The kind and name of each target.</param>
    /// <param name="pauseRules">The reason and kinds of each pause rule.</param>
    /// <returns>The problems, in the order of the calls that break the rules.</returns>
    internal static IReadOnlyList<BuildError> Validate(
        IReadOnlyList<(CommitmentKind Kind, string? Name)> targets, IReadOnlyList<(PauseReason Reason, IReadOnlyList<CommitmentKind> Kinds)> pauseRules)
    {
        var errors = new List<BuildError>();
        if (targets.Count == 0)
        {
            errors.Add(new(nameof(AddTarget), null, null, "no targets are defined: add at least one"));
        }
        var targetCounts = new Dictionary<(CommitmentKind Kind, string? Name), int>();
        for (int i = 0; i < targets.Count; i++)
        {
            int count = targetCounts.GetValueOrDefault(targets[i]) + 1;
            targetCounts[targets[i]] = count;
            if (count == 2)
            {
                (CommitmentKind kind, string? targetName) = targets[i];
                string what = kind == CommitmentKind.Custom ? $"custom target '{targetName}'" : $"{kind} target";
                int times = targets.Count(t => t == targets[i]);
                errors.Add(new(nameof(AddTarget), i, null, string.Create(CultureInfo.InvariantCulture, $"the {what} is defined {times} times")));
            }
        }
        var reasonCounts = new Dictionary<PauseReason, int>();
        for (int i = 0; i < pauseRules.Count; i++)
        {
            (PauseReason reason, IReadOnlyList<CommitmentKind> kinds) = pauseRules[i];
            int count = reasonCounts.GetValueOrDefault(reason) + 1;
            reasonCounts[reason] = count;
            if (count == 2)
            {
                int times = pauseRules.Count(r => r.Reason == reason);
                errors.Add(new(nameof(PauseWhile), i, null,
                    string.Create(CultureInfo.InvariantCulture, $"the pause rule for {reason} is defined {times} times")));
            }
            if (kinds.Count == 0)
            {
                errors.Add(new(nameof(PauseWhile), i, null,
                    $"the pause rule for {reason} lists no kinds of commitment to pause: list at least one, such as FirstResponse or Resolution"));
            }
            for (int j = 0; j < kinds.Count; j++)
            {
                if (kinds[j] == CommitmentKind.Appointment)
                {
                    errors.Add(new(nameof(PauseWhile), i, j,
                        $"the pause rule for {reason} pauses Appointment, but an appointment window is a fixed time and cannot be paused"));
                }
            }
        }
        return errors;
    }
}
