// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>How long the cycles of one commitment kind took to be met (on time or late).</summary>
/// <remarks>Immutable. Equality is value equality (a record).</remarks>
[Immutable]
public sealed record TimeToMeet
{
    /// <summary>Creates the figures of one kind.</summary>
    /// <param name="kind">The kind, as in <see cref="ReportDimension.Kind"/>.</param>
    /// <param name="onClock">Time on the commitment's own clock (<see cref="Evaluation.CommitmentStatus.Elapsed"/>:
    /// business time for calendar rules, elapsed time for elapsed-time rules; paused time excluded).</param>
    /// <param name="elapsed">Wall-clock time from the cycle's start to its being met, paused time included.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    [JsonConstructor]
    public TimeToMeet(string kind, DurationPercentiles onClock, DurationPercentiles elapsed)
    {
        Kind = Preconditions.CheckNotNull(kind);
        OnClock = Preconditions.CheckNotNull(onClock);
        Elapsed = Preconditions.CheckNotNull(elapsed);
    }

    /// <summary>Gets the commitment kind, such as <c>FirstResponse</c> or <c>Custom:callback</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the time to meet on the commitment's clock: business time for calendar rules (paused time
    /// excluded).</summary>
    public DurationPercentiles OnClock { get; }

    /// <summary>Gets the wall-clock time from start to met.</summary>
    public DurationPercentiles Elapsed { get; }
}
