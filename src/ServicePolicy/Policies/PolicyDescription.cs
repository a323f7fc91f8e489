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
/// its satellite files (<c>PolicyText.fr.resx</c>, <c>PolicyText.de.resx</c>): another language is another resource
/// file, not a code change. Zone names are the <c>Zone.&lt;TZDB id&gt;</c> entries, with <c>Zone.Fallback</c> for any
/// other zone.
/// </summary>
/// <remarks>The sentences come in the order a customer reads them, whatever the order of the configuration: the
/// targets (first response, replies, follow-ups, updates, appointments, resolution, custom promises, feedback), the
/// policy's business hours once, the pauses, the remedies and the handoff limit.</remarks>
internal static class PolicyDescription
{
    private static readonly ResourceManager Resources = new(typeof(PolicyDescription).Namespace + ".PolicyText", typeof(PolicyDescription).Assembly);

    /// <summary>The kinds in customer reading order; a kind not listed comes after those listed.</summary>
    private static readonly CommitmentKind[] ReadingOrder =
    [
        CommitmentKind.FirstResponse, CommitmentKind.NextResponse, CommitmentKind.FollowUp, CommitmentKind.PeriodicUpdate,
        CommitmentKind.Appointment, CommitmentKind.Resolution, CommitmentKind.Custom, CommitmentKind.FeedbackRequest,
    ];

    internal static ResourceManager ResourceManager => Resources;

    // The rules read inclusively ("within 4 business hours", "by 17:00 on the next business day", "inside the booked
    // window"), as the evaluation counts deadlines: met at or before the deadline is on time (docs/concepts.md).
    internal static string Describe(ServiceLevelPolicy policy, CultureInfo culture)
    {
        List<ServiceTarget> targets = InReadingOrder(policy.Targets);
        var sentences = new List<string>();
        bool saysPolicyHours = false;
        foreach (ServiceTarget target in targets)
        {
            // The policy's own hours are said once, after the targets; a target on another calendar, or in the
            // customer's hours, says its own.
            string hours = string.Empty;
            if (target.Rule.UsesBusinessTime)
            {
                if (target.Hours != TargetHours.Customer && (target.Calendar is null || ReferenceEquals(target.Calendar, policy.Calendar)))
                {
                    saysPolicyHours = true;
                }
                else
                {
                    hours = Format(culture, "Target.CalendarSuffix",
                        DescribeCalendar(target.Calendar ?? policy.Calendar, culture, target.Hours == TargetHours.Customer));
                }
            }
            if (target.Name is not null && target.Kind != CommitmentKind.Custom)
            {
                // One of several measures of a kind: "We resolve requests within 2 business days (...), measured as agent work time."
                hours += Format(culture, "Target.MeasureSuffix", target.Name);
            }
            sentences.Add(Format(culture, "Target." + target.Kind, target.Rule.Describe(culture), hours, target.Name ?? string.Empty));
        }
        if (saysPolicyHours)
        {
            sentences.Add(policy.Calendar.WeeklyHours.IsAllDay && policy.Calendar.Holidays.Count == 0
                ? Get("Hours.AroundTheClock", culture)
                : Format(culture, "Hours.Sentence", DescribeCalendar(policy.Calendar, culture)));
        }
        foreach (PauseRule rule in policy.PauseRules)
        {
            sentences.Add(DescribePause(policy, rule, culture));
        }
        foreach (ServiceTarget target in targets)
        {
            if (DescribeRemedies(target.Remedies, culture, includeApology: true) is { } remedies)
            {
                sentences.Add(Format(culture, "Remedy.If." + target.Kind, remedies, target.Name ?? string.Empty));
            }
        }
        if (policy.HandoffLimit is { } limit)
        {
            int max = limit.MaxReassignments;
            sentences.Add(max switch
            {
                0 => Get("Handoff.None", culture),
                1 => Get("Handoff.One", culture),
                _ => Format(culture, "Handoff.Other", max),
            });
            if (DescribeRemedies(limit.Remedies, culture, includeApology: true) is { } remedies)
            {
                sentences.Add(Format(culture, "Remedy.If.Handoff", remedies));
            }
        }
        return string.Join(" ", sentences);
    }

    /// <summary>The targets sorted by <see cref="ReadingOrder"/>, keeping the configured order within a kind.</summary>
    private static List<ServiceTarget> InReadingOrder(IReadOnlyList<ServiceTarget> targets)
    {
        var sorted = new List<ServiceTarget>(targets.Count);
        foreach (CommitmentKind kind in ReadingOrder)
        {
            foreach (ServiceTarget target in targets)
            {
                if (target.Kind == kind)
                {
                    sorted.Add(target);
                }
            }
        }
        foreach (ServiceTarget target in targets)
        {
            if (Array.IndexOf(ReadingOrder, target.Kind) < 0)
            {
                sorted.Add(target);
            }
        }
        return sorted;
    }

    /// <summary>"we'll apologise and credit £10 to your account": the remedies as one clause, each from its
    /// <c>Remedy.&lt;Kind&gt;.First</c> form (with the subject) or <c>.Next</c> form (after "and"); null when there is
    /// nothing to say. Proactive messages are the host's own templates and are not described.</summary>
    internal static string? DescribeRemedies(IReadOnlyList<BreachRemedy> remedies, CultureInfo culture, bool includeApology)
    {
        var parts = new List<string>(remedies.Count);
        foreach (BreachRemedy remedy in remedies)
        {
            if (remedy.Kind == RemedyKind.ProactiveMessage || (remedy.Kind == RemedyKind.Apology && !includeApology))
            {
                continue;
            }
            string form = parts.Count == 0 ? ".First" : ".Next";
            parts.Add(remedy switch
            {
                { Kind: RemedyKind.Credit, Amount: { } amount } => Format(culture, "Remedy.Credit" + form, Money.Format(amount, remedy.Currency!, culture)),
                { Kind: RemedyKind.Accommodation, Amount: { } worth } => Format(culture, "Remedy.AccommodationWorth" + form, remedy.Detail!, Money.Format(worth, remedy.Currency!, culture)),
                { Kind: RemedyKind.Accommodation } => Format(culture, "Remedy.Accommodation" + form, remedy.Detail!),
                _ => Get("Remedy." + remedy.Kind + form, culture),
            });
        }
        if (parts.Count == 0)
        {
            return null;
        }
        string text = parts[parts.Count - 1];
        for (int i = parts.Count - 2; i >= 0; i--)
        {
            text = Format(culture, i == parts.Count - 2 ? "Ranges.LastPair" : "Ranges.Pair", parts[i], text);
        }
        return text;
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

    /// <summary>Describes a calendar's hours and zone; for a target in the customer's hours (<paramref name="customerHours"/>),
    /// the hours are read in the customer's zone, named by the <c>Zone.Customer</c> resource ("your time").</summary>
    internal static string DescribeCalendar(BusinessCalendar calendar, CultureInfo culture, bool customerHours = false)
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
        string text = Format(culture, "Calendar.Hours", groups.ToString(), customerHours ? Get("Zone.Customer", culture) : ZoneName(calendar.Zone, culture));
        return calendar.Holidays.Count > 0 ? Format(culture, "Calendar.ExceptHolidays", text) : text;
    }

    internal static string ZoneName(DateTimeZone zone, CultureInfo culture) =>
        Resources.GetString("Zone." + zone.Id, culture) ?? Format(culture, "Zone.Fallback", zone.Id);

    private static string JoinRanges(IReadOnlyList<TimeRange> ranges, CultureInfo culture)
    {
        string text = Range(ranges[ranges.Count - 1], culture);
        for (int i = ranges.Count - 2; i >= 0; i--)
        {
            text = Format(culture, i == ranges.Count - 2 ? "Ranges.LastPair" : "Ranges.Pair", Range(ranges[i], culture), text);
        }
        return text;
    }

    private static string Range(TimeRange range, CultureInfo culture) =>
        Format(culture, "Calendar.Range", RuleText.FormatTime(range.Open, culture), RuleText.FormatTime(range.Close, culture, isEndOfDay: true));

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

    internal static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"The resource '{key}' is missing from {Resources.BaseName}.");

    internal static string Format(CultureInfo culture, string key, params object[] args) => string.Format(culture, Get(key, culture), args);
}
