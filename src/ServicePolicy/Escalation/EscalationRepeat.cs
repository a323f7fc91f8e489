// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// How a chain keeps going after its last level: the levels from <see cref="FromLevel"/> to the last fire again, the
/// first of them <see cref="Every"/> after the previous step and the rest after their own delays, up to
/// <see cref="MaxRepeats"/> times or until the commitment is met.
/// </summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class EscalationRepeat
{
    private EscalationRepeat(int fromLevel, EscalationDelay every, int? maxRepeats)
    {
        FromLevel = fromLevel;
        Every = every;
        MaxRepeats = maxRepeats;
    }

    /// <summary>Gets the shortest wait before a repeat: one minute (elapsed or business time). A shorter interval would
    /// page someone more than once a minute, and would make the steps a late evaluation has to account for grow
    /// without bound (see docs/limits.md, section minimum-repeat).</summary>
    public static Duration MinimumInterval { get; } = Duration.FromMinutes(1);

    /// <summary>Gets the zero-based index of the first level that repeats.</summary>
    public int FromLevel { get; }

    /// <summary>Gets the wait before each repeat.</summary>
    public EscalationDelay Every { get; }

    /// <summary>Gets how many times the levels repeat after their first firing; null to repeat until the commitment is met.</summary>
    public int? MaxRepeats { get; }

    /// <summary>Creates a repeat rule.</summary>
    /// <param name="fromLevel">The zero-based index of the first level that repeats; checked against the chain's
    /// levels when the chain is built.</param>
    /// <param name="every">The wait before each repeat; at least <see cref="MinimumInterval"/>.</param>
    /// <param name="maxRepeats">How many times to repeat, 1 or more; null to repeat until met.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="every"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromLevel"/> is negative, <paramref name="every"/>
    /// is shorter than <see cref="MinimumInterval"/>, or <paramref name="maxRepeats"/> is less than 1.</exception>
    public static EscalationRepeat Create(int fromLevel, EscalationDelay every, int? maxRepeats)
    {
        Preconditions.CheckArgumentRange(fromLevel, 0, int.MaxValue);
        Preconditions.CheckNotNull(every);
        if (every.Amount < MinimumInterval)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(every), every,
                $"A repeat interval must be at least the minimum of 1 minute; got {every}." + LimitsDocs.See(LimitsDocs.MinimumRepeat));
        }
        if (maxRepeats is { } max)
        {
            Preconditions.CheckArgumentRange(max, 1, int.MaxValue, nameof(maxRepeats));
        }
        return new EscalationRepeat(fromLevel, every, maxRepeats);
    }

    /// <summary>Returns the rule for logs, such as <c>from level 2 every 00:30:00 elapsed, 3 times</c>.</summary>
    /// <returns>The rule.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"from level {FromLevel} every {Every}, {(MaxRepeats is { } m ? m.ToString(CultureInfo.InvariantCulture) + " times" : "until met")}");
}
