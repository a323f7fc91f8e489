// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// The scale of the scores a policy's feedback requests ask for, such as 1 to 5: the whole numbers from
/// <see cref="Minimum"/> to <see cref="Maximum"/>, both inclusive. A <c>FeedbackReceived</c> fact with a score outside
/// it is refused when the timeline is evaluated.
/// </summary>
/// <remarks>Immutable. Two scales are equal when their bounds are equal.</remarks>
[Immutable]
public sealed class FeedbackScale : IEquatable<FeedbackScale>
{
    private FeedbackScale(int minimum, int maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the lowest score, inclusive.</summary>
    public int Minimum { get; }

    /// <summary>Gets the highest score, inclusive.</summary>
    public int Maximum { get; }

    /// <summary>Creates a scale from <paramref name="minimum"/> to <paramref name="maximum"/>, both inclusive.</summary>
    /// <param name="minimum">The lowest score; 0 or more.</param>
    /// <param name="maximum">The highest score; greater than <paramref name="minimum"/>, at most 1000.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> is negative, or
    /// <paramref name="maximum"/> is not greater than it or is over 1000.</exception>
    public static FeedbackScale Create(int minimum, int maximum)
    {
        Preconditions.CheckArgumentRange(minimum, 0, 999);
        Preconditions.CheckArgumentRange(maximum, minimum + 1, 1000);
        return new FeedbackScale(minimum, maximum);
    }

    /// <summary>Returns whether <paramref name="score"/> is on the scale.</summary>
    /// <param name="score">The score.</param>
    /// <returns>Whether it lies from <see cref="Minimum"/> to <see cref="Maximum"/>, both inclusive.</returns>
    public bool Contains(int score) => score >= Minimum && score <= Maximum;

    /// <inheritdoc/>
    public bool Equals(FeedbackScale? other) => other is not null && Minimum == other.Minimum && Maximum == other.Maximum;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FeedbackScale);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum);

    /// <summary>Returns the scale, such as <c>1-5</c>.</summary>
    /// <returns>The bounds.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Minimum}-{Maximum}");
}
