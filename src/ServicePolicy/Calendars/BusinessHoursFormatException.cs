// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// Thrown when business-hours text (for example <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c>) cannot be read.
/// The message quotes the text, marks the offending position and says what was expected there.
/// </summary>
[Mutable]
public sealed class BusinessHoursFormatException : FormatException
{
    /// <summary>Creates an exception for <paramref name="text"/> that failed at <paramref name="position"/>.</summary>
    /// <param name="text">The whole text being parsed.</param>
    /// <param name="position">The zero-based position at which parsing failed.</param>
    /// <param name="expected">What was expected at that position, e.g. "a time in the form HH:mm".</param>
    public BusinessHoursFormatException(string text, int position, string expected)
        : base(BuildMessage(text, position, expected))
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

    private static string BuildMessage(string text, int position, string expected, bool withCaret = true)
    {
        string found = position >= text.Length ? string.Empty : text[position].ToString();
        return ParseErrorMessage.Build("business hours", text, position, expected, found, withCaret);
    }
}
