// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>
/// The non-throwing core of <see cref="DeadlineExpression"/>: a recursive-descent parser whose methods return whether
/// they succeeded and, when one fails, leave the position and what was expected in a <see cref="ParseFailure"/>.
/// Times of day come from <see cref="TimeOfDayGrammar"/>; ISO-8601 durations from NodaTime's
/// <see cref="NodaTime.Text.PeriodPattern.NormalizingIso"/> (see the other part of this class).
/// </summary>
/// <remarks>Amounts are summed as whole nanoseconds in <see cref="Int128"/>, never through <see cref="double"/>:
/// <c>20496413 hours</c> is exactly that many hours.</remarks>
internal sealed partial class DeadlineExpressionParser
{
    /// <summary>What a deadline expression may start with.</summary>
    internal const string StartExpected =
        "a number, 'end of business day', 'next business day at', 'appointment window of' or an ISO-8601 duration such as PT4H";

    private const string MoreAmountsOrEnd = "another amount such as '30 minutes', or the end of the text";
    private const long NanosPerDay = 86_400_000_000_000;
    private const long NanosPerHour = 3_600_000_000_000;
    private const long NanosPerMinute = 60_000_000_000;
    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerMillisecond = 1_000_000;

    /// <summary>What an amount longer than the largest amount fails with.</summary>
    internal const string AmountTooLarge =
        $"an amount of at most 36500 days (876000 hours), the largest amount (see docs/limits.md#{LimitsDocs.LargestAmount})";

    private static readonly Int128 MaxNanoseconds = Limits.LargestAmount.ToInt128Nanoseconds();

    private readonly string text;
    private int pos;
    private ParseFailure failure;

    private DeadlineExpressionParser(string text)
    {
        this.text = text;
    }

    /// <summary>Parses a whole deadline expression.</summary>
    /// <param name="text">The text.</param>
    /// <param name="rule">The rule on success.</param>
    /// <param name="failure">Where and why the text is not an expression, on failure.</param>
    /// <returns>Whether the text is a deadline expression.</returns>
    internal static bool TryParseRule(string text, [NotNullWhen(true)] out DeadlineRule? rule, out ParseFailure failure)
    {
        var parser = new DeadlineExpressionParser(text);
        bool parsed = parser.TryRule(out rule);
        failure = parser.failure;
        return parsed;
    }

    /// <summary>Parses a whole text as an elapsed duration longer than zero: amounts (<c>1 hour 30 minutes</c>) or an
    /// ISO-8601 duration (<c>PT90M</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration on success.</param>
    /// <param name="failure">Where and why the text is not a duration, on failure.</param>
    /// <returns>Whether the text is a duration.</returns>
    internal static bool TryParseElapsedDuration(string text, out Duration duration, out ParseFailure failure)
    {
        var parser = new DeadlineExpressionParser(text);
        bool parsed = parser.TryElapsedDuration(out duration);
        failure = parser.failure;
        return parsed;
    }

    private bool TryRule([NotNullWhen(true)] out DeadlineRule? rule)
    {
        rule = null;
        SkipWhiteSpace();
        if (pos >= text.Length)
        {
            return Fail(StartExpected);
        }
        if (char.IsAsciiDigit(text[pos]))
        {
            return TryAmountRule(out rule);
        }
        if (LooksLikeIso())
        {
            if (!TryIso(out Duration duration) || !ExpectEnd("the end of the text"))
            {
                return false;
            }
            rule = DeadlineRule.WithinElapsedTime(duration);
            return true;
        }
        int start = pos;
        switch (ReadWord().ToLowerInvariant())
        {
            case "end":
                return TryEndOfBusinessDay(out rule);
            case "next":
                if (!ExpectWords("business", "day", "at") || !TryTime(out LocalTime at) || !ExpectEnd("the end of the text"))
                {
                    return false;
                }
                rule = DeadlineRule.NextBusinessDayAt(at);
                return true;
            case "appointment":
                if (!ExpectWords("window", "of"))
                {
                    return false;
                }
                SkipWhiteSpace();
                int amountStart = pos;
                if (!TryElapsedAmounts(out Int128 width) || !TryEarlyArrival(out EarlyArrival earlyArrival)
                    || !TryPositiveDuration(width, amountStart, out Duration widthDuration))
                {
                    return false;
                }
                rule = DeadlineRule.AppointmentWindow(widthDuration, earlyArrival);
                return true;
            default:
                return FailAt(start, StartExpected);
        }
    }

    /// <summary>Reads the end of an appointment window rule: nothing (<see cref="EarlyArrival.NotKept"/>), or
    /// <c>, early arrival kept</c> or <c>, early arrival not kept</c>.</summary>
    private bool TryEarlyArrival(out EarlyArrival earlyArrival)
    {
        earlyArrival = EarlyArrival.NotKept;
        SkipWhiteSpace();
        if (pos >= text.Length || text[pos] != ',')
        {
            return ExpectEnd("another amount such as '30 minutes', ', early arrival kept', or the end of the text");
        }
        pos++;
        if (!ExpectWords("early", "arrival"))
        {
            return false;
        }
        SkipWhiteSpace();
        if (TryWord("not"))
        {
            SkipWhiteSpace();
            if (!TryWord("kept"))
            {
                return Fail("'kept'");
            }
        }
        else if (TryWord("kept"))
        {
            earlyArrival = EarlyArrival.Kept;
        }
        else
        {
            return Fail("'kept' or 'not kept'");
        }
        return ExpectEnd("the end of the text");
    }

    private bool TryElapsedDuration(out Duration duration)
    {
        duration = Duration.Zero;
        SkipWhiteSpace();
        int start = pos;
        if (LooksLikeIso())
        {
            return TryIso(out duration) && ExpectEnd("the end of the text");
        }
        if (pos >= text.Length || !char.IsAsciiDigit(text[pos]))
        {
            return Fail("a duration such as '30 minutes' or PT30M");
        }
        return TryElapsedAmounts(out Int128 nanoseconds) && ExpectEnd(MoreAmountsOrEnd)
            && TryPositiveDuration(nanoseconds, start, out duration);
    }

    private bool TryAmountRule([NotNullWhen(true)] out DeadlineRule? rule)
    {
        rule = null;
        int numberStart = pos;
        if (!TryReadPositiveNumber(out long count))
        {
            return false;
        }
        SkipWhiteSpace();
        int wordStart = pos;
        if (TryWord("business"))
        {
            SkipWhiteSpace();
            if (!TryReadUnit("a unit (days, hours, minutes, seconds)", out Unit unit))
            {
                return false;
            }
            if (unit == Unit.Day)
            {
                return TryBusinessDays(count, numberStart, out rule);
            }
            if (!TryAmount(count, unit, numberStart, out Int128 first)
                || !TryMoreParts(first, unit, numberStart, business: true, out Int128 business)
                || !ExpectEnd(MoreAmountsOrEnd))
            {
                return false;
            }
            rule = DeadlineRule.WithinBusinessTime(ToDuration(business));
            return true;
        }
        pos = wordStart;
        if (!TryReadUnit("'business' or a unit (days, hours, minutes, seconds)", out Unit elapsedUnit)
            || !TryAmount(count, elapsedUnit, numberStart, out Int128 firstElapsed)
            || !TryMoreParts(firstElapsed, elapsedUnit, numberStart, business: false, out Int128 elapsed)
            || !ExpectEnd(MoreAmountsOrEnd))
        {
            return false;
        }
        rule = DeadlineRule.WithinElapsedTime(ToDuration(elapsed));
        return true;
    }

    private bool TryBusinessDays(long count, int numberStart, [NotNullWhen(true)] out DeadlineRule? rule)
    {
        rule = null;
        if (count > 3650)
        {
            return FailAt(numberStart, "a number of business days from 1 to 3650");
        }
        SkipWhiteSpace();
        if (TryWord("at"))
        {
            SkipWhiteSpace();
            if (!TryTime(out LocalTime at) || !ExpectEnd("the end of the text"))
            {
                return false;
            }
            rule = DeadlineRule.BusinessDaysAt((int)count, at);
            return true;
        }
        if (!ExpectEnd("'at' and a time such as 12:00, or the end of the text"))
        {
            return false;
        }
        rule = DeadlineRule.BusinessDays((int)count);
        return true;
    }

    private bool TryElapsedAmounts(out Int128 total)
    {
        total = 0;
        int numberStart = pos;
        if (!TryReadPositiveNumber(out long count))
        {
            return false;
        }
        SkipWhiteSpace();
        return TryReadUnit("a unit (days, hours, minutes, seconds)", out Unit unit)
            && TryAmount(count, unit, numberStart, out Int128 first)
            && TryMoreParts(first, unit, numberStart, business: false, out total);
    }

    /// <summary>Reads further parts, each in a smaller unit than the one before, joined by nothing, a comma or <c>and</c>.</summary>
    private bool TryMoreParts(Int128 first, Unit last, int firstNumber, bool business, out Int128 total)
    {
        total = first;
        while (true)
        {
            int save = pos;
            SkipWhiteSpace();
            bool joined = false, comma = false;
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                joined = comma = true;
            }
            else if (TryWord("and"))
            {
                joined = true;
            }
            SkipWhiteSpace();
            if (pos >= text.Length || !char.IsAsciiDigit(text[pos]))
            {
                // A comma before a word ends the amounts: the rule's own words may follow (", early arrival kept").
                if (joined && !(comma && pos < text.Length && char.IsLetter(text[pos])))
                {
                    return Fail("a number");
                }
                pos = save;
                return true;
            }
            int numberStart = pos;
            if (!TryReadPositiveNumber(out long count))
            {
                return false;
            }
            SkipWhiteSpace();
            if (business && TryWord("business"))
            {
                SkipWhiteSpace();
            }
            int unitStart = pos;
            string smaller = $"a unit smaller than {UnitName(last)}";
            if (!TryReadUnit(smaller, out Unit unit))
            {
                return false;
            }
            if (unit <= last || unit == Unit.Day)
            {
                return FailAt(unitStart, smaller);
            }
            if (!TryAmount(count, unit, numberStart, out Int128 more))
            {
                return false;
            }
            total += more;
            if (total > MaxNanoseconds)
            {
                return FailAt(firstNumber, AmountTooLarge);
            }
            last = unit;
        }
    }

    /// <summary>The amount in whole nanoseconds, failing at the number when it is longer than the largest amount.</summary>
    private bool TryAmount(long count, Unit unit, int numberStart, out Int128 nanoseconds)
    {
        long perUnit = unit switch
        {
            Unit.Day => NanosPerDay,
            Unit.Hour => NanosPerHour,
            Unit.Minute => NanosPerMinute,
            Unit.Second => NanosPerSecond,
            Unit.Millisecond => NanosPerMillisecond,
            _ => 1,
        };
        nanoseconds = (Int128)count * perUnit;
        return nanoseconds <= MaxNanoseconds || FailAt(numberStart, AmountTooLarge);
    }

    private bool TryPositiveDuration(Int128 nanoseconds, int start, out Duration duration)
    {
        duration = Duration.Zero;
        if (nanoseconds <= 0)
        {
            return FailAt(start, "a duration longer than zero");
        }
        duration = ToDuration(nanoseconds);
        return true;
    }

    private bool TryEndOfBusinessDay([NotNullWhen(true)] out DeadlineRule? rule)
    {
        rule = null;
        if (!ExpectWords("of", "business", "day"))
        {
            return false;
        }
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
            rule = DeadlineRule.EndOfBusinessDay();
            return true;
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
            return FailAt(cutStart, comma ? "'cut-off' and a time such as 15:00" : "', cut-off' and a time such as 15:00, or the end of the text");
        }
        SkipWhiteSpace();
        if (!TryTime(out LocalTime cutOff) || !ExpectEnd("the end of the text"))
        {
            return false;
        }
        rule = DeadlineRule.EndOfBusinessDay(cutOff);
        return true;
    }
}
