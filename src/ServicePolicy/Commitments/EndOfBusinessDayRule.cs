// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>
/// A deadline rule: due at the end of the business day the cycle starts in ("answer everyone before you leave for the
/// day"); with a <see cref="CutOff"/>, a cycle that starts during a business day at or after the cut-off is due at the
/// end of the next business day. Create it with <see cref="DeadlineRule.EndOfBusinessDay"/>.
/// </summary>
/// <remarks>
/// <para>The end of the business day is <see cref="BusinessCalendar.EndOfBusinessDay"/>: in 09:00-17:00 a message at
/// 10:00 is due at 17:00 the same day, one at 18:00 or on a Saturday at the next business day's 17:00. With a cut-off of
/// 15:00, a message at 16:40 on Friday is due on Monday at 17:00. The cut-off applies when the local time of day is at
/// or after it and the business day still to come belongs to the same local date (that is, before the day's last
/// closing); after the last closing the deadline is already the next business day's end.</para>
/// <para>Immutable. Equal to another rule of this type with the same <see cref="CutOff"/>.</para>
/// </remarks>
[Immutable]
public sealed class EndOfBusinessDayRule : DeadlineRule
{
    internal EndOfBusinessDayRule(LocalTime? cutOff)
    {
        CutOff = cutOff;
    }

    /// <summary>Gets the local time from which a new cycle is due the next business day; null when there is none.</summary>
    public LocalTime? CutOff { get; }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => true;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) => CutOff is { } cutOff
        ? RuleText.Format(culture, "Rule.EndOfBusinessDayWithCutOff", RuleText.FormatTime(cutOff, culture))
        : RuleText.Get("Rule.EndOfBusinessDay", culture);

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window)
    {
        Instant endOfDay = calendar.EndOfBusinessDay(start);
        if (CutOff is { } cutOff)
        {
            LocalDateTime local = start.InZone(calendar.Zone).LocalDateTime;
            if (local.TimeOfDay >= cutOff && calendar.NextOpen(start).InZone(calendar.Zone).Date == local.Date)
            {
                // The end of the day is a closing, which is not working time: the next business day's end follows it.
                return calendar.EndOfBusinessDay(endOfDay);
            }
        }
        return endOfDay;
    }

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is EndOfBusinessDayRule rule && rule.CutOff == CutOff;

    /// <inheritdoc/>
    public override int GetHashCode() => CutOff.GetHashCode() ^ 0x3C3C;
}
