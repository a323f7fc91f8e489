// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// Thrown when text is not an action key (for example <c>T-1/FirstResponse/0/standard@a8d12acb2806/L0/R0</c>; the grammar is
/// documented on <see cref="ActionKey"/>). The message quotes the text, marks the offending position and says what was
/// expected there.
/// </summary>
/// <remarks>Positions are zero-based in <see cref="Position"/> and one-based in the message.</remarks>
[Mutable]
public sealed class ActionKeyFormatException : FormatException
{
    /// <summary>Creates an exception for <paramref name="text"/> that failed at <paramref name="position"/>.</summary>
    /// <param name="text">The whole text being parsed.</param>
    /// <param name="position">The zero-based position at which parsing failed.</param>
    /// <param name="expected">What was expected at that position, e.g. "a cycle number".</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="expected"/> is null.</exception>
    public ActionKeyFormatException(string text, int position, string expected)
        : base(BuildMessage(Preconditions.CheckNotNull(text), position, Preconditions.CheckNotNull(expected)))
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

    private static string BuildMessage(string text, int position, string expected)
    {
        position = Math.Clamp(position, 0, text.Length);
        int end = position < text.Length ? text.IndexOf(ActionKeyPart.Separator, position) : -1;
        // The part of the key found there, or the separator itself when the part is empty.
        string found = position >= text.Length ? string.Empty
            : end == position ? ActionKeyPart.Separator.ToString()
            : end < 0 ? text[position..] : text[position..end];
        return ParseErrorMessage.Build("action key", text, position, expected, found, withCaret: true);
    }
}
