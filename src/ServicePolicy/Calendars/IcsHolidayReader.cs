// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NodaTime;
using NodaTime.TimeZones;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// Reads holidays from iCalendar (RFC 5545) text: all-day events make every date they cover a holiday; events with a
/// time of day become closures (floating times are read in the calendar's zone). Used by
/// <see cref="BusinessCalendarBuilder.AddHolidaysFromICalendar(TextReader)"/>, which configuration's
/// <c>HolidayFiles</c> go through too. What is read, ignored and refused, and the bounds, are in
/// <c>docs/limits.md#icalendar</c>; every refusal is a <see cref="FormatException"/> naming the source, the line and
/// the value.
/// </summary>
internal static class IcsHolidayReader
{
    /// <summary>The first date read: the start of the supported range.</summary>
    internal static readonly LocalDate RangeStart = Limits.MinDate;

    /// <summary>The first date not read: the end of the supported range (<see cref="Limits.MaxDate"/>, which the
    /// calendars accept for the hours east of UTC still inside the range, but no event starts on).</summary>
    internal static readonly LocalDate RangeEnd = Limits.MaxDate;

    /// <summary>The longest event, in days (a timed event: 366 times 24 hours).</summary>
    internal const int MaxEventDays = 366;

    /// <summary>The most holiday dates and closures one text may add, counting every occurrence.</summary>
    internal const int MaxEntries = 100_000;

    /// <summary>The most days the recurrence rules of one text may examine while expanding.</summary>
    internal const long MaxExaminedDays = 10_000_000;

    /// <summary>The longest text read, in characters (about 10 MB).</summary>
    internal const int MaxCharacters = 10_000_000;

    /// <summary>Reads the holidays and closures of the iCalendar text <paramref name="reader"/> holds.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="zone">The zone that floating times are read in.</param>
    /// <param name="source">How errors name the text, such as <c>iCalendar file 'holidays.ics'</c>.</param>
    /// <returns>The holidays (all-day events) and closures (timed events).</returns>
    /// <exception cref="FormatException">The text is not iCalendar, uses what is refused, or is over a bound; the
    /// message names <paramref name="source"/>, the line and the value.</exception>
    internal static (List<LocalDate> Holidays, List<Interval> Closures) Read(TextReader reader, DateTimeZone zone, string source = "iCalendar text")
    {
        string text = ReadAll(reader, source);
        var events = new Parser(text, source).Parse();
        return new Expander(zone, source).Expand(events);
    }

    private static string ReadAll(TextReader reader, string source)
    {
        var builder = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = reader.ReadBlock(buffer, 0, buffer.Length)) > 0)
        {
            if (builder.Length + read > MaxCharacters)
            {
                throw new FormatException($"{source} is longer than {MaxCharacters:N0} characters." + LimitsDocs.See(LimitsDocs.ICalendar));
            }
            builder.Append(buffer, 0, read);
        }
        return builder.ToString();
    }

    /// <summary>One VEVENT as read.</summary>
    private sealed class EventData
    {
        public int Line;
        public string? Uid;
        public IcsReadValue? Start;
        public IcsReadValue? End;
        public (int Days, Duration Time)? Duration;
        public string? RuleText;
        public IcsRecurrenceRule? Rule;
        public List<IcsReadValue>? RDates;
        public List<IcsReadValue>? ExDates;
        public IcsReadValue? RecurrenceId;
        public bool Cancelled;
        public bool Transparent;
    }

    /// <summary>Splits the text into content lines (unfolding continuation lines), tracks components and collects
    /// the VEVENTs of each VCALENDAR.</summary>
    private sealed class Parser
    {
        private readonly string text;
        private readonly string source;
        private readonly Dictionary<string, DateTimeZone> zones = new(StringComparer.Ordinal);
        private int position;
        private int nextLine = 1;
        private int line;

        public Parser(string text, string source)
        {
            this.text = text;
            this.source = source;
        }

        private FormatException Fail(string message) => new($"{source}, line {line}: {message}");

        public List<EventData> Parse()
        {
            var events = new List<EventData>();
            var stack = new Stack<string>();
            bool sawCalendar = false;
            EventData? current = null;
            var parameters = new List<(string Name, string Value)>();
            while (NextContentLine() is { } content)
            {
                (string name, string value) = Split(content, parameters);
                if (name == "BEGIN")
                {
                    string component = value.Trim().ToUpperInvariant();
                    if (stack.Count == 0 && component != "VCALENDAR")
                    {
                        throw Fail($"'{Shorten(content)}' is outside a VCALENDAR.");
                    }
                    if (stack.Count > 16)
                    {
                        throw Fail($"components are nested more than 16 deep at '{Shorten(content)}'.");
                    }
                    if (component == "VCALENDAR")
                    {
                        if (stack.Count > 0)
                        {
                            throw Fail("a VCALENDAR begins inside another component.");
                        }
                        sawCalendar = true;
                    }
                    if (component == "VEVENT" && stack.Peek() == "VCALENDAR")
                    {
                        current = new EventData { Line = line };
                    }
                    stack.Push(component);
                    continue;
                }
                if (name == "END")
                {
                    string component = value.Trim().ToUpperInvariant();
                    if (stack.Count == 0 || stack.Peek() != component)
                    {
                        throw Fail(stack.Count == 0
                            ? $"END:{component} without a BEGIN."
                            : $"END:{component} where {stack.Peek()} (begun earlier) should end.");
                    }
                    stack.Pop();
                    if (component == "VEVENT" && current is not null && stack.Peek() == "VCALENDAR")
                    {
                        if (current.Start is null)
                        {
                            line = current.Line;
                            throw Fail("the VEVENT has no DTSTART.");
                        }
                        events.Add(current);
                        current = null;
                    }
                    continue;
                }
                if (stack.Count == 0)
                {
                    throw Fail($"'{Shorten(content)}' is outside a VCALENDAR.");
                }
                if (current is not null && stack.Peek() == "VEVENT")
                {
                    ReadProperty(current, name, value, parameters);
                }
            }
            if (stack.Count > 0)
            {
                line = nextLine - 1;
                throw Fail($"the text ends inside {stack.Peek()} (END:{stack.Peek()} is missing).");
            }
            if (!sawCalendar)
            {
                throw new FormatException($"{source} holds no VCALENDAR.");
            }
            return events;
        }

        private void ReadProperty(EventData e, string name, string value, List<(string Name, string Value)> parameters)
        {
            switch (name)
            {
                case "DTSTART":
                    e.Start = e.Start is null ? Value(name, value, parameters) : throw Fail("the VEVENT has a second DTSTART.");
                    break;
                case "DTEND":
                    e.End = e.End is null ? Value(name, value, parameters) : throw Fail("the VEVENT has a second DTEND.");
                    break;
                case "DURATION":
                    e.Duration = e.Duration is null ? ParseDuration(value) : throw Fail("the VEVENT has a second DURATION.");
                    break;
                case "RRULE":
                    if (e.Rule is not null)
                    {
                        throw Fail($"the VEVENT has a second RRULE '{value}'; holiday files support one rule per event.");
                    }
                    e.RuleText = value;
                    e.Rule = IcsRecurrenceRule.Parse(value, Fail);
                    break;
                case "EXRULE":
                    throw Fail($"EXRULE '{value}' is not supported (RFC 5545 deprecated it); list the dates with EXDATE." + LimitsDocs.See(LimitsDocs.ICalendar));
                case "RDATE":
                    if (Parameter(parameters, "VALUE") is { } type && type.Equals("PERIOD", StringComparison.OrdinalIgnoreCase))
                    {
                        throw Fail($"RDATE '{value}' is a PERIOD, which holiday files do not support; use a separate VEVENT." + LimitsDocs.See(LimitsDocs.ICalendar));
                    }
                    AddValues(e.RDates ??= new(), name, value, parameters);
                    break;
                case "EXDATE":
                    AddValues(e.ExDates ??= new(), name, value, parameters);
                    break;
                case "RECURRENCE-ID":
                    if (Parameter(parameters, "RANGE") is { } range)
                    {
                        throw Fail($"RECURRENCE-ID with RANGE={range} is not supported; change each occurrence with its own RECURRENCE-ID." + LimitsDocs.See(LimitsDocs.ICalendar));
                    }
                    e.RecurrenceId = Value(name, value, parameters);
                    break;
                case "UID":
                    e.Uid = value;
                    break;
                case "STATUS":
                    e.Cancelled = value.Trim().Equals("CANCELLED", StringComparison.OrdinalIgnoreCase);
                    break;
                case "TRANSP":
                    e.Transparent = value.Trim().Equals("TRANSPARENT", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        private void AddValues(List<IcsReadValue> values, string name, string value, List<(string Name, string Value)> parameters)
        {
            foreach (string item in value.Split(','))
            {
                values.Add(Value(name, item, parameters));
            }
        }

        private IcsReadValue Value(string name, string value, List<(string Name, string Value)> parameters)
        {
            string trimmed = value.Trim();
            string? type = Parameter(parameters, "VALUE")?.ToUpperInvariant();
            if (type is not (null or "DATE" or "DATE-TIME"))
            {
                throw Fail($"{name} has VALUE={type}, which holiday files do not support: '{Shorten(value)}'.");
            }
            string? tzid = Parameter(parameters, "TZID");
            DateTimeZone? zone = tzid is null || trimmed.Length == 8 ? null : Zone(name, tzid);
            if (IcsReadValue.Parse(trimmed, zone) is not { } parsed)
            {
                throw Fail($"{name} '{Shorten(value)}' is not a date (yyyyMMdd) or a date-time (yyyyMMddTHHmmss, optionally ending in Z).");
            }
            if (type == "DATE" && !parsed.IsDate)
            {
                throw Fail($"{name} '{value}' has a time of day but VALUE=DATE.");
            }
            if (type == "DATE-TIME" && parsed.IsDate)
            {
                throw Fail($"{name} '{value}' has no time of day but VALUE=DATE-TIME.");
            }
            if (tzid is not null && parsed.Zone == DateTimeZone.Utc && zone is not null)
            {
                throw Fail($"{name} '{value}' is in UTC (ends in Z) and also has TZID={tzid}.");
            }
            LocalDate date = parsed.Local.Date;
            // An end may fall after the range (an event on its last day ends on 2250-01-01); the days after it are
            // not added.
            if (date < RangeStart || date >= (name == "DTEND" ? RangeEnd.PlusDays(MaxEventDays) : RangeEnd))
            {
                throw Fail($"{name} '{value}' is outside the supported range, 1700-01-01 (inclusive) to 2250-01-01 (exclusive)."
                    + LimitsDocs.See(LimitsDocs.SupportedRange));
            }
            return parsed;
        }

        /// <summary>Finds the zone a <c>TZID</c> names: an IANA (tzdb) zone, or a Windows zone mapped to one.
        /// VTIMEZONE definitions in the text are not read.</summary>
        private DateTimeZone Zone(string name, string tzid)
        {
            if (zones.TryGetValue(tzid, out DateTimeZone? cached))
            {
                return cached;
            }
            string id = tzid.StartsWith('/') ? tzid[1..] : tzid;
            DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
            if (zone is null && TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(id, out string? mapped))
            {
                zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(mapped);
            }
            if (zone is null)
            {
                throw Fail($"{name} has TZID '{Shorten(tzid)}', which is neither an IANA (tzdb) nor a Windows time-zone id; VTIMEZONE definitions are not read."
                    + LimitsDocs.See(LimitsDocs.ICalendar));
            }
            zones[tzid] = zone;
            return zone;
        }

        /// <summary>Parses an RFC 5545 duration (<c>P1D</c>, <c>PT2H30M</c>, <c>P1W</c>) into whole days and a
        /// time; a negative duration is refused.</summary>
        private (int Days, Duration Time) ParseDuration(string value)
        {
            string text = value.Trim().ToUpperInvariant();
            int i = 0;
            if (i < text.Length && text[i] == '+')
            {
                i++;
            }
            if (i >= text.Length || text[i] != 'P')
            {
                throw Fail($"DURATION '{Shorten(value)}' is not an RFC 5545 duration such as P1D or PT2H (a negative one is refused).");
            }
            i++;
            long days = 0, seconds = 0;
            bool inTime = false, any = false;
            while (i < text.Length)
            {
                if (text[i] == 'T' && !inTime)
                {
                    inTime = true;
                    i++;
                    continue;
                }
                int digits = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]) && i - digits < 7)
                {
                    i++;
                }
                if (i == digits || i >= text.Length)
                {
                    throw Fail($"DURATION '{Shorten(value)}' is not an RFC 5545 duration such as P1D or PT2H (a negative one is refused).");
                }
                long n = long.Parse(text.AsSpan(digits, i - digits), provider: System.Globalization.CultureInfo.InvariantCulture);
                switch ((text[i], inTime))
                {
                    case ('W', false): days += n * 7; break;
                    case ('D', false): days += n; break;
                    case ('H', true): seconds += n * 3600; break;
                    case ('M', true): seconds += n * 60; break;
                    case ('S', true): seconds += n; break;
                    default:
                        throw Fail($"DURATION '{Shorten(value)}' is not an RFC 5545 duration such as P1D or PT2H (a negative one is refused).");
                }
                any = true;
                i++;
            }
            if (!any || days + seconds / 86400 > MaxEventDays)
            {
                throw Fail(any
                    ? $"DURATION '{Shorten(value)}' is longer than {MaxEventDays} days." + LimitsDocs.See(LimitsDocs.ICalendar)
                    : $"DURATION '{Shorten(value)}' is not an RFC 5545 duration such as P1D or PT2H (a negative one is refused).");
            }
            return ((int)days, NodaTime.Duration.FromSeconds(seconds));
        }

        private static string? Parameter(List<(string Name, string Value)> parameters, string name)
        {
            foreach ((string n, string v) in parameters)
            {
                if (n == name)
                {
                    return v;
                }
            }
            return null;
        }

        /// <summary>Splits a content line into its upper-cased name, its parameters (names upper-cased, quotes
        /// removed) and its value.</summary>
        private (string Name, string Value) Split(string content, List<(string Name, string Value)> parameters)
        {
            parameters.Clear();
            int i = 0;
            while (i < content.Length && content[i] != ';' && content[i] != ':')
            {
                i++;
            }
            if (i == 0 || i == content.Length)
            {
                throw Fail($"'{Shorten(content)}' is not an iCalendar content line (name:value).");
            }
            string name = content[..i].ToUpperInvariant();
            while (content[i] == ';')
            {
                int nameStart = ++i;
                while (i < content.Length && content[i] != '=' && content[i] != ';' && content[i] != ':')
                {
                    i++;
                }
                if (i == content.Length || content[i] != '=')
                {
                    throw Fail($"'{Shorten(content)}' has a parameter without a value.");
                }
                string parameter = content[nameStart..i].ToUpperInvariant();
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i < content.Length && content[i] == '"')
                    {
                        int close = content.IndexOf('"', i + 1);
                        if (close < 0)
                        {
                            throw Fail($"'{Shorten(content)}' has an unclosed quote.");
                        }
                        value.Append(content, i + 1, close - i - 1);
                        i = close + 1;
                    }
                    else
                    {
                        int valueStart = i;
                        while (i < content.Length && content[i] != ';' && content[i] != ':' && content[i] != ',')
                        {
                            i++;
                        }
                        value.Append(content, valueStart, i - valueStart);
                    }
                    if (i < content.Length && content[i] == ',')
                    {
                        value.Append(',');
                        i++;
                        continue;
                    }
                    break;
                }
                if (i == content.Length)
                {
                    throw Fail($"'{Shorten(content)}' has no ':' before its value.");
                }
                parameters.Add((parameter, value.ToString()));
            }
            return (name, content[(i + 1)..]);
        }

        /// <summary>Returns the next non-empty content line with its continuation lines unfolded (RFC 5545 3.1: a
        /// line break followed by a space or a tab is removed), setting <see cref="line"/> to its first line.</summary>
        private string? NextContentLine()
        {
            while (position < text.Length)
            {
                line = nextLine;
                string first = PhysicalLine();
                if (!IsContinuation())
                {
                    if (first.Length == 0)
                    {
                        continue;
                    }
                    return first;
                }
                var builder = new StringBuilder(first);
                while (IsContinuation())
                {
                    position++;
                    builder.Append(PhysicalLine());
                }
                return builder.ToString();
            }
            return null;
        }

        private bool IsContinuation() => position < text.Length && (text[position] == ' ' || text[position] == '\t');

        private string PhysicalLine()
        {
            int end = text.IndexOf('\n', position);
            int next = end < 0 ? text.Length : end + 1;
            if (end < 0)
            {
                end = text.Length;
            }
            if (end > position && text[end - 1] == '\r')
            {
                end--;
            }
            string result = text[position..end];
            position = next;
            nextLine++;
            return result;
        }
    }

    /// <summary>Turns the events into holiday dates and closures: applies RECURRENCE-ID overrides, RRULE, RDATE and
    /// EXDATE, and checks every bound.</summary>
    private sealed class Expander
    {
        private readonly DateTimeZone zone;
        private readonly string source;
        private readonly List<LocalDate> holidays = new();
        private readonly List<Interval> closures = new();
        private long examinedDays = MaxExaminedDays;
        private int line;

        public Expander(DateTimeZone zone, string source)
        {
            this.zone = zone;
            this.source = source;
        }

        private FormatException Fail(string message) => new($"{source}, line {line}: {message}");

        public (List<LocalDate>, List<Interval>) Expand(List<EventData> events)
        {
            Dictionary<string, List<IcsReadValue>>? overridden = null;
            foreach (EventData e in events)
            {
                if (e.RecurrenceId is { } id && e.Uid is not null)
                {
                    overridden ??= new(StringComparer.Ordinal);
                    if (!overridden.TryGetValue(e.Uid, out List<IcsReadValue>? ids))
                    {
                        overridden[e.Uid] = ids = new();
                    }
                    ids.Add(id);
                }
            }
            foreach (EventData e in events)
            {
                List<IcsReadValue>? skip = e.RecurrenceId is null && e.Uid is not null && overridden is not null
                    && overridden.TryGetValue(e.Uid, out List<IcsReadValue>? ids) ? ids : null;
                ExpandEvent(e, skip);
            }
            return (holidays, closures);
        }

        private void ExpandEvent(EventData e, List<IcsReadValue>? overriddenStarts)
        {
            line = e.Line;
            IcsReadValue start = e.Start!.Value;
            if (e.End is not null && e.Duration is not null)
            {
                throw Fail("the VEVENT has both DTEND and DURATION.");
            }
            if (e.End is { } end && end.IsDate != start.IsDate)
            {
                throw Fail($"DTEND '{Format(end)}' and DTSTART '{Format(start)}' are not both dates or both date-times.");
            }
            // Cancelled events are no holidays; transparent timed events do not block time. Transparent all-day
            // events stay holidays: public holiday feeds mark every holiday TRANSP:TRANSPARENT.
            if (e.Cancelled || (e.Transparent && !start.IsDate))
            {
                return;
            }
            if (start.IsDate)
            {
                int days = e.End is { } last
                    ? Period.Between(start.Local.Date, last.Local.Date, PeriodUnits.Days).Days
                    : e.Duration is { } d ? (d.Time == Duration.Zero ? d.Days : throw Fail("the all-day VEVENT has a DURATION with a time of day.")) : 1;
                if (days < 0)
                {
                    throw Fail($"DTEND '{Format(e.End!.Value)}' is before DTSTART '{Format(start)}'.");
                }
                if (days > MaxEventDays)
                {
                    throw Fail($"the all-day VEVENT from {Format(start)} lasts {days} days, longer than {MaxEventDays}." + LimitsDocs.See(LimitsDocs.ICalendar));
                }
                // A DTEND equal to DTSTART (against RFC 5545, but common) is read as one day.
                days = Math.Max(days, 1);
                ExpandOccurrences(e, start, overriddenStarts, local => AddDays(local.Date, days));
                return;
            }
            Instant from = start.ToInstant(zone);
            Duration exact = e.End is { } endTime ? endTime.ToInstant(zone) - from : Duration.Zero;
            if (exact < Duration.Zero)
            {
                throw Fail($"DTEND '{Format(e.End!.Value)}' is before DTSTART '{Format(start)}'.");
            }
            if (exact > Duration.FromDays(MaxEventDays))
            {
                throw Fail($"the VEVENT from {Format(start)} lasts longer than {MaxEventDays} days." + LimitsDocs.See(LimitsDocs.ICalendar));
            }
            (int Days, Duration Time) nominal = e.Duration ?? (0, Duration.Zero);
            ExpandOccurrences(e, start, overriddenStarts, local =>
            {
                Instant occurrence = local.InZoneLeniently(start.Zone ?? zone).ToInstant();
                Instant until = e.End is not null
                    ? occurrence + exact
                    : local.PlusDays(nominal.Days).InZoneLeniently(start.Zone ?? zone).ToInstant() + nominal.Time;
                // An event without DTEND or DURATION takes up no time (RFC 5545 3.6.1): nothing to close.
                if (until > occurrence)
                {
                    Count(1);
                    closures.Add(new Interval(occurrence, until));
                }
            });
        }

        private void ExpandOccurrences(EventData e, IcsReadValue start, List<IcsReadValue>? overriddenStarts, Action<LocalDateTime> add)
        {
            HashSet<Instant>? excluded = null;
            foreach (IcsReadValue value in (IEnumerable<IcsReadValue>?)e.ExDates ?? Array.Empty<IcsReadValue>())
            {
                (excluded ??= new()).Add(Key(value, start));
            }
            foreach (IcsReadValue value in (IEnumerable<IcsReadValue>?)overriddenStarts ?? Array.Empty<IcsReadValue>())
            {
                (excluded ??= new()).Add(Key(value, start));
            }
            // Only a recurring event can give the same occurrence twice (from RRULE and RDATE).
            HashSet<Instant>? added = e.Rule is null && e.RDates is null ? null : new();
            void Occurrence(LocalDateTime local)
            {
                Instant key = Key(start with { Local = local }, start);
                if ((excluded is null || !excluded.Contains(key)) && (added is null || added.Add(key)))
                {
                    add(local);
                }
            }
            if (e.Rule is { } rule)
            {
                // An UNTIL after the supported range ends nothing sooner than the range does.
                IcsReadValue? untilValue = rule.Until is { } value && value.Local.Date < RangeEnd ? value : null;
                Instant? until = untilValue is { } u ? Key(u.IsDate ? u with { Local = u.Local.Date.At(LocalTime.MaxValue) } : u, start) : null;
                LocalDate? untilDate = untilValue?.Local.Date.PlusDays(1);
                bool withinBudget = rule.Expand(
                    start.Local.Date,
                    RangeEnd,
                    untilDate,
                    date =>
                    {
                        if (until is { } last && Key(start with { Local = date.At(start.Local.TimeOfDay) }, start) > last)
                        {
                            return false;
                        }
                        Occurrence(date.At(start.Local.TimeOfDay));
                        return true;
                    },
                    ref examinedDays);
                if (!withinBudget)
                {
                    throw Fail($"expanding RRULE '{e.RuleText}' (with the rules before it) examines more than {MaxExaminedDays:N0} days." + LimitsDocs.See(LimitsDocs.ICalendar));
                }
            }
            else
            {
                Occurrence(start.Local);
            }
            foreach (IcsReadValue value in (IEnumerable<IcsReadValue>?)e.RDates ?? Array.Empty<IcsReadValue>())
            {
                if (value.IsDate != start.IsDate)
                {
                    throw Fail($"RDATE '{Format(value)}' and DTSTART '{Format(start)}' are not both dates or both date-times.");
                }
                Occurrence(value.Zone is null || start.IsDate ? value.Local : value.ToInstant(zone).InZone(start.Zone ?? zone).LocalDateTime);
            }
        }

        /// <summary>The key that identifies an occurrence: for an all-day event its date (as an instant at UTC
        /// midnight), otherwise its instant.</summary>
        private Instant Key(IcsReadValue value, IcsReadValue start) => start.IsDate
            ? value.Local.Date.AtMidnight().InUtc().ToInstant()
            : value.ToInstant(start.Zone ?? zone);

        private void AddDays(LocalDate first, int days)
        {
            for (int i = 0; i < days; i++)
            {
                LocalDate date = first.PlusDays(i);
                if (date >= RangeEnd)
                {
                    return;
                }
                Count(1);
                holidays.Add(date);
            }
        }

        private void Count(int entries)
        {
            if (holidays.Count + closures.Count + entries > MaxEntries)
            {
                throw Fail($"the text adds more than {MaxEntries:N0} holiday dates and closures (this VEVENT reaches the bound)." + LimitsDocs.See(LimitsDocs.ICalendar));
            }
        }

        private static string Format(IcsReadValue value) => value.IsDate
            ? value.Local.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
            : value.Local.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture) + (value.Zone == DateTimeZone.Utc ? "Z" : "");
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
