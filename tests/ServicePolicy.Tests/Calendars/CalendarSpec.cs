// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;

namespace ServicePolicy.Tests.Calendars;

/// <summary>
/// A plain description of a business calendar that can be built twice: once as the engine's
/// <see cref="BusinessCalendar"/> and once as the minute-stepping <see cref="ReferenceCalendar"/>. Its
/// <see cref="ToString"/> is what FsCheck prints for a counterexample, so it reads like the builder calls.
/// </summary>
public sealed class CalendarSpec
{
    public CalendarSpec(
        string zoneId,
        IReadOnlyList<(IsoDayOfWeek Day, TimeRange Range)> weekly,
        IReadOnlyList<LocalDate> holidays,
        IReadOnlyList<(LocalDate Date, TimeRange[] Ranges)> specialDays,
        IReadOnlyList<Interval> closures)
    {
        ZoneId = zoneId;
        Weekly = weekly;
        Holidays = holidays;
        SpecialDays = specialDays;
        Closures = closures;
    }

    public string ZoneId { get; }

    public IReadOnlyList<(IsoDayOfWeek Day, TimeRange Range)> Weekly { get; }

    public IReadOnlyList<LocalDate> Holidays { get; }

    /// <summary>Gets the special days; a later entry for the same date replaces an earlier one, as in the builder.</summary>
    public IReadOnlyList<(LocalDate Date, TimeRange[] Ranges)> SpecialDays { get; }

    public IReadOnlyList<Interval> Closures { get; }

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    public CalendarSpec With(
        IReadOnlyList<(IsoDayOfWeek Day, TimeRange Range)>? weekly = null,
        IReadOnlyList<LocalDate>? holidays = null,
        IReadOnlyList<(LocalDate Date, TimeRange[] Ranges)>? specialDays = null,
        IReadOnlyList<Interval>? closures = null) =>
        new(ZoneId, weekly ?? Weekly, holidays ?? Holidays, specialDays ?? SpecialDays, closures ?? Closures);

    public BusinessCalendar Build()
    {
        BusinessCalendarBuilder builder = BusinessCalendar.CreateBuilder("spec", ZoneId);
        foreach ((IsoDayOfWeek day, TimeRange range) in Weekly)
        {
            builder.AddWeeklyRange(day, range.Open, range.Close);
        }
        builder.AddHolidays(Holidays);
        foreach ((LocalDate date, TimeRange[] ranges) in SpecialDays)
        {
            builder.AddSpecialDay(date, ranges);
        }
        foreach (Interval closure in Closures)
        {
            builder.AddClosure(closure);
        }
        return builder.Build();
    }

    public ReferenceCalendar BuildReference() => new(Zone, Weekly, Holidays, SpecialDays, Closures);

    /// <summary>Gets whether the spec has any working range at all (the engine rejects a calendar without one).</summary>
    public bool HasAnyRange => Weekly.Count > 0 || SpecialDays.Count > 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Calendar(").Append(ZoneId).Append(") weekly [");
        text.Append(string.Join(", ", Weekly.Select(w => $"{w.Day.ToString().Substring(0, 3)} {w.Range}")));
        text.Append("] holidays [").Append(string.Join(", ", Holidays.Select(Format))).Append(']');
        text.Append(" special [").Append(string.Join(", ", SpecialDays.Select(s => $"{Format(s.Date)} {string.Join(" ", s.Ranges)}"))).Append(']');
        text.Append(" closures [").Append(string.Join(", ", Closures.Select(Format))).Append(']');
        return text.ToString();
    }

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    internal static string Format(Interval interval) =>
        (interval.HasStart ? Format(interval.Start) : "-inf") + "/" + (interval.HasEnd ? Format(interval.End) : "+inf");

    internal static string Format(Duration duration) => duration.ToString("-D:hh:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);
}
