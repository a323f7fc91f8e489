// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// An on-call rota that repeats every week, or every few weeks: at each hand-over (a week of the cycle, a day of the
/// week and a local time in the rota's time zone) the named person takes over until the next hand-over; overrides put
/// someone else on call for a stretch of local time ("Sam covers for Alex 1-14 March").
/// </summary>
/// <remarks>
/// <para>A rota made with <see cref="Create(string, string)"/> repeats every week. One made with
/// <see cref="Create(string, string, int, LocalDate)"/> repeats every <see cref="CycleWeeks"/> weeks: week 1 is the seven
/// days from <see cref="CycleStart"/>, week 2 the seven days after, and so on; the cycle repeats before and after that
/// date alike. A weekly rota is the one-week case of the same mechanism.</para>
/// <para>Hand-overs happen at wall-clock time: a hand-over at a local time that falls in a DST gap happens at the end
/// of the gap, and one that falls in an overlap at its earlier occurrence. Two hand-overs that resolve to the same
/// instant (both in one gap) leave the later one in wall-clock order on call. With a single hand-over, that person is
/// on call whenever no override applies.</para>
/// <para>An override is a half-open interval <c>[from, to)</c> of local date-times in the rota's zone, resolved as
/// hand-overs are. Without a person it covers for, its person is on call throughout; with one, only while the rota
/// would have that person on call (so "Sam covers for Alex" ends early where Alex's shift does). The person it covers
/// for is compared with the rota's own schedule, never with another override: overrides do not chain. Overrides may
/// overlap only when both cover for someone and not for the same person, so that at most one applies at any instant;
/// <see cref="WithOverride"/> rejects any other overlap.</para>
/// <para>Immutable: <see cref="WithHandOver(IsoDayOfWeek, LocalTime, string)"/> and <see cref="WithOverride"/> return
/// modified copies. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class WeeklyRota
{
    /// <summary>The most weeks a rota's cycle may have: a year (see docs/limits.md#rota-cycle).</summary>
    public const int MaxCycleWeeks = 52;

    private static readonly ZoneLocalMappingResolver HandOverResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The anchor of a weekly rota's one-week cycle: any date would do.</summary>
    private static readonly LocalDate WeeklyAnchor = new(2001, 1, 1);

    private static readonly LocalDateTimePattern OverridePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>The hand-overs ordered by their day of the cycle, then their local time.</summary>
    private readonly ImmutableArray<HandOver> handOvers;

    /// <summary>For each day of the cycle (and one past the last), the index in <see cref="handOvers"/> of its first
    /// hand-over.</summary>
    private readonly ImmutableArray<int> firstOfDay;

    /// <summary>The overrides ordered by their start.</summary>
    private readonly ImmutableArray<Override> overrides;

    private readonly LocalDate anchor;

    private WeeklyRota(string name, DateTimeZone zone, int cycleWeeks, LocalDate? cycleStart,
        ImmutableArray<HandOver> handOvers, ImmutableArray<Override> overrides)
    {
        Name = name;
        Zone = zone;
        CycleWeeks = cycleWeeks;
        CycleStart = cycleStart;
        anchor = cycleStart ?? WeeklyAnchor;
        this.handOvers = handOvers;
        this.overrides = overrides;
        int days = 7 * cycleWeeks;
        var first = ImmutableArray.CreateBuilder<int>(days + 1);
        int next = 0;
        for (int day = 0; day <= days; day++)
        {
            while (next < handOvers.Length && handOvers[next].Day < day)
            {
                next++;
            }
            first.Add(next);
        }
        firstOfDay = first.MoveToImmutable();
    }

    /// <summary>Gets the rota's name, used in logs.</summary>
    public string Name { get; }

    /// <summary>Gets the time zone of the hand-over and override times.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the number of weeks after which the rota repeats: 1 for a weekly rota, at most
    /// <see cref="MaxCycleWeeks"/>.</summary>
    public int CycleWeeks { get; }

    /// <summary>Gets the first day of week 1 of the cycle; null for a rota made with
    /// <see cref="Create(string, string)"/>, whose weeks are all alike.</summary>
    public LocalDate? CycleStart { get; }

    /// <summary>Gets the number of hand-overs in a cycle.</summary>
    public int HandOverCount => handOvers.Length;

    /// <summary>Gets the number of overrides.</summary>
    public int OverrideCount => overrides.Length;

    /// <summary>Creates a rota that repeats every week, with no hand-overs yet; add them with
    /// <see cref="WithHandOver(IsoDayOfWeek, LocalTime, string)"/>.</summary>
    /// <param name="name">The rota's name.</param>
    /// <param name="timeZoneId">The TZDB id of the hand-over times' zone, such as <c>Europe/London</c>.</param>
    /// <returns>The empty rota.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="timeZoneId"/> is not a TZDB id.</exception>
    public static WeeklyRota Create(string name, string timeZoneId)
    {
        CheckName(name);
        DateTimeZone zone = TimeZones.Resolve(timeZoneId, nameof(timeZoneId));
        return new WeeklyRota(name, zone, 1, null, ImmutableArray<HandOver>.Empty, ImmutableArray<Override>.Empty);
    }

    /// <summary>Creates a rota that repeats every <paramref name="cycleWeeks"/> weeks, with no hand-overs yet; add them
    /// with <see cref="WithHandOver(int, IsoDayOfWeek, LocalTime, string)"/>.</summary>
    /// <param name="name">The rota's name.</param>
    /// <param name="timeZoneId">The TZDB id of the hand-over times' zone, such as <c>Europe/London</c>.</param>
    /// <param name="cycleWeeks">The number of weeks in the cycle, from 1 to <see cref="MaxCycleWeeks"/>.</param>
    /// <param name="cycleStart">The first day of week 1 of a cycle (any cycle: the rota repeats before it too), in
    /// the supported range of dates.</param>
    /// <returns>The empty rota.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="timeZoneId"/> is not a TZDB id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycleWeeks"/> is not from 1 to
    /// <see cref="MaxCycleWeeks"/>, or <paramref name="cycleStart"/> is outside the supported range of dates.</exception>
    public static WeeklyRota Create(string name, string timeZoneId, int cycleWeeks, LocalDate cycleStart)
    {
        CheckName(name);
        DateTimeZone zone = TimeZones.Resolve(timeZoneId, nameof(timeZoneId));
        if (cycleWeeks is < 1 or > MaxCycleWeeks)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(cycleWeeks), cycleWeeks, string.Create(CultureInfo.InvariantCulture,
                $"A rota cycle of {cycleWeeks} weeks is outside 1 to {MaxCycleWeeks} weeks, the longest rota cycle.{LimitsDocs.See(LimitsDocs.RotaCycle)}"));
        }
        Limits.CheckDate(cycleStart, nameof(cycleStart), "Cycle start");
        return new WeeklyRota(name, zone, cycleWeeks, cycleStart, ImmutableArray<HandOver>.Empty, ImmutableArray<Override>.Empty);
    }

    /// <summary>Returns a copy in which <paramref name="personId"/> takes over every week at <paramref name="day"/>
    /// <paramref name="time"/>; for a rota of one week only (otherwise name the week with
    /// <see cref="WithHandOver(int, IsoDayOfWeek, LocalTime, string)"/>).</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="time">The local time in <see cref="Zone"/>.</param>
    /// <param name="personId">The host's id of the person taking over.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is empty, or the rota already has a hand-over
    /// at that day and time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    /// <exception cref="InvalidOperationException">The rota's cycle is longer than a week.</exception>
    public WeeklyRota WithHandOver(IsoDayOfWeek day, LocalTime time, string personId)
    {
        if (CycleWeeks != 1)
        {
            Preconditions.ThrowInvalidOperation(string.Create(CultureInfo.InvariantCulture,
                $"Rota '{Name}' repeats every {CycleWeeks} weeks: name the week of each hand-over with WithHandOver(week, day, time, personId)."));
        }
        return WithHandOver(1, day, time, personId);
    }

    /// <summary>Returns a copy in which <paramref name="personId"/> takes over at <paramref name="day"/>
    /// <paramref name="time"/> of week <paramref name="week"/> of every cycle.</summary>
    /// <param name="week">The week of the cycle, from 1 to <see cref="CycleWeeks"/>.</param>
    /// <param name="day">The day of the week.</param>
    /// <param name="time">The local time in <see cref="Zone"/>.</param>
    /// <param name="personId">The host's id of the person taking over.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is empty, or the rota already has a hand-over
    /// at that week, day and time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="week"/> is not from 1 to <see cref="CycleWeeks"/>,
    /// or <paramref name="day"/> is not a day of the week.</exception>
    public WeeklyRota WithHandOver(int week, IsoDayOfWeek day, LocalTime time, string personId)
    {
        Preconditions.CheckArgumentRange(week, 1, CycleWeeks);
        Preconditions.CheckArgumentRange((int)day, (int)IsoDayOfWeek.Monday, (int)IsoDayOfWeek.Sunday, nameof(day));
        CheckPerson(personId, nameof(personId));
        int cycleDay = (7 * (week - 1)) + (((int)day - (int)anchor.DayOfWeek + 7) % 7);
        int insertAt = 0;
        foreach (HandOver existing in handOvers)
        {
            if (existing.Day == cycleDay && existing.Time == time)
            {
                string when = CycleWeeks == 1 ? $"on {day}" : $"on {day} of week {week}";
                Preconditions.ThrowArgument(nameof(time),
                    string.Create(CultureInfo.InvariantCulture, $"Rota '{Name}' already hands over to '{existing.PersonId}' {when} at {time:HH:mm:ss}."));
            }
            if (existing.Day < cycleDay || (existing.Day == cycleDay && existing.Time < time))
            {
                insertAt++;
            }
        }
        return new WeeklyRota(Name, Zone, CycleWeeks, CycleStart, handOvers.Insert(insertAt, new HandOver(cycleDay, time, personId)), overrides);
    }

    /// <summary>Returns a copy in which <paramref name="personId"/> is on call from <paramref name="from"/> until
    /// <paramref name="to"/> (local date-times in <see cref="Zone"/>), instead of whoever the rota has on call, or only
    /// instead of <paramref name="coversFor"/>.</summary>
    /// <param name="from">The local date-time the override starts (inclusive); in a DST gap, the end of the gap; in
    /// an overlap, the earlier occurrence.</param>
    /// <param name="to">The local date-time the override ends (exclusive), after <paramref name="from"/>; resolved as
    /// <paramref name="from"/> is. "1-14 March" is from 1 March 00:00 to 15 March 00:00.</param>
    /// <param name="personId">The host's id of the person on call instead.</param>
    /// <param name="coversFor">The person covered for: the override applies only while the rota has them on call.
    /// Null (the default): it applies throughout.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="personId"/> or <paramref name="coversFor"/> is empty or
    /// white space; the override covers no time (<paramref name="to"/> is not after <paramref name="from"/>, or both
    /// fall in one DST gap); or it overlaps an override of the rota and not both cover for different people.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date of <paramref name="from"/> or <paramref name="to"/> is
    /// outside the supported range of dates.</exception>
    public WeeklyRota WithOverride(LocalDateTime from, LocalDateTime to, string personId, string? coversFor = null)
    {
        Limits.CheckDate(from.Date, nameof(from), "Override start");
        Limits.CheckDate(to.Date, nameof(to), "Override end");
        CheckPerson(personId, nameof(personId));
        if (coversFor is not null)
        {
            CheckPerson(coversFor, nameof(coversFor));
        }
        Instant start = LocalTimeResolution.Resolve(Zone, from, HandOverResolver);
        Instant end = LocalTimeResolution.Resolve(Zone, to, HandOverResolver);
        var added = new Override(from, to, start, end, personId, coversFor);
        if (start >= end)
        {
            Preconditions.ThrowArgument(nameof(to), string.Create(CultureInfo.InvariantCulture,
                $"Rota '{Name}': the override {added} covers no time: its end must be after its start in {Zone.Id}."));
        }
        int insertAt = 0;
        foreach (Override existing in overrides)
        {
            if (existing.Start < end && start < existing.End &&
                (existing.CoversFor is null || coversFor is null || string.Equals(existing.CoversFor, coversFor, StringComparison.Ordinal)))
            {
                Preconditions.ThrowArgument(nameof(from), string.Create(CultureInfo.InvariantCulture,
                    $"Rota '{Name}': the override {added} overlaps the override {existing}; overrides may overlap only when each covers for a different person."));
            }
            if (existing.Start <= start)
            {
                insertAt++;
            }
        }
        return new WeeklyRota(Name, Zone, CycleWeeks, CycleStart, handOvers, overrides.Insert(insertAt, added));
    }

    /// <summary>Returns the id of the person on call at an instant: the person of the override that applies then, if
    /// any; otherwise the person of the latest hand-over at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The person's id.</returns>
    /// <exception cref="InvalidOperationException">The rota has no hand-overs.</exception>
    public string OnCallAt(Instant instant)
    {
        string scheduled = ScheduledAt(instant);
        foreach (Override o in overrides)
        {
            if (o.Start > instant)
            {
                break;
            }
            if (instant < o.End && (o.CoversFor is null || string.Equals(o.CoversFor, scheduled, StringComparison.Ordinal)))
            {
                return o.PersonId;
            }
        }
        return scheduled;
    }

    /// <summary>Returns the rota for logs, such as <c>support-on-call (Europe/London, 2 hand-overs)</c> or
    /// <c>sre (Europe/London, every 3 weeks from 2026-03-02, 3 hand-overs, 1 override)</c>.</summary>
    /// <returns>The rota.</returns>
    public override string ToString()
    {
        string cycle = CycleStart is { } start
            ? string.Create(CultureInfo.InvariantCulture, $", every {CycleWeeks} week{(CycleWeeks == 1 ? string.Empty : "s")} from {start:uuuu-MM-dd}")
            : string.Empty;
        string overridden = overrides.Length == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $", {overrides.Length} override{(overrides.Length == 1 ? string.Empty : "s")}");
        return string.Create(CultureInfo.InvariantCulture, $"{Name} ({Zone.Id}{cycle}, {handOvers.Length} hand-overs{overridden})");
    }

    /// <summary>The person of the latest hand-over at or before <paramref name="instant"/>, overrides aside.</summary>
    /// <remarks>Hand-over times resolve to instants in the order of their wall-clock times (the resolver never reorders
    /// them), so the answer is the first hand-over, walking back in wall-clock order from the day after the instant's
    /// local date (a backward offset change across midnight can put it there), that resolves to no later than the
    /// instant. Every day of the cycle lies within the first <c>7 × CycleWeeks + 2</c> days walked, so the walk ends
    /// there. No allocation.</remarks>
    private string ScheduledAt(Instant instant)
    {
        Preconditions.CheckState(handOvers.Length > 0, $"Rota '{Name}' has no hand-overs: add one with WithHandOver.");
        int cycleDays = 7 * CycleWeeks;
        LocalDate date = instant.InZone(Zone).Date.PlusDays(1);
        int day = Period.DaysBetween(anchor, date) % cycleDays;
        day = day < 0 ? day + cycleDays : day;
        for (int walked = 0; walked <= cycleDays + 1; walked++)
        {
            for (int i = firstOfDay[day + 1] - 1; i >= firstOfDay[day]; i--)
            {
                HandOver handOver = handOvers[i];
                if (LocalTimeResolution.Resolve(Zone, date.At(handOver.Time), HandOverResolver) <= instant)
                {
                    return handOver.PersonId;
                }
            }
            date = date.PlusDays(-1);
            day = day == 0 ? cycleDays - 1 : day - 1;
        }
        throw new InvalidOperationException($"Rota '{Name}' found no hand-over before {instant}.");
    }

    private static void CheckName(string name)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A rota name must not be empty or white space.");
    }

    private static void CheckPerson(string personId, string paramName)
    {
        Preconditions.CheckNotNull(personId, paramName);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(personId), paramName, "A person id must not be empty or white space.");
    }

    /// <summary>A hand-over: on day <see cref="Day"/> of the cycle (0 is the anchor date) at <see cref="Time"/>.</summary>
    private readonly record struct HandOver(int Day, LocalTime Time, string PersonId);

    /// <summary>An override: wall-clock <c>[From, To)</c>, resolved to <c>[Start, End)</c>.</summary>
    private readonly record struct Override(LocalDateTime From, LocalDateTime To, Instant Start, Instant End, string PersonId, string? CoversFor)
    {
        public override string ToString() => CoversFor is null
            ? $"'{PersonId}' from {OverridePattern.Format(From)} to {OverridePattern.Format(To)}"
            : $"'{PersonId}' for '{CoversFor}' from {OverridePattern.Format(From)} to {OverridePattern.Format(To)}";
    }
}
