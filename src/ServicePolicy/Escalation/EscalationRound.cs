// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Escalation;

/// <summary>The repeated round of a chain: its levels (from <see cref="EscalationRepeat.FromLevel"/> to the last),
/// and, when it translates, its length on its clock (elapsed time, or business time of one calendar). It depends on
/// the chain alone, so the chain works it out once, when it is built (<see cref="EscalationChain.RepeatRound"/>), not
/// each time <see cref="EscalationLadder"/> runs a cycle's ladder.</summary>
internal readonly struct EscalationRound
{
    private readonly BusinessCalendar? calendar;

    private EscalationRound(int from, bool translates, Duration period, BusinessCalendar? calendar)
    {
        From = from;
        Translates = translates;
        Period = period;
        this.calendar = calendar;
    }

    /// <summary>The first level of a round; -1 when the chain does not repeat.</summary>
    internal int From { get; }

    internal bool Translates { get; }

    internal Duration Period { get; }

    internal static EscalationRound Of(EscalationChain chain) =>
        chain.Repeat is { } repeat ? Of(chain.LevelSpan, repeat) : new EscalationRound(-1, false, Duration.Zero, null);

    /// <summary>The round of <paramref name="levels"/> repeated by <paramref name="repeat"/> (whose first level is one
    /// of them).</summary>
    internal static EscalationRound Of(ReadOnlySpan<EscalationLevel> levels, EscalationRepeat repeat)
    {
        Duration period = Duration.Zero;
        BusinessCalendar? calendar = null;
        bool elapsed = false, translates = true;
        for (int i = repeat.FromLevel; i < levels.Length; i++)
        {
            EscalationDelay delay = i == repeat.FromLevel ? repeat.Every : levels[i].Delay;
            translates &= !levels[i].WaitsForWorkingHours;
            if (delay.Amount > Duration.Zero)
            {
                elapsed |= delay.Calendar is null;
                translates &= delay.Calendar is null || calendar is null || ReferenceEquals(calendar, delay.Calendar);
                calendar ??= delay.Calendar;
            }
            period += delay.Amount;
        }
        translates &= !(elapsed && calendar is not null);
        return new EscalationRound(repeat.FromLevel, translates, period, calendar);
    }

    internal bool AnyFires(ReadOnlySpan<EscalationLevel> levels, bool held)
    {
        for (int i = From; i < levels.Length; i++)
        {
            if (!(held && levels[i].StopsOnAcknowledgement))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The time on the round's clock from <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal Duration Length(Instant from, Instant to) => calendar is { } c ? c.BusinessTimeBetween(from, to) : to - from;

    internal Instant Advance(Instant from, Duration amount) => calendar is { } c ? c.AddBusinessTime(from, amount) : from + amount;
}
