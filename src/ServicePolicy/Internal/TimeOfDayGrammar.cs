// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace ServicePolicy.Internal;

/// <summary>
/// The one grammar for a time of day, used by business-hours text, deadline expressions and configuration:
/// <code>
/// time := H[H] ":" mm [":" ss ["." f{1,9}]]     (00:00 to 23:59:59.999999999)
///       | "24:00" [":00" [".0…"]]                 (only where the end of the day is meant: closing times)
/// </code>
/// Hours have one or two digits (<c>9:00</c> and <c>09:00</c> are the same time); minutes and seconds exactly two;
/// a fraction of a second one to nine. A digit right after any part is an error (<c>123:00</c>, <c>09:000</c>).
/// White space is not part of a time: grammars that embed a time skip it around the time, and
/// <see cref="TryParse(string?, out LocalTime, out string?)"/> ignores it at both ends.
/// </summary>
internal static class TimeOfDayGrammar
{
    /// <summary>The expectation when no time starts at the position.</summary>
    internal const string TimeExpected = "a time in the form HH:mm";

    private const string ColonExpected = "a time in the form HH:mm, with ':' between hours and minutes";
    private const string MinutesExpected = "two digits of minutes (a time in the form HH:mm)";
    private const string SecondsExpected = "two digits of seconds";
    private const string FractionExpected = "one to nine digits of a fraction of a second";
    private const string HourRange = "a time of day from 00:00 to 23:59:59";
    private const string HourRangeOrEndOfDay = "a time of day from 00:00 to 23:59:59, or 24:00 as a closing time";
    private const string EndOfDayExactly = "24:00 exactly (the end of the day) or an hour from 00 to 23";

    /// <summary>Reads a time of day that starts at <paramref name="position"/> (no white space is skipped). The non-throwing
    /// core of every time-of-day parser in the library.</summary>
    /// <param name="text">The whole text.</param>
    /// <param name="position">Where the time starts; on success, moved to just after it; unchanged on failure.</param>
    /// <param name="allowEndOfDay">Whether <c>24:00</c> is allowed, meaning the end of the day (closing times).</param>
    /// <param name="time">The time; <see cref="LocalTime.Midnight"/> for <c>24:00</c>.</param>
    /// <param name="isEndOfDay">Whether the text was <c>24:00</c>.</param>
    /// <param name="failure">Where the text stopped being a time and what was expected there.</param>
    /// <returns>Whether a time was read.</returns>
    internal static bool TryRead(string text, ref int position, bool allowEndOfDay, out LocalTime time, out bool isEndOfDay, out ParseFailure failure)
    {
        time = LocalTime.Midnight;
        isEndOfDay = false;
        int start = position;
        int pos = position;
        if (!TryReadNumber(text, ref pos, 1, 2, out int hour))
        {
            failure = new ParseFailure(start, TimeExpected);
            return false;
        }
        if (pos >= text.Length || text[pos] != ':')
        {
            failure = new ParseFailure(pos, ColonExpected);
            return false;
        }
        pos++;
        int minuteStart = pos;
        if (!TryReadNumber(text, ref pos, 2, 2, out int minute))
        {
            failure = new ParseFailure(minuteStart, MinutesExpected);
            return false;
        }
        int second = 0;
        int nanosecond = 0;
        int secondStart = pos;
        if (pos < text.Length && text[pos] == ':')
        {
            pos++;
            secondStart = pos;
            if (!TryReadNumber(text, ref pos, 2, 2, out second))
            {
                failure = new ParseFailure(secondStart, SecondsExpected);
                return false;
            }
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                int fractionStart = pos;
                if (!TryReadNumber(text, ref pos, 1, 9, out nanosecond))
                {
                    failure = new ParseFailure(fractionStart, FractionExpected);
                    return false;
                }
                for (int digits = pos - fractionStart; digits < 9; digits++)
                {
                    nanosecond *= 10;
                }
            }
        }
        if (hour == 24 && allowEndOfDay)
        {
            if (minute != 0 || second != 0 || nanosecond != 0)
            {
                failure = new ParseFailure(start, EndOfDayExactly);
                return false;
            }
            isEndOfDay = true;
        }
        else if (hour > 23)
        {
            failure = new ParseFailure(start, allowEndOfDay ? HourRangeOrEndOfDay : HourRange);
            return false;
        }
        else if (minute > 59)
        {
            failure = new ParseFailure(minuteStart, "minutes from 00 to 59");
            return false;
        }
        else if (second > 59)
        {
            failure = new ParseFailure(secondStart, "seconds from 00 to 59");
            return false;
        }
        else
        {
            time = LocalTime.FromHourMinuteSecondNanosecond(hour, minute, second, nanosecond);
        }
        position = pos;
        failure = default;
        return true;
    }

    /// <summary>Parses a whole text as a time of day (not <c>24:00</c>), ignoring white space at both ends: the entry point
    /// for configuration values that hold only a time, such as a rota's hand-over time.</summary>
    /// <param name="text">The text, such as <c>9:00</c> or <c>09:00:30</c>.</param>
    /// <param name="time">The time when the text is valid.</param>
    /// <param name="error">When the text is invalid, a one-line message that quotes it and says what was expected at
    /// which position.</param>
    /// <returns>Whether the text was a time of day.</returns>
    internal static bool TryParse(string? text, out LocalTime time, [NotNullWhen(false)] out string? error)
    {
        text ??= string.Empty;
        int pos = SkipWhiteSpace(text, 0);
        if (TryRead(text, ref pos, allowEndOfDay: false, out time, out _, out ParseFailure failure))
        {
            pos = SkipWhiteSpace(text, pos);
            if (pos == text.Length)
            {
                error = null;
                return true;
            }
            failure = new ParseFailure(pos, "the end of the time");
        }
        time = LocalTime.Midnight;
        string found = failure.Position < text.Length ? text[failure.Position].ToString() : string.Empty;
        error = ParseErrorMessage.Build("time of day", text, failure.Position, failure.Expected, found, withCaret: false);
        return false;
    }

    /// <summary>Writes a time in the shortest form this grammar reads back: <c>HH:mm</c>, with seconds and a fraction only
    /// when present.</summary>
    /// <param name="time">The time.</param>
    /// <param name="isEndOfDay">Whether <see cref="LocalTime.Midnight"/> means the end of the day (written <c>24:00</c>).</param>
    /// <returns>The text.</returns>
    internal static string Format(LocalTime time, bool isEndOfDay)
    {
        if (isEndOfDay && time == LocalTime.Midnight)
        {
            return "24:00";
        }
        string pattern = time.NanosecondOfSecond != 0 ? "HH:mm:ss.FFFFFFFFF" : time.Second != 0 ? "HH:mm:ss" : "HH:mm";
        return time.ToString(pattern, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads <paramref name="minDigits"/> to <paramref name="maxDigits"/> ASCII digits, failing if fewer are
    /// there or if another digit follows them; <paramref name="pos"/> moves only on success.</summary>
    private static bool TryReadNumber(string text, ref int pos, int minDigits, int maxDigits, out int value)
    {
        int end = pos;
        value = 0;
        while (end < text.Length && end - pos < maxDigits && char.IsAsciiDigit(text[end]))
        {
            value = (value * 10) + (text[end] - '0');
            end++;
        }
        if (end - pos < minDigits || (end < text.Length && char.IsAsciiDigit(text[end])))
        {
            return false;
        }
        pos = end;
        return true;
    }

    private static int SkipWhiteSpace(string text, int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
        return pos;
    }
}
