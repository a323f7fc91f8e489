// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;

namespace ServicePolicy.Configuration;

/// <summary>"Did you mean" suggestions: the known name closest to a misspelt one by edit distance.</summary>
internal static class NameSuggestions
{
    /// <summary>Returns <c> (did you mean 'x'?)</c> for the closest candidate within a few edits, or an empty string.</summary>
    internal static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Closest(value, candidates) is { } best ? $" (did you mean '{best}'?)" : string.Empty;

    /// <summary>Returns the candidate closest to <paramref name="value"/> within a few edits (case-insensitive), or null.</summary>
    internal static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(value.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.Max(2, value.Length / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        // Levenshtein distance with two rows.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
