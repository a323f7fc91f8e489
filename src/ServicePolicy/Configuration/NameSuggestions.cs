// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>Names of values in configuration: parsing an enum value's name, and "did you mean" suggestions (the known
/// name closest to a misspelt one by edit distance).</summary>
internal static class NameSuggestions
{
    /// <summary>Parses the name of an enum value among <paramref name="names"/>: case-insensitive, surrounding white space
    /// ignored. Numbers and comma-separated lists, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
    /// would take, are not names.</summary>
    /// <param name="text">The text; null is no name.</param>
    /// <param name="names">The names accepted, each the name of a value of <typeparamref name="TEnum"/>.</param>
    /// <param name="value">The value named; default when none is.</param>
    /// <returns>Whether the text is one of the names.</returns>
    internal static bool TryParseName<TEnum>(string? text, IEnumerable<string> names, out TEnum value)
        where TEnum : struct, Enum
    {
        string? trimmed = text?.Trim();
        foreach (string name in names)
        {
            if (name.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Says that <paramref name="text"/> is not one of <paramref name="names"/>: <c>'Notfy' is not an escalation
    /// action (did you mean 'Notify'?); expected one of Notify, Reassign, RaisePriority</c>, or for a missing text
    /// <c>an escalation action is required: one of ...</c>.</summary>
    /// <param name="text">The text that names nothing.</param>
    /// <param name="what">What it should name, with its article, such as <c>a kind of commitment</c>.</param>
    /// <param name="names">The names expected, in the order to list them.</param>
    /// <returns>The message, without a final full stop.</returns>
    internal static string NotOneOf(string? text, string what, IEnumerable<string> names) => string.IsNullOrWhiteSpace(text)
        ? $"{what} is required: one of {string.Join(", ", names)}"
        : $"'{text}' is not {what}{DidYouMean(text.Trim(), names)}; expected one of {string.Join(", ", names)}";

    /// <summary>Returns <c> (did you mean 'x'?)</c> for the closest candidate within a few edits, or an empty string.</summary>
    internal static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Closest(value, candidates) is { } best ? $" (did you mean '{best}'?)" : string.Empty;

    /// <summary>Returns the candidate closest to <paramref name="value"/> within a few edits (case-insensitive), or null.
    /// Names longer than <see cref="Limits.MaxNameLength"/> get no suggestion, and a candidate stops being measured as
    /// soon as it is further than allowed, so the work is bounded whatever the input.</summary>
    internal static string? Closest(string value, IEnumerable<string> candidates)
    {
        if (value.Length > Limits.MaxNameLength)
        {
            return null;
        }
        int allowed = Math.Max(2, value.Length / 3);
        string upper = value.ToUpperInvariant();
        string? best = null;
        int bestDistance = allowed + 1;
        foreach (string candidate in candidates)
        {
            if (Math.Abs(candidate.Length - value.Length) >= bestDistance)
            {
                continue; // the distance is at least the difference in length
            }
            int distance = Distance(upper, candidate.ToUpperInvariant(), bestDistance - 1);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Returns the Levenshtein distance of <paramref name="a"/> and <paramref name="b"/>, or
    /// <paramref name="limit"/> + 1 as soon as it is known to be larger than <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        // Levenshtein distance with two rows; a row's minimum never decreases, so once it exceeds the limit, so does the result.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMinimum = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum > limit)
            {
                return limit + 1;
            }
            (previous, current) = (current, previous);
        }
        return Math.Min(previous[b.Length], limit + 1);
    }
}
