// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
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
/// </summary>
internal ref struct BusinessHoursParser
{
    private const string DayExpectation = "a day name (Mon, Tue, Wed, Thu, Fri, Sat, Sun) or '24x7'";

    private static readonly string[] ShortDayNames = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    private static readonly string[] LongDayNames = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

    private readonly string text;
    private int position;

    private BusinessHoursParser(string text)
    {
        this.text = text;
        position = 0;
    }

    public static WeeklyHours ParseWeekly(string text)
    {
        Preconditions.CheckNotNull(text);
        var parser = new BusinessHoursParser(text);
        return parser.ParseWeeklyText();
    }

    public static IReadOnlyList<TimeRange> ParseRanges(string text)
    {
        Preconditions.CheckNotNull(text);
        var parser = new BusinessHoursParser(text);
        var ranges = new List<TimeRange>();
        parser.SkipSpaces();
        parser.ParseRangeList(ranges);
        parser.SkipSpaces();
        parser.ExpectEnd("',' or the end of the text");
        return ranges;
    }

    public static TimeRange ParseSingleRange(string text)
    {
        Preconditions.CheckNotNull(text);
        var parser = new BusinessHoursParser(text);
        parser.SkipSpaces();
        TimeRange range = parser.ParseRange();
        parser.SkipSpaces();
        parser.ExpectEnd("the end of the text");
        return range;
    }

    private WeeklyHours ParseWeeklyText()
    {
        SkipSpaces();
        if (TryConsumeWord("24x7") || TryConsumeWord("24/7"))
        {
            SkipSpaces();
            ExpectEnd("the end of the text after '24x7'");
            return WeeklyHours.AllDay;
        }

        var builder = new List<(IsoDayOfWeek Day, TimeRange Range)>();
        var days = new List<IsoDayOfWeek>();
        var ranges = new List<TimeRange>();
        while (true)
        {
            days.Clear();
            ranges.Clear();
            ParseDaySet(days);
            SkipSpaces();
            ParseRangeList(ranges);
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
                throw Fail("';' before the next days, ',' before another range, or the end of the text");
            }
            position++;
            SkipSpaces();
            if (position == text.Length)
            {
                break; // a trailing ';' is allowed
            }
        }
        return WeeklyHours.FromRanges(builder);
    }

    private void ParseDaySet(List<IsoDayOfWeek> days)
    {
        while (true)
        {
            IsoDayOfWeek first = ParseDay();
            SkipSpaces();
            if (position < text.Length && text[position] == '-')
            {
                position++;
                SkipSpaces();
                IsoDayOfWeek last = ParseDay();
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
            return;
        }
    }

    private IsoDayOfWeek ParseDay()
    {
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
            throw Fail(DayExpectation);
        }
        return (IsoDayOfWeek)(index + 1);
    }

    private void ParseRangeList(List<TimeRange> ranges)
    {
        while (true)
        {
            ranges.Add(ParseRange());
            SkipSpaces();
            if (position < text.Length && text[position] == ',')
            {
                position++;
                SkipSpaces();
                if (position < text.Length && char.IsLetter(text[position]))
                {
                    throw Fail("a time range such as 09:00-17:00 (use ';' before another set of days)");
                }
                continue;
            }
            return;
        }
    }

    private TimeRange ParseRange()
    {
        if (position >= text.Length || !char.IsDigit(text[position]))
        {
            throw Fail("a time range such as 09:00-17:00");
        }
        LocalTime open = ParseTime(allowEndOfDay: false);
        SkipSpaces();
        if (position >= text.Length || (text[position] != '-' && text[position] != '\u2013'))
        {
            throw Fail("'-' between the opening and closing times");
        }
        position++;
        SkipSpaces();
        LocalTime close = ParseTime(allowEndOfDay: true);
        return new TimeRange(open, close);
    }

    private LocalTime ParseTime(bool allowEndOfDay)
    {
        if (!TimeOfDayGrammar.TryRead(text, ref position, allowEndOfDay, out LocalTime time, out _, out ParseFailure failure))
        {
            position = failure.Position;
            throw Fail(failure.Expected);
        }
        return time;
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

    private bool NextNonSpaceIsLetter(int from)
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

    private void ExpectEnd(string expectation)
    {
        if (position != text.Length)
        {
            throw Fail(expectation);
        }
    }

    private readonly BusinessHoursFormatException Fail(string expected) => new(text, position, expected);
}
