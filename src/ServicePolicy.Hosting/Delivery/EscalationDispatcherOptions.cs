// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

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
    /// <value>More than <see cref="MaxAttempts"/> times <see cref="AttemptTimeout"/> plus all the waits between
    /// attempts, so that a slow delivery cannot outlive its claim; the default is 5 minutes.</value>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(5);

    /// <summary>Gets or sets how long one delivery attempt may take before it is cancelled and counted as failed.</summary>
    /// <value>More than zero and at most one day; the default is 30 seconds.</value>
    public Duration AttemptTimeout { get; set; } = Duration.FromSeconds(30);

    /// <summary>Gets or sets the timer that the waits between attempts and the attempt timeouts run on (the Polly
    /// pipeline's <c>TimeProvider</c>); claims and sent times come from the dispatcher's <see cref="IClock"/>.</summary>
    /// <value>Not null; the default is <see cref="TimeProvider.System"/>. Tests pass a fake one.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
