// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>
/// Reads and writes deadline expressions: the one small grammar for <see cref="DeadlineRule"/>s used by configuration
/// files and by code.
/// </summary>
/// <remarks>
/// <para>The forms, case-insensitive, with singular or plural units and any amount of white space between words:</para>
/// <list type="table">
/// <listheader><term>Expression</term><description>Rule</description></listheader>
/// <item><term><c>4 business hours</c>, <c>30 business minutes</c>, <c>4 business hours 30 minutes</c></term>
/// <description><see cref="DeadlineRule.WithinBusinessTime"/>; parts may be joined by <c>and</c> or a comma, largest
/// unit first (hours, minutes, seconds, milliseconds, nanoseconds).</description></item>
/// <item><term><c>2 business days</c></term><description><see cref="DeadlineRule.BusinessDays"/>: the end of the
/// second business date after the start date.</description></item>
/// <item><term><c>2 business days at 12:00</c></term><description><see cref="DeadlineRule.BusinessDaysAt"/>.</description></item>
/// <item><term><c>24 hours</c>, <c>2 days</c>, <c>1 hour 30 minutes</c></term><description>
/// <see cref="DeadlineRule.WithinElapsedTime"/> (a day is 24 hours of elapsed time).</description></item>
/// <item><term><c>PT4H</c>, <c>P1DT12H</c>, <c>PT0.5S</c></term><description>An ISO-8601 duration of weeks, days, hours,
/// minutes and seconds, meaning elapsed time (<see cref="DeadlineRule.WithinElapsedTime"/>); years and months are
/// rejected because they have no fixed length.</description></item>
/// <item><term><c>end of business day</c>, <c>end of business day, cut-off 15:00</c></term><description>
/// <see cref="DeadlineRule.EndOfBusinessDay"/>; <c>cutoff</c> and <c>cut off</c> are accepted too.</description></item>
/// <item><term><c>next business day at 10:00</c></term><description><see cref="DeadlineRule.NextBusinessDayAt"/>.</description></item>
/// <item><term><c>appointment window of 4 hours</c></term><description><see cref="DeadlineRule.AppointmentWindow"/>.</description></item>
/// </list>
/// <para>Times are <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffffff</c> in the calendar's local time.
/// <see cref="Format"/> writes every rule in the first listed spelling of its form (durations in hours and smaller
/// units, never days), and parsing that text gives an equal rule.</para>
/// </remarks>
public static class DeadlineExpression
{
    private const string StartExpected =
        "a number, 'end of business day', 'next business day at', 'appointment window of' or an ISO-8601 duration such as PT4H";

    private const long NanosPerHour = 3_600_000_000_000;
    private const long NanosPerMinute = 60_000_000_000;
    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerMillisecond = 1_000_000;

    private enum Unit
    {
        Day,
        Hour,
        Minute,
        Second,
        Millisecond,
        Nanosecond,
    }

    /// <summary>Parses a deadline expression.</summary>
    /// <param name="text">The expression, such as <c>4 business hours</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DeadlineExpressionFormatException">The text is not a deadline expression; the message quotes it
    /// and says what was expected at which position.</exception>
    public static DeadlineRule Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return new Parser(text).ParseRule();
    }

    /// <summary>Tries to parse a deadline expression; see <see cref="Parse"/>.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="rule">The rule when the text is valid; otherwise null.</param>
    /// <param name="error">The error when the text is invalid; otherwise null.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DeadlineRule? rule, [NotNullWhen(false)] out DeadlineExpressionFormatException? error)
    {
        if (text is null)
        {
            rule = null;
            error = new DeadlineExpressionFormatException(string.Empty, 0, StartExpected);
            return false;
        }
        try
        {
            rule = new Parser(text).ParseRule();
            error = null;
            return true;
        }
        catch (DeadlineExpressionFormatException e)
        {
            rule = null;
            error = e;
            return false;
        }
    }

    /// <summary>Writes a rule as a deadline expression that <see cref="Parse"/> reads back to an equal rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The expression, such as <c>2 business days at 12:00</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public static string Format(DeadlineRule rule)
    {
        Preconditions.CheckNotNull(rule);
        return rule switch
        {
            WithinBusinessTimeRule r => FormatAmount(r.Amount, business: true),
            WithinElapsedTimeRule r => FormatAmount(r.Amount, business: false),
            EndOfBusinessDayRule { CutOff: { } cutOff } => "end of business day, cut-off " + FormatTime(cutOff),
            EndOfBusinessDayRule => "end of business day",
            NextBusinessDayRule r => "next business day at " + FormatTime(r.At),
            BusinessDaysRule r => r.Days.ToString(CultureInfo.InvariantCulture) + (r.Days == 1 ? " business day" : " business days")
                + (r.At is { } at ? " at " + FormatTime(at) : string.Empty),
            AppointmentWindowRule r => "appointment window of " + FormatAmount(r.MaximumWidth, business: false),
            _ => throw new ArgumentException($"Rule type {rule.GetType().Name} has no deadline expression.", nameof(rule)),
        };
    }

    /// <summary>Parses an elapsed duration written as amounts (<c>30 minutes</c>, <c>1 hour 30 minutes</c>) or as an
    /// ISO-8601 duration (<c>PT30M</c>); used for lead times in configuration.</summary>
    internal static bool TryParseDuration(string text, out Duration duration, [NotNullWhen(false)] out DeadlineExpressionFormatException? error)
    {
        try
        {
            duration = new Parser(text).ParseElapsedDuration();
            error = null;
            return true;
        }
        catch (DeadlineExpressionFormatException e)
        {
            duration = Duration.Zero;
            error = e;
            return false;
        }
    }

    private static string FormatTime(LocalTime time) => TimeRange.FormatTime(time, isClose: false);

    private static string FormatAmount(Duration duration, bool business)
    {
        long nanoOfDay = duration.NanosecondOfDay;
        long hours = ((long)duration.Days * 24) + (nanoOfDay / NanosPerHour);
        long rest = nanoOfDay % NanosPerHour;
        var text = new StringBuilder();
        bool first = true;
        void Add(long count, string unit)
        {
            if (count == 0)
            {
                return;
            }
            if (!first)
            {
                text.Append(' ');
            }
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ');
            if (business && first)
            {
                text.Append("business ");
            }
            first = false;
            text.Append(unit);
            if (count != 1)
            {
                text.Append('s');
            }
        }
        Add(hours, "hour");
        Add(rest / NanosPerMinute, "minute");
        Add(rest % NanosPerMinute / NanosPerSecond, "second");
        Add(rest % NanosPerSecond / NanosPerMillisecond, "millisecond");
        Add(rest % NanosPerMillisecond, "nanosecond");
        return text.ToString();
    }

    private static string UnitName(Unit unit) => unit.ToString().ToLowerInvariant() + "s";

    /// <summary>A recursive-descent parser over the text; failures throw <see cref="DeadlineExpressionFormatException"/>.</summary>
    private sealed class Parser
    {
        private readonly string text;
        private int pos;

        internal Parser(string text)
        {
            this.text = text;
        }

        internal DeadlineRule ParseRule()
        {
            SkipWhiteSpace();
            if (pos >= text.Length)
            {
                throw Fail(StartExpected);
            }
            if (char.IsAsciiDigit(text[pos]))
            {
                return ParseAmountRule();
            }
            if (LooksLikeIso())
            {
                Duration duration = ParseIso();
                ExpectEnd("the end of the text");
                return DeadlineRule.WithinElapsedTime(duration);
            }
            int start = pos;
            string word = ReadWord();
            switch (word.ToLowerInvariant())
            {
                case "end":
                    return ParseEndOfBusinessDay();
                case "next":
                    ExpectWords("business", "day", "at");
                    LocalTime at = ReadTime();
                    ExpectEnd("the end of the text");
                    return DeadlineRule.NextBusinessDayAt(at);
                case "appointment":
                    ExpectWords("window", "of");
                    SkipWhiteSpace();
                    int amountStart = pos;
                    Duration width = ParseElapsedAmounts();
                    ExpectEnd("another amount such as '30 minutes', or the end of the text");
                    return DeadlineRule.AppointmentWindow(CheckPositive(width, amountStart));
                default:
                    pos = start;
                    throw Fail(StartExpected);
            }
        }

        internal Duration ParseElapsedDuration()
        {
            SkipWhiteSpace();
            int start = pos;
            Duration duration;
            if (LooksLikeIso())
            {
                duration = ParseIso();
                ExpectEnd("the end of the text");
                return duration;
            }
            if (pos >= text.Length || !char.IsAsciiDigit(text[pos]))
            {
                throw Fail("a duration such as '30 minutes' or PT30M");
            }
            duration = ParseElapsedAmounts();
            ExpectEnd("another amount such as '30 minutes', or the end of the text");
            return CheckPositive(duration, start);
        }

        private DeadlineRule ParseAmountRule()
        {
            int numberStart = pos;
            long count = ReadPositiveNumber();
            SkipWhiteSpace();
            int wordStart = pos;
            if (TryWord("business"))
            {
                SkipWhiteSpace();
                Unit unit = ReadUnit("a unit (days, hours, minutes, seconds)");
                if (unit == Unit.Day)
                {
                    if (count > 3650)
                    {
                        pos = numberStart;
                        throw Fail("a number of business days from 1 to 3650");
                    }
                    SkipWhiteSpace();
                    if (TryWord("at"))
                    {
                        SkipWhiteSpace();
                        LocalTime at = ReadTime();
                        ExpectEnd("the end of the text");
                        return DeadlineRule.BusinessDaysAt((int)count, at);
                    }
                    ExpectEnd("'at' and a time such as 12:00, or the end of the text");
                    return DeadlineRule.BusinessDays((int)count);
                }
                Duration amount = Amount(count, unit, numberStart);
                amount = AddMoreParts(amount, unit, numberStart, business: true);
                ExpectEnd("another amount such as '30 minutes', or the end of the text");
                return DeadlineRule.WithinBusinessTime(amount);
            }
            pos = wordStart;
            Unit elapsedUnit = ReadUnit("'business' or a unit (days, hours, minutes, seconds)");
            Duration elapsed = AddMoreParts(Amount(count, elapsedUnit, numberStart), elapsedUnit, numberStart, business: false);
            ExpectEnd("another amount such as '30 minutes', or the end of the text");
            return DeadlineRule.WithinElapsedTime(elapsed);
        }

        private Duration ParseElapsedAmounts()
        {
            int numberStart = pos;
            long count = ReadPositiveNumber();
            SkipWhiteSpace();
            Unit unit = ReadUnit("a unit (days, hours, minutes, seconds)");
            return AddMoreParts(Amount(count, unit, numberStart), unit, numberStart, business: false);
        }

        private Duration AddMoreParts(Duration total, Unit last, int firstNumber, bool business)
        {
            while (true)
            {
                int save = pos;
                SkipWhiteSpace();
                bool joined = false;
                if (pos < text.Length && text[pos] == ',')
                {
                    pos++;
                    joined = true;
                }
                else if (TryWord("and"))
                {
                    joined = true;
                }
                SkipWhiteSpace();
                if (pos >= text.Length || !char.IsAsciiDigit(text[pos]))
                {
                    if (joined)
                    {
                        throw Fail("a number");
                    }
                    pos = save;
                    return total;
                }
                int numberStart = pos;
                long count = ReadPositiveNumber();
                SkipWhiteSpace();
                if (business && TryWord("business"))
                {
                    SkipWhiteSpace();
                }
                int unitStart = pos;
                Unit unit = ReadUnit($"a unit smaller than {UnitName(last)}");
                if (unit <= last || unit == Unit.Day)
                {
                    pos = unitStart;
                    throw Fail($"a unit smaller than {UnitName(last)}");
                }
                total = Add(total, Amount(count, unit, numberStart), firstNumber);
                last = unit;
            }
        }

        private Duration Amount(long count, Unit unit, int numberStart)
        {
            try
            {
                return unit switch
                {
                    Unit.Day => Duration.FromDays(checked((int)count)),
                    Unit.Hour => Duration.FromHours(count),
                    Unit.Minute => Duration.FromMinutes(count),
                    Unit.Second => Duration.FromSeconds(count),
                    Unit.Millisecond => Duration.FromMilliseconds(count),
                    _ => Duration.FromNanoseconds(count),
                };
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
            {
                pos = numberStart;
                throw Fail("a smaller number");
            }
        }

        private Duration Add(Duration total, Duration more, int numberStart)
        {
            try
            {
                return total + more;
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
            {
                pos = numberStart;
                throw Fail("a smaller number");
            }
        }

        private DeadlineRule ParseEndOfBusinessDay()
        {
            ExpectWords("of", "business", "day");
            int save = pos;
            SkipWhiteSpace();
            bool comma = false;
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                comma = true;
                SkipWhiteSpace();
            }
            if (pos >= text.Length && !comma)
            {
                pos = save;
                return DeadlineRule.EndOfBusinessDay();
            }
            int cutStart = pos;
            string word = ReadWord();
            bool isCutOff = word.Equals("cut-off", StringComparison.OrdinalIgnoreCase) || word.Equals("cutoff", StringComparison.OrdinalIgnoreCase);
            if (!isCutOff && word.Equals("cut", StringComparison.OrdinalIgnoreCase))
            {
                SkipWhiteSpace();
                isCutOff = TryWord("off");
            }
            if (!isCutOff)
            {
                pos = cutStart;
                throw Fail(comma ? "'cut-off' and a time such as 15:00" : "', cut-off' and a time such as 15:00, or the end of the text");
            }
            SkipWhiteSpace();
            LocalTime cutOff = ReadTime();
            ExpectEnd("the end of the text");
            return DeadlineRule.EndOfBusinessDay(cutOff);
        }

        private bool LooksLikeIso() =>
            pos + 1 < text.Length && (text[pos] == 'P' || text[pos] == 'p') && (char.IsAsciiDigit(text[pos + 1]) || text[pos + 1] is 'T' or 't');

        private Duration ParseIso()
        {
            int start = pos;
            pos++; // P
            Duration total = Duration.Zero;
            bool any = false;
            int stage = 0; // 0: W allowed, 1: D allowed, 2: T seen.
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                int numberStart = pos;
                long count = ReadNumber();
                char designator = pos < text.Length ? char.ToUpperInvariant(text[pos]) : '\0';
                if (designator == 'W' && stage == 0)
                {
                    total += Amount(count > int.MaxValue / 7 ? long.MaxValue : count * 7, Unit.Day, numberStart);
                    stage = 1;
                }
                else if (designator == 'D' && stage <= 1)
                {
                    total = Add(total, Amount(count, Unit.Day, numberStart), numberStart);
                    stage = 2;
                }
                else
                {
                    throw Fail(designator is 'Y' or 'M'
                        ? "W (weeks), D (days) or T: years and months have no fixed length"
                        : stage == 0 ? "W (weeks), D (days) or T" : "D (days) or T");
                }
                pos++;
                any = true;
            }
            if (pos < text.Length && text[pos] is 'T' or 't')
            {
                pos++;
                Unit last = Unit.Day;
                bool anyTime = false;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    int numberStart = pos;
                    long count = ReadNumber();
                    long fraction = 0;
                    bool hasFraction = false;
                    if (pos < text.Length && text[pos] is '.' or ',')
                    {
                        pos++;
                        int digits = 0;
                        while (pos < text.Length && char.IsAsciiDigit(text[pos]) && digits < 9)
                        {
                            fraction = (fraction * 10) + (text[pos] - '0');
                            pos++;
                            digits++;
                        }
                        if (digits == 0)
                        {
                            throw Fail("a digit");
                        }
                        for (; digits < 9; digits++)
                        {
                            fraction *= 10;
                        }
                        hasFraction = true;
                    }
                    char designator = pos < text.Length ? char.ToUpperInvariant(text[pos]) : '\0';
                    Unit unit = designator switch
                    {
                        'H' when !hasFraction => Unit.Hour,
                        'M' when !hasFraction => Unit.Minute,
                        'S' => Unit.Second,
                        _ => Unit.Day,
                    };
                    if (unit == Unit.Day || unit <= last)
                    {
                        throw Fail(hasFraction ? "S (seconds): only seconds may have a fraction" : last switch
                        {
                            Unit.Day => "H (hours), M (minutes) or S (seconds)",
                            Unit.Hour => "M (minutes) or S (seconds)",
                            _ => "S (seconds)",
                        });
                    }
                    total = Add(total, Amount(count, unit, numberStart) + Duration.FromNanoseconds(fraction), numberStart);
                    last = unit;
                    pos++;
                    anyTime = true;
                }
                if (!anyTime)
                {
                    throw Fail("a number of hours, minutes or seconds after T");
                }
                any = true;
            }
            if (!any)
            {
                throw Fail("a number");
            }
            if (pos < text.Length && !char.IsWhiteSpace(text[pos]))
            {
                throw Fail("the end of the ISO-8601 duration");
            }
            return CheckPositive(total, start);
        }

        private Duration CheckPositive(Duration duration, int start)
        {
            if (duration <= Duration.Zero)
            {
                pos = start;
                throw Fail("a duration longer than zero");
            }
            return duration;
        }

        private LocalTime ReadTime()
        {
            int start = pos;
            const string Expected = "a time in the form HH:mm";
            int hour = ReadDigits(1, 2, Expected);
            if (pos >= text.Length || text[pos] != ':')
            {
                throw Fail(Expected);
            }
            pos++;
            int minute = ReadDigits(2, 2, Expected);
            int second = 0;
            long nanos = 0;
            if (pos < text.Length && text[pos] == ':')
            {
                pos++;
                second = ReadDigits(2, 2, "seconds as two digits");
                if (pos < text.Length && text[pos] == '.')
                {
                    pos++;
                    int digits = 0;
                    while (pos < text.Length && char.IsAsciiDigit(text[pos]) && digits < 9)
                    {
                        nanos = (nanos * 10) + (text[pos] - '0');
                        pos++;
                        digits++;
                    }
                    if (digits == 0)
                    {
                        throw Fail("a fraction of a second");
                    }
                    for (; digits < 9; digits++)
                    {
                        nanos *= 10;
                    }
                }
            }
            if (hour > 23 || minute > 59 || second > 59)
            {
                pos = start;
                throw Fail("a time of day from 00:00 to 23:59:59");
            }
            return LocalTime.FromHourMinuteSecondNanosecond(hour, minute, second, nanos);
        }

        private int ReadDigits(int min, int max, string expected)
        {
            int value = 0;
            int count = 0;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]) && count < max)
            {
                value = (value * 10) + (text[pos] - '0');
                pos++;
                count++;
            }
            if (count < min)
            {
                throw Fail(expected);
            }
            return value;
        }

        private long ReadPositiveNumber()
        {
            int start = pos;
            long value = ReadNumber();
            if (value == 0)
            {
                pos = start;
                throw Fail("a number greater than zero");
            }
            return value;
        }

        private long ReadNumber()
        {
            int start = pos;
            if (pos >= text.Length || !char.IsAsciiDigit(text[pos]))
            {
                throw Fail("a number");
            }
            long value = 0;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                if (value > (long.MaxValue - 9) / 10)
                {
                    pos = start;
                    throw Fail("a smaller number");
                }
                value = (value * 10) + (text[pos] - '0');
                pos++;
            }
            return value;
        }

        private Unit ReadUnit(string expected)
        {
            int start = pos;
            string word = ReadWord().ToLowerInvariant();
            Unit? unit = word switch
            {
                "day" or "days" => Unit.Day,
                "hour" or "hours" => Unit.Hour,
                "minute" or "minutes" => Unit.Minute,
                "second" or "seconds" => Unit.Second,
                "millisecond" or "milliseconds" => Unit.Millisecond,
                "nanosecond" or "nanoseconds" => Unit.Nanosecond,
                _ => null,
            };
            if (unit is null)
            {
                pos = start;
                throw Fail(expected);
            }
            return unit.Value;
        }

        private void ExpectWords(params string[] words)
        {
            foreach (string word in words)
            {
                SkipWhiteSpace();
                if (!TryWord(word))
                {
                    throw Fail($"'{word}'");
                }
            }
            SkipWhiteSpace();
        }

        private bool TryWord(string word)
        {
            int start = pos;
            string read = ReadWord();
            if (read.Equals(word, StringComparison.OrdinalIgnoreCase))
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

        private void ExpectEnd(string expected)
        {
            SkipWhiteSpace();
            if (pos < text.Length)
            {
                throw Fail(expected);
            }
        }

        private void SkipWhiteSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
        }

        private DeadlineExpressionFormatException Fail(string expected) => new(text, pos, expected);
    }
}
