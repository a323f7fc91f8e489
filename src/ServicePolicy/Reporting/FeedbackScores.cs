// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>The customers' feedback answers (<c>FeedbackReceived</c> facts) of a set of interactions: how many, their
/// mean score and how many gave each score.</summary>
/// <remarks>Immutable (the distribution is a read-only copy). Equality is value equality of the count and sum and
/// reference equality of the distribution (a record); compare distributions with <c>SequenceEqual</c>.</remarks>
[Immutable]
public sealed record FeedbackScores
{
    /// <summary>Creates the scores.</summary>
    /// <param name="count">How many answers.</param>
    /// <param name="sum">Their scores added up.</param>
    /// <param name="distribution">How many answers gave each score, by score ascending; scores no answer gave are left out.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    [JsonConstructor]
    public FeedbackScores(long count, long sum, IReadOnlyList<ScoreCount> distribution)
    {
        Count = count;
        Sum = sum;
        Distribution = Preconditions.CheckNotNull(distribution).ToArray().AsReadOnly();
    }

    /// <summary>Gets no answers.</summary>
    public static FeedbackScores Empty { get; } = new(0, 0, []);

    /// <summary>Gets how many answers.</summary>
    public long Count { get; }

    /// <summary>Gets their scores added up.</summary>
    public long Sum { get; }

    /// <summary>Gets the mean score; null when there are no answers.</summary>
    [JsonIgnore]
    public double? Mean => Count == 0 ? null : (double)Sum / Count;

    /// <summary>Gets how many answers gave each score, by score ascending; scores no answer gave are left out.</summary>
    public IReadOnlyList<ScoreCount> Distribution { get; }
}
