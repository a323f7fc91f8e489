// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// A remedy that was due and that the host recorded as given (a <see cref="RemedyGiven"/> fact with its key): no longer
/// listed in <see cref="EvaluationResult.RemediesDue"/>, and, when the remedy has a deadline, met on time or late.
/// </summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class GivenRemedy
{
    internal GivenRemedy(RemedyDue due, RemedyGiven given)
    {
        Due = due;
        Given = given;
    }

    /// <summary>Gets the remedy as it was due: the remedy, the breach, its deadline and its key.</summary>
    public RemedyDue Due { get; }

    /// <summary>Gets the fact that recorded it given: when, by whom, and the amount applied.</summary>
    public RemedyGiven Given { get; }

    /// <summary>Gets the remedy.</summary>
    public BreachRemedy Remedy => Due.Remedy;

    /// <summary>Gets the remedy's key.</summary>
    public ActionKey Key => Due.Key;

    /// <summary>Gets the instant it was given.</summary>
    public Instant GivenAt => Given.At;

    /// <summary>Gets whether it was given after its deadline (inclusive, as every deadline: given at the deadline is on
    /// time); false when it has no deadline.</summary>
    public bool IsLate => Due.Deadline is { } deadline && Given.At > deadline;

    /// <summary>Returns the key, the remedy and whether it was late.</summary>
    /// <returns>The given remedy for logs.</returns>
    public override string ToString() => $"{Key}: {Remedy} given at {GivenAt}{(IsLate ? " (late)" : "")}";
}
