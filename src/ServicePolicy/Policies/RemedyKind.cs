// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Policies;

/// <summary>What a host does for the customer when a commitment is breached.</summary>
/// <remarks>The default value is <see cref="Apology"/>.</remarks>
public enum RemedyKind
{
    /// <summary>An apology to the customer.</summary>
    Apology,

    /// <summary>An accommodation, such as a discount or a free upgrade, optionally with an amount.</summary>
    Accommodation,

    /// <summary>A credit to the customer's account, with an amount.</summary>
    Credit,

    /// <summary>A proactive message to the customer, identified by the host's template id.</summary>
    ProactiveMessage,
}
