// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Calendars;
using Xunit;
using Xunit.Sdk;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>
/// Fuzzing of iCalendar holiday files (issue 15): generated files (FsCheck, fixed seed) and mutations of valid files
/// (fixed seed). Every outcome is success or a <see cref="FormatException"/> naming the source and the line (or the
/// whole text's bound), every case under <see cref="FuzzBudget"/>.
/// </summary>
public class ICalendarFuzzTests
{
    private const int GeneratedCases = 400;
    private const int MutatedCases = 1000;

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly string[] ValidFiles =
    {
        """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//ServicePolicy//Fuzz//EN
        BEGIN:VEVENT
        UID:christmas@fuzz
        DTSTART;VALUE=DATE:20261225
        DTEND;VALUE=DATE:20261227
        SUMMARY:Christmas Day and Boxing Day
        TRANSP:TRANSPARENT
        END:VEVENT
        BEGIN:VEVENT
        UID:new-year@fuzz
        DTSTART;VALUE=DATE:20260101
        RRULE:FREQ=YEARLY;COUNT=30
        EXDATE;VALUE=DATE:20270101
        SUMMARY:New Year's Day
        END:VEVENT
        BEGIN:VEVENT
        UID:office-move@fuzz
        DTSTART;TZID=Europe/London:20260302T090000
        DTEND;TZID=Europe/London:20260302T110000
        SUMMARY:Office move
        END:VEVENT
        END:VCALENDAR
        """,
        """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//ServicePolicy//Fuzz//EN
        BEGIN:VEVENT
        UID:memorial@fuzz
        DTSTART;VALUE=DATE:20260525
        RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO
        END:VEVENT
        BEGIN:VEVENT
        UID:maintenance@fuzz
        DTSTART:20260106T220000Z
        DURATION:PT2H
        RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20300101T000000Z
        END:VEVENT
        BEGIN:VEVENT
        UID:memorial@fuzz
        RECURRENCE-ID;VALUE=DATE:20270531
        DTSTART;VALUE=DATE:20270601
        END:VEVENT
        BEGIN:VTODO
        DTSTART;VALUE=DATE:20260101
        END:VTODO
        BEGIN:VEVENT
        DTSTART;TZID="W. Europe Standard Time":20260401T080000
        DTEND;TZID="W. Europe Standard Time":20260401T120000
        RDATE;TZID="W. Europe Standard Time":20260402T080000,20260403T080000
        DESCRIPTION:A long description that is folded over more than one line beca
         use RFC 5545 says lines should be no longer than 75 octets.
        STATUS:CONFIRMED
        END:VEVENT
        END:VCALENDAR
        """,
    };

    [Fact]
    public void Generated_files_are_read_or_refused_with_a_FormatException_naming_the_line()
    {
        string[] files = FileGen().Sample(30, new Rnd(20261207UL), GeneratedCases);

        int read = files.Count(file => Check(file) is null);

        // The generator is useful only if it produces both outcomes.
        Assert.InRange(read, 1, GeneratedCases - 1);
    }

    [Fact]
    public void Mutated_valid_files_are_read_or_refused_with_a_FormatException_naming_the_line()
    {
        var random = new System.Random(15);
        int read = 0;
        for (int i = 0; i < MutatedCases; i++)
        {
            string file = Mutate(ValidFiles[i % ValidFiles.Length], random);
            read += Check(file) is null ? 1 : 0;
        }

        Assert.InRange(read, 1, MutatedCases - 1);
    }

    [Fact]
    public void The_valid_seed_files_are_read()
    {
        foreach (string file in ValidFiles)
        {
            Assert.Null(Check(file));
        }
    }

    private static Exception? Check(string file)
    {
        Exception? thrown = FuzzBudget.RunExpecting(
            file,
            () => IcsHolidayReader.Read(new StringReader(file), London),
            typeof(FormatException));
        if (thrown is null)
        {
            return null;
        }
        string message = thrown.Message;
        int lines = file.Count(c => c == '\n') + 1;
        bool namesLine = message.StartsWith("iCalendar text, line ", StringComparison.Ordinal)
            && int.TryParse(message.AsSpan(21, message.IndexOf(':', 21) - 21), CultureInfo.InvariantCulture, out int line)
            && line >= 1 && line <= lines;
        bool wholeText = message is "iCalendar text holds no VCALENDAR."
            || message.StartsWith("iCalendar text is longer than", StringComparison.Ordinal);
        if (!namesLine && !wholeText)
        {
            throw new XunitException($"The message does not name the line for input {FuzzBudget.Describe(file)}: {message}");
        }
        return thrown;
    }

    /// <summary>One random edit of a valid file: a character deleted, inserted or replaced, a line duplicated,
    /// deleted or moved, a digit changed, a property's value swapped for a hostile one, or the text cut short.</summary>
    private static string Mutate(string file, System.Random random)
    {
        const string Alphabet = "0123456789:;=,-+\"\\ \t\r\nTZPWDHMSabcxyzBEGINENDVEVENTRULEFREQ";
        string[] hostile =
        {
            "RRULE:FREQ=MINUTELY", "RRULE:FREQ=DAILY", "RRULE:FREQ=DAILY;INTERVAL=2147483647", "RRULE:FREQ=YEARLY;BYWEEKNO=53;BYDAY=SU",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-31;BYSETPOS=-1", "RRULE:FREQ=YEARLY;BYYEARDAY=366", "RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=MO,SU",
            "DTEND;VALUE=DATE:99991231", "DURATION:P9999999W", "DURATION:-P1D", "DTSTART;VALUE=DATE:17000101", "DTSTART:22491231T235959Z",
            "EXDATE:20260101T000000Z,garbage", "RDATE;VALUE=DATE:20260229", "STATUS:CANCELLED", "BEGIN:VJOURNAL", "END:VEVENT",
            "BEGIN:VEVENT", "RECURRENCE-ID;RANGE=THISANDFUTURE:20260101T000000Z", "DTSTART;TZID=Nowhere/Else:20260101T000000",
        };
        string[] lines = file.Replace("\r\n", "\n").Split('\n');
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(lines.Length);
            string line = lines[at];
            switch (random.Next(8))
            {
                case 0 when line.Length > 0:
                    lines[at] = line.Remove(random.Next(line.Length), 1);
                    break;
                case 1:
                    lines[at] = line.Insert(random.Next(line.Length + 1), Alphabet[random.Next(Alphabet.Length)].ToString());
                    break;
                case 2:
                    lines = lines.Take(at).Append(line).Concat(lines.Skip(at)).ToArray();
                    break;
                case 3:
                    lines = lines.Where((_, i) => i != at).ToArray();
                    break;
                case 4:
                    int to = random.Next(lines.Length);
                    (lines[at], lines[to]) = (lines[to], lines[at]);
                    break;
                case 5 when line.Any(char.IsAsciiDigit):
                    int[] digits = Enumerable.Range(0, line.Length).Where(i => char.IsAsciiDigit(line[i])).ToArray();
                    int d = digits[random.Next(digits.Length)];
                    lines[at] = line[..d] + (char)('0' + random.Next(10)) + line[(d + 1)..];
                    break;
                case 6:
                    lines[at] = hostile[random.Next(hostile.Length)];
                    break;
                default:
                    lines = lines.Take(random.Next(lines.Length + 1)).ToArray();
                    break;
            }
            if (lines.Length == 0)
            {
                break;
            }
        }
        return string.Join(random.Next(2) == 0 ? "\r\n" : "\n", lines);
    }

    private static Gen<string> FileGen() =>
        from events in Gen.ListOf(EventGen())
        from extra in Gen.Elements("", "BEGIN:VTODO\r\nDTSTART:20260101T000000Z\r\nEND:VTODO\r\n", "BEGIN:VJOURNAL\r\nEND:VJOURNAL\r\n")
        select "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//F//EN\r\n" + extra + string.Concat(events) + "END:VCALENDAR\r\n";

    private static Gen<string> EventGen() =>
        from start in DateValueGen()
        from end in Gen.Frequency(
            (3, Gen.Constant("")),
            (2, DateValueGen().Select(v => "DTEND" + v)),
            (2, Gen.Elements("DURATION:P1D", "DURATION:PT2H", "DURATION:P1W", "DURATION:P400D", "DURATION:PT0S", "DURATION:P1DT1H", "DURATION:X")))
        from rule in Gen.Frequency((3, Gen.Constant("")), (2, RuleGen()))
        from status in Gen.Elements("", "STATUS:CANCELLED", "STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "TRANSP:OPAQUE")
        from exdate in Gen.Frequency((3, Gen.Constant("")), (1, DateValueGen().Select(v => "EXDATE" + v)))
        from rdate in Gen.Frequency((3, Gen.Constant("")), (1, DateValueGen().Select(v => "RDATE" + v)))
        select string.Join("\r\n", new[] { "BEGIN:VEVENT", "DTSTART" + start, end, rule, status, exdate, rdate, "END:VEVENT" }.Where(l => l.Length > 0)) + "\r\n";

    /// <summary>The parameters and value of a DATE or DATE-TIME property (after its name): years around and beyond
    /// the supported range, floating, UTC or with a TZID, sometimes invalid.</summary>
    private static Gen<string> DateValueGen() =>
        from year in Gen.Frequency((6, Gen.Choose(1995, 2040)), (1, Gen.Choose(1690, 1710)), (1, Gen.Choose(2240, 2260)), (1, Gen.Choose(0, 9999)))
        from month in Gen.Choose(0, 13)
        from day in Gen.Choose(0, 32)
        from form in Gen.Choose(0, 4)
        from hour in Gen.Choose(0, 24)
        select form switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $";VALUE=DATE:{year:D4}{month:D2}{day:D2}"),
            1 => string.Create(CultureInfo.InvariantCulture, $":{year:D4}{month:D2}{day:D2}T{hour:D2}0000Z"),
            2 => string.Create(CultureInfo.InvariantCulture, $";TZID=America/New_York:{year:D4}{month:D2}{day:D2}T{hour:D2}3000"),
            3 => string.Create(CultureInfo.InvariantCulture, $":{year:D4}{month:D2}{day:D2}T{hour:D2}0000"),
            _ => string.Create(CultureInfo.InvariantCulture, $":{year:D4}{month:D2}{day:D2}"),
        };

    private static Gen<string> RuleGen() =>
        from freq in Gen.Elements("DAILY", "WEEKLY", "MONTHLY", "YEARLY", "YEARLY", "MONTHLY", "HOURLY", "MINUTELY", "SECONDLY")
        from parts in Gen.SubListOf(new[]
        {
            "INTERVAL=2", "INTERVAL=0", "COUNT=5", "COUNT=200000", "UNTIL=20300101", "UNTIL=20300101T000000Z", "BYMONTH=2,5",
            "BYMONTH=13", "BYMONTHDAY=-1,15", "BYMONTHDAY=31", "BYYEARDAY=60", "BYWEEKNO=1,-1", "BYDAY=MO,FR", "BYDAY=2TU,-1FR",
            "BYDAY=XX", "BYSETPOS=1,-1", "WKST=SU", "BYHOUR=9", "X-NAME=1",
        })
        select "RRULE:FREQ=" + freq + string.Concat(parts.Select(p => ";" + p));
}
