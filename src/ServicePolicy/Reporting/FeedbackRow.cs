// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>The feedback scores of one value of one interaction dimension (policy, team, owner, channel, tier or
/// audience): "what customers say" per owner and team.</summary>
/// <remarks>Immutable. Equality is value equality (a record).</remarks>
[Immutable]
public sealed record FeedbackRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="dimension">What the row groups by: not <see cref="ReportDimension.Kind"/> nor
    /// <see cref="ReportDimension.Period"/> (an answer belongs to the interaction, not to a cycle).</param>
    /// <param name="key">The value grouped on, as in <see cref="AttainmentRow.Key"/>.</param>
    /// <param name="scores">The answers of the interactions with that value.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> or <paramref name="scores"/> is null.</exception>
    [JsonConstructor]
    public FeedbackRow(ReportDimension dimension, string key, FeedbackScores scores)
    {
        Dimension = dimension;
        Key = Preconditions.CheckNotNull(key);
        Scores = Preconditions.CheckNotNull(scores);
    }

    /// <summary>Gets what the row groups by.</summary>
    public ReportDimension Dimension { get; }

    /// <summary>Gets the value grouped on; empty when the host did not know it.</summary>
    public string Key { get; }

    /// <summary>Gets the answers.</summary>
    public FeedbackScores Scores { get; }
}
