// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// Reads business-hours text. Grammar (case-insensitive, spaces allowed between tokens):
/// <code>
/// weekly  := "24x7" | clause (";" clause)* [";"]
/// clause  := days range ("," range)*
/// days    := day ["-" day] ("," day ["-" day])*     (a day span may wrap: Fri-Mon)
/// day     := Mon | Tue | Wed | Thu | Fri | Sat | Sun  (or the full English name)
/// range   := time "-" time                          (closing not after opening: ends next day)
/// time    := H[H]:mm[:ss[.f{1,9}]]                  (TimeOfDayGrammar; 24:00 allowed as a closing time)
/// </code>
/// Every method returns whether it succeeded; a failure leaves its position and expectation in a
/// <see cref="ParseFailure"/>. The <c>Try…</c> entry points return it; the others turn it into a
/// <see cref="BusinessHoursFormatException"/>.
/// </summary>
internal ref struct BusinessHoursParser
{
    private const string DayExpectation = "a day name (Mon, Tue, Wed, Thu, Fri, Sat, Sun) or '24x7'";

    private static readonly string[] ShortDayNames = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    private static readonly string[] LongDayNames = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

    private readonly string text;
    private int position;
    private ParseFailure failure;

    private BusinessHoursParser(string text)
    {
        this.text = text;
        position = 0;
        failure = default;
    }

    public static WeeklyHours ParseWeekly(string text)
    {
        Preconditions.CheckNotNull(text);
        return TryParseWeekly(text, out WeeklyHours? hours, out ParseFailure failure) ? hours : throw Exception(text, failure);
    }

    /// <summary>The non-throwing core of <see cref="WeeklyHours.Parse"/> and <see cref="WeeklyHours.TryParse"/>.</summary>
    public static bool TryParseWeekly(string text, [NotNullWhen(true)] out WeeklyHours? hours, out ParseFailure failure)
    {
        var parser = new BusinessHoursParser(text);
        bool parsed = parser.TryWeeklyText(out hours);
        failure = parser.failure;
        return parsed;
    }

    public static IReadOnlyList<TimeRange> ParseRanges(string text)
    {
        Preconditions.CheckNotNull(text);
        return TryParseRanges(text, out List<TimeRange>? ranges, out ParseFailure failure) ? ranges : throw Exception(text, failure);
    }

    /// <summary>The non-throwing core of <see cref="ParseRanges"/>: ranges separated by commas, such as a special day's.</summary>
    public static bool TryParseRanges(string text, [NotNullWhen(true)] out List<TimeRange>? ranges, out ParseFailure failure)
    {
        var parser = new BusinessHoursParser(text);
        ranges = new List<TimeRange>();
        parser.SkipSpaces();
        bool parsed = parser.TryRangeList(ranges) && parser.ExpectEnd("',' or the end of the text");
        failure = parser.failure;
        if (!parsed)
        {
            ranges = null;
        }
        return parsed;
    }

    public static TimeRange ParseSingleRange(string text)
    {
        Preconditions.CheckNotNull(text);
        var parser = new BusinessHoursParser(text);
        parser.SkipSpaces();
        if (parser.TryRange(out TimeRange range))
        {
            parser.SkipSpaces();
            if (parser.ExpectEnd("the end of the text"))
            {
                return range;
            }
        }
        throw Exception(text, parser.failure);
    }

    private static BusinessHoursFormatException Exception(string text, ParseFailure failure) => new(text, failure.Position, failure.Expected);

    private bool TryWeeklyText([NotNullWhen(true)] out WeeklyHours? hours)
    {
        hours = null;
        SkipSpaces();
        if (TryConsumeWord("24x7") || TryConsumeWord("24/7"))
        {
            SkipSpaces();
            if (!ExpectEnd("the end of the text after '24x7'"))
            {
                return false;
            }
            hours = WeeklyHours.AllDay;
            return true;
        }

        var builder = new List<(IsoDayOfWeek Day, TimeRange Range)>();
        var days = new List<IsoDayOfWeek>();
        var ranges = new List<TimeRange>();
        while (true)
        {
            days.Clear();
            ranges.Clear();
            if (!TryDaySet(days))
            {
                return false;
            }
            SkipSpaces();
            if (!TryRangeList(ranges))
            {
                return false;
            }
            foreach (IsoDayOfWeek day in days)
            {
                foreach (TimeRange range in ranges)
                {
                    builder.Add((day, range));
                }
            }
            SkipSpaces();
            if (position == text.Length)
            {
                break;
            }
            if (text[position] != ';')
            {
                return Fail("';' before the next days, ',' before another range, or the end of the text");
            }
            position++;
            SkipSpaces();
            if (position == text.Length)
            {
                break; // a trailing ';' is allowed
            }
        }
        hours = WeeklyHours.FromRanges(builder);
        return true;
    }

    private bool TryDaySet(List<IsoDayOfWeek> days)
    {
        while (true)
        {
            if (!TryDay(out IsoDayOfWeek first))
            {
                return false;
            }
            SkipSpaces();
            if (position < text.Length && text[position] == '-')
            {
                position++;
                SkipSpaces();
                if (!TryDay(out IsoDayOfWeek last))
                {
                    return false;
                }
                int count = ((int)last - (int)first + 7) % 7;
                for (int i = 0; i <= count; i++)
                {
                    days.Add((IsoDayOfWeek)(((int)first - 1 + i) % 7 + 1));
                }
            }
            else
            {
                days.Add(first);
            }
            SkipSpaces();
            if (position < text.Length && text[position] == ',' && NextNonSpaceIsLetter(position + 1))
            {
                position++;
                SkipSpaces();
                continue;
            }
            return true;
        }
    }

    private bool TryDay(out IsoDayOfWeek day)
    {
        day = default;
        int start = position;
        while (position < text.Length && char.IsLetter(text[position]))
        {
            position++;
        }
        string word = text.Substring(start, position - start).ToLowerInvariant();
        int index = Array.IndexOf(ShortDayNames, word);
        if (index < 0)
        {
            index = Array.IndexOf(LongDayNames, word);
        }
        if (index < 0)
        {
            position = start;
            return Fail(DayExpectation);
        }
        day = (IsoDayOfWeek)(index + 1);
        return true;
    }

    private bool TryRangeList(List<TimeRange> ranges)
    {
        while (true)
        {
            if (!TryRange(out TimeRange range))
            {
                return false;
            }
            ranges.Add(range);
            SkipSpaces();
            if (position < text.Length && text[position] == ',')
            {
                position++;
                SkipSpaces();
                if (position < text.Length && char.IsLetter(text[position]))
                {
                    return Fail("a time range such as 09:00-17:00 (use ';' before another set of days)");
                }
                continue;
            }
            return true;
        }
    }

    private bool TryRange(out TimeRange range)
    {
        range = default;
        if (position >= text.Length || !char.IsDigit(text[position]))
        {
            return Fail("a time range such as 09:00-17:00");
        }
        if (!TryTime(allowEndOfDay: false, out LocalTime open))
        {
            return false;
        }
        SkipSpaces();
        if (position >= text.Length || (text[position] != '-' && text[position] != '\u2013'))
        {
            return Fail("'-' between the opening and closing times");
        }
        position++;
        SkipSpaces();
        if (!TryTime(allowEndOfDay: true, out LocalTime close))
        {
            return false;
        }
        range = new TimeRange(open, close);
        return true;
    }

    private bool TryTime(bool allowEndOfDay, out LocalTime time)
    {
        if (TimeOfDayGrammar.TryRead(text, ref position, allowEndOfDay, out time, out _, out ParseFailure timeFailure))
        {
            return true;
        }
        failure = timeFailure;
        return false;
    }

    private bool TryConsumeWord(string word)
    {
        if (string.Compare(text, position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
        {
            position += word.Length;
            return true;
        }
        return false;
    }

    private readonly bool NextNonSpaceIsLetter(int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }
        return from < text.Length && char.IsLetter(text[from]);
    }

    private void SkipSpaces()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private bool ExpectEnd(string expectation) => position == text.Length || Fail(expectation);

    /// <summary>Records that parsing failed at the current position; always returns false.</summary>
    private bool Fail(string expected)
    {
        failure = new ParseFailure(position, expected);
        return false;
    }
}
