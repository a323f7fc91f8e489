// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;
using ServicePolicy.Escalation;
using Xunit;
using Interval = NodaTime.Interval;

namespace ServicePolicy.Tests.Escalation;

/// <summary>
/// <see cref="WeeklyRota.OnCallAt"/> agrees with a reference that never resolves a local time: it follows the wall
/// clock. A hand-over or an override boundary has happened once the wall clock has reached its local time (so in a gap
/// at the end of the gap, in an overlap at the first pass); the person on call is found by stepping back minute by
/// minute through the cycle from the furthest the wall clock has reached, to the latest hand-over. Rotas of one to four
/// weeks in zones with odd offset changes (half an hour in Lord Howe, at midnight in Santiago, at 02:45 in Chatham),
/// instants mostly within three days of a change, overrides with and without a person they cover for.
/// </summary>
public class WeeklyRotaProperties
{
    private static readonly string[] ZoneIds = { "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham", "Europe/London", "America/New_York" };

    private static readonly string[] People = { "ann", "ben", "cat" };

    /// <summary>Times at or near the offset changes of the zones above, and a few ordinary ones.</summary>
    private static readonly LocalTime[] Times =
        new[] { "00:00", "00:30", "01:00", "01:30", "01:45", "02:00", "02:15", "02:30", "02:45", "03:00", "03:15", "03:45", "09:00", "23:00", "23:30", "23:59" }
            .Select(t => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(t).Value).ToArray();

    /// <summary>The offset changes of each zone from 2024 to 2028.</summary>
    private static readonly Dictionary<string, Instant[]> Changes = ZoneIds.ToDictionary(id => id, id =>
        DateTimeZoneProviders.Tzdb[id].GetZoneIntervals(new Interval(Instant.FromUtc(2024, 1, 1, 0, 0), Instant.FromUtc(2028, 1, 1, 0, 0)))
            .Where(z => z.HasStart).Select(z => z.Start).Where(s => s > Instant.FromUtc(2024, 1, 1, 0, 0)).ToArray());

    public sealed record RotaCase(
        string ZoneId,
        int Weeks,
        LocalDate CycleStart,
        (int Week, IsoDayOfWeek Day, LocalTime Time, string Person)[] HandOvers,
        (LocalDateTime From, LocalDateTime To, string Person, string? CoversFor)[] Overrides,
        Instant[] Instants)
    {
        public override string ToString() =>
            $"{ZoneId}, {Weeks} weeks from {CycleStart}; hand-overs {string.Join(", ", HandOvers.Select(h => $"w{h.Week} {h.Day} {h.Time:HH:mm} {h.Person}"))}; "
            + $"overrides {string.Join(", ", Overrides.Select(o => $"{o.Person} for {o.CoversFor ?? "anyone"} {o.From:uuuu-MM-ddTHH:mm}..{o.To:uuuu-MM-ddTHH:mm}"))}; "
            + $"at {string.Join(", ", Instants)}";
    }

    [Fact]
    public void OnCallAt_AgreesWithTheWallClockReference()
    {
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            WeeklyRota rota = Build(c, out var accepted);
            foreach (Instant t in c.Instants)
            {
                string expected = Reference(c, accepted, t);
                string actual = rota.OnCallAt(t);
                Assert.True(expected == actual, $"at {t} ({t.InZone(rota.Zone)}): expected {expected}, got {actual}; {c}");
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    /// <summary>An override is rejected exactly when it would overlap, in wall-clock time, one already accepted that
    /// covers for the same person or for anyone (or covers no wall-clock time at all): so at most one override applies
    /// at any instant.</summary>
    [Fact]
    public void WithOverride_RejectsExactlyTheOverlapsThatCompete()
    {
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            DateTimeZone zone = DateTimeZoneProviders.Tzdb[c.ZoneId];
            Build(c, out var accepted);
            var kept = new List<(LocalDateTime From, LocalDateTime To, string Person, string? CoversFor)>();
            foreach (var o in c.Overrides)
            {
                (LocalDateTime from, LocalDateTime to) = (FirstReached(zone, o.From), FirstReached(zone, o.To));
                bool empty = from >= to;
                bool competes = kept.Any(k => FirstReached(zone, k.From) < to && from < FirstReached(zone, k.To)
                    && (k.CoversFor is null || o.CoversFor is null || k.CoversFor == o.CoversFor));
                if (!empty && !competes)
                {
                    kept.Add(o);
                }
            }
            Assert.Equal(kept, accepted);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static WeeklyRota Build(RotaCase c, out List<(LocalDateTime From, LocalDateTime To, string Person, string? CoversFor)> accepted)
    {
        WeeklyRota rota = c.Weeks == 1 && c.CycleStart.Day % 2 == 0
            ? WeeklyRota.Create("r", c.ZoneId)
            : WeeklyRota.Create("r", c.ZoneId, c.Weeks, c.CycleStart);
        foreach ((int week, IsoDayOfWeek day, LocalTime time, string person) in c.HandOvers)
        {
            rota = rota.WithHandOver(week, day, time, person);
        }
        accepted = new();
        foreach (var o in c.Overrides)
        {
            try
            {
                rota = rota.WithOverride(o.From, o.To, o.Person, o.CoversFor);
                accepted.Add(o);
            }
            catch (ArgumentException)
            {
                // Checked by WithOverride_RejectsExactlyTheOverlapsThatCompete.
            }
        }
        return rota;
    }

    /// <summary>The person on call at <paramref name="t"/>, by the wall clock alone.</summary>
    private static string Reference(RotaCase c, List<(LocalDateTime From, LocalDateTime To, string Person, string? CoversFor)> overrides, Instant t)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[c.ZoneId];
        LocalDateTime reached = Reached(zone, t);

        // The cycle as minutes, with the person of each hand-over at its minute. Without a cycle start (a weekly rota)
        // any date anchors the week; the library's choice does not matter, so take the case's.
        int cycleMinutes = c.Weeks * 7 * 1440;
        var handOverAt = new string?[cycleMinutes];
        LocalDate anchor = c.CycleStart;
        foreach ((int week, IsoDayOfWeek day, LocalTime time, string person) in c.HandOvers)
        {
            int dayOfCycle = (7 * (week - 1)) + (((int)day - (int)anchor.DayOfWeek + 7) % 7);
            handOverAt[(dayOfCycle * 1440) + (time.Hour * 60) + time.Minute] = person;
        }
        int daysFromAnchor = Period.DaysBetween(anchor, reached.Date);
        int minute = (int)((((((long)daysFromAnchor * 1440) + (reached.Hour * 60) + reached.Minute) % cycleMinutes) + cycleMinutes) % cycleMinutes);
        string? scheduled = null;
        for (int step = 0; step <= cycleMinutes && scheduled is null; step++)
        {
            scheduled = handOverAt[minute];
            minute = minute == 0 ? cycleMinutes - 1 : minute - 1;
        }
        Assert.NotNull(scheduled);

        var applying = overrides.Where(o => o.From <= reached && reached < o.To && (o.CoversFor is null || o.CoversFor == scheduled)).ToList();
        Assert.True(applying.Count <= 1, $"{applying.Count} overrides apply at {t}");
        return applying.Count == 1 ? applying[0].Person : scheduled!;
    }

    /// <summary>The furthest the wall clock has reached by <paramref name="t"/>: the latest local time it has shown in
    /// the day before (offset changes there are whole minutes, so sampling each minute finds it).</summary>
    private static LocalDateTime Reached(DateTimeZone zone, Instant t)
    {
        LocalDateTime reached = t.InZone(zone).LocalDateTime;
        for (int k = 1; k <= 1440; k++)
        {
            LocalDateTime shown = (t - Duration.FromMinutes(k)).InZone(zone).LocalDateTime;
            reached = shown > reached ? shown : reached;
        }
        return reached;
    }

    /// <summary>The local time the wall clock first shows at or after <paramref name="local"/> reads it: itself, or
    /// the end of the gap it falls in (the same instants as the reference sees them, compared as wall-clock times).</summary>
    private static LocalDateTime FirstReached(DateTimeZone zone, LocalDateTime local)
    {
        ZoneLocalMapping mapping = zone.MapLocal(local);
        return mapping.Count > 0 ? local : mapping.LateInterval.Start.InZone(zone).LocalDateTime;
    }

    private static Gen<RotaCase> Cases() =>
        from zoneId in Gen.Elements(ZoneIds)
        from weeks in Gen.Frequency((2, Gen.Constant(1)), (3, Gen.Choose(2, 4)))
        from startDay in Gen.Choose(0, 1000)
        from handOverCount in Gen.Choose(1, 6)
        from handOvers in Gen.ArrayOf(
            from week in Gen.Choose(1, weeks)
            from day in Gen.Choose(1, 7)
            from time in Gen.Frequency((4, Gen.Elements(Times)), (1, Gen.Choose(0, 1439).Select(m => LocalTime.Midnight.PlusMinutes(m))))
            from person in Gen.Elements(People)
            select (week, (IsoDayOfWeek)day, time, person), handOverCount)
        from instants in Gen.ArrayOf(InstantNearAChange(zoneId), 8)
        from overrides in Gen.ArrayOf(Override(zoneId), 4)
        select new RotaCase(
            zoneId, weeks, new LocalDate(2024, 1, 1).PlusDays(startDay),
            handOvers.DistinctBy(h => (h.week, h.Item2, h.time)).ToArray(),
            overrides, instants);

    private static Gen<Instant> InstantNearAChange(string zoneId) =>
        from change in Gen.Elements(Changes[zoneId])
        from minutes in Gen.Frequency((3, Gen.Choose(-180, 180)), (2, Gen.Choose(-3 * 1440, 3 * 1440)), (1, Gen.Choose(-60 * 1440, 60 * 1440)))
        from seconds in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 59)))
        select change + Duration.FromMinutes(minutes) + Duration.FromSeconds(seconds);

    private static Gen<(LocalDateTime From, LocalDateTime To, string Person, string? CoversFor)> Override(string zoneId) =>
        from start in InstantNearAChange(zoneId)
        from shift in Gen.Elements(-90, -30, 0, 30, 60)
        from length in Gen.Frequency((2, Gen.Choose(1, 240)), (2, Gen.Choose(1, 5 * 1440)), (1, Gen.Choose(-60, 0)))
        from person in Gen.Elements("sam", "kim")
        from coversFor in Gen.Elements<string?>(null, "ann", "ben", "cat")
        let begins = start.InZone(DateTimeZoneProviders.Tzdb[zoneId]).LocalDateTime.PlusMinutes(shift).With(TimeAdjusters.TruncateToMinute)
        select (begins, begins.PlusMinutes(length), person, coversFor);
}
