// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>The tokens of deadline expressions: numbers, unit and other words, times of day, white space, and how a
/// failure is recorded.</summary>
internal sealed partial class DeadlineExpressionParser
{
    private enum Unit
    {
        Day,
        Hour,
        Minute,
        Second,
        Millisecond,
        Nanosecond,
    }

    private bool TryTime(out LocalTime time)
    {
        if (TimeOfDayGrammar.TryRead(text, ref pos, allowEndOfDay: false, out time, out _, out ParseFailure timeFailure))
        {
            return true;
        }
        failure = timeFailure;
        return false;
    }

    private bool TryReadPositiveNumber(out long value)
    {
        int start = pos;
        if (!TryReadNumber(out value))
        {
            return false;
        }
        return value != 0 || FailAt(start, "a number greater than zero");
    }

    private bool TryReadNumber(out long value)
    {
        int start = pos;
        value = 0;
        if (pos >= text.Length || !char.IsAsciiDigit(text[pos]))
        {
            return Fail("a number");
        }
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            if (value > (long.MaxValue - 9) / 10)
            {
                return FailAt(start, "a smaller number");
            }
            value = (value * 10) + (text[pos] - '0');
            pos++;
        }
        return true;
    }

    private bool TryReadUnit(string expected, out Unit unit)
    {
        int start = pos;
        Unit? read = ReadWord().ToLowerInvariant() switch
        {
            "day" or "days" => Unit.Day,
            "hour" or "hours" => Unit.Hour,
            "minute" or "minutes" => Unit.Minute,
            "second" or "seconds" => Unit.Second,
            "millisecond" or "milliseconds" => Unit.Millisecond,
            "nanosecond" or "nanoseconds" => Unit.Nanosecond,
            _ => null,
        };
        unit = read.GetValueOrDefault();
        return read is not null || FailAt(start, expected);
    }

    private bool ExpectWords(params string[] words)
    {
        foreach (string word in words)
        {
            SkipWhiteSpace();
            if (!TryWord(word))
            {
                return Fail($"'{word}'");
            }
        }
        SkipWhiteSpace();
        return true;
    }

    private bool TryWord(string word)
    {
        int start = pos;
        if (ReadWord().Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        pos = start;
        return false;
    }

    private string ReadWord()
    {
        int start = pos;
        while (pos < text.Length && (char.IsLetter(text[pos]) || (text[pos] == '-' && pos > start)))
        {
            pos++;
        }
        return text.Substring(start, pos - start);
    }

    private bool ExpectEnd(string expected)
    {
        SkipWhiteSpace();
        return pos >= text.Length || Fail(expected);
    }

    private void SkipWhiteSpace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private static string UnitName(Unit unit) => unit.ToString().ToLowerInvariant() + "s";

    /// <summary>A duration from whole nanoseconds already checked to be within <see cref="Duration"/>'s range.</summary>
    private static Duration ToDuration(Int128 nanoseconds) => Duration.FromNanoseconds(nanoseconds);

    /// <summary>Records that parsing failed at the current position; always returns false.</summary>
    private bool Fail(string expected)
    {
        failure = new ParseFailure(pos, expected);
        return false;
    }

    /// <summary>Records that parsing failed at <paramref name="position"/>; always returns false.</summary>
    private bool FailAt(int position, string expected)
    {
        pos = position;
        return Fail(expected);
    }
}
