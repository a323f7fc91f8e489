// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Escalation;

namespace ServicePolicy.Tests.Escalation;

/// <summary>The slow reference for <see cref="EscalationLadder.Run"/>: it walks every step from the breach, one at a
/// time, as the planner did before the ladder was computed (issue 12), except that steps held back by an
/// acknowledgement after now are walked until the hold ends or a step fires instead of being capped.</summary>
internal static class ReferenceLadder
{
    /// <summary>Suppressed steps walked after now before concluding that nothing more fires (a hold for good).</summary>
    private const int SilentSteps = 50_000;

    public static Instant? Run<TSite>(EscalationChain chain, Instant breach, Instant now, TSite site, List<LadderStep> listed)
        where TSite : struct, ILadderSite
    {
        IReadOnlyList<EscalationLevel> levels = chain.Levels;
        bool fireAll = chain.CatchUp == EscalationCatchUp.FireAllMissed;
        int[] firings = new int[levels.Count];
        var pendingAcks = new List<(Instant At, int Level)>();
        Instant? holdEnd = null;
        bool heldForGood = false;
        int restartLevel = 0, silentAfterNow = 0;
        var walk = new Walk(chain, site, 0, levels[0].Delay.After(breach));
        while (true)
        {
            Instant? stepAt = walk.Exists ? walk.At : null;
            int ack = pendingAcks.Count == 0 ? -1 : pendingAcks.IndexOf(pendingAcks.MinBy(p => p.At));
            if (ack >= 0 && (stepAt is null || pendingAcks[ack].At <= stepAt) && (holdEnd is null || pendingAcks[ack].At <= holdEnd))
            {
                (Instant ackAt, int ackLevel) = pendingAcks[ack];
                pendingAcks.RemoveAt(ack);
                holdEnd = chain.AcknowledgementTimeout?.After(ackAt);
                heldForGood = holdEnd is null;
                restartLevel = ackLevel;
                continue;
            }
            if (holdEnd is { } end && (stepAt is null || end <= stepAt))
            {
                holdEnd = null;
                walk = new Walk(chain, site, restartLevel, end);
                continue;
            }
            if (!walk.Exists)
            {
                return null;
            }
            bool suppressed = levels[walk.Level].StopsOnAcknowledgement && (heldForGood || holdEnd is not null);
            if (walk.At > now && !suppressed)
            {
                return walk.At;
            }
            if (walk.At > now && ++silentAfterNow > SilentSteps)
            {
                return null;
            }
            if (!suppressed)
            {
                int repeat = firings[walk.Level]++;
                if (!fireAll && listed.Count > 0 && walk.At > listed[0].At)
                {
                    listed.Clear();
                }
                listed.Add(new LadderStep(walk.At, walk.Nominal, walk.Level, repeat));
                if (site.AcknowledgedAt(walk.Level, repeat) is { } ackAt && ackAt >= walk.At)
                {
                    pendingAcks.Add((ackAt, walk.Level));
                }
            }
            walk.MoveNext();
        }
    }

    /// <summary>The steps from a level, one at a time.</summary>
    private sealed class Walk
    {
        private readonly EscalationChain chain;
        private readonly ILadderSite site;
        private int round;

        public Walk(EscalationChain chain, ILadderSite site, int level, Instant nominal)
        {
            this.chain = chain;
            this.site = site;
            Level = level;
            Nominal = nominal;
            At = site.WaitFor(chain.Levels[level], nominal);
            Exists = true;
        }

        public int Level { get; private set; }

        public Instant Nominal { get; private set; }

        public Instant At { get; private set; }

        public bool Exists { get; private set; }

        public void MoveNext()
        {
            int index = Level + 1;
            EscalationDelay delay;
            if (index < chain.Levels.Count)
            {
                delay = chain.Levels[index].Delay;
            }
            else if (chain.Repeat is { } repeat && (repeat.MaxRepeats is null || round < repeat.MaxRepeats))
            {
                round++;
                index = repeat.FromLevel;
                delay = repeat.Every;
            }
            else
            {
                Exists = false;
                return;
            }
            Level = index;
            Nominal = delay.After(At);
            At = site.WaitFor(chain.Levels[index], Nominal);
        }
    }
}
