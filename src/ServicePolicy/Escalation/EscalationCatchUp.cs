// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Escalation;

/// <summary>What evaluation lists when it runs late, after steps of a commitment's escalation have passed unseen
/// (downtime, a host that did not look at <c>NextChangeAt</c>).</summary>
/// <remarks>The default value is <see cref="LatestOnly"/>.</remarks>
public enum EscalationCatchUp
{
    /// <summary>List only the most recent step whose moment has passed (all steps at that same instant), marked late
    /// when its moment is before the evaluated instant; earlier steps, warnings included, are skipped for good.</summary>
    LatestOnly,

    /// <summary>List every step whose moment has passed and that is not acknowledged, the missed ones marked late, up to
    /// <see cref="EscalationChain.MaxCatchUpSteps"/> per commitment cycle (the latest; the earliest listed counts the
    /// others in <see cref="EscalationAction.EarlierStepsNotListed"/>).</summary>
    FireAllMissed,
}
