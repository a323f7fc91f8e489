// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>Options of an <see cref="EscalationDispatcher"/>: retries, backoff and the claim lease.</summary>
/// <remarks>Mutable and not thread-safe; the dispatcher copies the values when it is created and checks them then.</remarks>
[Mutable]
public sealed class EscalationDispatcherOptions
{
    /// <summary>Gets or sets how many times a delivery is attempted before it is reported as failed.</summary>
    /// <value>1 to 100; the default is 4.</value>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Gets or sets the wait after the first failed attempt.</summary>
    /// <value>Zero or more; the default is 1 second.</value>
    public Duration InitialBackoff { get; set; } = Duration.FromSeconds(1);

    /// <summary>Gets or sets the factor each further wait is multiplied by.</summary>
    /// <value>1 or more; the default is 2 (exponential backoff).</value>
    public double BackoffMultiplier { get; set; } = 2.0;

    /// <summary>Gets or sets the longest wait between attempts.</summary>
    /// <value>At least <see cref="InitialBackoff"/>; the default is 1 minute.</value>
    public Duration MaxBackoff { get; set; } = Duration.FromMinutes(1);

    /// <summary>Gets or sets how long a claim on a key lasts: after a crash between delivery and the log write, the
    /// key can be delivered again once it runs out.</summary>
    /// <value>More than the sum of all the waits between attempts; the default is 5 minutes.</value>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(5);
}
