// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Benchmarks.Calendars;

/// <summary>Public holidays generated from their rules (one-off holidays such as jubilees are not included).</summary>
public static class Holidays
{
    /// <summary>England and Wales bank holidays: New Year's Day, Good Friday, Easter Monday, the early May, spring and
    /// summer bank holidays, Christmas Day and Boxing Day, with substitute days when a fixed date falls on a weekend.</summary>
    /// <param name="firstYear">The first year.</param>
    /// <param name="lastYear">The last year (inclusive).</param>
    /// <returns>The holidays, sorted.</returns>
    public static IReadOnlyList<LocalDate> EnglandAndWales(int firstYear, int lastYear)
    {
        var result = new List<LocalDate>();
        for (int year = firstYear; year <= lastYear; year++)
        {
            var taken = new HashSet<LocalDate>();
            void AddSubstituted(LocalDate date)
            {
                // A fixed date on a weekend, or one already taken (Boxing Day after a substituted Christmas), moves
                // to the next free weekday.
                while (date.DayOfWeek >= IsoDayOfWeek.Saturday || taken.Contains(date))
                {
                    date = date.PlusDays(1);
                }
                taken.Add(date);
            }

            AddSubstituted(new LocalDate(year, 1, 1));
            LocalDate easter = EasterSunday(year);
            taken.Add(easter.PlusDays(-2));
            taken.Add(easter.PlusDays(1));
            taken.Add(NthWeekday(year, 5, IsoDayOfWeek.Monday, 1));
            taken.Add(LastWeekday(year, 5, IsoDayOfWeek.Monday));
            taken.Add(LastWeekday(year, 8, IsoDayOfWeek.Monday));
            AddSubstituted(new LocalDate(year, 12, 25));
            AddSubstituted(new LocalDate(year, 12, 26));
            result.AddRange(taken);
        }
        result.Sort();
        return result;
    }

    /// <summary>US federal holidays on their observed dates (a Saturday holiday is observed on Friday, a Sunday one on
    /// Monday): New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Memorial Day, Juneteenth,
    /// Independence Day, Labor Day, Columbus Day, Veterans Day, Thanksgiving and Christmas Day.</summary>
    /// <param name="firstYear">The first year.</param>
    /// <param name="lastYear">The last year (inclusive).</param>
    /// <returns>The holidays, sorted.</returns>
    public static IReadOnlyList<LocalDate> UnitedStatesFederal(int firstYear, int lastYear)
    {
        var result = new List<LocalDate>();
        for (int year = firstYear; year <= lastYear; year++)
        {
            result.Add(Observed(new LocalDate(year, 1, 1)));
            result.Add(NthWeekday(year, 1, IsoDayOfWeek.Monday, 3));
            result.Add(NthWeekday(year, 2, IsoDayOfWeek.Monday, 3));
            result.Add(LastWeekday(year, 5, IsoDayOfWeek.Monday));
            result.Add(Observed(new LocalDate(year, 6, 19)));
            result.Add(Observed(new LocalDate(year, 7, 4)));
            result.Add(NthWeekday(year, 9, IsoDayOfWeek.Monday, 1));
            result.Add(NthWeekday(year, 10, IsoDayOfWeek.Monday, 2));
            result.Add(Observed(new LocalDate(year, 11, 11)));
            result.Add(NthWeekday(year, 11, IsoDayOfWeek.Thursday, 4));
            result.Add(Observed(new LocalDate(year, 12, 25)));
        }
        result.Sort();
        return result;
    }

    /// <summary>Returns Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    /// <param name="year">The year.</param>
    /// <returns>Easter Sunday.</returns>
    public static LocalDate EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    private static LocalDate Observed(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(-1),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static LocalDate NthWeekday(int year, int month, IsoDayOfWeek day, int n) =>
        new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(day)).PlusWeeks(n - 1);

    private static LocalDate LastWeekday(int year, int month, IsoDayOfWeek day) =>
        new LocalDate(year, month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(day));
}
