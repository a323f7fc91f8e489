// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// One rung of an escalation ladder after a breach: when (a delay after the breach for the first level, after the
/// previous level's step for the others), who, what, and what stops it.
/// </summary>
/// <remarks>
/// <para>By default a level notifies, stops on acknowledgement, goes out at any hour and has no authority to decide.
/// Every level stops once the commitment is met or ended.</para>
/// <para>Immutable: the <c>With…</c> methods return modified copies. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class EscalationLevel
{
    private EscalationLevel(EscalationRecipient recipient, EscalationDelay delay, EscalationActionKind action, string? customAction,
        bool stopsOnAcknowledgement, bool hasAuthorityToDecide, bool waitsForWorkingHours)
    {
        Recipient = recipient;
        Delay = delay;
        Action = action;
        CustomAction = customAction;
        StopsOnAcknowledgement = stopsOnAcknowledgement;
        HasAuthorityToDecide = hasAuthorityToDecide;
        WaitsForWorkingHours = waitsForWorkingHours;
    }

    /// <summary>Gets who the level escalates to.</summary>
    public EscalationRecipient Recipient { get; }

    /// <summary>Gets the wait: after the breach for the first level, after the previous level's step for the others.</summary>
    public EscalationDelay Delay { get; }

    /// <summary>Gets what the host does.</summary>
    public EscalationActionKind Action { get; }

    /// <summary>Gets the name of the host's own action when <see cref="Action"/> is <see cref="EscalationActionKind.Custom"/>; null otherwise.</summary>
    public string? CustomAction { get; }

    /// <summary>Gets whether an acknowledgement stops this level (until the chain's acknowledgement timeout); when
    /// false, only the commitment being met stops it.</summary>
    public bool StopsOnAcknowledgement { get; }

    /// <summary>Gets whether the recipient has the authority to decide: a breached handoff limit escalates to the first
    /// such level.</summary>
    public bool HasAuthorityToDecide { get; }

    /// <summary>Gets whether the step waits until a recipient's working hours are open (the earliest of the resolved
    /// contacts' <see cref="EscalationContact.WorkingHours"/>); when false it goes out at any hour.</summary>
    public bool WaitsForWorkingHours { get; }

    /// <summary>Creates a level that notifies <paramref name="recipient"/> after <paramref name="delay"/>.</summary>
    /// <param name="recipient">Who the level escalates to.</param>
    /// <param name="delay">The wait after the breach (first level) or the previous level's step.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static EscalationLevel Create(EscalationRecipient recipient, EscalationDelay delay) =>
        new(Preconditions.CheckNotNull(recipient), Preconditions.CheckNotNull(delay), EscalationActionKind.Notify, null, true, false, false);

    /// <summary>Returns a copy with a built-in action.</summary>
    /// <param name="action">Notify, reassign or raise priority (use <see cref="WithCustomAction"/> for the host's own).</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is not a built-in action.</exception>
    public EscalationLevel WithAction(EscalationActionKind action)
    {
        Preconditions.CheckArgumentRange((int)action, (int)EscalationActionKind.Notify, (int)EscalationActionKind.RaisePriority, nameof(action));
        return new(Recipient, Delay, action, null, StopsOnAcknowledgement, HasAuthorityToDecide, WaitsForWorkingHours);
    }

    /// <summary>Returns a copy whose action is the host's own, named <paramref name="name"/>.</summary>
    /// <param name="name">The action's name, such as <c>page-sre</c>.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public EscalationLevel WithCustomAction(string name)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A custom action's name must not be empty or white space.");
        return new(Recipient, Delay, EscalationActionKind.Custom, name, StopsOnAcknowledgement, HasAuthorityToDecide, WaitsForWorkingHours);
    }

    /// <summary>Returns a copy that an acknowledgement stops (true, the default) or that only the commitment being met stops (false).</summary>
    /// <param name="stops">Whether an acknowledgement stops the level.</param>
    /// <returns>The modified copy.</returns>
    public EscalationLevel WithStopOnAcknowledgement(bool stops) =>
        new(Recipient, Delay, Action, CustomAction, stops, HasAuthorityToDecide, WaitsForWorkingHours);

    /// <summary>Returns a copy marked as having (or not having) the authority to decide.</summary>
    /// <param name="hasAuthority">Whether the recipient can decide.</param>
    /// <returns>The modified copy.</returns>
    public EscalationLevel WithAuthorityToDecide(bool hasAuthority = true) =>
        new(Recipient, Delay, Action, CustomAction, StopsOnAcknowledgement, hasAuthority, WaitsForWorkingHours);

    /// <summary>Returns a copy that waits for its recipient's working hours (true) or goes out at any hour (false, the default).</summary>
    /// <param name="waits">Whether to wait.</param>
    /// <returns>The modified copy.</returns>
    public EscalationLevel WithWaitForWorkingHours(bool waits = true) =>
        new(Recipient, Delay, Action, CustomAction, StopsOnAcknowledgement, HasAuthorityToDecide, waits);

    /// <summary>Returns the level for logs, such as <c>Notify owner's lead after 00:00:00 elapsed</c>.</summary>
    /// <returns>The level.</returns>
    public override string ToString() => $"{(Action == EscalationActionKind.Custom ? CustomAction : Action.ToString())} {Recipient} after {Delay}";
}
