// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using Xunit;
using static ServicePolicy.Tests.Calendars.CalendarExamples;

namespace ServicePolicy.Tests.Calendars;

/// <summary>What bad input gets: calendars without working time, running out of working time, unknown zones,
/// amounts and instants outside the supported range, and opening or closing times in a DST gap or overlap.</summary>
public partial class BusinessCalendarTests
{
    private static readonly Instant MinSupported = BusinessCalendar.MinSupportedInstant;
    private static readonly Instant MaxSupported = BusinessCalendar.MaxSupportedInstant;

    [Fact]
    public void Build_NoWorkingTimeAtAll_ThrowsNamingCalendar()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BusinessCalendar.CreateBuilder("empty-desk", "Europe/London").Build());
        Assert.Contains("'empty-desk'", e.Message);
        Assert.Contains("no working time", e.Message);
    }

    [Fact]
    public void AddBusinessTime_ResultAtEndOfSupportedRange_ThrowsArgumentOutOfRange()
    {
        // The supported range is half-open: a result equal to its end would be rejected as an input, so it is not returned.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            BusinessCalendar.AlwaysOpen.AddBusinessTime(MaxSupported - Duration.FromHours(1), Duration.FromHours(1)));
        Assert.Equal("amount", e.ParamName);
        Assert.Equal(MaxSupported - Duration.FromTicks(1),
            BusinessCalendar.AlwaysOpen.AddBusinessTime(MaxSupported - Duration.FromHours(1), Duration.FromHours(1) - Duration.FromTicks(1)));
    }

    [Fact]
    public void Build_OnlyHolidays_ThrowsNamingCalendar()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            BusinessCalendar.CreateBuilder("holiday-desk", "Europe/London").AddHoliday(new LocalDate(2026, 12, 25)).Build());
        Assert.Contains("'holiday-desk'", e.Message);
    }

    [Fact]
    public void Build_ClosuresCoverAllWorkingTime_ThrowsNamingCalendar()
    {
        var forever = Assert.Throws<InvalidOperationException>(() =>
            BusinessCalendar.CreateBuilder("closed-desk", "Europe/London")
                .WithWeeklyHours("Mon-Fri 09:00-17:00")
                .AddClosure(new Interval(null, null))
                .Build());
        Assert.Contains("'closed-desk'", forever.Message);

        var aroundSpecialDay = Assert.Throws<InvalidOperationException>(() =>
            BusinessCalendar.CreateBuilder("moving-desk", "Europe/London")
                .AddSpecialDay(new LocalDate(2026, 6, 6), "10:00-14:00")
                .AddClosure(new Interval(null, Instant.FromUtc(2026, 6, 20, 0, 0)))
                .Build());
        Assert.Contains("'moving-desk'", aroundSpecialDay.Message);
    }

    [Fact]
    public async Task AddBusinessTime_PastLastSpecialDay_ThrowsNoWorkingTimeWithoutLooping()
    {
        BusinessCalendar calendar = SpecialDaysOnly();
        Instant afterLast = Instant.FromUtc(2026, 3, 2, 10, 0);

        var e = Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessTime(afterLast, Duration.FromHours(1))));
        Assert.Contains("'special-desk'", e.Message);
        Assert.Contains("no working time after", e.Message);

        // Starting before the last special day: 5 hours are left (11:00-13:00 and 09:00-12:00), 6 are asked for.
        Instant christmasEve = At("2020-12-24 11:00");
        Assert.Equal(At("2020-12-31 12:00"), calendar.AddBusinessTime(christmasEve, Duration.FromHours(5)));
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessTime(christmasEve, Duration.FromHours(6))));

        // The largest amount the supported range allows still ends promptly.
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessTime(christmasEve, MaxSupported - MinSupported)));
    }

    [Fact]
    public async Task AddBusinessTime_BeforeFirstSpecialDay_ThrowsNoWorkingTimeBefore()
    {
        BusinessCalendar calendar = SpecialDaysOnly();
        var e = Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessTime(At("2020-12-24 10:00"), Duration.FromHours(-2))));
        Assert.Contains("no working time before", e.Message);
        Assert.Equal(At("2020-12-24 09:00"), calendar.AddBusinessTime(At("2020-12-24 10:00"), Duration.FromHours(-1)));
    }

    [Fact]
    public async Task NextOpenNextCloseAndBusinessDays_PastLastSpecialDay_ThrowNoWorkingTime()
    {
        BusinessCalendar calendar = SpecialDaysOnly();
        Instant afterLast = At("2021-01-04 10:00");
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.NextOpen(afterLast)));
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.NextClose(afterLast)));
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.EndOfBusinessDay(afterLast)));
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessDays(afterLast, 1, new LocalTime(9, 0))));
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessDays(At("2020-12-24 10:00"), 2, new LocalTime(9, 0))));
        Assert.Equal(At("2020-12-31 09:00"), calendar.AddBusinessDays(At("2020-12-24 10:00"), 1, new LocalTime(9, 0)));

        // Measuring needs no working time, and sees all of it.
        Assert.Equal(Duration.FromHours(7), calendar.BusinessTimeBetween(MinSupported, MaxSupported - Duration.Epsilon));
    }

    [Fact]
    public async Task AddBusinessTime_PastOpenEndedClosure_ThrowsNoWorkingTime()
    {
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("closing-desk", "Europe/London")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddClosure(new Interval(At("2026-03-04 12:00"), null))
            .AddClosure(new Interval(null, At("2026-03-02 12:00")))
            .Build();
        // Mon 12:00-17:00, Tue 09:00-17:00 and Wed 09:00-12:00 are all there is: 16 hours.
        Assert.Equal(At("2026-03-04 12:00"), calendar.AddBusinessTime(At("2026-03-02 10:00"), Duration.FromHours(16)));
        var after = Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessTime(At("2026-03-02 10:00"), Duration.FromHours(17))));
        Assert.Contains("'closing-desk'", after.Message);
        Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.NextOpen(At("2026-03-04 12:00"))));
        // Before Tue 10:00 only Mon 12:00-17:00 and Tue 09:00-10:00 are left: 6 hours.
        Assert.Equal(At("2026-03-02 12:00"), calendar.AddBusinessTime(At("2026-03-03 10:00"), Duration.FromHours(-6)));
        var before = Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessTime(At("2026-03-03 10:00"), Duration.FromHours(-7))));
        Assert.Contains("no working time before", before.Message);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Londres")]
    [InlineData("")]
    [InlineData("GMT+25")]
    public void CreateBuilder_UnknownTimeZone_ThrowsArgumentExceptionNamingId(string zoneId)
    {
        var e = Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("desk", zoneId));
        Assert.Equal("timeZoneId", e.ParamName);
        Assert.Contains($"'{zoneId}'", e.Message);
        var fromText = Assert.Throws<ArgumentException>(() => BusinessCalendar.Create("desk", zoneId, "Mon-Fri 09:00-17:00"));
        Assert.Contains($"'{zoneId}'", fromText.Message);
    }

    [Fact]
    public void CreateBuilder_NullOrEmptyArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.CreateBuilder(null!, "UTC"));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.CreateBuilder("desk", (string)null!));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.CreateBuilder("desk", (DateTimeZone)null!));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("  ", "UTC")).ParamName);
        Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("desk", "UTC").AddSpecialDay(new LocalDate(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.CreateBuilder("desk", "UTC").AddWeeklyRange(0, new LocalTime(9, 0), new LocalTime(17, 0)));
    }

    public static IEnumerable<object[]> HugeAmounts() => new[]
    {
        new object[] { Duration.MaxValue },
        new object[] { Duration.MinValue },
        new object[] { Duration.FromDays(200 * 365) },
        new object[] { Duration.FromDays(-200 * 365) },
        new object[] { Duration.FromDays(600 * 365) },
        new object[] { (MaxSupported - MinSupported) + Duration.Epsilon },
    };

    [Theory]
    [MemberData(nameof(HugeAmounts))]
    public async Task AddBusinessTime_AmountLeavesSupportedRange_ThrowsArgumentOutOfRange(Duration amount)
    {
        var e = Assert.IsType<ArgumentOutOfRangeException>(await Finishes(() => Office().AddBusinessTime(At("2026-03-02 10:00"), amount)));
        Assert.Equal("amount", e.ParamName);
    }

    [Fact]
    public void AddBusinessTime_ResultBeyondSupportedRange_ThrowsArgumentOutOfRange()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() =>
            BusinessCalendar.AlwaysOpen.AddBusinessTime(MaxSupported - Duration.FromHours(1), Duration.FromHours(2))).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() =>
            BusinessCalendar.AlwaysOpen.AddBusinessTime(MinSupported + Duration.FromHours(1), Duration.FromHours(-2))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Office().AddBusinessTime(Instant.FromUtc(2249, 12, 1, 0, 0), Duration.FromHours(1000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office().AddBusinessTime(Instant.FromUtc(1700, 2, 1, 0, 0), Duration.FromHours(-1000)));
    }

    [Fact]
    public void AlwaysOpen_WholeSupportedRange_BusinessTimeIsElapsedTime()
    {
        // More than 292 years of nanoseconds: beyond a 64-bit count, but every such answer is in range.
        Duration whole = MaxSupported - MinSupported;
        Assert.Equal(whole - Duration.Epsilon, BusinessCalendar.AlwaysOpen.BusinessTimeBetween(MinSupported, MaxSupported - Duration.Epsilon));
        Assert.Equal(Duration.Epsilon - whole, BusinessCalendar.AlwaysOpen.BusinessTimeBetween(MaxSupported - Duration.Epsilon, MinSupported));
        Duration fourHundredYears = Duration.FromDays(400 * 365);
        Assert.Equal(MinSupported + fourHundredYears, BusinessCalendar.AlwaysOpen.AddBusinessTime(MinSupported, fourHundredYears));
        Assert.Equal(MaxSupported - fourHundredYears, BusinessCalendar.AlwaysOpen.AddBusinessTime(MaxSupported - Duration.Epsilon, -fourHundredYears) + Duration.Epsilon);
        Assert.Equal(MinSupported, BusinessCalendar.AlwaysOpen.AddBusinessTime(MaxSupported - Duration.Epsilon, Duration.Epsilon - whole));
    }

    [Fact]
    public async Task AddBusinessDays_BadDaysOrBeyondSupportedRange_ThrowsArgumentOutOfRange()
    {
        BusinessCalendar office = Office();
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => office.AddBusinessDays(At("2026-03-02 10:00"), 0, new LocalTime(12, 0))).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => office.AddBusinessDays(At("2026-03-02 10:00"), -1, new LocalTime(12, 0))).ParamName);
        var e = Assert.IsType<ArgumentOutOfRangeException>(await Finishes(() => office.AddBusinessDays(At("2026-03-02 10:00"), int.MaxValue, new LocalTime(12, 0))));
        Assert.Equal("days", e.ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() =>
            BusinessCalendar.AlwaysOpen.AddBusinessDays(MaxSupported - Duration.FromHours(1), 1, new LocalTime(12, 0))).ParamName);
    }

    [Fact]
    public async Task AddBusinessDays_SpecialDaysAfterSupportedRange_LeaveTheRangeThenRunOut()
    {
        // No weekly hours: the business dates are the special days, including one whose local times are all after the
        // supported range (it ends at 2250-01-01T00:00Z, and London is on UTC in winter). A special day on a later date
        // is refused outright (issue 15).
        BusinessCalendarBuilder builder = BusinessCalendar.CreateBuilder("far-desk", "Europe/London")
            .AddSpecialDay(new LocalDate(2249, 12, 30), "09:00-13:00")
            .AddSpecialDay(new LocalDate(2250, 1, 1), "09:00-13:00");
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddSpecialDay(new LocalDate(2250, 1, 2), "09:00-13:00")).ParamName);
        BusinessCalendar calendar = builder.Build();
        LocalTime nine = new(9, 0);
        Assert.Equal(At("2249-12-30 09:00"), calendar.AddBusinessDays(At("2249-12-29 10:00"), 1, nine));
        foreach ((string from, int days) in new[] { ("2249-12-29 10:00", 2), ("2249-12-31 10:00", 1) })
        {
            Instant start = At(from);
            var leaves = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(start, days, nine));
            Assert.Equal("days", leaves.ParamName);
            Assert.Contains($"Adding {days} business days to {start} leaves the supported range.", leaves.Message);
        }
        foreach ((string from, int days) in new[] { ("2249-12-29 10:00", 3), ("2249-12-31 10:00", 2), ("2249-12-30 10:00", 2) })
        {
            Instant start = At(from);
            var e = Assert.IsType<NoWorkingTimeException>(await Finishes(() => calendar.AddBusinessDays(start, days, nine)));
            Assert.Equal($"Calendar 'far-desk' has fewer than {days} business dates after {start} (counting up to 2250-01-01).", e.Message);
        }
    }

    [Fact]
    public void AddBusinessDays_AtEdgesOfSupportedRange_CountsEveryLocalDate()
    {
        // UTC-07:52:58 (local mean time) in 1700: the first supported instant is on 1699-12-31 there.
        BusinessCalendar west = BusinessCalendar.Create("west", "America/Los_Angeles", "Mon-Sun 09:00-17:00");
        Assert.Equal(Instant.FromUtc(1700, 1, 1, 16, 52, 58), west.AddBusinessDays(MinSupported, 1, new LocalTime(9, 0)));

        // UTC+14: 2250-01-01 09:00 there is still inside the supported range; the next date is not.
        BusinessCalendar east = BusinessCalendar.Create("east", "Pacific/Kiritimati", "Mon-Sun 09:00-17:00");
        Instant start = Instant.FromUtc(2249, 12, 31, 0, 0);
        Assert.Equal(Instant.FromUtc(2249, 12, 31, 19, 0), east.AddBusinessDays(start, 1, new LocalTime(9, 0)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => east.AddBusinessDays(start, 2, new LocalTime(9, 0)));
        Assert.Equal("days", e.ParamName);
        Assert.Contains($"Adding 2 business days to {start} in calendar 'east' leaves the supported range", e.Message);
    }

    public static IEnumerable<object[]> OutOfRangeCalls()
    {
        Instant[] outside = { MinSupported - Duration.Epsilon, MaxSupported, Instant.MinValue, Instant.MaxValue, Instant.FromUtc(1600, 1, 1, 0, 0) };
        string[] methods = { "IsOpen", "NextOpen", "NextClose", "EndOfBusinessDay", "AddBusinessTime", "AddBusinessDays", "BusinessTimeBetween.from", "BusinessTimeBetween.to" };
        return methods.SelectMany(m => outside.Select(i => new object[] { m, i }));
    }

    [Theory]
    [MemberData(nameof(OutOfRangeCalls))]
    public void Operations_InstantOutsideSupportedRange_ThrowArgumentOutOfRangeNamingParameter(string operation, Instant instant)
    {
        BusinessCalendar office = Office();
        Instant inRange = At("2026-03-02 10:00");
        (Action call, string parameter) = operation switch
        {
            "IsOpen" => ((Action)(() => office.IsOpen(instant)), "instant"),
            "NextOpen" => (() => office.NextOpen(instant), "instant"),
            "NextClose" => (() => office.NextClose(instant), "instant"),
            "EndOfBusinessDay" => (() => office.EndOfBusinessDay(instant), "instant"),
            "AddBusinessTime" => (() => office.AddBusinessTime(instant, Duration.Zero), "start"),
            "AddBusinessDays" => (() => office.AddBusinessDays(instant, 1, new LocalTime(12, 0)), "start"),
            "BusinessTimeBetween.from" => (() => office.BusinessTimeBetween(instant, inRange), "from"),
            "BusinessTimeBetween.to" => (() => office.BusinessTimeBetween(inRange, instant), "to"),
            _ => throw new ArgumentException(operation, nameof(operation)),
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Operations_AtSupportedRangeEdges_Work()
    {
        BusinessCalendar office = Office();
        Assert.False(office.IsOpen(MinSupported)); // 1700-01-01 was a Friday, but midnight
        Assert.Equal(MinSupported, BusinessCalendar.AlwaysOpen.NextOpen(MinSupported));
        Assert.Equal(MinSupported, office.AddBusinessTime(MinSupported, Duration.Zero));
        Assert.True(office.BusinessTimeBetween(MinSupported, MaxSupported - Duration.Epsilon) > Duration.FromDays(365 * 50));
        Assert.False(office.IsOpen(MaxSupported - Duration.Epsilon));
    }

    [Fact]
    public void Opening_InSpringForwardGap_OpensAtEndOfGap()
    {
        // 29 March 2026: 01:00 GMT is followed by 02:00 BST, so a 01:30 opening has no wall-clock instant.
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("gap", "Europe/London")
            .AddSpecialDay(new LocalDate(2026, 3, 29), "01:30-03:00")
            .Build();
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), calendar.NextOpen(Instant.FromUtc(2026, 3, 28, 12, 0)));
        Assert.False(calendar.IsOpen(Instant.FromUtc(2026, 3, 29, 0, 59)));
        Assert.Equal(Duration.FromHours(1), calendar.BusinessTimeBetween(Instant.FromUtc(2026, 3, 28, 0, 0), Instant.FromUtc(2026, 3, 30, 0, 0)));
    }

    [Fact]
    public void Closing_InSpringForwardGap_ClosesAtEndOfGap()
    {
        // 8 March 2026 in New York: 02:00 EST is followed by 03:00 EDT (07:00Z).
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("gap", "America/New_York")
            .AddSpecialDay(new LocalDate(2026, 3, 8), "01:00-02:30")
            .Build();
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), calendar.NextClose(Instant.FromUtc(2026, 3, 8, 6, 30)));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), calendar.AddBusinessTime(Instant.FromUtc(2026, 3, 8, 6, 0), Duration.FromHours(1)));
        Assert.Equal(Duration.FromHours(1), calendar.BusinessTimeBetween(Instant.FromUtc(2026, 3, 7, 0, 0), Instant.FromUtc(2026, 3, 9, 0, 0)));
    }

    [Fact]
    public void Opening_InAutumnOverlap_TakesEarlierOccurrence()
    {
        // 25 October 2026: 01:00-02:00 happens twice, first in BST (00:00Z-01:00Z), then in GMT (01:00Z-02:00Z).
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("overlap", "Europe/London")
            .AddSpecialDay(new LocalDate(2026, 10, 25), "01:30-03:00")
            .Build();
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), calendar.NextOpen(Instant.FromUtc(2026, 10, 24, 12, 0))); // 01:30 BST
        // By the definition, the repeated 01:00-01:30 (GMT) is before the opening, so not working.
        Assert.False(calendar.IsOpen(Instant.FromUtc(2026, 10, 25, 1, 15)));
        Assert.True(calendar.IsOpen(Instant.FromUtc(2026, 10, 25, 1, 30)));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 3, 0), calendar.NextClose(Instant.FromUtc(2026, 10, 25, 1, 30)));
        Assert.Equal(Duration.FromHours(2), calendar.BusinessTimeBetween(Instant.FromUtc(2026, 10, 24, 0, 0), Instant.FromUtc(2026, 10, 26, 0, 0)));
    }

    [Fact]
    public void Closing_InAutumnOverlap_TakesLaterOccurrenceAndWallClockAfterClosingIsClosed()
    {
        BusinessCalendar calendar = BusinessCalendar.CreateBuilder("overlap", "Europe/London")
            .AddSpecialDay(new LocalDate(2026, 10, 25), "00:00-01:30")
            .Build();
        // 00:00-01:30 BST (23:00Z-00:30Z) works; 01:30-02:00 BST shows a time at or after the closing, so does not;
        // 01:00-01:30 GMT shows an earlier time again and works until the later 01:30 (01:30Z).
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), calendar.NextClose(Instant.FromUtc(2026, 10, 24, 23, 30)));
        Assert.False(calendar.IsOpen(Instant.FromUtc(2026, 10, 25, 0, 45)));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 1, 0), calendar.NextOpen(Instant.FromUtc(2026, 10, 25, 0, 45)));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 1, 30), calendar.NextClose(Instant.FromUtc(2026, 10, 25, 1, 0)));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 1, 30), calendar.EndOfBusinessDay(Instant.FromUtc(2026, 10, 24, 23, 30)));
        Assert.Equal(Duration.FromHours(2), calendar.BusinessTimeBetween(Instant.FromUtc(2026, 10, 24, 0, 0), Instant.FromUtc(2026, 10, 26, 0, 0)));
    }

    /// <summary>No weekly hours; working time only on Thu 24 Dec 2020 09:00-13:00 and Thu 31 Dec 2020 09:00-12:00.</summary>
    private static BusinessCalendar SpecialDaysOnly() =>
        BusinessCalendar.CreateBuilder("special-desk", "Europe/London")
            .AddSpecialDay(new LocalDate(2020, 12, 24), "09:00-13:00")
            .AddSpecialDay(new LocalDate(2020, 12, 31), "09:00-12:00")
            .Build();

    /// <summary>Runs <paramref name="call"/> and returns what it threw (null if it returned), failing the test if the
    /// call never finishes. The bound is only there to turn an endless loop into a failure; it is not a timing check.</summary>
    private static async Task<Exception?> Finishes(Func<object> call)
    {
        Task<Exception?> running = Task.Run<Exception?>(() => Record.Exception(call));
        Task first = await Task.WhenAny(running, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(first == running, "The call did not finish: business-time arithmetic must never loop.");
        return await running;
    }
}
