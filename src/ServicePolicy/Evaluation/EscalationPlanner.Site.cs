// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;

namespace ServicePolicy.Evaluation;

/// <summary>What the ladder of a cycle asks the planner (<see cref="ILadderSite"/>).</summary>
internal sealed partial class EscalationPlanner
{
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
            // The level's keys differ from its first only in the repeat number: compare the rest through ActionKey's
            // parts (one grammar, no string surgery).
            ActionKey first = planner.LevelKey(track, level, 0);
            int found = int.MaxValue;
            foreach (ActionKey key in planner.acknowledged.Keys)
            {
                if (key.Repeat >= fromRepeat && key.Repeat < found && first.IsSameLevelAs(key))
                {
                    found = key.Repeat;
                }
            }
            return found;
        }
    }
}
