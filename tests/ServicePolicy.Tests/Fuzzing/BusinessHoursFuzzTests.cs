// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using ServicePolicy.Calendars;
using Xunit;
using Xunit.Sdk;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>
/// Fuzzing of business-hours text (issue 15) through its public entry points: <see cref="WeeklyHours.Parse"/>,
/// <see cref="TimeRange.Parse"/> and special-day ranges (<see cref="BusinessCalendarBuilder.AddSpecialDay(NodaTime.LocalDate, string)"/>).
/// Generated texts (FsCheck, fixed seed) and mutations of valid ones: every outcome is success (and what was read
/// reads back the same from its own text) or a <see cref="BusinessHoursFormatException"/> carrying the text and a
/// position within it, every case under <see cref="FuzzBudget"/>.
/// </summary>
public class BusinessHoursFuzzTests
{
    private const int GeneratedCases = 1000;
    private const int MutatedCases = 800;

    private static readonly string[] ValidTexts =
    {
        "Mon-Fri 09:00-17:00",
        "Mon-Fri 09:00-17:00; Sat 10:00-14:00",
        "Mon-Thu 22:00-06:00",
        "Mon,Wed 08:00-12:00, 13:00-17:00",
        "24x7",
        "mon-sun 00:00-24:00",
        "Tue 09:30:15-17:45:30.5",
    };

    [Fact]
    public void Generated_weekly_hours_are_read_or_refused_with_the_documented_exception()
    {
        string[] texts = TextGen().Sample(4, new Rnd(15UL), GeneratedCases);

        int read = texts.Count(CheckAll);

        Assert.InRange(read, 1, GeneratedCases - 1);
    }

    [Fact]
    public void Mutated_weekly_hours_are_read_or_refused_with_the_documented_exception()
    {
        var random = new System.Random(15);
        const string Alphabet = "0123456789:;,-. \tMoTuWeThFrSaSux24\u00a0\u0660";
        int read = 0;
        for (int i = 0; i < MutatedCases; i++)
        {
            char[] text = ValidTexts[i % ValidTexts.Length].ToCharArray();
            var chars = text.ToList();
            int edits = 1 + random.Next(3);
            for (int e = 0; e < edits && chars.Count > 0; e++)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(4))
                {
                    case 0:
                        chars.RemoveAt(at);
                        break;
                    case 1:
                        chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    case 2:
                        chars[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    default:
                        chars.InsertRange(at, chars.Take(at).ToList());
                        break;
                }
            }
            read += CheckAll(new string(chars.ToArray())) ? 1 : 0;
        }

        Assert.InRange(read, 1, MutatedCases - 1);
    }

    [Fact]
    public void Very_long_weekly_hours_text_is_refused_within_budget()
    {
        Assert.False(CheckAll(string.Concat(Enumerable.Repeat("Mon-Fri 09:00-17:00; ", 20_000)) + "x"));
        Assert.False(CheckAll(new string('9', 100_000)));
    }

    /// <summary>Checks the text through every entry point; returns whether weekly hours read it.</summary>
    private static bool CheckAll(string text)
    {
        Exception? weekly = Check(text, () =>
        {
            WeeklyHours hours = WeeklyHours.Parse(text);
            if (!WeeklyHours.Parse(hours.ToString()).Equals(hours))
            {
                throw new XunitException($"Weekly hours read from \"{text}\" do not read back from their text \"{hours}\".");
            }
        });
        Check(text, () =>
        {
            TimeRange range = TimeRange.Parse(text);
            if (TimeRange.Parse(range.ToString()) != range)
            {
                throw new XunitException($"The range read from \"{text}\" does not read back from its text \"{range}\".");
            }
        });
        Check(text, () => BusinessCalendar.CreateBuilder("fuzz", "UTC").AddSpecialDay(new NodaTime.LocalDate(2026, 1, 1), text));
        return weekly is null;
    }

    private static Exception? Check(string text, Action action)
    {
        Exception? thrown = FuzzBudget.RunExpecting(text, action, typeof(BusinessHoursFormatException));
        if (thrown is BusinessHoursFormatException error
            && (error.Text != text || error.Position < 0 || error.Position > text.Length || !error.Message.Contains(text, StringComparison.Ordinal)))
        {
            throw new XunitException($"The error does not name the text and a position in it for input {FuzzBudget.Describe(text)}: {error.Message}");
        }
        return thrown;
    }

    private static Gen<string> TextGen()
    {
        Gen<string> day = Gen.Frequency(
            (20, Gen.Elements("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "mon", "FRI")),
            (1, Gen.Elements("Xyz", "", "Mo")));
        Gen<string> days =
            from first in day
            from span in Gen.Elements("", "-", ",")
            from second in day
            select span.Length == 0 ? first : first + span + second;
        Gen<string> time =
            from hour in Gen.Frequency((30, Gen.Choose(0, 23)), (1, Gen.Choose(24, 99)))
            from minute in Gen.Frequency((30, Gen.Elements(0, 15, 30, 45)), (1, Gen.Choose(0, 99)))
            from extra in Gen.Frequency((30, Gen.Constant("")), (1, Gen.Elements(":30", ":60", ".5", ":00.123456789", ".1234567890")))
            select $"{hour:D2}:{minute:D2}{extra}";
        Gen<string> range =
            from open in time
            from dash in Gen.Frequency((30, Gen.Constant("-")), (1, Gen.Elements(" - ", "--", "")))
            from close in time
            select open + dash + close;
        Gen<string> clause =
            from d in days
            from ranges in Gen.NonEmptyListOf(range)
            select d + " " + string.Join(", ", ranges.Take(3));
        return Gen.Frequency(
            (1, Gen.Elements("24x7", "", " ", ";", "24X7; Mon 09:00-17:00")),
            (6, from clauses in Gen.NonEmptyListOf(clause) select string.Join("; ", clauses.Take(4))),
            (2, range));
    }
}
