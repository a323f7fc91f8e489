// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>How many feedback answers gave one score: a bar of a <see cref="FeedbackScores"/> distribution.</summary>
/// <remarks>Immutable. Equality is value equality (a record).</remarks>
[Immutable]
public sealed record ScoreCount
{
    /// <summary>Creates a count.</summary>
    /// <param name="score">The score.</param>
    /// <param name="count">How many answers gave it.</param>
    [JsonConstructor]
    public ScoreCount(int score, long count)
    {
        Score = score;
        Count = count;
    }

    /// <summary>Gets the score.</summary>
    public int Score { get; }

    /// <summary>Gets how many answers gave it.</summary>
    public long Count { get; }
}
