// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>
/// A timeline's fact is out of order, contradicts an earlier fact (a resume without a pause, a resolution of a resolved
/// interaction), or cannot be evaluated under the policy (a promise with no deadline and no follow-up target, an agreed
/// deadline or waiver for a cycle that is not running). The message names the fact and its zero-based position.
/// </summary>
/// <remarks>Thrown by <see cref="Timeline.Create"/>, <see cref="Timeline.Append"/> and <see cref="Evaluator"/>.</remarks>
[Mutable]
public sealed class InvalidTimelineException : ArgumentException
{
    internal InvalidTimelineException(string paramName, int position, TimelineFact? fact, string problem)
        : base($"Fact {position} ({fact?.ToString() ?? "null"}) is invalid: {problem}", paramName)
    {
        Position = position;
        Fact = fact;
    }

    /// <summary>Gets the zero-based position of the bad fact in the timeline.</summary>
    public int Position { get; }

    /// <summary>Gets the bad fact; null when the fact itself was null.</summary>
    public TimelineFact? Fact { get; }
}
