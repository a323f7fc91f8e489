// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// A simple on-call rota that repeats every week: at each hand-over (a day of the week and a local time in the rota's
/// time zone) the named person takes over until the next hand-over.
/// </summary>
/// <remarks>
/// <para>Hand-overs happen at wall-clock time: a hand-over at a local time that falls in a DST gap happens at the end
/// of the gap, and one that falls in an overlap at its earlier occurrence. With a single hand-over, that person is
/// always on call.</para>
/// <para>Immutable: <see cref="WithHandOver"/> returns a modified copy. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class WeeklyRota
{
    private static readonly ZoneLocalMappingResolver HandOverResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly ImmutableArray<(IsoDayOfWeek Day, LocalTime Time, string PersonId)> handOvers;

    private WeeklyRota(string name, DateTimeZone zone, ImmutableArray<(IsoDayOfWeek, LocalTime, string)> handOvers)
    {
        Name = name;
        Zone = zone;
        this.handOvers = handOvers;
    }

    /// <summary>Gets the rota's name, used in logs.</summary>
    public string Name { get; }

    /// <summary>Gets the time zone of the hand-over times.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the number of hand-overs in a week.</summary>
    public int HandOverCount => handOvers.Length;

    /// <summary>Creates a rota with no hand-overs yet; add them with <see cref="WithHandOver"/>.</summary>
    /// <param name="name">The rota's name.</param>
    /// <param name="timeZoneId">The TZDB id of the hand-over times' zone, such as <c>Europe/London</c>.</param>
    /// <returns>The empty rota.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="timeZoneId"/> is not a TZDB id.</exception>
    public static WeeklyRota Create(string name, string timeZoneId)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A rota name must not be empty or white space.");
        DateTimeZone zone = TimeZones.Resolve(timeZoneId, nameof(timeZoneId));
        return new WeeklyRota(name, zone, ImmutableArray<(IsoDayOfWeek, LocalTime, string)>.Empty);
    }

    /// <summary>Returns a copy in which <paramref name="personId"/> takes over every week at <paramref name="day"/>
    /// <paramref name="time"/>.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="time">The local time in <see cref="Zone"/>.</param>
    /// <param name="personId">The host's id of the person taking over.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="personId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is empty, or the rota already has a hand-over
    /// at that day and time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    public WeeklyRota WithHandOver(IsoDayOfWeek day, LocalTime time, string personId)
    {
        Preconditions.CheckArgumentRange((int)day, (int)IsoDayOfWeek.Monday, (int)IsoDayOfWeek.Sunday, nameof(day));
        Preconditions.CheckNotNull(personId);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(personId), nameof(personId), "A person id must not be empty or white space.");
        foreach ((IsoDayOfWeek d, LocalTime t, string p) in handOvers)
        {
            Preconditions.CheckArgument(d != day || t != time, nameof(time),
                string.Create(CultureInfo.InvariantCulture, $"Rota '{Name}' already hands over to '{p}' on {day} at {time:HH:mm:ss}."));
        }
        return new WeeklyRota(Name, Zone, handOvers.Add((day, time, personId)));
    }

    /// <summary>Returns the id of the person on call at an instant: the person of the latest hand-over at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The person's id.</returns>
    /// <exception cref="InvalidOperationException">The rota has no hand-overs.</exception>
    public string OnCallAt(Instant instant)
    {
        Preconditions.CheckState(handOvers.Length > 0, $"Rota '{Name}' has no hand-overs: add one with WithHandOver.");
        LocalDate today = instant.InZone(Zone).Date;
        Instant? best = null;
        string? person = null;
        for (int back = 0; back <= 8 && person is null; back++)
        {
            LocalDate date = today.PlusDays(-back);
            foreach ((IsoDayOfWeek day, LocalTime time, string id) in handOvers)
            {
                if (date.DayOfWeek != day)
                {
                    continue;
                }
                Instant at = LocalTimeResolution.Resolve(Zone, date.At(time), HandOverResolver);
                if (at <= instant && (best is null || at > best))
                {
                    best = at;
                    person = id;
                }
            }
        }
        return person!;
    }

    /// <summary>Returns the rota for logs, such as <c>support-on-call (Europe/London, 2 hand-overs)</c>.</summary>
    /// <returns>The rota.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Zone.Id}, {handOvers.Length} hand-overs)");
}
