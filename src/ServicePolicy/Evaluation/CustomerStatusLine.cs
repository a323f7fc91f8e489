// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>What a customer is told about one commitment: a sentence such as "We will reply by Monday 23 November,
/// 12:40 (your time)." and the instant it promises, if any.</summary>
/// <remarks>Immutable. Equality is reference equality. Produced by <see cref="CustomerStatus.Describe"/>.</remarks>
[Immutable]
public sealed class CustomerStatusLine
{
    internal CustomerStatusLine(CommitmentStatus commitment, string text, Instant? promisedBy)
    {
        Commitment = commitment;
        Text = text;
        PromisedBy = promisedBy;
    }

    /// <summary>Gets the commitment cycle the sentence is about.</summary>
    public CommitmentStatus Commitment { get; }

    /// <summary>Gets the sentence (or sentences, such as an apology followed by a remedy), ending with a full stop.</summary>
    public string Text { get; }

    /// <summary>Gets the instant the sentence promises something by (the deadline, or an appointment window's end),
    /// never before <see cref="CustomerStatus.Now"/>; null when it promises no time (met, paused or breached). The text
    /// names it to the minute, rounded down, so it never promises later than the commitment's deadline.</summary>
    public Instant? PromisedBy { get; }

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => Text;
}
