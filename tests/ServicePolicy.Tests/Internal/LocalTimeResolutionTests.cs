// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;
using ServicePolicy.Internal;
using ServicePolicy.Tests.Calendars;
using Xunit;
using Interval = NodaTime.Interval;

namespace ServicePolicy.Tests.Internal;

/// <summary><see cref="LocalTimeResolution"/> gives exactly what NodaTime's own resolution gives (the same instant, or
/// the same exception), for every resolver: around every offset change of the test zones, and at random.</summary>
public class LocalTimeResolutionTests
{
    private static readonly string[] ZoneIds = CalendarGenerators.ZoneIds.Append("Asia/Tokyo").Append("Etc/GMT-14").ToArray();

    private static readonly (string Name, ZoneLocalMappingResolver Resolver)[] ResolversUnderTest =
    {
        ("lenient", Resolvers.LenientResolver),
        ("strict", Resolvers.StrictResolver),
        ("earlier, end of gap", Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter)),
        ("later, end of gap", Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter)),
    };

    public static IEnumerable<object[]> Zones => ZoneIds.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(Zones))]
    public void Resolve_AroundEveryOffsetChange_AgreesWithNodaTime(string zoneId)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[zoneId];
        var span = new Interval(Instant.FromUtc(2024, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0));
        int checkedTimes = 0;
        foreach (ZoneInterval interval in zone.GetZoneIntervals(span).Where(z => z.HasStart && span.Contains(z.Start)))
        {
            // Every quarter hour (and the minutes either side of the change) within 40 hours of it: gaps, overlaps and
            // the margin beyond which the fast path answers.
            LocalDateTime change = interval.Start.WithOffset(interval.WallOffset).LocalDateTime;
            for (int minutes = -40 * 60; minutes <= 40 * 60; minutes += 15)
            {
                foreach (int nudge in new[] { -1, 0, 1 })
                {
                    AssertAgrees(zone, change.PlusMinutes(minutes + nudge));
                    checkedTimes++;
                }
            }
        }
        Assert.True(checkedTimes > 0 || zone.GetZoneIntervals(span).Count() == 1, $"no offset change of {zoneId} was checked");
    }

    [Fact]
    public void Resolve_AtTheEndsOfTime_AgreesWithNodaTime()
    {
        foreach (string zoneId in ZoneIds)
        {
            DateTimeZone zone = DateTimeZoneProviders.Tzdb[zoneId];
            foreach (LocalDateTime local in new[]
                { LocalDateTime.MinIsoValue, LocalDateTime.MinIsoValue.PlusHours(30), LocalDateTime.MaxIsoValue, LocalDateTime.MaxIsoValue.PlusHours(-30) })
            {
                AssertAgrees(zone, local);
            }
        }
    }

    [Fact]
    public void Resolve_AnyLocalTime_AgreesWithNodaTime()
    {
        Gen<(string ZoneId, LocalDateTime Local)> cases =
            from zoneId in Gen.Elements(ZoneIds)
            from year in Gen.Choose(1850, 2150)
            from day in Gen.Choose(0, 365)
            from minute in Gen.Choose(0, (24 * 60) - 1)
            select (zoneId, new LocalDate(year, 1, 1).PlusDays(day).AtMidnight().PlusMinutes(minute));

        Prop.ForAll(cases.ToArbitrary(), c => AssertAgrees(DateTimeZoneProviders.Tzdb[c.ZoneId], c.Local))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    private static void AssertAgrees(DateTimeZone zone, LocalDateTime local)
    {
        foreach ((string name, ZoneLocalMappingResolver resolver) in ResolversUnderTest)
        {
            (Instant? expected, Type? expectedError) = Outcome(() => local.InZone(zone, resolver).ToInstant());
            (Instant? actual, Type? actualError) = Outcome(() => LocalTimeResolution.Resolve(zone, local, resolver));
            Assert.True(expected == actual && expectedError == actualError,
                $"{local:uuuu-MM-dd HH:mm} in {zone.Id}, {name}: NodaTime {expected?.ToString() ?? expectedError!.Name}, resolved {actual?.ToString() ?? actualError!.Name}");
            if (local.Year is > 1700 and < 2200)
            {
                long wallClockNanos = (local.InUtc().ToInstant() - NodaConstants.UnixEpoch).ToInt64Nanoseconds();
                (actual, actualError) = Outcome(() => LocalTimeResolution.Resolve(zone, wallClockNanos, resolver));
                Assert.True(expected == actual && expectedError == actualError,
                    $"{local:uuuu-MM-dd HH:mm} in {zone.Id} as nanoseconds, {name}: NodaTime {expected?.ToString() ?? expectedError!.Name}, resolved {actual?.ToString() ?? actualError!.Name}");
            }
        }
    }

    private static (Instant? Value, Type? Error) Outcome(Func<Instant> resolve)
    {
        try
        {
            return (resolve(), null);
        }
        catch (Exception e) when (e is SkippedTimeException or AmbiguousTimeException or ArgumentOutOfRangeException or OverflowException)
        {
            return (null, e.GetType());
        }
    }
}
