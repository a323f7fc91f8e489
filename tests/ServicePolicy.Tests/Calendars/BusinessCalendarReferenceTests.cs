// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

/// <summary>
/// The engine against <see cref="ReferenceCalendar"/> (the definition applied one minute at a time) over random
/// calendars with overnight ranges, holidays, special days and closures, in zones with every kind of clock change.
/// </summary>
public sealed class BusinessCalendarReferenceTests
{
    // Each case runs the slow reference over a few weeks of minutes; these counts keep the class at a few seconds.
    private const int MaxTest = 80;

    [Theory]
    [MemberData(nameof(CalendarGenerators.Zones), MemberType = typeof(CalendarGenerators))]
    public void IsOpen_RandomCalendar_MatchesReference(string zoneId) =>
        CheckAgainstReference(zoneId, MaxTest * 2, (engine, reference, c) =>
        {
            foreach (Instant t in c.Instants)
            {
                bool expected = reference.IsWorking(t);
                bool actual = engine.IsOpen(t);
                Assert.True(expected == actual, $"IsOpen({Describe(engine, t)}): reference {expected}, engine {actual}");
            }
        });

    [Theory]
    [MemberData(nameof(CalendarGenerators.Zones), MemberType = typeof(CalendarGenerators))]
    public void NextOpen_RandomCalendar_MatchesReference(string zoneId) =>
        CheckAgainstReference(zoneId, MaxTest, (engine, reference, c) =>
        {
            foreach (Instant t in c.Instants)
            {
                AssertSame(engine, reference.NextOpen(t), () => engine.NextOpen(t), $"NextOpen({Describe(engine, t)})");
            }
        });

    [Theory]
    [MemberData(nameof(CalendarGenerators.Zones), MemberType = typeof(CalendarGenerators))]
    public void NextClose_RandomCalendar_MatchesReference(string zoneId) =>
        CheckAgainstReference(zoneId, MaxTest, (engine, reference, c) =>
        {
            foreach (Instant t in c.Instants)
            {
                AssertSame(engine, reference.NextClose(t), () => engine.NextClose(t), $"NextClose({Describe(engine, t)})");
            }
        });

    [Theory]
    [MemberData(nameof(CalendarGenerators.Zones), MemberType = typeof(CalendarGenerators))]
    public void BusinessTimeBetween_RandomCalendar_MatchesReference(string zoneId) =>
        CheckAgainstReference(zoneId, MaxTest, (engine, reference, c) =>
        {
            for (int i = 0; i < c.Instants.Length; i++)
            {
                Instant from = c.Instants[i];
                Instant to = c.Instants[(i + 1) % c.Instants.Length];
                Duration expected = reference.Between(from, to);
                Duration actual = engine.BusinessTimeBetween(from, to);
                Assert.True(expected == actual,
                    $"BusinessTimeBetween({Describe(engine, from)}, {Describe(engine, to)}): reference {expected}, engine {actual}");
            }
        });

    [Theory]
    [MemberData(nameof(CalendarGenerators.Zones), MemberType = typeof(CalendarGenerators))]
    public void AddBusinessTime_RandomCalendar_MatchesReference(string zoneId) =>
        CheckAgainstReference(zoneId, MaxTest, (engine, reference, c) =>
        {
            for (int i = 0; i < c.Instants.Length; i++)
            {
                Instant t = c.Instants[i];
                Duration amount = c.Amounts[i];
                AssertSame(engine, reference.Add(t, amount), () => engine.AddBusinessTime(t, amount),
                    $"AddBusinessTime({Describe(engine, t)}, {amount})");
            }
        });

    [Theory]
    [MemberData(nameof(CalendarGenerators.Zones), MemberType = typeof(CalendarGenerators))]
    public void EndOfBusinessDay_RandomCalendar_MatchesReference(string zoneId) =>
        CheckAgainstReference(zoneId, MaxTest, (engine, reference, c) =>
        {
            foreach (Instant t in c.Instants)
            {
                AssertSame(engine, reference.EndOfBusinessDay(t), () => engine.EndOfBusinessDay(t), $"EndOfBusinessDay({Describe(engine, t)})");
            }
        });

    [Theory]
    [MemberData(nameof(CalendarGenerators.Zones), MemberType = typeof(CalendarGenerators))]
    public void AddBusinessDays_RandomCalendar_MatchesReference(string zoneId) =>
        CheckAgainstReference(zoneId, MaxTest, (engine, reference, c) =>
        {
            for (int i = 0; i < c.Instants.Length; i++)
            {
                Instant t = c.Instants[i];
                // Mostly a few days; every third count up to about three years, across the blocks of the engine's table of
                // business dates (512 dates each) and past the last special day of a calendar without weekly hours.
                long minutes = (long)Math.Abs(c.Amounts[i].TotalMinutes);
                int days = 1 + (int)(minutes % (i % 3 == 2 ? 1100 : 10));
                // A wall-clock time from the calendar's own ranges, which favour the times at which the zone's clocks change.
                LocalTime[] times = c.Calendar.Weekly.Select(w => w.Range)
                    .Concat(c.Calendar.SpecialDays.SelectMany(s => s.Ranges))
                    .SelectMany(r => new[] { r.Open, r.Close })
                    .ToArray();
                LocalTime at = times[(i + days) % times.Length];
                AssertSame(engine, reference.AddBusinessDays(t, days, at), () => engine.AddBusinessDays(t, days, at),
                    $"AddBusinessDays({Describe(engine, t)}, {days}, {at})");
            }
        });

    private static void CheckAgainstReference(string zoneId, int maxTest, Action<BusinessCalendar, ReferenceCalendar, ReferenceCase> check) =>
        Prop.ForAll(CalendarGenerators.ReferenceCases(zoneId), c =>
            {
                ReferenceCalendar reference = c.Calendar.BuildReference();
                BusinessCalendar? engine = BuildOrConfirmEmpty(c.Calendar, reference);
                if (engine is not null)
                {
                    check(engine, reference, c);
                }
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(maxTest));

    /// <summary>Builds the engine's calendar. When the engine rejects it as having no working time, the reference must
    /// agree that nothing in its whole possible range is working.</summary>
    private static BusinessCalendar? BuildOrConfirmEmpty(CalendarSpec spec, ReferenceCalendar reference)
    {
        try
        {
            return spec.Build();
        }
        catch (InvalidOperationException e)
        {
            Assert.Contains("'spec'", e.Message);
            Assert.Equal(reference.PossibleTo, reference.NextOpen(reference.PossibleFrom) ?? reference.PossibleTo);
            return null;
        }
    }

    /// <summary>Asserts the engine returns what the reference found, or throws <see cref="NoWorkingTimeException"/>
    /// when the reference found no working time.</summary>
    private static void AssertSame(BusinessCalendar engine, Instant? expected, Func<Instant> actual, string description)
    {
        if (expected is { } value)
        {
            Instant result = actual();
            Assert.True(result == value, $"{description}: reference {Describe(engine, value)}, engine {Describe(engine, result)}");
        }
        else
        {
            Exception? e = Record.Exception(() => actual());
            Assert.True(e is NoWorkingTimeException,
                $"{description}: the reference finds no working time, so NoWorkingTimeException was expected; engine: {e?.ToString() ?? "returned"}");
        }
    }

    internal static string Describe(BusinessCalendar calendar, Instant instant) =>
        $"{CalendarSpec.Format(instant)} ({instant.InZone(calendar.Zone):uuuu-MM-dd ddd HH:mm:ss.FFFFFFFFFo<g>})";
}
