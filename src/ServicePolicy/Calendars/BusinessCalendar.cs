// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// Working time in one IANA time zone: weekly hours, holidays, special days and closures; and exact business-time
/// arithmetic on it.
/// </summary>
/// <remarks>
/// <para>An instant is <em>working</em> iff its local date-time in <see cref="Zone"/> lies in <c>[D+open, D+close)</c>
/// for a working range of some local date D. The ranges of D are those of its special day if it has one, none if it
/// is a holiday, and otherwise the weekly hours of its day of the week; a range may end after midnight on D+1.
/// Closures then remove instants outright. So across a daylight-saving change people work the hours the wall clock
/// shows: a 22:00-06:00 shift is 9 hours long on the night the clocks go back and 7 on the night they go forward.
/// An opening inside a gap opens at the end of the gap; in an overlap an opening takes the earlier occurrence and a
/// closing the later one, and any wall-clock time at or after the closing is not working. A closing exactly at the
/// start of an overlap (01:00 when clocks go back from 02:00 to 01:00) ends the range at its first occurrence, since
/// the repeated hour never shows an earlier time.</para>
/// <para>All results are exact to the nanosecond; nothing is rounded. Arithmetic is supported for instants from
/// 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z (exclusive); outside it, methods throw
/// <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para>The calendar compiles itself lazily, a slice of about 417 days at a time, to working intervals in instant
/// space with running totals, and its business dates to a table, about 1.4 years at a time; after that, each
/// operation is a lookup in a small index and allocates nothing. Instances are immutable and safe to use from many
/// threads at once. Equality is reference equality.</para>
/// </remarks>
[Immutable]
public sealed class BusinessCalendar
{
    // AddBusinessDays counts weekly business dates up to here: the UTC date of the end of the supported range. Any local
    // time on a later date is after the end of the range, whatever the zone's offset.
    private static readonly LocalDate LastCountedDate = WorkingTimeline.MaxSupported.InUtc().Date;

    private readonly Dictionary<LocalDate, TimeRange[]> specialDays;
    private readonly HashSet<LocalDate> holidays;
    private readonly LocalDate? lastSpecialDate;
    private readonly LocalDate? firstSpecialDate;
    private readonly WorkingTimeline timeline;
    private readonly BusinessDateTable businessDates;

    /// <summary>The copies in other zones made by <see cref="InZone"/>, created on first use: a memo of values that
    /// depend only on this calendar and the zone, so evaluating stays a pure function.</summary>
    private System.Collections.Concurrent.ConcurrentDictionary<DateTimeZone, BusinessCalendar>? inZones;

    internal BusinessCalendar(
        string name,
        DateTimeZone zone,
        WeeklyHours weeklyHours,
        IEnumerable<LocalDate> holidays,
        IReadOnlyDictionary<LocalDate, TimeRange[]> specialDays,
        IEnumerable<Interval> closures)
    {
        Name = name;
        Zone = zone;
        WeeklyHours = weeklyHours;
        this.holidays = new HashSet<LocalDate>(holidays);
        this.specialDays = specialDays.Where(pair => pair.Value.Length > 0).ToDictionary(pair => pair.Key, pair => pair.Value);
        Holidays = this.holidays.OrderBy(date => date).ToList().AsReadOnly();
        SpecialDays = new ReadOnlyDictionary<LocalDate, IReadOnlyList<TimeRange>>(
            specialDays.OrderBy(pair => pair.Key).ToDictionary(pair => pair.Key, pair => (IReadOnlyList<TimeRange>)Array.AsReadOnly(pair.Value)));
        Closures = closures.OrderBy(c => c.HasStart ? c.Start : Instant.MinValue).ToList().AsReadOnly();
        if (this.specialDays.Count > 0)
        {
            firstSpecialDate = this.specialDays.Keys.Min();
            lastSpecialDate = this.specialDays.Keys.Max();
        }

        if (weeklyHours.IsEmpty && this.specialDays.Count == 0)
        {
            throw new InvalidOperationException(
                $"Calendar '{name}' has no working time at all: its weekly hours are empty and it has no special days with working ranges.");
        }
        timeline = new WorkingTimeline(this, Closures, firstSpecialDate, lastSpecialDate, !weeklyHours.IsEmpty);
        businessDates = new BusinessDateTable(this, weeklyHours.IsEmpty ? LocalDate.Min(lastSpecialDate!.Value, LastCountedDate) : LastCountedDate);
        if (!timeline.HasPossibleWorkingTime)
        {
            throw new InvalidOperationException(
                $"Calendar '{name}' has no working time at all: its closures cover all of its working time in the supported range.");
        }
    }

    /// <summary>Gets a calendar that is always open (24x7 in UTC): business time equals elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        "24x7", DateTimeZone.Utc, WeeklyHours.AllDay, Array.Empty<LocalDate>(), new Dictionary<LocalDate, TimeRange[]>(), Array.Empty<Interval>());

    /// <summary>Gets the earliest instant that business-time arithmetic accepts: 1700-01-01T00:00:00Z.</summary>
    public static Instant MinSupportedInstant => WorkingTimeline.MinSupported;

    /// <summary>Gets the first instant after the range that business-time arithmetic accepts: 2250-01-01T00:00:00Z.</summary>
    public static Instant MaxSupportedInstant => WorkingTimeline.MaxSupported;

    /// <summary>Gets the calendar's name, used in messages and configuration.</summary>
    public string Name { get; }

    /// <summary>Gets the time zone whose wall-clock time the working ranges are written in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the working ranges of an ordinary week.</summary>
    public WeeklyHours WeeklyHours { get; }

    /// <summary>Gets the holidays (local dates with no working ranges unless they are also special days), sorted.</summary>
    public IReadOnlyList<LocalDate> Holidays { get; }

    /// <summary>Gets the special days: local dates whose ranges replace the weekly hours (and win over a holiday).</summary>
    public IReadOnlyDictionary<LocalDate, IReadOnlyList<TimeRange>> SpecialDays { get; }

    /// <summary>Gets the closures: instant ranges that are never working time, sorted by start.</summary>
    public IReadOnlyList<Interval> Closures { get; }

    /// <summary>Starts building a calendar in the time zone with the given TZDB id.</summary>
    /// <param name="name">The calendar's name, used in messages.</param>
    /// <param name="timeZoneId">An IANA (TZDB) time zone id such as <c>Europe/London</c>.</param>
    /// <returns>A builder with no working hours yet.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="timeZoneId"/> is not a known TZDB id.</exception>
    public static BusinessCalendarBuilder CreateBuilder(string name, string timeZoneId) => new(name, TimeZones.Resolve(timeZoneId, nameof(timeZoneId)));

    /// <summary>Starts building a calendar in the given time zone.</summary>
    /// <param name="name">The calendar's name, used in messages.</param>
    /// <param name="zone">The time zone.</param>
    /// <returns>A builder with no working hours yet.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static BusinessCalendarBuilder CreateBuilder(string name, DateTimeZone zone) => new(name, Preconditions.CheckNotNull(zone));

    /// <summary>Creates a calendar from weekly-hours text, with no holidays, special days or closures.</summary>
    /// <param name="name">The calendar's name, used in messages.</param>
    /// <param name="timeZoneId">An IANA (TZDB) time zone id such as <c>Europe/London</c>.</param>
    /// <param name="weeklyHours">Weekly hours text, e.g. <c>Mon-Fri 09:00-17:00</c>; see <see cref="WeeklyHours.Parse"/>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty or the time zone id is unknown.</exception>
    /// <exception cref="BusinessHoursFormatException">The weekly hours text is malformed.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working time at all.</exception>
    public static BusinessCalendar Create(string name, string timeZoneId, string weeklyHours) =>
        CreateBuilder(name, timeZoneId).WithWeeklyHours(weeklyHours).Build();

    /// <summary>Returns this calendar's working hours, holidays, special days and closures in another time zone: the same
    /// wall-clock hours where the customer is ("09:00-17:00" read in <c>America/New_York</c> for a New York customer of
    /// a London desk), for targets measured in the customer's hours (<see cref="Policies.TargetHours.Customer"/>).</summary>
    /// <remarks>Holidays and special days stay the same local dates; closures stay the same instants. The copy is named
    /// <c>Name@ZoneId</c>. Copies are made once per zone and shared (safe from many threads); this calendar itself when
    /// <paramref name="zone"/> is its <see cref="Zone"/>.</remarks>
    /// <param name="zone">The time zone.</param>
    /// <returns>The calendar in that zone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public BusinessCalendar InZone(DateTimeZone zone)
    {
        Preconditions.CheckNotNull(zone);
        if (zone.Equals(Zone))
        {
            return this;
        }
        var copies = inZones ?? System.Threading.Interlocked.CompareExchange(ref inZones, new(), null) ?? inZones!;
        return copies.GetOrAdd(zone, static (z, calendar) => new BusinessCalendar(
            calendar.Name + "@" + z.Id, z, calendar.WeeklyHours, calendar.holidays, calendar.specialDays, calendar.Closures), this);
    }

    /// <summary>Gets the working ranges of a local date: its special day's ranges, none on a holiday, otherwise its weekly hours.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The ranges that open on <paramref name="date"/> (they may end on the next date).</returns>
    public IReadOnlyList<TimeRange> GetRanges(LocalDate date) =>
        specialDays.ContainsKey(date) ? SpecialDays[date]
        : holidays.Contains(date) ? Array.Empty<TimeRange>()
        : WeeklyHours[date.DayOfWeek];

    /// <summary>Gets whether a local date is a business date, that is, has working ranges (closures are not considered).</summary>
    /// <param name="date">The local date.</param>
    /// <returns>Whether any working range opens on the date.</returns>
    public bool IsBusinessDate(LocalDate date) => RangesOf(date).Length > 0;

    internal TimeRange[] RangesOf(LocalDate date)
    {
        if (specialDays.TryGetValue(date, out TimeRange[]? special))
        {
            return special;
        }
        return holidays.Contains(date) ? Array.Empty<TimeRange>() : WeeklyHours.RangesOf(date.DayOfWeek);
    }

    /// <summary>Gets whether <paramref name="instant"/> is working time. A closing instant is not working (17:00 is
    /// closed in 09:00-17:00).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether the calendar is open at the instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the supported range.</exception>
    public bool IsOpen(Instant instant) => timeline.IsOpen(instant, nameof(instant));

    /// <summary>Returns <paramref name="instant"/> when it is working time, otherwise the next opening after it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The earliest working instant at or after <paramref name="instant"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the supported range.</exception>
    /// <exception cref="NoWorkingTimeException">There is no working time after the instant.</exception>
    public Instant NextOpen(Instant instant) => timeline.NextOpen(instant, nameof(instant));

    /// <summary>Returns the next closing: the end of the working period that contains <paramref name="instant"/>, or,
    /// when it is not working time, the end of the next working period. Periods that touch (a night shift running into
    /// a day shift) are one period.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The first instant after <paramref name="instant"/> at which a working period ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the supported range.</exception>
    /// <exception cref="NoWorkingTimeException">There is no working time after the instant.</exception>
    /// <exception cref="InvalidOperationException">The calendar never closes again within the supported range (24x7).</exception>
    public Instant NextClose(Instant instant) => timeline.NextClose(instant, nameof(instant));

    /// <summary>
    /// Adds business time: for a positive amount, the earliest instant u ≥ <paramref name="start"/> with exactly
    /// <paramref name="amount"/> of working time in <c>[start, u)</c>; for a negative amount, the latest u ≤ start with
    /// exactly -amount of working time in <c>[u, start)</c>; for zero, <paramref name="start"/> itself.
    /// </summary>
    /// <remarks>Landing exactly on a closing time returns the closing time (Monday 17:00), not the next opening; a
    /// negative amount landing on an opening returns the opening. Use <see cref="NextOpen"/> to move to an opening.</remarks>
    /// <param name="start">The instant to start from; need not be working time.</param>
    /// <param name="amount">The business time to add; may be negative.</param>
    /// <returns>The resulting instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is outside the supported range, or the
    /// result would be.</exception>
    /// <exception cref="NoWorkingTimeException">The calendar runs out of working time before the amount is used up.</exception>
    public Instant AddBusinessTime(Instant start, Duration amount) => timeline.Add(start, amount, nameof(start), nameof(amount));

    /// <summary>Measures the working time in <c>[from, to)</c>; when <paramref name="to"/> is before
    /// <paramref name="from"/>, the negated working time in <c>[to, from)</c>.</summary>
    /// <param name="from">The start of the span.</param>
    /// <param name="to">The end of the span (exclusive).</param>
    /// <returns>The business time between the two instants, negative when <paramref name="to"/> is earlier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the supported range.</exception>
    public Duration BusinessTimeBetween(Instant from, Instant to) => timeline.Between(from, to, nameof(from), nameof(to));

    /// <summary>
    /// Returns the end of the business day that <paramref name="instant"/> falls in: the latest closing of the working
    /// ranges of the business date that owns <see cref="NextOpen"/>(instant). So during working hours or a lunch break
    /// it is that day's last closing; after the day's last closing, or on a closed day, it is the next business day's.
    /// </summary>
    /// <remarks>A night shift belongs to the date it opens on: at 02:00 in a 22:00-06:00 shift the end of the business
    /// day is 06:00. Closures that cover the end of the day bring it forward to where working time ends.</remarks>
    /// <param name="instant">The instant.</param>
    /// <returns>The end of the business day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the supported range.</exception>
    /// <exception cref="NoWorkingTimeException">There is no working time after the instant.</exception>
    public Instant EndOfBusinessDay(Instant instant)
    {
        Instant open = NextOpen(instant);
        LocalDateTime local = open.InZone(Zone).LocalDateTime;
        // The owning date is the open instant's own date, or the day before for the tail of a night shift.
        LocalDate owner = OwnsLocalTime(local.Date, local) ? local.Date : local.Date.PlusDays(-1);
        Instant dayEnd = Instant.MinValue;
        foreach (TimeRange range in RangesOf(owner))
        {
            Instant close = WorkingTimeline.ResolveClosing(Zone, ClosingOf(owner, range));
            if (close > dayEnd)
            {
                dayEnd = close;
            }
        }
        Preconditions.CheckState(dayEnd > open, $"Calendar '{Name}': no working range owns {open}.");
        return timeline.LastWorkingEndAtOrBefore(dayEnd);
    }

    /// <summary>
    /// Returns the local time <paramref name="at"/> on the <paramref name="days"/>-th business date strictly after the
    /// local date of <paramref name="start"/>: from Saturday, 1 business day at 12:00 is Monday 12:00; from Monday 10:00
    /// it is Tuesday 12:00. A business date is one with working ranges (<see cref="IsBusinessDate"/>).
    /// </summary>
    /// <remarks>When <paramref name="at"/> falls in a daylight-saving gap, the result is the end of the gap; in an
    /// overlap, the earlier occurrence.</remarks>
    /// <param name="start">The instant to count from.</param>
    /// <param name="days">How many business dates to move forward; at least 1.</param>
    /// <param name="at">The local time on the resulting date.</param>
    /// <returns>The resulting instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or an instant (including the
    /// result, however many days it takes) is outside the supported range.</exception>
    /// <exception cref="NoWorkingTimeException">The calendar has no weekly hours and not enough special days after
    /// <paramref name="start"/>.</exception>
    public Instant AddBusinessDays(Instant start, int days, LocalTime at)
    {
        Preconditions.CheckArgumentRange(days, 1, int.MaxValue);
        WorkingTimeline.CheckSupported(start, nameof(start));
        int after = BusinessDateTable.DayOf(Zone, start);
        long missing = days;
        // Each date is at most one business date, so with weekly hours a count that cannot end by the table's last date
        // needs no walk. Without them, the count of dates missing there decides the exception.
        bool tooFar = !WeeklyHours.IsEmpty && days > businessDates.LastDay - after;
        int day = tooFar ? -1 : businessDates.NthAfter(after, days, out missing);
        if (day < 0)
        {
            throw BusinessDaysRanOut(start, days, missing);
        }
        Instant result = WorkingTimeline.ResolveOpening(Zone, BusinessDateTable.LocalNanos(day, at));
        if (result >= MaxSupportedInstant)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(days), days, $"Adding {days} business days to {start} leaves the supported range.{LimitsDocs.See(LimitsDocs.SupportedRange)}");
        }
        return result;
    }

    /// <summary>The exception for a count of business dates that does not end by the last date of the business-date
    /// table, with <paramref name="missing"/> business dates still to go there (exact only without weekly hours).</summary>
    private Exception BusinessDaysRanOut(Instant start, int days, long missing)
    {
        if (!WeeklyHours.IsEmpty)
        {
            // Weekly hours never run out: the count left the supported range, as in AddBusinessTime.
            return new ArgumentOutOfRangeException(nameof(days), days,
                $"Adding {days} business days to {start} in calendar '{Name}' leaves the supported range ({MinSupportedInstant} to {MaxSupportedInstant}).{LimitsDocs.See(LimitsDocs.SupportedRange)}");
        }
        LocalDate lastPossible = lastSpecialDate!.Value;
        // Special days after the table's last date exist, but any local time on them is after the supported range.
        if (lastPossible > LastCountedDate && specialDays.Keys.Count(date => date > LastCountedDate) >= missing)
        {
            return new ArgumentOutOfRangeException(nameof(days), days, $"Adding {days} business days to {start} leaves the supported range.{LimitsDocs.See(LimitsDocs.SupportedRange)}");
        }
        return new NoWorkingTimeException(
            $"Calendar '{Name}' has fewer than {days} business dates after {start} (counting up to {LocalDatePattern.Iso.Format(lastPossible)}).");
    }

    private bool OwnsLocalTime(LocalDate date, LocalDateTime local)
    {
        foreach (TimeRange range in RangesOf(date))
        {
            if (local >= date.At(range.Open) && local < ClosingOf(date, range))
            {
                return true;
            }
        }
        return false;
    }

    private static LocalDateTime ClosingOf(LocalDate date, TimeRange range) =>
        date.At(range.Open).PlusNanoseconds(range.WallClockLength.ToInt64Nanoseconds());

    /// <summary>Returns the calendar's name, zone and weekly hours, e.g. <c>uk-office (Europe/London): Mon-Fri 09:00-17:00</c>.</summary>
    /// <returns>A short description for logs and messages.</returns>
    public override string ToString() => $"{Name} ({Zone.Id}): {WeeklyHours}";
}
