// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Escalation;

/// <summary>Who an <see cref="EscalationRecipient"/> stands for.</summary>
/// <remarks>The default value is <see cref="Owner"/>.</remarks>
public enum EscalationRecipientKind
{
    /// <summary>The interaction's current owner.</summary>
    Owner,

    /// <summary>The team lead of the interaction's current owner.</summary>
    OwnersLead,

    /// <summary>The manager of the interaction's current owner.</summary>
    OwnersManager,

    /// <summary>Whoever holds a named role, such as the duty manager.</summary>
    Role,

    /// <summary>A named person.</summary>
    Person,

    /// <summary>The person on call in a <see cref="WeeklyRota"/> at the step's instant.</summary>
    OnCall,
}
