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
    private readonly List<(PauseReason Reason, CommitmentKind[] Kinds, string[] Targets)> pauseRules = new();
    private Applicability applicability = Applicability.Any;
    private AtRiskThreshold atRisk = AtRiskThreshold.None;
    private HandoffLimit? handoffLimit;
    private string? escalationChainName;
    private TargetStart targetStart;
    private ReplacedTarget replacedTarget;
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
        pauseRules.AddRange(policy.PauseRules.Select(r => (r.Reason, r.PausedKinds.ToArray(), r.PausedTargets.ToArray())));
        applicability = policy.Applicability;
        atRisk = policy.AtRisk;
        handoffLimit = policy.HandoffLimit;
        escalationChainName = policy.EscalationChainName;
        targetStart = policy.TargetStart;
        replacedTarget = policy.ReplacedTarget;
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

    /// <summary>Removes the target for a kind of commitment with a name (for a custom kind or a named measure, the one
    /// with that name), so that <see cref="AddTarget(ServiceTarget)"/> can replace it in a builder from
    /// <see cref="ServiceLevelPolicy.ToBuilder"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="customName">The target's name (compared ordinally); null for the unnamed target of a built-in kind.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    /// <exception cref="InvalidOperationException">The builder has no such target; the message lists the targets it has.</exception>
    public ServiceLevelPolicyBuilder RemoveTarget(CommitmentKind kind, string? customName = null)
    {
        Preconditions.CheckArgumentRange((int)kind, (int)CommitmentKind.FirstResponse, (int)CommitmentKind.Custom, nameof(kind));
        int removed = targets.RemoveAll(t => t.IsFor(kind, customName));
        if (removed == 0)
        {
            string what = kind == CommitmentKind.Custom ? $"custom target '{customName}'" : customName is null ? $"{kind} target" : $"{kind} target '{customName}'";
            string has = targets.Count == 0 ? "none" : string.Join(", ", targets.Select(t =>
                t.Kind == CommitmentKind.Custom ? $"custom '{t.Name}'" : t.Name is null ? t.Kind.ToString() : $"{t.Kind} '{t.Name}'"));
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

    /// <summary>Makes waiting for <paramref name="reason"/> stop the clocks of <paramref name="kinds"/> (every target
    /// of each kind, named or not).</summary>
    /// <param name="reason">The reason for waiting: built in or the host's own (<see cref="PauseReason.Create"/>).</param>
    /// <param name="kinds">The kinds of commitment to pause; at least one, and not <see cref="CommitmentKind.Appointment"/>
    /// (an appointment window is a fixed time).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentException">No kind is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not defined.</exception>
    public ServiceLevelPolicyBuilder PauseWhile(PauseReason reason, params CommitmentKind[] kinds)
    {
        Preconditions.CheckNotNull(kinds);
        Preconditions.CheckArgument(kinds.Length > 0, nameof(kinds), "At least one kind of commitment is required.");
        return PauseWhile(reason, kinds, Array.Empty<string>());
    }

    /// <summary>Makes waiting for <paramref name="reason"/> stop the clocks of <paramref name="kinds"/> (every target
    /// of each) and of the targets named <paramref name="targetNames"/>: so that of two measures of one kind (see
    /// <see cref="ServiceTarget.WithName"/>), one can pause while the other runs.</summary>
    /// <param name="reason">The reason for waiting: built in or the host's own (<see cref="PauseReason.Create"/>).</param>
    /// <param name="kinds">The kinds of commitment to pause, not <see cref="CommitmentKind.Appointment"/>; may be empty.</param>
    /// <param name="targetNames">The names of the policy's targets to pause (compared ordinally): measures or custom
    /// targets; may be empty, but together with <paramref name="kinds"/> at least one. <see cref="Build"/> checks that
    /// each names a target of the policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument or a name is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not defined.</exception>
    /// <example><code>
    /// // Requester wait time stops while waiting on the customer; agent work time also while waiting on a vendor.
    /// builder.AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessHours(40)).WithName("requester wait time"))
    ///        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinBusinessHours(16)).WithName("agent work time"))
    ///        .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.Resolution)
    ///        .PauseWhile(PauseReason.Create("WaitingOnVendor"), Array.Empty&lt;CommitmentKind&gt;(), new[] { "agent work time" });
    /// </code></example>
    public ServiceLevelPolicyBuilder PauseWhile(PauseReason reason, IEnumerable<CommitmentKind> kinds, IEnumerable<string> targetNames)
    {
        CommitmentKind[] kindArray = Preconditions.CheckNotNull(kinds).ToArray();
        string[] names = Preconditions.CheckNotNull(targetNames).ToArray();
        foreach (CommitmentKind kind in kindArray)
        {
            Preconditions.CheckArgumentRange((int)kind, (int)CommitmentKind.FirstResponse, (int)CommitmentKind.Custom, nameof(kinds));
        }
        Preconditions.CheckArgument(names.All(n => n is not null), nameof(targetNames), "A target name is null.");
        pauseRules.Add((reason, kindArray, names));
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

    /// <summary>Sets from when the policy's commitments count when a profile change makes it govern an interaction
    /// (by default <see cref="TargetStart.FromChange"/>).</summary>
    /// <param name="start">From the change, or retroactively.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is not a defined value.</exception>
    public ServiceLevelPolicyBuilder WithTargetStart(TargetStart start)
    {
        Preconditions.CheckArgumentRange((int)start, (int)TargetStart.FromChange, (int)TargetStart.Retroactive, nameof(start));
        targetStart = start;
        return this;
    }

    /// <summary>Sets what happens to the policy's running cycles when a profile change selects another policy (by
    /// default <see cref="ReplacedTarget.Cancel"/>).</summary>
    /// <param name="replaced">Cancel them at the change, or keep them to their end.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="replaced"/> is not a defined value.</exception>
    public ServiceLevelPolicyBuilder WithReplacedTarget(ReplacedTarget replaced)
    {
        Preconditions.CheckArgumentRange((int)replaced, (int)ReplacedTarget.Cancel, (int)ReplacedTarget.KeepToEnd, nameof(replaced));
        replacedTarget = replaced;
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

    /// <summary>Builds the policy, checking the rules that span several calls: at least one target; at most one unnamed
    /// target per kind, and each target name once; at most one pause rule per reason, each pausing at least one kind or
    /// target, naming only the policy's targets, and not appointments.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidOperationException">The policy breaks one or more of those rules; the message lists
    /// every problem.</exception>
    public ServiceLevelPolicy Build()
    {
        BuildError.ThrowIfAny($"Policy '{name} v{version.ToString(CultureInfo.InvariantCulture)}' is invalid", Validate());
        return new ServiceLevelPolicy(name, version, calendar, applicability, targets.ToArray(),
            pauseRules.Select(r => new PauseRule(r.Reason, r.Kinds.ToImmutableHashSet(), r.Targets.ToImmutableSortedSet(StringComparer.Ordinal))).ToArray(),
            atRisk, handoffLimit, escalationChainName, targetStart, replacedTarget)
        {
            FeedbackScale = feedbackScale,
        };
    }

    /// <summary>Checks the rules that span several calls (see <see cref="Build"/>) and returns every problem, each
    /// naming the builder call that breaks the rule.</summary>
    /// <returns>The problems; empty when the builder would build.</returns>
    internal IReadOnlyList<BuildError> Validate() =>
        Validate(targets.Select(t => (t.Kind, t.Name)).ToArray(),
            pauseRules.Select(r => (r.Reason, (IReadOnlyList<CommitmentKind>)r.Kinds, (IReadOnlyList<string>)r.Targets)).ToArray());

    /// <summary>The rules that span several calls, over the policy's shape: the <c>AddTarget</c> calls' kinds and names and the
    /// <c>PauseWhile</c> calls' reasons, kinds and target names, in the order they were made. Configuration checks the shape it
    /// was given with this, even when some of its parts did not parse.</summary>
    /// <param name="targets">The kind and name of each target.</param>
    /// <param name="pauseRules">The reason, kinds and target names of each pause rule. An error about a rule's element
    /// has the element's position in its kinds followed by its target names.</param>
    /// <returns>The problems, in the order of the calls that break the rules.</returns>
    internal static IReadOnlyList<BuildError> Validate(
        IReadOnlyList<(CommitmentKind Kind, string? Name)> targets,
        IReadOnlyList<(PauseReason Reason, IReadOnlyList<CommitmentKind> Kinds, IReadOnlyList<string> Targets)> pauseRules)
    {
        var errors = new List<BuildError>();
        if (targets.Count == 0)
        {
            errors.Add(new(nameof(AddTarget), null, null, "no targets are defined: add at least one"));
        }
        var unnamedCounts = new Dictionary<CommitmentKind, int>();
        var nameCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < targets.Count; i++)
        {
            (CommitmentKind kind, string? targetName) = targets[i];
            if (targetName is null)
            {
                int count = unnamedCounts.GetValueOrDefault(kind) + 1;
                unnamedCounts[kind] = count;
                if (count == 2)
                {
                    int times = targets.Count(t => t.Kind == kind && t.Name is null);
                    errors.Add(new(nameof(AddTarget), i, null, string.Create(CultureInfo.InvariantCulture,
                        $"the {kind} target is defined {times} times: to measure {kind} more than one way, give each target its own name")));
                }
            }
            else
            {
                int count = nameCounts.GetValueOrDefault(targetName) + 1;
                nameCounts[targetName] = count;
                if (count == 2)
                {
                    string what = kind == CommitmentKind.Custom ? $"custom target '{targetName}'" : $"target name '{targetName}'";
                    int times = targets.Count(t => string.Equals(t.Name, targetName, StringComparison.Ordinal));
                    errors.Add(new(nameof(AddTarget), i, null, string.Create(CultureInfo.InvariantCulture,
                        $"the {what} is defined {times} times: each target's name must be unique in the policy")));
                }
            }
        }
        var reasonCounts = new Dictionary<PauseReason, int>();
        for (int i = 0; i < pauseRules.Count; i++)
        {
            (PauseReason reason, IReadOnlyList<CommitmentKind> kinds, IReadOnlyList<string> pausedTargets) = pauseRules[i];
            int count = reasonCounts.GetValueOrDefault(reason) + 1;
            reasonCounts[reason] = count;
            if (count == 2)
            {
                int times = pauseRules.Count(r => r.Reason == reason);
                errors.Add(new(nameof(PauseWhile), i, null,
                    string.Create(CultureInfo.InvariantCulture, $"the pause rule for {reason} is defined {times} times")));
            }
            if (kinds.Count == 0 && pausedTargets.Count == 0)
            {
                errors.Add(new(nameof(PauseWhile), i, null,
                    $"the pause rule for {reason} lists no kinds of commitment to pause: list at least one, such as FirstResponse or Resolution, or a target's name"));
            }
            for (int j = 0; j < kinds.Count; j++)
            {
                if (kinds[j] == CommitmentKind.Appointment)
                {
                    errors.Add(new(nameof(PauseWhile), i, j,
                        $"the pause rule for {reason} pauses Appointment, but an appointment window is a fixed time and cannot be paused"));
                }
            }
            for (int k = 0; k < pausedTargets.Count; k++)
            {
                string pausedName = pausedTargets[k];
                if (!nameCounts.ContainsKey(pausedName))
                {
                    errors.Add(new(nameof(PauseWhile), i, kinds.Count + k, $"the pause rule for {reason} pauses the target '{pausedName}', but the policy has no target of that name"
                        + (nameCounts.Count == 0 ? " (it has no named targets)" : $"; its named targets: {string.Join(", ", nameCounts.Keys.Select(n => $"'{n}'"))}")));
                }
            }
        }
        return errors;
    }
}
