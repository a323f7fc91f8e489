// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using NodaTime;
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
/// <item><term><c>appointment window of 4 hours</c>, <c>appointment window of 4 hours, early arrival kept</c></term>
/// <description><see cref="DeadlineRule.AppointmentWindow(NodaTime.Duration, EarlyArrival)"/>: an arrival before the
/// window opens does not keep it, unless <c>early arrival kept</c> says it does (<c>early arrival not kept</c>, the
/// default, may be written too).</description></item>
/// </list>
/// <para>Times are <c>H:mm</c>, <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffffff</c> in the calendar's local
/// time, from <c>00:00</c> to <c>23:59:59.999999999</c>: the same time-of-day grammar as business hours, which also
/// allow <c>24:00</c> as a closing time. Amounts are exact whole units (<c>20496413 hours</c> is exactly that many
/// hours); ISO-8601 durations are read by NodaTime's <see cref="NodaTime.Text.PeriodPattern.NormalizingIso"/>.
/// <see cref="Format"/> writes every rule in the first listed spelling of its form (durations in hours and smaller
/// units, never days), and parsing that text gives an equal rule.</para>
/// </remarks>
public static class DeadlineExpression
{
    private const long NanosPerHour = 3_600_000_000_000;
    private const long NanosPerMinute = 60_000_000_000;
    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerMillisecond = 1_000_000;

    /// <summary>Parses a deadline expression.</summary>
    /// <param name="text">The expression, such as <c>4 business hours</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DeadlineExpressionFormatException">The text is not a deadline expression; the message quotes it
    /// and says what was expected at which position.</exception>
    public static DeadlineRule Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return DeadlineExpressionParser.TryParseRule(text, out DeadlineRule? rule, out ParseFailure failure)
            ? rule
            : throw new DeadlineExpressionFormatException(text, failure.Position, failure.Expected);
    }

    /// <summary>Tries to parse a deadline expression; see <see cref="Parse"/>. Invalid text is reported through
    /// <paramref name="error"/>, never by throwing and catching an exception.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="rule">The rule when the text is valid; otherwise null.</param>
    /// <param name="error">The error when the text is invalid; otherwise null.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DeadlineRule? rule, [NotNullWhen(false)] out DeadlineExpressionFormatException? error)
    {
        if (text is null)
        {
            rule = null;
            error = new DeadlineExpressionFormatException(string.Empty, 0, DeadlineExpressionParser.StartExpected);
            return false;
        }
        if (DeadlineExpressionParser.TryParseRule(text, out rule, out ParseFailure failure))
        {
            error = null;
            return true;
        }
        error = new DeadlineExpressionFormatException(text, failure.Position, failure.Expected);
        return false;
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
            AppointmentWindowRule r => "appointment window of " + FormatAmount(r.MaximumWidth, business: false)
                + (r.EarlyArrival == EarlyArrival.Kept ? ", early arrival kept" : string.Empty),
            _ => throw new ArgumentException($"Rule type {rule.GetType().Name} has no deadline expression.", nameof(rule)),
        };
    }

    /// <summary>Parses an elapsed duration written as amounts (<c>30 minutes</c>, <c>1 hour 30 minutes</c>) or as an
    /// ISO-8601 duration (<c>PT30M</c>); used for lead times in configuration.</summary>
    internal static bool TryParseDuration(string text, out Duration duration, [NotNullWhen(false)] out DeadlineExpressionFormatException? error)
    {
        if (DeadlineExpressionParser.TryParseElapsedDuration(text, out duration, out ParseFailure failure))
        {
            error = null;
            return true;
        }
        error = new DeadlineExpressionFormatException(text, failure.Position, failure.Expected);
        return false;
    }

    private static string FormatTime(LocalTime time) => TimeOfDayGrammar.Format(time, isEndOfDay: false);

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
}
