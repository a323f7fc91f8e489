// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>Options of the <see cref="OutboxRelay"/>: batches, retries with backoff, attempt timeouts, the lease and
/// polling. Bound from the configuration section <see cref="SectionName"/> (durations as NodaTime's round-trip pattern,
/// <c>-D:hh:mm:ss.FFFFFFFFF</c>, for example <c>0:00:05:00</c> for five minutes).</summary>
/// <remarks>
/// <para>Mutable and not thread-safe; the relay copies the values when it is created and checks them then (as host
/// start-up does), reporting every bad value with its configuration path.</para>
/// <para>The rule that ties them together: <see cref="LeaseDuration"/> must be more than <see cref="MaxAttempts"/>
/// times <see cref="AttemptTimeout"/> plus <see cref="MaxAttempts"/> - 1 waits of <see cref="MaxBackoff"/>, so that
/// every attempt of a delivery ends before its lease does; a delivery that could not finish within what is left of
/// its batch's lease is not started but released.</para>
/// <para>Equality is reference equality.</para>
/// </remarks>
[Mutable]
public sealed class OutboxRelayOptions
{
    /// <summary>The configuration section the options are bound from: <c>ServicePolicy:Hosting:Relay</c>.</summary>
    public const string SectionName = "ServicePolicy:Hosting:Relay";

    /// <summary>Gets or sets the most entries leased at once.</summary>
    /// <value>1 to 10,000; the default is 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>Gets or sets how many times an entry is attempted within one lease before it is dead-lettered.</summary>
    /// <value>1 to 100; the default is 5.</value>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the base of the waits between attempts: they grow exponentially from it, with jitter
    /// (Polly's decorrelated jitter), and never exceed <see cref="MaxBackoff"/>.</summary>
    /// <value>Zero to <see cref="MaxBackoff"/>; the default is 1 second.</value>
    public Duration InitialBackoff { get; set; } = Duration.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between attempts.</summary>
    /// <value><see cref="InitialBackoff"/> to one day; the default is 30 seconds.</value>
    public Duration MaxBackoff { get; set; } = Duration.FromSeconds(30);

    /// <summary>Gets or sets how long one attempt may take before it is cancelled and counted as failed.</summary>
    /// <value>10 milliseconds to one day; the default is 30 seconds.</value>
    public Duration AttemptTimeout { get; set; } = Duration.FromSeconds(30);

    /// <summary>Gets or sets how long a lease lasts, by the store's clock: after a crash between delivery and marking
    /// sent, the entry is delivered again once it runs out.</summary>
    /// <value>More than <see cref="MaxAttempts"/> × <see cref="AttemptTimeout"/> + (<see cref="MaxAttempts"/> - 1) ×
    /// <see cref="MaxBackoff"/> (270 seconds with the defaults), and at most 30 days; the default is 5 minutes.</value>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(5);

    /// <summary>Gets or sets how long the relay service waits before it looks again when a batch was not full, and the
    /// first wait after a store error (later ones grow, up to the larger of this and <see cref="MaxBackoff"/>).</summary>
    /// <value>More than zero and at most one hour; the default is 1 second.</value>
    public Duration PollInterval { get; set; } = Duration.FromSeconds(1);

    /// <summary>Gets or sets how many entries of a batch are delivered at once.</summary>
    /// <value>1 to 64; the default is 4.</value>
    public int Parallelism { get; set; } = 4;
}
