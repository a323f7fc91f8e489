// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;

namespace ServicePolicy.Internal;

/// <summary>The one wording of the library's text-parsing errors: the subject and the quoted text, what was expected at
/// which (one-based) position and what was found there, optionally followed by the text with a caret under the position.</summary>
internal static class ParseErrorMessage
{
    public static string Build(string subject, string text, int position, string expected, string foundToken, bool withCaret)
    {
        string found = position >= text.Length ? "the end of the text" : $"'{foundToken}'";
        string message = string.Create(CultureInfo.InvariantCulture,
            $"Invalid {subject} '{text}': expected {expected} at position {position + 1}, found {found}.");
        return withCaret
            ? message + Environment.NewLine + "  " + text + Environment.NewLine + "  " + new string(' ', position) + "^"
            : message;
    }
}
