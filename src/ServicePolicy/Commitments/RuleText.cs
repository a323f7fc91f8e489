// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Resources;
using NodaTime;

namespace ServicePolicy.Commitments;

/// <summary>
/// The localisable phrases of deadline rules, read from <c>RuleText.resx</c> (English, the neutral language) and its
/// satellite files such as <c>RuleText.fr.resx</c>: another language is another resource file, not a code change.
/// </summary>
/// <remarks>Plurals use two keys, <c>.One</c> (for 1) and <c>.Other</c>. Durations are written as their non-zero days
/// (elapsed time only), hours, minutes and seconds; sub-second parts are not described.</remarks>
internal static class RuleText
{
    private static readonly ResourceManager Resources = new(typeof(RuleText).FullName!, typeof(RuleText).Assembly);

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

    internal static string Plural(CultureInfo? culture, string key, long count) =>
        Format(culture, key + (count == 1 ? ".One" : ".Other"), count);

    internal static string FormatTime(LocalTime time) =>
        time.ToString(time.Second == 0 && time.NanosecondOfSecond == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Describes a duration: "4 business hours and 30 minutes" when <paramref name="business"/> is set (days
    /// are then written as hours, since a business day's length depends on the calendar), otherwise "2 days and 3 hours".</summary>
    internal static string FormatDuration(Duration duration, bool business, CultureInfo? culture)
    {
        // Whole seconds in integers: Duration.TotalSeconds is a double, which rounds 36499 days 23:59:59.999999999 up to
        // 36500 days.
        long totalSeconds = (long)(duration.ToInt128Nanoseconds() / NodaConstants.NanosecondsPerSecond);
        long days = business ? 0 : totalSeconds / 86_400;
        long rest = totalSeconds - (days * 86_400);
        long hours = rest / 3_600;
        long minutes = rest % 3_600 / 60;
        long seconds = rest % 60;
        var parts = new List<string>(4);
        void Add(long count, string unit)
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
        string text = parts[parts.Count - 1];
        for (int i = parts.Count - 2; i >= 0; i--)
        {
            text = Format(culture, i == parts.Count - 2 ? "List.LastPair" : "List.Pair", parts[i], text);
        }
        return text;
    }
}
