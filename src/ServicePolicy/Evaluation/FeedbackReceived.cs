// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The customer answered a feedback request: a score on the scale the policy declares
/// (<see cref="Policies.ServiceLevelPolicy.FeedbackScale"/>) and an optional comment. The evaluation lists every answer
/// in <see cref="EvaluationResult.Feedback"/>; a score outside the policy's scale, or an answer under a policy that
/// declares no scale, is refused with an <see cref="InvalidTimelineException"/> naming the fact.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class FeedbackReceived : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant the answer arrived.</param>
    /// <param name="score">The score; checked against the policy's scale when evaluated.</param>
    /// <param name="comment">The customer's comment; null when none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range
    /// 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public FeedbackReceived(Instant at, int score, string? comment = null)
        : base(at)
    {
        Score = score;
        Comment = comment;
    }

    /// <summary>Gets the score.</summary>
    public int Score { get; }

    /// <summary>Gets the customer's comment; null when none.</summary>
    public string? Comment { get; }

    /// <summary>Returns the fact, its instant and the score.</summary>
    /// <returns>The fact for messages and logs.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{base.ToString()} (score {Score})");
}
