// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>
/// Thrown when a deadline expression (for example <c>4 business hours</c> or <c>end of business day, cut-off 15:00</c>)
/// cannot be read. The message quotes the text, marks the offending position and says what was expected there.
/// </summary>
/// <remarks>Positions are zero-based in <see cref="Position"/> and one-based in the message.</remarks>
[Mutable]
public sealed class DeadlineExpressionFormatException : FormatException
{
    /// <summary>Creates an exception for <paramref name="text"/> that failed at <paramref name="position"/>.</summary>
    /// <param name="text">The whole text being parsed.</param>
    /// <param name="position">The zero-based position at which parsing failed.</param>
    /// <param name="expected">What was expected at that position, e.g. "a time in the form HH:mm".</param>
    public DeadlineExpressionFormatException(string text, int position, string expected)
        : base(BuildMessage(text, position, expected, withCaret: true))
    {
        Text = text;
        Position = position;
        Expected = expected;
    }

    /// <summary>Gets the text that could not be parsed.</summary>
    public string Text { get; }

    /// <summary>Gets the zero-based position in <see cref="Text"/> at which parsing failed.</summary>
    public int Position { get; }

    /// <summary>Gets what was expected at <see cref="Position"/>.</summary>
    public string Expected { get; }

    /// <summary>Gets the message on one line, without the marker under the text (for configuration errors and logs).</summary>
    internal string SingleLineMessage => BuildMessage(Text, Position, Expected, withCaret: false);

    private static string BuildMessage(string text, int position, string expected, bool withCaret)
    {
        string found = position >= text.Length ? string.Empty : Found(text, position);
        return ParseErrorMessage.Build("deadline expression", text, position, expected, found, withCaret);
    }

    private static string Found(string text, int position)
    {
        // A whole word reads better than one letter: "found 'busines'".
        int end = position;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }
        return end == position ? text[position].ToString() : text.Substring(position, end - position);
    }
}
