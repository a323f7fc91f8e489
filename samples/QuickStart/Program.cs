// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;

// A UK support desk: Monday to Friday 09:00-17:00, closed on Christmas Day and Boxing Day,
// short hours on Christmas Eve. Every instant below is fixed, so the output is the same on every run.
BusinessCalendar uk = BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
    .WithWeeklyHours("Mon-Fri 09:00-17:00")
    .AddHoliday(new LocalDate(2026, 12, 25))
    .AddHoliday(new LocalDate(2026, 12, 28))
    .AddSpecialDay(new LocalDate(2026, 12, 24), "09:00-13:00")
    .Build();

Console.WriteLine($"Calendar: {uk}");
Console.WriteLine();

var pattern = ZonedDateTimePattern.CreateWithInvariantCulture("ddd yyyy-MM-dd HH:mm", null);
string Local(Instant instant) => pattern.Format(instant.InZone(uk.Zone));
Instant At(int year, int month, int day, int hour, int minute) =>
    new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(uk.Zone).ToInstant();

(string What, Instant Received)[] messages =
{
    ("Email on Friday afternoon", At(2026, 11, 20, 16, 40)),
    ("Chat on Tuesday morning", At(2026, 11, 24, 10, 0)),
    ("Form on Christmas Eve", At(2026, 12, 24, 11, 30)),
    ("Call-back request on Saturday", At(2026, 11, 21, 9, 15)),
};

Console.WriteLine("Reply within 4 business hours:");
foreach ((string what, Instant received) in messages)
{
    Instant due = uk.AddBusinessTime(received, Duration.FromHours(4));
    Console.WriteLine($"  {what,-32} received {Local(received)}  due {Local(due)}");
}

Console.WriteLine();
Console.WriteLine("Reply by the end of the business day:");
foreach ((string what, Instant received) in messages)
{
    Console.WriteLine($"  {what,-32} received {Local(received)}  due {Local(uk.EndOfBusinessDay(received))}");
}

Console.WriteLine();
Console.WriteLine("Call back 2 business days later at 12:00:");
foreach ((string what, Instant received) in messages)
{
    Console.WriteLine($"  {what,-32} received {Local(received)}  due {Local(uk.AddBusinessDays(received, 2, new LocalTime(12, 0)))}");
}

Console.WriteLine();
Instant opened = At(2026, 11, 23, 9, 0);
Instant now = At(2026, 11, 27, 12, 0);
Console.WriteLine($"Business time from {Local(opened)} to {Local(now)}: {uk.BusinessTimeBetween(opened, now).TotalHours} hours");
