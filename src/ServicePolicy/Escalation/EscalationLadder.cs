// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Escalation;

/// <summary>What the ladder needs from the evaluation it plans for: when a level's contacts are working, and which of
/// its steps were acknowledged.</summary>
internal interface ILadderSite
{
    /// <summary>The instant a step of <paramref name="level"/> due at <paramref name="nominal"/> fires: the nominal
    /// instant, or, for a level that waits for working hours, the earliest instant one of its contacts is working.</summary>
    Instant WaitFor(EscalationLevel level, Instant nominal);

    /// <summary>The instant the step (level, repeat number) was acknowledged; null when it was not.</summary>
    Instant? AcknowledgedAt(int level, int repeat);

    /// <summary>The smallest repeat number at or after <paramref name="fromRepeat"/> acknowledged for the level;
    /// <see cref="int.MaxValue"/> for none.</summary>
    int FirstAcknowledgedRepeat(int level, int fromRepeat);
}

/// <summary>A step of the ladder: the level, its repeat number (the level's earlier firings in the cycle), the instant
/// it fires and the nominal instant it was due (they differ when the level waits for working hours).</summary>
internal readonly record struct LadderStep(Instant At, Instant Nominal, int Level, int Repeat);

/// <summary>What lies after the evaluated instant: the first step (<see cref="Next"/>), and the first step that is not
/// acknowledged (<see cref="NextUnacknowledged"/>; a step acknowledged before it is due is never listed, so it changes
/// what evaluation lists only when it supersedes a listed step).
/// <see cref="Unlisted"/> counts the missed steps that are not acknowledged and that a capped
/// <see cref="EscalationCatchUp.FireAllMissed"/> catch-up did not list: all of them earlier than every listed step.</summary>
internal readonly record struct LadderAhead(Instant? Next, Instant? NextUnacknowledged, int Unlisted);

/// <summary>
/// The escalation ladder of a breached cycle as a function of (chain, breach instant, acknowledgements, now): the
/// steps at or before now that are listed, and the first step after now.
/// </summary>
/// <remarks>
/// <para>The ladder: level 0 its delay after the breach, each next level its delay after the previous step, then the
/// rounds of <see cref="EscalationChain.Repeat"/> (from its level, the first after the repeat delay). A level that waits
/// for working hours fires at the earliest instant one of its contacts is working, and the next level counts from
/// there.</para>
/// <para>An acknowledgement of a step at instant a starts a <see cref="Hold"/>: the levels that stop on acknowledgement
/// do not fire from a until the timeout ends (for the rest of the cycle without a timeout); then the ladder restarts at
/// the acknowledged level, at the end of the hold, with a fresh repeat budget. Other levels keep their schedule while
/// held. An acknowledgement is applied before a step at the same instant, and a hold's end too.</para>
/// <para>Rounds are skipped arithmetically, not walked: when every delay of a round is elapsed time, or business time
/// of one calendar (adding business time composes: adding a then b is adding a + b), and no level of the round waits
/// for working hours, the round has a fixed length and the ladder jumps to the round before the one that holds
/// <c>now</c>, the next acknowledged step or the hold's end. Only what is listed, and at most two rounds around those
/// instants, is walked. Where a level of the round waits for working hours the step times depend on the contacts'
/// hours: that ladder is walked step by step, at most <see cref="MaxWalkedSteps"/> steps.</para>
/// </remarks>
internal static class EscalationLadder
{
    /// <summary>The most steps walked one by one from one start of the ladder (the breach, or the end of an
    /// acknowledgement hold) that are not listed (rounds that wait for working hours). A chain whose repeated levels
    /// wait for working hours must cap its repeats so that it never walks more (<see cref="EscalationChainBuilder.Build"/>
    /// refuses it otherwise), so a chain that builds never reaches it; the check stays as a guard. Steps listed under
    /// <see cref="EscalationCatchUp.FireAllMissed"/> do not count.</summary>
    internal const int MaxWalkedSteps = 100_000;

    /// <summary>Runs the ladder of a cycle breached at <paramref name="breach"/> up to <paramref name="now"/>.</summary>
    /// <param name="chain">The chain; it has levels.</param>
    /// <param name="breach">The instant the ladder starts from (level 0 counts its delay from it).</param>
    /// <param name="now">The evaluated instant.</param>
    /// <param name="site">Working hours and acknowledgements.</param>
    /// <param name="listed">Receives the steps at or before <paramref name="now"/> that are listed, in order: under
    /// <see cref="EscalationCatchUp.LatestOnly"/> those at the latest such instant, under
    /// <see cref="EscalationCatchUp.FireAllMissed"/> all of them (acknowledged ones included: the caller drops those).</param>
    /// <returns>The instant of the first step after <paramref name="now"/>; null when there is none.</returns>
    /// <exception cref="InvalidOperationException">A ladder that waits for working hours has more than
    /// <see cref="MaxWalkedSteps"/> steps to walk from one start; the chain's rules rule this out.</exception>
    internal static Instant? Run<TSite>(EscalationChain chain, Instant breach, Instant now, TSite site, List<LadderStep> listed)
        where TSite : struct, ILadderSite =>
        Plan(chain, breach, now, site, listed).Next;

    /// <summary>Runs the ladder as <see cref="Run"/> does, and also finds the first step after
    /// <paramref name="now"/> that is not acknowledged.</summary>
    /// <param name="chain">The chain; it has levels.</param>
    /// <param name="breach">The instant the ladder starts from.</param>
    /// <param name="now">The evaluated instant.</param>
    /// <param name="site">Working hours and acknowledgements.</param>
    /// <param name="listed">Receives the steps at or before <paramref name="now"/> that are listed (see <see cref="Run"/>).</param>
    /// <returns>The first step after <paramref name="now"/>, and the first of them that is not acknowledged.</returns>
    /// <exception cref="InvalidOperationException">As <see cref="Run"/>.</exception>
    internal static LadderAhead Plan<TSite>(EscalationChain chain, Instant breach, Instant now, TSite site, List<LadderStep> listed)
        where TSite : struct, ILadderSite
    {
        Instant? first = null;
        int unlisted = 0;
        ReadOnlySpan<EscalationLevel> levels = chain.LevelSpan;
        bool fireAll = chain.CatchUp == EscalationCatchUp.FireAllMissed;
        Span<int> firings = levels.Length <= 16 ? stackalloc int[levels.Length] : new int[levels.Length];
        firings.Clear();
        EscalationRound round = chain.RepeatRound;
        List<(Instant At, int Level)>? pendingAcks = null;
        Hold hold = Hold.None;
        Cursor cursor = Cursor.Start(0, levels[0].Delay.After(breach), chain, site);
        int walked = 0;
        while (true)
        {
            Instant? stepAt = cursor.Exists ? cursor.At : null;
            int ack = EarliestAck(pendingAcks);
            if (ack >= 0 && (stepAt is null || pendingAcks![ack].At <= stepAt) && (hold.Until is null || pendingAcks![ack].At <= hold.Until))
            {
                (Instant ackAt, int ackLevel) = pendingAcks![ack];
                pendingAcks.RemoveAt(ack);
                hold = Hold.From(ackAt, ackLevel, chain.AcknowledgementTimeout);
                continue;
            }
            if (hold.Until is { } end && (stepAt is null || end <= stepAt))
            {
                cursor = Cursor.Start(hold.RestartLevel, end, chain, site);
                hold = Hold.None;
                walked = 0;   // a fresh repeat budget: the chain's rules bound the walk from each start
                continue;
            }
            if (!cursor.Exists)
            {
                return new LadderAhead(first, null, unlisted);
            }
            if (cursor.Level == round.From && cursor.Round > 0)
            {
                if (hold.IsForGood && !round.AnyFires(levels, held: true))
                {
                    // Held for good and nothing of the rounds fires: the ladder is silent from here on.
                    return new LadderAhead(first, null, unlisted);
                }
                if (round.Translates)
                {
                    cursor = Skip(chain, round, cursor, hold, firings, pendingAcks, now, fireAll, site, listed, ref unlisted);
                }
            }
            int index = cursor.Level;
            Instant at = cursor.At;
            bool suppressed = levels[index].StopsOnAcknowledgement && hold.IsHeld;
            if (at > now && !suppressed)
            {
                first ??= at;
                if (site.AcknowledgedAt(index, firings[index]) is null)
                {
                    return new LadderAhead(first, at, unlisted);
                }
                // Acknowledged before it is due (acknowledgements are at or before now): never listed, and no hold
                // starts from it. Look on for the first step that will be; there are no more of these than acknowledgements.
                firings[index]++;
                cursor = cursor.Next(chain, site);
                continue;
            }
            if ((suppressed || !fireAll) && ++walked > MaxWalkedSteps)
            {
                throw TooManySteps(chain, breach, now);
            }
            if (!suppressed)
            {
                int repeat = firings[index]++;
                Add(listed, new LadderStep(at, cursor.Nominal, index, repeat), fireAll, site, ref unlisted);
                if (site.AcknowledgedAt(index, repeat) is { } ackAt && ackAt >= at)
                {
                    (pendingAcks ??= new List<(Instant At, int Level)>()).Add((ackAt, index));
                }
            }
            cursor = cursor.Next(chain, site);
        }
    }

    /// <summary>Skips whole rounds of a round that translates, from the start of one: all but the last of those that
    /// end before the next event (now, when a level fires; an acknowledgement to apply; the hold's end) and fire no
    /// acknowledged step. Returns the cursor at the start of the first round not skipped.</summary>
    private static Cursor Skip<TSite>(EscalationChain chain, EscalationRound round, Cursor cursor, Hold hold, Span<int> firings,
        List<(Instant At, int Level)>? pendingAcks, Instant now, bool fireAll, TSite site, List<LadderStep> listed, ref int unlisted)
        where TSite : struct, ILadderSite
    {
        ReadOnlySpan<EscalationLevel> levels = chain.LevelSpan;
        bool fires = round.AnyFires(levels, hold.IsHeld);
        int firing = 0;
        for (int i = round.From; i < levels.Length; i++)
        {
            firing += levels[i].StopsOnAcknowledgement && hold.IsHeld ? 0 : 1;
        }
        // Under FireAllMissed every firing step at or before now is listed, up to the cap: keep enough whole rounds
        // before now to list the cap's worth, and count the rounds skipped.
        long keep = fires && fireAll ? (EscalationChain.MaxCatchUpSteps + firing - 1) / firing + 1 : 1;
        Instant? limit = fires ? now : null;
        if (EarliestAck(pendingAcks) is var ack and >= 0 && (limit is null || pendingAcks![ack].At < limit))
        {
            limit = pendingAcks![ack].At;
        }
        if (hold.Until is { } until && (limit is null || until < limit))
        {
            limit = until;
        }
        if (limit is not { } end || end <= cursor.Anchor)
        {
            return cursor;
        }
        // Rounds (counted from the cursor's) whose last step is strictly before the limit; keep the last of them.
        long before = (round.Length(cursor.Anchor, end) - Duration.Epsilon).ToInt64Nanoseconds() / round.Period.ToInt64Nanoseconds();
        long skip = before - keep;
        if (chain.Repeat!.MaxRepeats is { } max)
        {
            skip = Math.Min(skip, max - cursor.Round);
        }
        for (int i = round.From; i < levels.Length && skip > 0; i++)
        {
            if (!(levels[i].StopsOnAcknowledgement && hold.IsHeld))
            {
                skip = Math.Min(skip, (long)site.FirstAcknowledgedRepeat(i, firings[i]) - firings[i]);
            }
        }
        if (skip <= 0)
        {
            return cursor;
        }
        if (fires && fireAll)
        {
            // The listed steps so far are earlier than the skipped ones: not listed either, so that the steps listed
            // are the latest ones.
            unlisted = checked(unlisted + (int)(skip * firing) + CountUnacknowledged(listed, listed.Count, site));
            listed.Clear();
        }
        for (int i = round.From; i < levels.Length; i++)
        {
            if (!(levels[i].StopsOnAcknowledgement && hold.IsHeld))
            {
                firings[i] += checked((int)skip);
            }
        }
        Instant anchor = round.Advance(cursor.Anchor, round.Period * skip);
        return cursor.Restart(chain, anchor, cursor.Round + (int)skip, site);
    }

    private static void Add<TSite>(List<LadderStep> listed, LadderStep step, bool fireAll, TSite site, ref int unlisted)
        where TSite : struct, ILadderSite
    {
        if (fireAll && listed.Count >= 4 * EscalationChain.MaxCatchUpSteps)
        {
            // Walked rounds: keep the latest steps, at least the cap's worth that are not acknowledged, and count the rest.
            int from = listed.Count;
            for (int kept = 0; from > 0 && kept < EscalationChain.MaxCatchUpSteps; from--)
            {
                kept += site.AcknowledgedAt(listed[from - 1].Level, listed[from - 1].Repeat) is null ? 1 : 0;
            }
            unlisted = checked(unlisted + CountUnacknowledged(listed, from, site));
            listed.RemoveRange(0, from);
        }
        if (!fireAll && listed.Count > 0 && step.At > listed[0].At)
        {
            listed.Clear();   // only the steps at the latest passed instant are listed
        }
        listed.Add(step);
    }

    private static int CountUnacknowledged<TSite>(List<LadderStep> listed, int count, TSite site)
        where TSite : struct, ILadderSite
    {
        int found = 0;
        for (int i = 0; i < count; i++)
        {
            found += site.AcknowledgedAt(listed[i].Level, listed[i].Repeat) is null ? 1 : 0;
        }
        return found;
    }

    private static int EarliestAck(List<(Instant At, int Level)>? pending)
    {
        int best = -1;
        for (int i = 0; pending is not null && i < pending.Count; i++)
        {
            if (best < 0 || pending[i].At < pending[best].At)
            {
                best = i;
            }
        }
        return best;
    }

    private static InvalidOperationException TooManySteps(EscalationChain chain, Instant breach, Instant now) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The escalation ladder of chain '{chain.Name}' v{chain.Version} from the breach at {breach} has more than {MaxWalkedSteps} unlisted steps to walk by {now}, because its repeated levels wait for working hours; repeat less often or cap the repeats."));

    /// <summary>The acknowledgement hold: none, until an instant, or for good; and the level the ladder restarts at when
    /// it ends.</summary>
    internal readonly record struct Hold(bool IsHeld, Instant? Until, int RestartLevel)
    {
        internal static Hold None => default;

        internal bool IsForGood => IsHeld && Until is null;

        internal static Hold From(Instant acknowledgedAt, int level, EscalationDelay? timeout) =>
            new(true, timeout?.After(acknowledgedAt), level);
    }

    /// <summary>The next step of the ladder: its level, round (0 for the pass from the start level, then each
    /// repeat), nominal and firing instants, and the instant of the step before it (<see cref="Anchor"/>).</summary>
    private readonly struct Cursor
    {
        private Cursor(int level, int round, Instant anchor, Instant nominal, Instant at, bool exists)
        {
            Level = level;
            Round = round;
            Anchor = anchor;
            Nominal = nominal;
            At = at;
            Exists = exists;
        }

        internal int Level { get; }

        internal int Round { get; }

        internal Instant Anchor { get; }

        internal Instant Nominal { get; }

        internal Instant At { get; }

        internal bool Exists { get; }

        internal static Cursor Start<TSite>(int level, Instant nominal, EscalationChain chain, TSite site)
            where TSite : struct, ILadderSite =>
            new(level, 0, nominal, nominal, site.WaitFor(chain.LevelSpan[level], nominal), true);

        /// <summary>The first step of round <paramref name="round"/>, the step before it at <paramref name="anchor"/>.</summary>
        internal Cursor Restart<TSite>(EscalationChain chain, Instant anchor, int round, TSite site)
            where TSite : struct, ILadderSite
        {
            EscalationRepeat repeat = chain.Repeat!;
            Instant nominal = repeat.Every.After(anchor);
            return new Cursor(repeat.FromLevel, round, anchor, nominal, site.WaitFor(chain.LevelSpan[repeat.FromLevel], nominal), true);
        }

        internal Cursor Next<TSite>(EscalationChain chain, TSite site)
            where TSite : struct, ILadderSite
        {
            int index = Level + 1;
            if (index < chain.LevelSpan.Length)
            {
                Instant nominal = chain.LevelSpan[index].Delay.After(At);
                return new Cursor(index, Round, At, nominal, site.WaitFor(chain.LevelSpan[index], nominal), true);
            }
            if (chain.Repeat is { } repeat && (repeat.MaxRepeats is null || Round < repeat.MaxRepeats))
            {
                return Restart(chain, At, Round + 1, site);
            }
            return default;
        }
    }
}
