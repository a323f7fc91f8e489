// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using NodaTime;

namespace ServicePolicy.Escalation;

/// <summary>What the ladder of a cycle asks the planner (<see cref="ILadderSite"/>).</summary>
internal sealed partial class EscalationPlanner
{
    /// <summary>The number of a level's acknowledged repeat in <paramref name="key"/>, when the key is one of that
    /// level's keys (<paramref name="prefix"/> followed by the repeat number as <see cref="LevelKey"/> formats it).</summary>
    private static int? RepeatIn(string key, string prefix)
    {
        if (!key.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int repeat))
        {
            return null;
        }
        return string.Equals(key, prefix + repeat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) ? repeat : null;
    }

    /// <summary>What the ladder of one cycle asks the planner: the contacts' working hours and the acknowledged keys.</summary>
    private readonly struct Site : ILadderSite
    {
        private readonly EscalationPlanner planner;
        private readonly Track track;

        internal Site(EscalationPlanner planner, Track track)
        {
            this.planner = planner;
            this.track = track;
        }

        public Instant WaitFor(EscalationLevel level, Instant nominal) => planner.WaitFor(track.Chain, level, nominal);

        public Instant? AcknowledgedAt(int level, int repeat) =>
            planner.AnyAcknowledged && planner.acknowledged.TryGetValue(planner.LevelKey(track, level, repeat), out Instant at) ? at : null;

        public int FirstAcknowledgedRepeat(int level, int fromRepeat)
        {
            if (!planner.AnyAcknowledged)
            {
                return int.MaxValue;
            }
            // The level's keys differ only in the repeat number, which ends them.
            string first = planner.LevelKey(track, level, 0);
            string prefix = first[..^1];
            int found = int.MaxValue;
            foreach (string key in planner.acknowledged.Keys)
            {
                if (RepeatIn(key, prefix) is { } repeat && repeat >= fromRepeat && repeat < found)
                {
                    found = repeat;
                }
            }
            return found;
        }
    }
}
