// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>One business calendar in configuration: <c>ServicePolicy:Calendars:&lt;name&gt;</c>.</summary>
/// <remarks>Mutable options POCO. The default value has no time zone and no hours, which is invalid.</remarks>
[Mutable]
public sealed class CalendarOptions
{
    /// <summary>Gets or sets the IANA (TZDB) time zone id.</summary>
    /// <value>Required, such as <c>Europe/London</c>. Default: null.</value>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets the weekly working hours in local time.</summary>
    /// <value>Text such as <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c> (see <see cref="Calendars.WeeklyHours.Parse"/>);
    /// required unless <see cref="SpecialDays"/> gives all the working time. Default: null.</value>
    public string? Hours { get; set; }

    /// <summary>Gets the holidays: local dates with no working time.</summary>
    /// <value>ISO dates such as <c>2026-12-25</c>. Default: empty.</value>
    public List<string> Holidays { get; } = new();

    /// <summary>Gets paths of iCalendar (<c>.ics</c>) files whose events are holidays.</summary>
    /// <value>File paths, relative to <see cref="BaseDirectory"/> (by default the application's base directory,
    /// <see cref="System.AppContext.BaseDirectory"/>) unless absolute; read with
    /// <see cref="Calendars.BusinessCalendarBuilder.AddHolidaysFromICalendar(string)"/>. All-day events make every date
    /// they cover a holiday; events with times of day become closures. Recurring events are expanded up to the end of
    /// 2099. Default: empty.</value>
    public List<string> HolidayFiles { get; } = new();

    /// <summary>Gets or sets the directory that relative <see cref="HolidayFiles"/> paths resolve against.</summary>
    /// <value>A directory path; a relative one is itself relative to <see cref="System.AppContext.BaseDirectory"/> (the
    /// application's output folder). A host whose files live under its content root sets it to that, such as
    /// <c>builder.Environment.ContentRootPath</c> (configuration cannot know it: the core package does not reference
    /// the hosting abstractions). Null for <see cref="System.AppContext.BaseDirectory"/>. Default: null.</value>
    public string? BaseDirectory { get; set; }

    /// <summary>Gets the special days: local dates whose ranges replace the weekly hours (and win over a holiday).</summary>
    /// <value>ISO date keys with range text values, such as <c>"2026-12-24": "09:00-13:00"</c>. Default: empty.</value>
    public Dictionary<string, string> SpecialDays { get; } = new();

    /// <summary>Gets the closures: instant ranges that are never working time.</summary>
    /// <value>Default: empty.</value>
    public List<ClosureOptions> Closures { get; } = new();
}
