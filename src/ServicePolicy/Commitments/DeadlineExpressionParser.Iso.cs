// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using NodaTime.Text;

namespace ServicePolicy.Commitments;

/// <summary>ISO-8601 durations in deadline expressions.</summary>
/// <remarks>
/// NodaTime's <see cref="PeriodPattern.NormalizingIso"/> reads the value, so <c>P1DT12H</c> means what NodaTime says it
/// means. The pattern accepts more than a deadline may be (years and months, which have no fixed length; negative
/// parts; upper case only) and reports an error without a position, so a short scan first checks that the token is
/// one of the forms documented on <see cref="DeadlineExpression"/> and says where it is not:
/// <code>
/// iso  := "P" [n "W"] [n "D"] ["T" [n "H"] [n "M"] [n ["." | ","] f{1,9} "S"]]   (case-insensitive, at least one part)
/// </code>
/// <see cref="DurationPattern"/> does not fit: its patterns are clock-like (<c>-H:mm:ss</c>), not ISO-8601.
/// </remarks>
internal sealed partial class DeadlineExpressionParser
{
    private bool LooksLikeIso() =>
        pos + 1 < text.Length && (text[pos] == 'P' || text[pos] == 'p') && (char.IsAsciiDigit(text[pos + 1]) || text[pos + 1] is 'T' or 't');

    private bool TryIso(out Duration duration)
    {
        duration = Duration.Zero;
        int start = pos;
        if (!TryScanIso())
        {
            return false;
        }
        ParseResult<Period> parsed = PeriodPattern.NormalizingIso.Parse(text.Substring(start, pos - start).ToUpperInvariant());
        if (!parsed.Success)
        {
            // Not reached for text the scan accepts; kept so that a NodaTime change cannot turn into an exception.
            return FailAt(start, "an ISO-8601 duration such as PT4H");
        }
        Period period = parsed.Value;
        Int128 nanoseconds = ((Int128)((7L * period.Weeks) + period.Days) * NanosPerDay)
            + ((Int128)period.Hours * NanosPerHour)
            + ((Int128)period.Minutes * NanosPerMinute)
            + ((Int128)period.Seconds * NanosPerSecond)
            + ((Int128)period.Milliseconds * NanosPerMillisecond)
            + ((Int128)period.Ticks * 100)
            + period.Nanoseconds;
        if (nanoseconds > MaxNanoseconds)
        {
            return FailAt(start, AmountTooLarge);
        }
        return TryPositiveDuration(nanoseconds, start, out duration);
    }

    /// <summary>Moves over an ISO-8601 duration of the documented forms, or fails saying where and what was expected.</summary>
    private bool TryScanIso()
    {
        pos++; // P
        bool any = false;
        int stage = 0; // 0: W allowed, 1: D allowed, 2: T next.
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            int numberStart = pos;
            if (!TryReadNumber(out long count))
            {
                return false;
            }
            if (count > int.MaxValue)
            {
                return FailAt(numberStart, "a smaller number");
            }
            char designator = pos < text.Length ? char.ToUpperInvariant(text[pos]) : '\0';
            if (designator == 'W' && stage == 0)
            {
                stage = 1;
            }
            else if (designator == 'D' && stage <= 1)
            {
                stage = 2;
            }
            else
            {
                return Fail(designator is 'Y' or 'M'
                    ? "W (weeks), D (days) or T: years and months have no fixed length"
                    : stage == 0 ? "W (weeks), D (days) or T" : "D (days) or T");
            }
            pos++;
            any = true;
        }
        if (pos < text.Length && text[pos] is 'T' or 't')
        {
            pos++;
            if (!TryScanIsoTime())
            {
                return false;
            }
            any = true;
        }
        if (!any)
        {
            return Fail("a number");
        }
        return pos >= text.Length || char.IsWhiteSpace(text[pos]) || Fail("the end of the ISO-8601 duration");
    }

    private bool TryScanIsoTime()
    {
        Unit last = Unit.Day;
        bool anyTime = false;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            if (!TryReadNumber(out _))
            {
                return false;
            }
            bool hasFraction = false;
            if (pos < text.Length && text[pos] is '.' or ',')
            {
                pos++;
                int digits = 0;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]) && digits < 9)
                {
                    pos++;
                    digits++;
                }
                if (digits == 0)
                {
                    return Fail("a digit");
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
                return Fail(hasFraction ? "S (seconds): only seconds may have a fraction" : last switch
                {
                    Unit.Day => "H (hours), M (minutes) or S (seconds)",
                    Unit.Hour => "M (minutes) or S (seconds)",
                    _ => "S (seconds)",
                });
            }
            last = unit;
            pos++;
            anyTime = true;
        }
        return anyTime || Fail("a number of hours, minutes or seconds after T");
    }
}
