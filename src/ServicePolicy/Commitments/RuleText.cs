// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Resources;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>
/// The localisable phrases of deadline rules, read from <c>RuleText.resx</c> (English, the neutral language) and its
/// satellite files such as <c>RuleText.fr.resx</c>: another language is another resource file, not a code change.
/// </summary>
/// <remarks>Plurals use two keys, <c>.One</c> and <c>.Other</c>; which one a count takes is the language's
/// <c>Plural.Rule</c> resource: <c>One</c> (English, German: exactly 1) or <c>BelowTwo</c> (French: 0 to 1.999…). Durations
/// are written as hours, minutes and seconds, with whole days only for elapsed time of two days or more that is a whole
/// number of days ("24 hours", "36 hours", "3 days"); sub-second parts are kept as decimals of the seconds ("0.5 seconds",
/// "1 minute and 30.25 seconds").</remarks>
internal static class RuleText
{
    private static readonly ResourceManager Resources = new(typeof(RuleText).FullName!, typeof(RuleText).Assembly);

    internal static ResourceManager ResourceManager => Resources;

    internal static string Get(string key, CultureInfo? culture)
    {
        string? text = Resources.GetString(key, culture ?? CultureInfo.CurrentUICulture);
        if (text is null)
        {
            throw new InvalidOperationException($"The resource '{key}' is missing from {typeof(RuleText).FullName}.");
        }
        return text;
    }

    internal static string Format(CultureInfo? culture, string key, params object[] args) =>
        string.Format(culture ?? CultureInfo.CurrentCulture, Get(key, culture), args);

    internal static string Plural(CultureInfo? culture, string key, long count) => Plural(culture, key, (decimal)count);

    /// <summary>The <c>.One</c> or <c>.Other</c> form of <paramref name="key"/> for a count, with the count written
    /// in the culture's digits (decimals only when it has any).</summary>
    internal static string Plural(CultureInfo? culture, string key, decimal count)
    {
        bool one = string.Equals(Get("Plural.Rule", culture), "BelowTwo", StringComparison.Ordinal) ? count >= 0 && count < 2 : count == 1;
        string number = count.ToString("0.#########", culture ?? CultureInfo.CurrentCulture);
        return Format(culture, key + (one ? ".One" : ".Other"), number);
    }

    /// <summary>A time of day as the language writes it: the <c>Pattern.Time</c> resource (a NodaTime pattern such as
    /// <c>HH:mm</c>), or <c>Pattern.Time.WholeHour</c> on the hour (French writes "9 h" and "9 h 30"); the end of the day
    /// (a closing at midnight) is <c>Time.EndOfDay</c> ("24:00"). Times with seconds keep the invariant 24-hour form.</summary>
    internal static string FormatTime(LocalTime time, CultureInfo? culture, bool isEndOfDay = false)
    {
        if (time.Second != 0 || time.NanosecondOfSecond != 0)
        {
            return TimeOfDayGrammar.Format(time, isEndOfDay);
        }
        if (isEndOfDay && time == LocalTime.Midnight)
        {
            return Get("Time.EndOfDay", culture);
        }
        string pattern = Get(time.Minute == 0 ? "Pattern.Time.WholeHour" : "Pattern.Time", culture);
        return LocalTimePattern.Create(pattern, culture ?? CultureInfo.CurrentCulture).Format(time);
    }

    /// <summary>Describes a duration: "4 business hours and 30 minutes" when <paramref name="business"/> is set (days
    /// are then written as hours, since a business day's length depends on the calendar), otherwise "24 hours",
    /// "3 days", "26 hours and 3 minutes" or "0.5 seconds".</summary>
    internal static string FormatDuration(Duration duration, bool business, CultureInfo? culture)
    {
        // Whole seconds in integers: Duration.TotalSeconds is a double, which rounds 36499 days 23:59:59.999999999 up to
        // 36500 days.
        Int128 nanoseconds = duration.ToInt128Nanoseconds();
        long totalSeconds = (long)(nanoseconds / NodaConstants.NanosecondsPerSecond);
        long fraction = (long)(nanoseconds % NodaConstants.NanosecondsPerSecond);
        // Whole days read better than hours from two days on ("3 days", not "72 hours"); one day reads "24 hours", which
        // is what a customer counts with, and a day and a bit reads in hours ("36 hours").
        long days = !business && fraction == 0 && totalSeconds % 86_400 == 0 && totalSeconds >= 2 * 86_400 ? totalSeconds / 86_400 : 0;
        long rest = totalSeconds - (days * 86_400);
        long hours = rest / 3_600;
        long minutes = rest % 3_600 / 60;
        decimal seconds = (rest % 60) + (fraction / (decimal)NodaConstants.NanosecondsPerSecond);
        var parts = new List<string>(4);
        void Add(decimal count, string unit)
        {
            if (count != 0)
            {
                parts.Add(Plural(culture, (business && parts.Count == 0 ? "Business" : string.Empty) + unit, count));
            }
        }
        Add(days, "Days");
        Add(hours, "Hours");
        Add(minutes, "Minutes");
        Add(seconds, "Seconds");
        if (parts.Count == 0)
        {
            parts.Add(Plural(culture, business ? "BusinessSeconds" : "Seconds", 0));
        }
        return JoinList(parts, culture);
    }

    /// <summary>Joins phrases as a list reads: "a", "a and b", "a, b and c".</summary>
    internal static string JoinList(IReadOnlyList<string> parts, CultureInfo? culture)
    {
        string text = parts[parts.Count - 1];
        for (int i = parts.Count - 2; i >= 0; i--)
        {
            text = Format(culture, i == parts.Count - 2 ? "List.LastPair" : "List.Pair", parts[i], text);
        }
        return text;
    }
}
