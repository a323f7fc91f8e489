// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Resources;
using System.Text;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;

namespace ServicePolicy.Policies;

/// <summary>
/// Renders <see cref="ServiceLevelPolicy.Describe"/> from <c>PolicyText.resx</c> (English, the neutral language) and
/// its satellite files: another language is another resource file, not a code change. Zone names are the
/// <c>Zone.&lt;TZDB id&gt;</c> entries, with <c>Zone.Fallback</c> for any other zone.
/// </summary>
internal static class PolicyDescription
{
    private static readonly ResourceManager Resources = new(typeof(PolicyDescription).Namespace + ".PolicyText", typeof(PolicyDescription).Assembly);

    // The rules read inclusively ("within 4 business hours", "by 17:00 on the next business day", "inside the booked
    // window"), as the evaluation counts deadlines: met at or before the deadline is on time (docs/concepts.md).
    internal static string Describe(ServiceLevelPolicy policy, CultureInfo culture)
    {
        var sentences = new List<string>();
        foreach (ServiceTarget target in policy.Targets)
        {
            BusinessCalendar calendar = target.Calendar ?? policy.Calendar;
            string hours = target.Rule.UsesBusinessTime ? Format(culture, "Target.CalendarSuffix", DescribeCalendar(calendar, culture)) : string.Empty;
            if (target.Name is not null && target.Kind != CommitmentKind.Custom)
            {
                // One of several measures of a kind: "We resolve requests within 2 business days (...), measured as agent work time."
                hours += Format(culture, "Target.MeasureSuffix", target.Name);
            }
            sentences.Add(Format(culture, "Target." + target.Kind, target.Rule.Describe(culture), hours, target.Name ?? string.Empty));
        }
        foreach (PauseRule rule in policy.PauseRules)
        {
            sentences.Add(DescribePause(policy, rule, culture));
        }
        return string.Join(" ", sentences);
    }

    /// <summary>"The clock stops while ..." when the rule pauses every commitment the policy has targets for; otherwise
    /// it names the paused ones (a named measure by its name), so the customer is never told a clock stops that keeps
    /// running. A reason of the host's own reads "while your request is on hold ({reason})".</summary>
    private static string DescribePause(ServiceLevelPolicy policy, PauseRule rule, CultureInfo culture)
    {
        var paused = new List<string>();
        bool pausesAll = true;
        foreach (ServiceTarget target in policy.Targets)
        {
            if (!rule.Pauses(target.Kind, target.Name))
            {
                pausesAll = false;
                continue;
            }
            string clock = target.Name is not null && target.Kind != CommitmentKind.Custom ? target.Name : Get("Clock." + target.Kind, culture);
            if (!paused.Contains(clock))
            {
                paused.Add(clock);
            }
        }
        string reason = rule.Reason.IsBuiltIn ? "Pause." + rule.Reason.Name : "Pause.Declared";
        if (pausesAll || paused.Count == 0)
        {
            return Format(culture, reason, rule.Reason.Name);
        }
        string clocks = paused[paused.Count - 1];
        for (int i = paused.Count - 2; i >= 0; i--)
        {
            clocks = Format(culture, i == paused.Count - 2 ? "Ranges.LastPair" : "Ranges.Pair", paused[i], clocks);
        }
        return rule.Reason.IsBuiltIn
            ? Format(culture, reason + ".Some", clocks)
            : Format(culture, reason + ".Some", rule.Reason.Name, clocks);
    }

    internal static string DescribeCalendar(BusinessCalendar calendar, CultureInfo culture)
    {
        if (calendar.WeeklyHours.IsAllDay && calendar.Holidays.Count == 0)
        {
            return Get("Calendar.AroundTheClock", culture);
        }
        WeeklyHours week = calendar.WeeklyHours;
        // Start the week on a day that differs from the day before it, so that "Sun-Thu" reads "Sunday to Thursday".
        int first = 1;
        while (first <= 7 && SameRanges(week[Day(first)], week[Day(first - 1)]))
        {
            first++;
        }
        if (first > 7)
        {
            first = 1;
        }
        var groups = new StringBuilder();
        int offset = 0;
        while (offset < 7)
        {
            IReadOnlyList<TimeRange> ranges = week[Day(first + offset)];
            if (ranges.Count == 0)
            {
                offset++;
                continue;
            }
            int last = offset;
            while (last < 6 && SameRanges(ranges, week[Day(first + last + 1)]))
            {
                last++;
            }
            string from = DayName(Day(first + offset), culture), to = DayName(Day(first + last), culture);
            string days = last == offset ? from : Format(culture, last == offset + 1 ? "Days.Pair" : "Days.Range", from, to);
            if (groups.Length > 0)
            {
                groups.Append(Get("Calendar.GroupSeparator", culture));
            }
            groups.Append(Format(culture, "Calendar.Group", days, JoinRanges(ranges, culture)));
            offset = last + 1;
        }
        string text = Format(culture, "Calendar.Hours", groups.ToString(), ZoneName(calendar.Zone, culture));
        return calendar.Holidays.Count > 0 ? Format(culture, "Calendar.ExceptHolidays", text) : text;
    }

    internal static string ZoneName(DateTimeZone zone, CultureInfo culture) =>
        Resources.GetString("Zone." + zone.Id, culture) ?? Format(culture, "Zone.Fallback", zone.Id);

    private static string JoinRanges(IReadOnlyList<TimeRange> ranges, CultureInfo culture)
    {
        string text = ranges[ranges.Count - 1].ToString();
        for (int i = ranges.Count - 2; i >= 0; i--)
        {
            text = Format(culture, i == ranges.Count - 2 ? "Ranges.LastPair" : "Ranges.Pair", ranges[i].ToString(), text);
        }
        return text;
    }

    private static bool SameRanges(IReadOnlyList<TimeRange> a, IReadOnlyList<TimeRange> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (int i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The ISO day of week of a day number, counting on past Sunday (8 is Monday) and back before Monday (0 is Sunday).</summary>
    private static IsoDayOfWeek Day(int number) => (IsoDayOfWeek)(((number - 1) % 7 + 7) % 7 + 1);

    private static string DayName(IsoDayOfWeek day, CultureInfo culture) => Get("Day." + day, culture);

    private static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"The resource '{key}' is missing from {Resources.BaseName}.");

    private static string Format(CultureInfo culture, string key, params object[] args) => string.Format(culture, Get(key, culture), args);
}
