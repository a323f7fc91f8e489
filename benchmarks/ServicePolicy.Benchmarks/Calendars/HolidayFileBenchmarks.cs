// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using NodaTime;
using ServicePolicy.Calendars;

namespace ServicePolicy.Benchmarks.Calendars;

/// <summary>
/// Reading iCalendar holiday files (<see cref="BusinessCalendarBuilder.AddHolidaysFromICalendar(TextReader)"/>) of
/// 10, 100 and 1,000 events, as public holiday feeds publish them (one all-day event a holiday, with UID, DTSTAMP,
/// SUMMARY, TRANSP and a folded DESCRIPTION; one event in ten a timed closure in a named zone). The baseline is the
/// 10-event file: reading is linear when the 100- and 1,000-event files take about 10 and 100 times as long.
/// <see cref="RecurringRules100"/> reads 100 yearly rules without an end, each expanded to 2249 (about 22,400
/// holidays), and <see cref="RareRule"/> one daily rule from 1700 that matches only Mondays that are the 31st, which
/// examines every day of the supported range.
/// </summary>
[MemoryDiagnoser]
public class HolidayFileBenchmarks
{
    private string ten = string.Empty;
    private string hundred = string.Empty;
    private string thousand = string.Empty;
    private string rules = string.Empty;
    private string rare = string.Empty;

    /// <summary>Generates the files and checks that each is read whole.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ten = Feed(10);
        hundred = Feed(100);
        thousand = Feed(1000);
        rules = Rules(100);
        rare = Calendar("BEGIN:VEVENT\r\nUID:rare\r\nDTSTART;VALUE=DATE:17000101\r\nRRULE:FREQ=DAILY;BYMONTHDAY=31;BYDAY=MO\r\nEND:VEVENT\r\n");
        if (Read(thousand).Holidays.Count != 900 || Read(rules).Holidays.Count < 22_000 || Read(rare).Holidays.Count < 500)
        {
            throw new InvalidOperationException("A holiday file was not read whole.");
        }
    }

    /// <summary>Reads the 10-event file.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark(Baseline = true)]
    public BusinessCalendar TenEvents() => Read(ten);

    /// <summary>Reads the 100-event file.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar HundredEvents() => Read(hundred);

    /// <summary>Reads the 1,000-event file.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar ThousandEvents() => Read(thousand);

    /// <summary>Reads 100 yearly rules without an end.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar RecurringRules100() => Read(rules);

    /// <summary>Reads one daily rule that examines every day from 1700 to 2249.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar RareRule() => Read(rare);

    private static BusinessCalendar Read(string text)
    {
        using var reader = new StringReader(text);
        return BusinessCalendar.CreateBuilder("feed", "Europe/London")
            .WithWeeklyHours("Mon-Fri 09:00-17:00")
            .AddHolidaysFromICalendar(reader)
            .Build();
    }

    private static string Feed(int events)
    {
        var body = new StringBuilder();
        var first = new LocalDate(2000, 1, 3);
        for (int i = 0; i < events; i++)
        {
            LocalDate date = first.PlusDays(i * 7);
            string day = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            string next = date.PlusDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            body.Append("BEGIN:VEVENT\r\n");
            body.Append(CultureInfo.InvariantCulture, $"UID:{day}_{i}@holidays.example\r\n");
            body.Append("DTSTAMP:20260101T000000Z\r\n");
            if (i % 10 == 9)
            {
                body.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID=Europe/London:{day}T090000\r\nDTEND;TZID=Europe/London:{day}T110000\r\n");
            }
            else
            {
                body.Append(CultureInfo.InvariantCulture, $"DTSTART;VALUE=DATE:{day}\r\nDTEND;VALUE=DATE:{next}\r\nTRANSP:TRANSPARENT\r\n");
            }
            body.Append(CultureInfo.InvariantCulture, $"SUMMARY:Holiday number {i}\r\n");
            body.Append("DESCRIPTION:Public holiday. To hide observances, go to Calendar settings > Holidays in th\r\n e United Kingdom.\r\n");
            body.Append("STATUS:CONFIRMED\r\nEND:VEVENT\r\n");
        }
        return Calendar(body.ToString());
    }

    private static string Rules(int events)
    {
        // Distinct rules (month, ordinal, weekday), so that no two give the same date.
        string[] weekdays = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
        var body = new StringBuilder();
        for (int i = 0; i < events; i++)
        {
            int month = i % 12 + 1;
            string day = $"{i / 12 % 4 + 1}{weekdays[i / 48 % 7]}";
            body.Append(CultureInfo.InvariantCulture,
                $"BEGIN:VEVENT\r\nUID:rule{i}\r\nDTSTART;VALUE=DATE:2026{month:D2}01\r\nRRULE:FREQ=YEARLY;BYMONTH={month};BYDAY={day}\r\nEND:VEVENT\r\n");
        }
        return Calendar(body.ToString());
    }

    private static string Calendar(string body) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ServicePolicy//Benchmarks//EN\r\n" + body + "END:VCALENDAR\r\n";
}
