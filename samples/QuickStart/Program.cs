// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

// QuickStart: calendars, policies and escalation chains from appsettings.json, and a handful of interactions replayed
// at fixed instants, so the output is the same on every run (samples/QuickStart/expected-output.txt; CI diffs them).
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.QuickStart;

// 1. The usual host builder. appsettings.json is copied next to the program, so the sample runs from any directory.
//    Calendars, policies and escalation chains come from it; the host adds what configuration cannot hold: its
//    organisation chart (IEscalationDirectory). The evaluator reads the container's clock (an IClock, else the
//    TimeProvider) when asked to evaluate "now"; this sample passes the instants itself, so every run prints the same.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<IEscalationDirectory, OrgChart>();
builder.Services.AddServicePolicy(builder.Configuration.GetSection("ServicePolicy"));
using IHost host = builder.Build();
await host.StartAsync();   // validates every setting (ValidateOnStart): a typo stops here with a message naming its path

IServicePolicyCatalog catalog = host.Services.GetRequiredService<IServicePolicyCatalogProvider>().Current;
IServicePolicyEvaluator evaluator = host.Services.GetRequiredService<IServicePolicyEvaluator>();
Console.WriteLine($"Catalogue version {catalog.Version}: calendars {List(catalog.Calendars.Keys)}; policies {List(catalog.Policies.Values)}; " +
    $"escalation chains {List(catalog.EscalationChains.Keys)}");

// 2. Each evaluation lists every escalation action still due, so looking twice lists an action twice, under the same
//    key. The console "channel" prints each key once and drops repeats (ConsoleChannel). In production the outbox relay
//    of ServicePolicy.Hosting delivers each planned action at least once, and a channel drops duplicates by key (see
//    docs/hosting.md); here the console stands in for e-mail, chat or a pager.
var channel = new ConsoleChannel();

// 3. A handful of interactions. Times are local to the UK office (Europe/London; UTC in November and December).
DateTimeZone london = catalog.GetCalendar("uk-office").Zone;
Instant At(int month, int day, int hour, int minute) =>
    new LocalDateTime(2026, month, day, hour, minute).InZoneStrictly(london).ToInstant();

var support = Owner.Team("support");
Scenario[] scenarios =
{
    new("T-1001", "Email on a Friday afternoon, answered on Monday",
        new InteractionOpened(At(11, 20, 16, 40), support, new InteractionProfile(channel: "email", priority: "normal")),
        new TimelineFact[]
        {
            new AgentReplied(At(11, 23, 12, 10)),
            new CustomerReplied(At(11, 23, 15, 30)),
            new AgentReplied(At(11, 24, 10, 0)),
            new InteractionResolved(At(11, 25, 12, 0)),
        },
        new[] { At(11, 20, 17, 0), At(11, 23, 12, 0), At(11, 23, 16, 0), At(11, 25, 12, 0) }),
    new("T-1002", "Urgent: checkout is down, at night",
        new InteractionOpened(At(11, 24, 2, 10), Owner.Person("priya"), new InteractionProfile(channel: "phone", priority: "urgent")),
        new TimelineFact[]
        {
            new AgentReplied(At(11, 24, 3, 5)),
            new AgentReplied(At(11, 24, 4, 50)),
            new InteractionResolved(At(11, 24, 10, 30)),
        },
        new[] { At(11, 24, 2, 20), At(11, 24, 2, 35), At(11, 24, 2, 45), At(11, 24, 3, 0), At(11, 24, 10, 20), At(11, 24, 11, 0) }),
    new("T-1003", "Web form on Christmas Eve, waiting on the customer over the holidays",
        new InteractionOpened(At(12, 24, 11, 30), support, new InteractionProfile(channel: "web")),
        new TimelineFact[]
        {
            new AgentReplied(At(12, 24, 12, 15)),
            new WaitingStarted(At(12, 24, 12, 15)),
            new WaitingEnded(At(12, 29, 9, 30)),
            new CustomerReplied(At(12, 29, 9, 30)),
            new AgentReplied(At(12, 29, 14, 0)),
        },
        new[] { At(12, 24, 12, 0), At(12, 28, 12, 0), At(12, 29, 10, 0), At(12, 31, 12, 0) }),
    new("T-1004", "Chat handed to billing, first reply late",
        new InteractionOpened(At(11, 23, 9, 30), support, new InteractionProfile(channel: "chat", priority: "high")),
        new TimelineFact[]
        {
            new OwnerAssigned(At(11, 23, 10, 0), Owner.Team("billing")),
            new AgentReplied(At(11, 23, 15, 0)),
        },
        new[] { At(11, 23, 10, 0), At(11, 23, 13, 45), At(11, 23, 14, 45), At(11, 23, 15, 15) }),
};

CultureInfo english = CultureInfo.GetCultureInfo("en-GB");
var described = new HashSet<ServiceLevelPolicy>();
foreach (Scenario scenario in scenarios)
{
    Timeline timeline = Timeline.Create(scenario.Id, scenario.Facts);
    ServiceLevelPolicy policy = catalog.SelectPolicy(timeline.Opened.Profile);
    DateTimeZone zone = policy.Calendar.Zone;

    Console.WriteLine();
    Console.WriteLine($"{scenario.Id}  {scenario.Title}");
    Console.WriteLine($"  profile: {timeline.Opened.Profile}; owner {timeline.Opened.Owner}");
    Console.WriteLine($"  policy:  {policy}, calendar {policy.Calendar.Name}, escalation chain {policy.EscalationChainName} (times below are {zone.Id} time)");
    // What the customer is told (Describe renders it from resources: English built in, other languages as .resx files).
    foreach (string line in described.Add(policy) ? Wrap(policy.Describe(english), 100) : ["(described above)"])
    {
        Console.WriteLine($"           {line}");
    }
    Console.WriteLine("  facts:");
    foreach (TimelineFact fact in timeline)
    {
        Console.WriteLine($"    {Time.Format(fact.At, zone)}  {Describe(fact)}");
    }

    // The full timeline evaluated at the last instant: every commitment cycle and its deadline.
    Instant last = scenario.LookAt[^1];
    EvaluationResult final = evaluator.Evaluate(timeline.AsOf(last), last);
    Console.WriteLine("  commitments:");
    foreach (CommitmentStatus status in final.Commitments)
    {
        string outcome = status switch
        {
            { MetAt: { } met } => $"{status.State} at {Time.Format(met, zone)}",
            { BreachedAt: { } breached, EndedAt: { } ended } => $"Breached, then ended unmet at {Time.Format(ended, zone)}",
            { EndedAt: { } ended } => $"{status.State} at {Time.Format(ended, zone)}",
            _ => $"{status.State} at {Time.Format(last, zone)}",
        };
        Console.WriteLine($"    {Name(status),-18} started {Time.Format(status.StartedAt, zone)}  due {Time.Format(status.Deadline, zone)}  {outcome}");
    }

    // The same interaction as it stood at a few instants: what a dashboard would have shown, and what was escalated.
    Console.WriteLine("  as it stood:");
    Console.WriteLine($"    {"at",-20}  {string.Join("  ", final.Commitments.Select(c => $"{Name(c),-16}"))}".TrimEnd());
    foreach (Instant now in scenario.LookAt)
    {
        EvaluationResult result = evaluator.Evaluate(timeline.AsOf(now), now);
        string cells = string.Join("  ", final.Commitments.Select(c =>
        {
            CommitmentStatus? then = result.Commitments.FirstOrDefault(s => s.Kind == c.Kind && s.Name == c.Name && s.Cycle == c.Cycle);
            return $"{then?.State.ToString() ?? "-",-16}";
        }));
        Console.WriteLine($"    {Time.Format(now, zone),-20}  {cells}".TrimEnd());
        channel.Zone = zone;
        foreach (EscalationAction action in result.EscalationActions)
        {
            channel.Deliver(action);
        }
    }
    foreach (RemedyDue remedy in final.RemediesDue)
    {
        Console.WriteLine($"  remedy due: {remedy.Remedy} ({remedy.Key})");
    }
}

// 4. What the customer is told about one ticket now, per commitment, in their language and time zone. CustomerStatus
//    reads every sentence from resources (English built in; French and German ship with the package; other cultures
//    read English, and status.Language says so). See docs/customer-text.md.
Scenario first = scenarios[0];
Timeline ticket = Timeline.Create(first.Id, first.Facts);
Instant asked = At(11, 23, 12, 0);
EvaluationResult atThatTime = evaluator.Evaluate(ticket.AsOf(asked), asked);
Console.WriteLine();
Console.WriteLine($"{first.Id} as its customer reads it on {Time.Format(asked, london)} (London)");
foreach ((string culture, string zone) in new[] { ("en-GB", "Europe/London"), ("fr-FR", "Europe/Paris") })
{
    CustomerStatus status = CustomerStatus.Describe(ticket, atThatTime, CultureInfo.GetCultureInfo(culture), DateTimeZoneProviders.Tzdb[zone]);
    Console.WriteLine($"  {culture}, a customer in {zone} (text in '{status.Language.Name}'):");
    foreach (string line in Wrap(status.Text, 100))
    {
        Console.WriteLine($"    {line}");
    }
}

await host.StopAsync();

static string List<T>(IEnumerable<T> items) => string.Join(", ", items.Select(i => i?.ToString()).Order(StringComparer.Ordinal));

static string Name(CommitmentStatus status) =>
    (status.Kind == CommitmentKind.Custom ? status.Name! : status.Kind.ToString()) + "#" + status.Cycle.ToString(CultureInfo.InvariantCulture);

static string Describe(TimelineFact fact) => fact switch
{
    InteractionOpened opened => $"opened, owner {opened.Owner}",
    AgentReplied { IsPublic: true } => "agent replied",
    AgentReplied => "agent wrote an internal note",
    CustomerReplied => "customer replied",
    WaitingStarted waiting => $"waiting started ({waiting.Reason})",
    WaitingEnded => "waiting ended",
    OwnerAssigned assigned => $"handed to {assigned.Owner}",
    InteractionResolved => "resolved",
    _ => fact.GetType().Name,
};

static IEnumerable<string> Wrap(string text, int width)
{
    var line = new System.Text.StringBuilder();
    foreach (string word in text.Split(' '))
    {
        if (line.Length > 0 && line.Length + 1 + word.Length > width)
        {
            yield return line.ToString();
            line.Clear();
        }
        line.Append(line.Length > 0 ? " " : "").Append(word);
    }
    yield return line.ToString();
}
