// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

// SupportDesk: a busy support queue over a simulated week, on a simulated clock. Every ticket is evaluated by
// ServicePolicy whenever something happens to it and at the next instant its evaluation names; escalations go to a
// console channel that delivers each action key once (ConsoleChannel.cs). Usage (CommandLine.cs):
//   dotnet run --project samples/SupportDesk -- [--interactions N] [--seed S] [--days D] [--plain] [--verbose] [--help]
using System.Globalization;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Reporting;
using ServicePolicy.Samples.SupportDesk;
using Spectre.Console;
using Spectre.Console.Rendering;

CommandLine command = CommandLine.Parse(args);
if (command.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}
if (command.Options is not { } options)
{
    Console.Error.WriteLine($"SupportDesk: {command.Error}.");
    Console.Error.WriteLine();
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}
bool plain = options.Plain || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;
// The live display redraws in place, so it cannot also print every escalation: --verbose prints text lines instead.
bool live = !plain && !options.Verbose;

var firstDay = new LocalDate(2026, 11, 16);   // a Monday
var desk = new Desk(firstDay.PlusDays(-30).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
DateTimeZone zone = desk.Office.Zone;
var channel = new ConsoleChannel(zone, options.Verbose ? line => Console.WriteLine("  escalation " + line) : null);
var simulation = new Simulation(options, desk, channel, firstDay);

string title = $"SupportDesk: {options.Interactions} interactions over {options.Days} days from {Report.Day(firstDay)} " +
    $"(seed {options.Seed}, {zone.Id})";
var stopwatch = System.Diagnostics.Stopwatch.StartNew();
if (!live)
{
    Console.WriteLine(title);
    LocalDate reported = firstDay;
    await simulation.RunAsync(s =>
    {
        LocalDate today = s.Now.InZone(zone).Date;
        if (today > reported || s.Now == s.End)
        {
            Console.WriteLine($"  {Report.Day(reported)} done: {s.Tickets.Count} arrived so far, {s.QueueLength} in the queue, " +
                $"{s.Waiting} waiting on customers, {s.Resolved} resolved, {channel.Delivered.Count} escalations");
            reported = today;
        }
        return Task.CompletedTask;
    });
}
else
{
    AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
    await AnsiConsole.Live(Status(simulation, channel)).StartAsync(async context =>
    {
        await simulation.RunAsync(s =>
        {
            context.UpdateTarget(Status(s, channel));
            context.Refresh();
            return Task.CompletedTask;
        });
    });
}

var report = new Report(simulation, channel, zone);
if (plain)
{
    WritePlain(report, channel);
}
else
{
    WriteRich(report, channel);
}
Console.WriteLine($"Simulated in {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
return 0;

static IRenderable Status(Simulation s, ConsoleChannel channel)
{
    double done = s.Now <= s.Start ? 0 : (s.Now - s.Start).TotalTicks / (s.End - s.Start).TotalTicks;
    int width = 30, filled = (int)Math.Round(done * width);
    var grid = new Grid().AddColumn().AddColumn();
    grid.AddRow("[grey]simulated clock[/]", channel.Format(s.Now));
    int day = Math.Clamp(Period.Between(s.FirstDay, s.Now.InZone(channel.Zone).Date, PeriodUnits.Days).Days + 1, 1, s.Days);
    grid.AddRow("[grey]days[/]", $"[green]{new string('█', filled)}[/][grey]{new string('░', width - filled)}[/] {Math.Floor(done * 100).ToString("0", CultureInfo.InvariantCulture)}%  day {day} of {s.Days}");
    grid.AddRow("[grey]arrived[/]", s.Tickets.Count.ToString(CultureInfo.InvariantCulture));
    grid.AddRow("[grey]in the queue[/]", s.QueueLength.ToString(CultureInfo.InvariantCulture));
    grid.AddRow("[grey]waiting on customers[/]", s.Waiting.ToString(CultureInfo.InvariantCulture));
    grid.AddRow("[grey]resolved[/]", s.Resolved.ToString(CultureInfo.InvariantCulture));
    grid.AddRow("[grey]evaluations[/]", s.Evaluations.ToString(CultureInfo.InvariantCulture));
    grid.AddRow("[grey]escalations[/]", channel.Delivered.Count.ToString(CultureInfo.InvariantCulture));
    IRenderable recent = new Rows(channel.Recent.Select(line => new Markup($"[yellow]{Markup.Escape(line)}[/]")).DefaultIfEmpty(new Markup("[grey]none yet[/]")));
    return new Rows(new Panel(grid).Header("desk").Expand(), new Panel(recent).Header("latest escalations (console channel)").Expand());
}

static void WriteRich(Report report, ConsoleChannel channel)
{
    AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Summary)}[/]");
    foreach ((string title, string first, IEnumerable<(string, AttainmentCounts)> rows) in Sections(report))
    {
        AnsiConsole.Write(CountsTable(title, first, rows, report.Attainment.Cycles));
    }
    AnsiConsole.Write(TimeToMeetTable(report.Attainment));

    var onTime = new BarChart().Width(80).Label("[bold]Decided commitments met on time, by team (%)[/]").LeftAlignLabel().WithMaxValue(100);
    foreach ((string team, AttainmentCounts counts) in report.Rows(ReportDimension.Team))
    {
        double share = Math.Round(100 * (counts.OnTimeShare ?? 0), 1);
        onTime.AddItem(team, share, share >= 90 ? Color.Green : share >= 75 ? Color.Yellow : Color.Red);
    }
    AnsiConsole.Write(onTime);

    var chart = new BarChart().Width(80).Label("[bold]Breaches by hour of the day (Europe/London)[/]").LeftAlignLabel();
    for (int hour = 0; hour < 24; hour++)
    {
        chart.AddItem($"{hour:00}:00", report.BreachesByHour[hour], report.BreachesByHour[hour] > 0 ? Color.Red : Color.Grey);
    }
    AnsiConsole.Write(chart);

    var ladders = new Table().Title("[bold]Worst escalation ladders[/]").AddColumn("interaction").AddColumn("commitment").AddColumn("steps");
    foreach (Ladder ladder in report.Worst)
    {
        ladders.AddRow(new Markup(Markup.Escape($"{ladder.Interaction} ({ladder.Policy})")), new Markup(Markup.Escape(ladder.Commitment)),
            new Rows(ladder.Steps.Select(a => new Markup(Markup.Escape(Step(a, channel))))));
    }
    AnsiConsole.Write(ladders);
}

static IEnumerable<(string Title, string First, IEnumerable<(string, AttainmentCounts)> Rows)> Sections(Report report) =>
[
    ("Commitments by policy", "policy", report.Rows(ReportDimension.Policy)),
    ("Commitments by kind", "kind", report.Rows(ReportDimension.Kind)),
    ("Commitments by team", "team", report.Rows(ReportDimension.Team)),
    ("Commitments by channel", "channel", report.Rows(ReportDimension.Channel)),
    ("Commitments by customer tier", "tier", report.Rows(ReportDimension.Tier)),
    ("Commitments by the day they started", "day", report.Rows(ReportDimension.Period, Report.Day)),
];

static Table CountsTable(string title, string first, IEnumerable<(string Name, AttainmentCounts Counts)> rows, AttainmentCounts total)
{
    var table = new Table().Title($"[bold]{title}[/]").AddColumn(first);
    foreach (string column in Report.CountColumns)
    {
        table.AddColumn(new TableColumn(column).RightAligned());
    }
    foreach ((string name, AttainmentCounts counts) in rows)
    {
        table.AddRow([Markup.Escape(name), .. Report.Cells(counts)]);
    }
    table.AddRow(["[bold]total[/]", .. Report.Cells(total).Select(c => $"[bold]{c}[/]")]);
    return table;
}

static Table TimeToMeetTable(AttainmentReport attainment)
{
    var table = new Table().Title("[bold]Time to meet (business time on the commitment's clock / elapsed)[/]").AddColumn("kind");
    foreach (string column in TimeToMeetColumns)
    {
        table.AddColumn(new TableColumn(column).RightAligned());
    }
    foreach (TimeToMeet timing in attainment.TimeToMeet)
    {
        table.AddRow([Markup.Escape(timing.Kind), .. TimeToMeetCells(timing)]);
    }
    return table;
}

static void WritePlain(Report report, ConsoleChannel channel)
{
    Console.WriteLine();
    Console.WriteLine("REPORT");
    Console.WriteLine(report.Summary);
    foreach ((string title, string first, IEnumerable<(string, AttainmentCounts)> rows) in Sections(report))
    {
        PlainCounts(title, first, rows, report.Attainment.Cycles);
    }

    Console.WriteLine();
    Console.WriteLine("Time to meet (business time on the commitment's clock / elapsed)");
    string Row(string name, IEnumerable<string> cells) => $"  {name,-16}" + string.Concat(cells.Select(c => $"{c,16}"));
    Console.WriteLine(Row("kind", TimeToMeetColumns));
    foreach (TimeToMeet timing in report.Attainment.TimeToMeet)
    {
        Console.WriteLine(Row(timing.Kind, TimeToMeetCells(timing)));
    }

    Console.WriteLine();
    Console.WriteLine("Breaches by hour of the day (Europe/London)");
    int max = Math.Max(1, report.BreachesByHour.Max());
    for (int hour = 0; hour < 24; hour++)
    {
        int count = report.BreachesByHour[hour];
        Console.WriteLine($"  {hour:00}:00 {new string('#', (int)Math.Ceiling(50.0 * count / max)),-50} {count}");
    }

    Console.WriteLine();
    Console.WriteLine("Worst escalation ladders");
    foreach (Ladder ladder in report.Worst)
    {
        Console.WriteLine($"  {ladder.Interaction} ({ladder.Policy}) {ladder.Commitment}");
        foreach (EscalationAction action in ladder.Steps)
        {
            Console.WriteLine($"    {Step(action, channel)}");
        }
    }
}

static void PlainCounts(string title, string first, IEnumerable<(string Name, AttainmentCounts Counts)> rows, AttainmentCounts total)
{
    Console.WriteLine();
    Console.WriteLine(title);
    string Row(string name, string[] cells) => $"  {name,-16}" + string.Concat(cells.Select(c => $"{c,10}"));
    Console.WriteLine(Row(first, Report.CountColumns));
    foreach ((string name, AttainmentCounts counts) in rows)
    {
        Console.WriteLine(Row(name, Report.Cells(counts)));
    }
    Console.WriteLine(Row("total", Report.Cells(total)));
}

static string[] TimeToMeetCells(TimeToMeet timing) =>
[
    timing.OnClock.Count.ToString(CultureInfo.InvariantCulture),
    $"{Hours(timing.OnClock.P50)} / {Hours(timing.Elapsed.P50)}",
    $"{Hours(timing.OnClock.P90)} / {Hours(timing.Elapsed.P90)}",
    $"{Hours(timing.OnClock.P99)} / {Hours(timing.Elapsed.P99)}",
];

static string Hours(TimeSpan time) => time.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + "h";

static string Step(EscalationAction action, ConsoleChannel channel)
{
    string step = action.Step switch
    {
        EscalationStep.Warning => $"W{action.StepIndex}",
        EscalationStep.HandoffLimit => "handoff",
        _ => $"L{action.StepIndex}" + (action.Repeat > 0 ? $" repeat {action.Repeat}" : ""),
    };
    string what = action.Step == EscalationStep.Warning ? "warn" : action.Action.ToString();
    return $"{channel.Format(action.DueAt)}  {step,-10} {what} {string.Join(", ", action.Contacts)}";
}

partial class Program
{
    private static readonly string[] TimeToMeetColumns = ["met", "p50", "p90", "p99"];
}
