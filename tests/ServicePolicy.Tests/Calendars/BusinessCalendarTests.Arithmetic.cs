// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

/// <summary>
/// The algebra of business time, stated as FsCheck properties over random calendars in every test zone, with
/// nanosecond-precision instants and amounts up to two years of working time. No reference needed.
/// </summary>
public partial class BusinessCalendarTests
{
    private const int LawMaxTest = 300;

    /// <summary>Arbitrary instances for the law properties.</summary>
    public static class LawArbitraries
    {
        public static Arbitrary<LawCase> LawCase() => CalendarGenerators.LawCases();

        public static Arbitrary<WideCase> WideCase() => CalendarGenerators.WideCases();
    }

    // Calendars shared by the whole-range properties, so that their slices are compiled once.
    private static readonly BusinessCalendar[] WideCalendars =
    {
        BusinessCalendar.AlwaysOpen,
        CalendarExamples.Office(),
        CalendarExamples.Night(),
        BusinessCalendar.Create("kolkata", "Asia/Kolkata", "Mon-Sat 00:00-24:00"),
    };

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void BusinessTimeBetween_ToAddBusinessTime_EqualsAmount(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        foreach (Duration d in new[] { c.A, -c.A, c.D, Duration.Zero })
        {
            Instant u = calendar.AddBusinessTime(c.T, d);
            Assert.Equal(d, calendar.BusinessTimeBetween(c.T, u));
        }
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void AddBusinessTime_LaterStart_IsNotEarlier(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        Instant t1 = Min(c.T, c.U);
        Instant t2 = Max(c.T, c.U);
        foreach (Duration d in new[] { c.A, -c.A, c.D })
        {
            Assert.True(calendar.AddBusinessTime(t1, d) <= calendar.AddBusinessTime(t2, d), $"d = {d}");
        }
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void AddBusinessTime_LargerAmount_IsLater(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        Duration[] amounts = { c.A, -c.A, c.B, -c.B, c.D, Duration.Zero };
        Array.Sort(amounts);
        for (int i = 1; i < amounts.Length; i++)
        {
            Instant earlier = calendar.AddBusinessTime(c.T, amounts[i - 1]);
            Instant later = calendar.AddBusinessTime(c.T, amounts[i]);
            // Strictly later for a strictly larger amount: the business time from t tells the results apart.
            Assert.True(amounts[i - 1] == amounts[i] ? earlier == later : earlier < later,
                $"Add(t, {amounts[i - 1]}) = {earlier}, Add(t, {amounts[i]}) = {later}");
        }
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void BusinessTimeBetween_LaterEnd_IsNotSmallerAndAtMostElapsed(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        Instant t = c.T;
        Instant u1 = Min(c.U, c.U + c.A);
        Instant u2 = Max(c.U, c.U + c.A);
        Duration b1 = calendar.BusinessTimeBetween(t, u1);
        Duration b2 = calendar.BusinessTimeBetween(t, u2);
        Assert.True(b1 <= b2, $"Between(t, {u1}) = {b1} > Between(t, {u2}) = {b2}");
        Assert.True(b2 - b1 <= u2 - u1, "more business time than elapsed time");
        Assert.True(Abs(b1) <= Abs(u1 - t), "more business time than elapsed time");
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void AddBusinessTime_InTwoSteps_EqualsInOneStep(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        Assert.Equal(calendar.AddBusinessTime(c.T, c.A + c.B), calendar.AddBusinessTime(calendar.AddBusinessTime(c.T, c.A), c.B));
        Assert.Equal(calendar.AddBusinessTime(c.T, -c.A - c.B), calendar.AddBusinessTime(calendar.AddBusinessTime(c.T, -c.A), -c.B));
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void AddBusinessTime_ThereAndBack_LandsOnSameBusinessInstant(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        Instant t = c.T;

        // Forward then back lands at or after t, with no business time in between.
        Instant forward = calendar.AddBusinessTime(calendar.AddBusinessTime(t, c.A), -c.A);
        Assert.True(forward >= t, $"forward and back: {forward} < {t}");
        Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(t, forward));

        // Back then forward lands at or before t, with no business time in between.
        Instant backward = calendar.AddBusinessTime(calendar.AddBusinessTime(t, -c.A), c.A);
        Assert.True(backward <= t, $"back and forward: {backward} > {t}");
        Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(backward, t));
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void BusinessTimeBetween_SwappedOrSplit_IsAntisymmetricAndAdditive(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        Instant w = c.U + c.D;
        Assert.Equal(-calendar.BusinessTimeBetween(c.U, c.T), calendar.BusinessTimeBetween(c.T, c.U));
        Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(c.T, c.T));
        Assert.Equal(calendar.BusinessTimeBetween(c.T, w), calendar.BusinessTimeBetween(c.T, c.U) + calendar.BusinessTimeBetween(c.U, w));
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void AddBusinessTime_Result_IsAtEdgeOfWorkingTime(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();

        // A positive amount ends on working time: the last nanosecond before the result is open (so landing on a
        // closing returns the closing); a negative amount ends on working time itself (landing on an opening returns it).
        Instant forward = calendar.AddBusinessTime(c.T, c.A);
        Assert.True(calendar.IsOpen(forward - Duration.Epsilon), $"Add(t, {c.A}) = {forward}: the instant before it is closed");
        Instant backward = calendar.AddBusinessTime(c.T, -c.A);
        Assert.True(calendar.IsOpen(backward), $"Add(t, {-c.A}) = {backward} is closed");
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void NextOpenAndNextClose_AnyInstant_BoundTheNextWorkingPeriod(LawCase c)
    {
        BusinessCalendar calendar = c.Calendar.Build();
        Instant t = c.T;
        Instant open = calendar.NextOpen(t);
        Instant close = calendar.NextClose(t);

        Assert.True(open >= t);
        Assert.Equal(calendar.IsOpen(t), open == t);
        Assert.True(calendar.IsOpen(open));
        Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(t, open));
        Assert.True(close > open);
        Assert.False(calendar.IsOpen(close));
        Assert.Equal(close - open, calendar.BusinessTimeBetween(open, close)); // open throughout
        Assert.Equal(close, calendar.NextClose(open));
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void AlwaysOpen_AnyInstantAndAmount_BusinessTimeIsElapsedTime(LawCase c)
    {
        BusinessCalendar calendar = BusinessCalendar.AlwaysOpen;
        Assert.Equal(c.T + c.D, calendar.AddBusinessTime(c.T, c.D));
        Assert.Equal(c.U - c.T, calendar.BusinessTimeBetween(c.T, c.U));
        Assert.True(calendar.IsOpen(c.T));
        Assert.Equal(c.T, calendar.NextOpen(c.T));
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void AlwaysOpen_AnywhereInSupportedRange_BusinessTimeIsElapsedTime(WideCase c)
    {
        BusinessCalendar calendar = BusinessCalendar.AlwaysOpen;
        Assert.Equal(c.U - c.T, calendar.BusinessTimeBetween(c.T, c.U));
        Instant target = c.T + c.D;
        if (target >= BusinessCalendar.MinSupportedInstant && target < BusinessCalendar.MaxSupportedInstant)
        {
            Assert.Equal(target, calendar.AddBusinessTime(c.T, c.D));
        }
        else if (target < BusinessCalendar.MinSupportedInstant || target > BusinessCalendar.MaxSupportedInstant)
        {
            Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(c.T, c.D)).ParamName);
        }
    }

    [Property(Arbitrary = new[] { typeof(LawArbitraries) }, MaxTest = LawMaxTest)]
    public void BusinessTimeBetween_AnywhereInSupportedRange_IsUndoneByAddBusinessTime(WideCase c)
    {
        foreach (BusinessCalendar calendar in WideCalendars)
        {
            Instant from = Min(c.T, c.U);
            Instant to = Max(c.T, c.U);
            Duration between = calendar.BusinessTimeBetween(from, to);
            Assert.Equal(-between, calendar.BusinessTimeBetween(to, from));
            Assert.True(between >= Duration.Zero && between <= to - from);

            // Adding the business time between two instants to the first lands at or before the second, with no business
            // time left in between; subtracting it from the second lands at or after the first.
            Instant forward = calendar.AddBusinessTime(from, between);
            Assert.True(forward <= to);
            Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(forward, to));
            Instant backward = calendar.AddBusinessTime(to, -between);
            Assert.True(backward >= from);
            Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(from, backward));
        }
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;
}
