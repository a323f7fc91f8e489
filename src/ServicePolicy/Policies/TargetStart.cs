// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Policies;

/// <summary>When a profile change (<see cref="Evaluation.ProfileChanged"/>) makes a policy govern an interaction, from
/// which instant the commitments its targets give start counting.</summary>
/// <remarks>Set per policy with <see cref="ServiceLevelPolicyBuilder.WithTargetStart"/>, the setting of the policy that
/// starts governing applies. The default value is <see cref="FromChange"/>.</remarks>
public enum TargetStart
{
    /// <summary>From the change: a ticket made urgent at 14:00 owes its urgent first response 1 hour after 14:00.</summary>
    FromChange,

    /// <summary>Retroactively, as if the policy had governed all along (ServiceNow's "retroactive start"): from the
    /// instant the commitment would have started, such as the opening for first response and resolution, the
    /// customer's message for next response, the last public reply for periodic update. A ticket opened at 13:00 and
    /// made urgent at 14:00 owes its urgent first response at 14:00, and is breached from then on.</summary>
    Retroactive,
}
