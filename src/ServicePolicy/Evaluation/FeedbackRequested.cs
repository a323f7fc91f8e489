// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>An agent asked the customer for feedback, meeting the open feedback-request cycle.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class FeedbackRequested : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant feedback was requested.</param>
    public FeedbackRequested(Instant at)
        : base(at)
    {
    }
}
