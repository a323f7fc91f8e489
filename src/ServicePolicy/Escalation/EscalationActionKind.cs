// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Escalation;

/// <summary>What the host does when an escalation step is due. The library only says what is due; the host acts.</summary>
/// <remarks>The default value is <see cref="Notify"/>.</remarks>
public enum EscalationActionKind
{
    /// <summary>Tell the recipients about the commitment.</summary>
    Notify,

    /// <summary>Hand the interaction to the recipient (the host then appends an owner-assigned fact).</summary>
    Reassign,

    /// <summary>Raise the interaction's priority, and tell the recipients.</summary>
    RaisePriority,

    /// <summary>The host's own action, named by <see cref="EscalationLevel.CustomAction"/>.</summary>
    Custom,
}
