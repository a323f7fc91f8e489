// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

// AnalyzerDemo: a helpdesk that opens support requests, some correctly (FrontDesk.cs) and some with the mistakes
// the ServicePolicy analyzers report at build time (Shortcuts.cs; see README.md for the exact warnings). Running it
// shows what those mistakes mean for the customer. Requests arrive at fixed instants, so the output never changes.
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;
using ServicePolicy.Samples.AnalyzerDemo;

BusinessCalendar calendar = BusinessCalendar.Create("uk-office", "Europe/London", "Mon-Fri 09:00-17:30");
Instant At(int hour, int minute) => new LocalDateTime(2026, 11, 20, hour, minute).InZoneStrictly(calendar.Zone).ToInstant();

var desk = new FrontDesk(calendar);
var shortcuts = new Shortcuts(calendar);
(string Channel, Instant Received, SupportRequest Request)[] requests =
[
    ("letter", At(9, 15), Shortcuts.Letter("Formal complaint about a repair")),
    ("email", At(10, 5), desk.Email("Invoice shows the wrong VAT rate", At(10, 5))),
    ("chat", At(14, 20), desk.Chat("Cannot reset my password", At(14, 20), "priya")),
    ("phone", At(16, 45), desk.Phone("Delivery went to my old address", At(16, 45), "sam")),
    ("voicemail", At(16, 50), shortcuts.Voicemail("Please call me about my refund", At(16, 50))),
    ("web form", At(17, 10), Shortcuts.Complaint("Third time asking: where is my order?")),
];

LocalDateTimePattern time = LocalDateTimePattern.CreateWithInvariantCulture("ddd yyyy-MM-dd HH:mm");
string Local(Instant instant) => time.Format(instant.InZone(calendar.Zone).LocalDateTime);

Console.WriteLine($"Calendar {calendar}; follow-up deadlines are in business time.");
Console.WriteLine();
Console.WriteLine($"{"received",-20}  {"channel",-9}  {"subject",-38}  {"owner",-16}  follow up by");
foreach ((string channel, Instant received, SupportRequest request) in requests)
{
    string owner = request.Owner?.ToString() ?? "(nobody)";
    string followUp = request.FollowUpBy is { } deadline ? Local(deadline) : "(never)";
    Console.WriteLine($"{Local(received),-20}  {channel,-9}  {request.Subject,-38}  {owner,-16}  {followUp}");
}

int incomplete = requests.Count(r => r.Request.Owner is null || r.Request.FollowUpBy is null);
Console.WriteLine();
Console.WriteLine($"{incomplete} of {requests.Length} customers are waiting with nobody responsible or no time to hear back.");
Console.WriteLine("The build warned about each of them (SP1001, SP1002, SP1003): see samples/AnalyzerDemo/README.md.");
