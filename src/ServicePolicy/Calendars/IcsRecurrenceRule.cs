// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using NodaTime;

namespace ServicePolicy.Calendars;

/// <summary>
/// An RFC 5545 recurrence rule (<c>RRULE</c>) with daily or coarser frequency, expanded to the dates on which its
/// occurrences start. Sub-daily rules (<c>SECONDLY</c>, <c>MINUTELY</c>, <c>HOURLY</c>) and the parts that make
/// occurrences within a day (<c>BYHOUR</c>, <c>BYMINUTE</c>, <c>BYSECOND</c>) are refused when parsed.
/// </summary>
/// <remarks>Expansion walks the rule's periods (years, months, weeks or days, every <c>INTERVAL</c>-th), keeps the
/// days of each period that every <c>BYxxx</c> part allows, then applies <c>BYSETPOS</c>: the classic algorithm of
/// RFC 5545 section 3.3.10, as python-dateutil implements it. The days examined count against a budget the caller
/// gives, so that a rule that rarely matches cannot make a file arbitrarily slow to read.</remarks>
internal sealed class IcsRecurrenceRule
{
    private enum Frequency
    {
        Daily,
        Weekly,
        Monthly,
        Yearly,
    }

    private readonly Frequency frequency;
    private readonly int interval;
    private readonly int? count;
    private readonly IcsReadValue? until;
    private readonly int[]? byMonth;
    private readonly int[]? byMonthDay;
    private readonly int[]? byYearDay;
    private readonly int[]? byWeekNo;
    private readonly int[]? bySetPos;
    private readonly IsoDayOfWeek[]? byDayPlain;
    private readonly (int Ordinal, IsoDayOfWeek Day)[]? byDayOrdinal;
    private readonly IsoDayOfWeek weekStart;

    private IcsRecurrenceRule(
        Frequency frequency,
        int interval,
        int? count,
        IcsReadValue? until,
        int[]? byMonth,
        int[]? byMonthDay,
        int[]? byYearDay,
        int[]? byWeekNo,
        int[]? bySetPos,
        IsoDayOfWeek[]? byDayPlain,
        (int Ordinal, IsoDayOfWeek Day)[]? byDayOrdinal,
        IsoDayOfWeek weekStart)
    {
        this.frequency = frequency;
        this.interval = interval;
        this.count = count;
        this.until = until;
        this.byMonth = byMonth;
        this.byMonthDay = byMonthDay;
        this.byYearDay = byYearDay;
        this.byWeekNo = byWeekNo;
        this.bySetPos = bySetPos;
        this.byDayPlain = byDayPlain;
        this.byDayOrdinal = byDayOrdinal;
        this.weekStart = weekStart;
    }

    /// <summary>Parses the value of an <c>RRULE</c> property.</summary>
    /// <param name="text">The value, such as <c>FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO</c>.</param>
    /// <param name="fail">Builds the exception for a problem (the reader adds the file and line).</param>
    /// <returns>The rule.</returns>
    internal static IcsRecurrenceRule Parse(string text, Func<string, FormatException> fail)
    {
        Frequency? frequency = null;
        int interval = 1;
        int? count = null;
        IcsReadValue? until = null;
        int[]? byMonth = null, byMonthDay = null, byYearDay = null, byWeekNo = null, bySetPos = null;
        List<IsoDayOfWeek>? plain = null;
        List<(int, IsoDayOfWeek)>? ordinal = null;
        IsoDayOfWeek weekStart = IsoDayOfWeek.Monday;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in text.Split(';'))
        {
            int equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw fail($"RRULE '{text}' has a part without a value: '{part}'.");
            }
            string name = part[..equals].ToUpperInvariant();
            string value = part[(equals + 1)..];
            if (!seen.Add(name))
            {
                throw fail($"RRULE '{text}' gives {name} twice.");
            }
            switch (name)
            {
                case "FREQ":
                    frequency = value.ToUpperInvariant() switch
                    {
                        "DAILY" => Frequency.Daily,
                        "WEEKLY" => Frequency.Weekly,
                        "MONTHLY" => Frequency.Monthly,
                        "YEARLY" => Frequency.Yearly,
                        "SECONDLY" or "MINUTELY" or "HOURLY" => throw fail(
                            $"RRULE '{text}' repeats more often than daily (FREQ={value}); holiday files support DAILY, WEEKLY, MONTHLY and YEARLY rules only."
                            + Internal.LimitsDocs.See(Internal.LimitsDocs.ICalendar)),
                        _ => throw fail($"RRULE '{text}' has an unknown frequency '{value}'."),
                    };
                    break;
                case "INTERVAL":
                    interval = Number(value, 1, int.MaxValue, name);
                    break;
                case "COUNT":
                    count = Number(value, 1, int.MaxValue, name);
                    break;
                case "UNTIL":
                    until = IcsReadValue.ParseUntil(value) ?? throw fail($"RRULE '{text}' has an UNTIL that is not a date or a date-time: '{value}'.");
                    break;
                case "BYMONTH":
                    byMonth = Numbers(value, 1, 12, allowNegative: false, name);
                    break;
                case "BYMONTHDAY":
                    byMonthDay = Numbers(value, 1, 31, allowNegative: true, name);
                    break;
                case "BYYEARDAY":
                    byYearDay = Numbers(value, 1, 366, allowNegative: true, name);
                    break;
                case "BYWEEKNO":
                    byWeekNo = Numbers(value, 1, 53, allowNegative: true, name);
                    break;
                case "BYSETPOS":
                    bySetPos = Numbers(value, 1, 366, allowNegative: true, name);
                    break;
                case "BYDAY":
                    foreach (string day in value.Split(','))
                    {
                        string trimmed = day.Trim();
                        if (trimmed.Length < 2 || DayOfWeek(trimmed[^2..]) is not { } weekday)
                        {
                            throw fail($"RRULE '{text}' has a BYDAY entry that is not a day: '{day}'.");
                        }
                        if (trimmed.Length == 2)
                        {
                            (plain ??= new()).Add(weekday);
                        }
                        else
                        {
                            int n = Number(trimmed[..^2], -53, 53, name);
                            if (n == 0)
                            {
                                throw fail($"RRULE '{text}' has a BYDAY entry with ordinal 0: '{day}'.");
                            }
                            (ordinal ??= new()).Add((n, weekday));
                        }
                    }
                    break;
                case "WKST":
                    weekStart = DayOfWeek(value) ?? throw fail($"RRULE '{text}' has a WKST that is not a day: '{value}'.");
                    break;
                case "BYHOUR" or "BYMINUTE" or "BYSECOND":
                    throw fail($"RRULE '{text}' has {name}, which makes occurrences within a day; holiday files do not support it."
                        + Internal.LimitsDocs.See(Internal.LimitsDocs.ICalendar));
                default:
                    throw fail($"RRULE '{text}' has an unknown part '{name}'.");
            }
        }

        int Number(string value, int min, int max, string name)
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int n)
                || n < min || n > max)
            {
                throw fail($"RRULE '{text}' has a {name} that is not a whole number from {min} to {max}: '{value}'.");
            }
            return n;
        }

        int[] Numbers(string value, int min, int max, bool allowNegative, string name)
        {
            string[] items = value.Split(',');
            var numbers = new int[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                int n = Number(items[i].Trim(), allowNegative ? -max : min, max, name);
                if (n == 0)
                {
                    throw fail($"RRULE '{text}' has a {name} of 0.");
                }
                numbers[i] = n;
            }
            return numbers;
        }

        if (frequency is not { } freq)
        {
            throw fail($"RRULE '{text}' has no FREQ.");
        }
        if (count is not null && until is not null)
        {
            throw fail($"RRULE '{text}' gives both COUNT and UNTIL.");
        }
        if (byWeekNo is not null && freq != Frequency.Yearly)
        {
            throw fail($"RRULE '{text}' has BYWEEKNO, which only YEARLY rules may have.");
        }
        if (byYearDay is not null && freq is not Frequency.Yearly)
        {
            throw fail($"RRULE '{text}' has BYYEARDAY, which only YEARLY rules may have here.");
        }
        if (byMonthDay is not null && freq == Frequency.Weekly)
        {
            throw fail($"RRULE '{text}' has BYMONTHDAY, which WEEKLY rules may not have.");
        }
        if (ordinal is not null && (freq is Frequency.Daily or Frequency.Weekly || (freq == Frequency.Yearly && byWeekNo is not null)))
        {
            throw fail($"RRULE '{text}' has a numbered BYDAY entry, which only MONTHLY and YEARLY rules without BYWEEKNO may have.");
        }
        return new IcsRecurrenceRule(freq, interval, count, until, byMonth, byMonthDay, byYearDay, byWeekNo, bySetPos,
            plain?.ToArray(), ordinal?.ToArray(), weekStart);
    }

    private static IsoDayOfWeek? DayOfWeek(string text) => text.ToUpperInvariant() switch
    {
        "MO" => IsoDayOfWeek.Monday,
        "TU" => IsoDayOfWeek.Tuesday,
        "WE" => IsoDayOfWeek.Wednesday,
        "TH" => IsoDayOfWeek.Thursday,
        "FR" => IsoDayOfWeek.Friday,
        "SA" => IsoDayOfWeek.Saturday,
        "SU" => IsoDayOfWeek.Sunday,
        _ => null,
    };

    /// <summary>Gets the rule's end: its <c>UNTIL</c>, if any.</summary>
    internal IcsReadValue? Until => until;

    /// <summary>Expands the rule from <paramref name="start"/> (the first occurrence, which always counts) to the
    /// dates its occurrences start on, in order, while <paramref name="keep"/> returns <see langword="true"/>.</summary>
    /// <param name="start">The date of <c>DTSTART</c>.</param>
    /// <param name="end">The first date not expanded (the end of the supported range).</param>
    /// <param name="untilDate">The last date an occurrence may start on, from <c>UNTIL</c> (the caller compares
    /// date-times exactly); <see langword="null"/> without <c>UNTIL</c>.</param>
    /// <param name="keep">Called for each date; returns <see langword="false"/> to stop.</param>
    /// <param name="examinedDays">The budget of days examined, decreased as the expansion runs.</param>
    /// <returns><see langword="false"/> when the budget ran out.</returns>
    /// <remarks>Months that <c>BYMONTH</c> excludes are skipped without examining their days, daily rules are
    /// walked a month at a time, and a day is examined as plain numbers (year, month, day, weekday): a file with
    /// rules that rarely match stays fast; see <c>HolidayFileBenchmarks</c>.</remarks>
    internal bool Expand(LocalDate start, LocalDate end, LocalDate? untilDate, Func<LocalDate, bool> keep, ref long examinedDays)
    {
        int remaining = count ?? int.MaxValue;
        if (!keep(start))
        {
            return true;
        }
        remaining--;
        bool noDayParts = byWeekNo is null && byYearDay is null && byMonthDay is null && byDayPlain is null && byDayOrdinal is null;
        var filter = new DayFilter(byMonth, byMonthDay, byDayPlain);
        if (noDayParts)
        {
            switch (frequency)
            {
                case Frequency.Yearly:
                    filter = new DayFilter(byMonth ?? new[] { start.Month }, new[] { start.Day }, null);
                    break;
                case Frequency.Monthly:
                    filter = filter with { MonthDays = new[] { start.Day } };
                    break;
                case Frequency.Weekly:
                    filter = filter with { Weekdays = new[] { start.DayOfWeek } };
                    break;
            }
        }
        var candidates = new List<LocalDate>();
        LocalDate period = PeriodStart(start);
        LocalDate last = untilDate is { } u && u < end ? u : end.PlusDays(-1);
        while (remaining > 0 && period <= last)
        {
            candidates.Clear();
            switch (frequency)
            {
                case Frequency.Yearly when byWeekNo is null:
                    for (int month = 1; month <= 12; month++)
                    {
                        if ((filter.Months is null || Array.IndexOf(filter.Months, month) >= 0)
                            && !ScanDays(new LocalDate(period.Year, month, 1), CalendarSystem.Iso.GetDaysInMonth(period.Year, month), 1, 0, filter, candidates, ref examinedDays))
                        {
                            return false;
                        }
                    }
                    break;
                case Frequency.Yearly:
                    // Week 1 may start in the previous year and the last week end in the next.
                    if (!ScanDays(period.PlusDays(-7), CalendarSystem.Iso.GetDaysInYear(period.Year) + 14, 1, 0, filter, candidates, ref examinedDays))
                    {
                        return false;
                    }
                    candidates.RemoveAll(day => !MatchesWeekNumber(day, period.Year));
                    break;
                case Frequency.Monthly:
                    if ((filter.Months is null || Array.IndexOf(filter.Months, period.Month) >= 0)
                        && !ScanDays(period, CalendarSystem.Iso.GetDaysInMonth(period.Year, period.Month), 1, 0, filter, candidates, ref examinedDays))
                    {
                        return false;
                    }
                    break;
                case Frequency.Weekly:
                    if (!ScanDays(period, 7, 1, 0, filter, candidates, ref examinedDays))
                    {
                        return false;
                    }
                    break;
                default:
                    // Daily rules are scanned a month at a time: the days start + k * INTERVAL of the month.
                    int offset = Period.Between(start, period, PeriodUnits.Days).Days;
                    int phase = (int)((((long)-offset % interval) + interval) % interval);
                    int days = CalendarSystem.Iso.GetDaysInMonth(period.Year, period.Month);
                    if (--examinedDays < 0)
                    {
                        return false;
                    }
                    if (phase >= days)
                    {
                        if (phase > 400_000)
                        {
                            return true;
                        }
                        LocalDate next = period.PlusDays(phase);
                        period = new LocalDate(next.Year, next.Month, 1);
                        continue;
                    }
                    if ((filter.Months is null || Array.IndexOf(filter.Months, period.Month) >= 0)
                        && !ScanDays(period, days, interval, phase, filter, candidates, ref examinedDays))
                    {
                        return false;
                    }
                    if (bySetPos is not null)
                    {
                        // Each day is a set of its own: BYSETPOS=1 or -1 keeps it, any other position drops it.
                        bool keepsDay = Array.IndexOf(bySetPos, 1) >= 0 || Array.IndexOf(bySetPos, -1) >= 0;
                        candidates.RemoveAll(_ => !keepsDay);
                    }
                    break;
            }
            if (bySetPos is not null && frequency != Frequency.Daily)
            {
                candidates = SelectPositions(candidates);
            }
            foreach (LocalDate day in candidates)
            {
                if (day <= start)
                {
                    continue;
                }
                if (day > last || remaining == 0)
                {
                    return true;
                }
                if (!keep(day))
                {
                    return true;
                }
                remaining--;
            }
            period = NextPeriod(period);
        }
        return true;
    }

    /// <summary>The <c>BYMONTH</c>, <c>BYMONTHDAY</c> and plain <c>BYDAY</c> parts, with the defaults taken from
    /// <c>DTSTART</c> when the rule gives no day.</summary>
    private readonly record struct DayFilter(int[]? Months, int[]? MonthDays, IsoDayOfWeek[]? Weekdays);

    /// <summary>Adds the days of <paramref name="count"/> consecutive days from <paramref name="from"/> that the
    /// rule allows, taking every <paramref name="stride"/>-th day from the <paramref name="phase"/>-th; the days are
    /// examined as plain numbers, and only allowed days become dates.</summary>
    private bool ScanDays(LocalDate from, int count, int stride, int phase, DayFilter filter, List<LocalDate> candidates, ref long examinedDays)
    {
        examinedDays -= (count - phase + stride - 1) / stride;
        if (examinedDays < 0)
        {
            return false;
        }
        int year = from.Year, month = from.Month, day = from.Day, weekday = (int)from.DayOfWeek, dayOfYear = from.DayOfYear;
        int daysInMonth = CalendarSystem.Iso.GetDaysInMonth(year, month);
        for (int i = 0; i < count; i++)
        {
            if (i >= phase && (i - phase) % stride == 0 && Matches(filter, year, month, day, (IsoDayOfWeek)weekday, dayOfYear))
            {
                candidates.Add(new LocalDate(year, month, day));
            }
            weekday = weekday == 7 ? 1 : weekday + 1;
            dayOfYear++;
            if (++day > daysInMonth)
            {
                day = 1;
                if (++month > 12)
                {
                    month = 1;
                    year++;
                    dayOfYear = 1;
                }
                daysInMonth = CalendarSystem.Iso.GetDaysInMonth(year, month);
            }
        }
        return true;
    }

    private bool Matches(DayFilter filter, int year, int month, int day, IsoDayOfWeek weekday, int dayOfYear)
    {
        if (filter.Months is not null && Array.IndexOf(filter.Months, month) < 0)
        {
            return false;
        }
        if (filter.MonthDays is not null && !MatchesSigned(filter.MonthDays, day, CalendarSystem.Iso.GetDaysInMonth(year, month)))
        {
            return false;
        }
        if (byYearDay is not null && !MatchesSigned(byYearDay, dayOfYear, CalendarSystem.Iso.GetDaysInYear(year)))
        {
            return false;
        }
        if (filter.Weekdays is null && byDayOrdinal is null)
        {
            return true;
        }
        if (filter.Weekdays is not null && Array.IndexOf(filter.Weekdays, weekday) >= 0)
        {
            return true;
        }
        if (byDayOrdinal is not null)
        {
            bool inMonth = frequency == Frequency.Monthly || byMonth is not null;
            int index = inMonth ? day : dayOfYear;
            int length = inMonth ? CalendarSystem.Iso.GetDaysInMonth(year, month) : CalendarSystem.Iso.GetDaysInYear(year);
            foreach ((int n, IsoDayOfWeek d) in byDayOrdinal)
            {
                if (d == weekday && (n > 0 ? (index - 1) / 7 + 1 == n : (length - index) / 7 + 1 == -n))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private LocalDate PeriodStart(LocalDate date) => frequency switch
    {
        Frequency.Yearly => new LocalDate(date.Year, 1, 1),
        Frequency.Monthly or Frequency.Daily => new LocalDate(date.Year, date.Month, 1),
        _ => date.PlusDays(-(((int)date.DayOfWeek - (int)weekStart + 7) % 7)),
    };

    private LocalDate NextPeriod(LocalDate period)
    {
        const int LastYear = 9998;
        return frequency switch
        {
            Frequency.Yearly => interval > LastYear - period.Year ? new LocalDate(LastYear, 1, 1) : period.PlusYears(interval),
            Frequency.Monthly => interval / 12 > LastYear - period.Year ? new LocalDate(LastYear, 1, 1) : period.PlusMonths(interval),
            Frequency.Weekly => interval > 100_000 ? new LocalDate(LastYear, 1, 1) : period.PlusWeeks(interval),
            _ => period.PlusMonths(1),
        };
    }

    private static bool MatchesSigned(int[] values, int value, int length)
    {
        foreach (int n in values)
        {
            if (n > 0 ? n == value : length + n + 1 == value)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="day"/> lies in one of the <c>BYWEEKNO</c> weeks of <paramref name="year"/>:
    /// weeks start on <c>WKST</c>, and week 1 is the first with at least four days in the year.</summary>
    private bool MatchesWeekNumber(LocalDate day, int year)
    {
        LocalDate week1 = Week1Start(year);
        int weeksInYear = Period.Between(week1, Week1Start(year + 1), PeriodUnits.Days).Days / 7;
        int offset = Period.Between(week1, day, PeriodUnits.Days).Days;
        if (offset < 0 || offset >= weeksInYear * 7)
        {
            return false;
        }
        return MatchesSigned(byWeekNo!, offset / 7 + 1, weeksInYear);
    }

    private LocalDate Week1Start(int year)
    {
        var jan1 = new LocalDate(year, 1, 1);
        int back = ((int)jan1.DayOfWeek - (int)weekStart + 7) % 7;
        LocalDate start = jan1.PlusDays(-back);
        return back >= 4 ? start.PlusDays(7) : start;
    }

    private List<LocalDate> SelectPositions(List<LocalDate> candidates)
    {
        var selected = new List<LocalDate>();
        foreach (int position in bySetPos!)
        {
            int index = position > 0 ? position - 1 : candidates.Count + position;
            if (index >= 0 && index < candidates.Count)
            {
                selected.Add(candidates[index]);
            }
        }
        selected.Sort();
        for (int i = selected.Count - 1; i > 0; i--)
        {
            if (selected[i] == selected[i - 1])
            {
                selected.RemoveAt(i);
            }
        }
        return selected;
    }
}
