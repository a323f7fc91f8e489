// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>What one <see cref="EscalationDispatcher.DispatchAsync"/> call did with each action.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class DispatchReport
{
    internal DispatchReport(IReadOnlyList<EscalationAction> delivered, IReadOnlyList<EscalationAction> alreadySent,
        IReadOnlyList<EscalationAction> heldByAnother, IReadOnlyList<EscalationAction> failed)
    {
        Delivered = delivered;
        AlreadySent = alreadySent;
        HeldByAnother = heldByAnother;
        Failed = failed;
    }

    /// <summary>Gets the actions delivered and recorded by this call.</summary>
    public IReadOnlyList<EscalationAction> Delivered { get; }

    /// <summary>Gets the actions skipped because the log says they were sent.</summary>
    public IReadOnlyList<EscalationAction> AlreadySent { get; }

    /// <summary>Gets the actions skipped because another dispatcher holds their claim.</summary>
    public IReadOnlyList<EscalationAction> HeldByAnother { get; }

    /// <summary>Gets the actions whose every attempt failed; their claims are released so the next evaluation retries.</summary>
    public IReadOnlyList<EscalationAction> Failed { get; }
}
