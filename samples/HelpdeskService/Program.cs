// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

// HelpdeskService: ServicePolicy.Hosting in a generic host. Policies come from appsettings.json; interactions live in
// SQLite (a file, created on first start) or, with --postgres, in PostgreSQL, where several copies can run side by side
// on one database. A simulated desk records facts through IInteractionService; the timer worker wakes interactions at
// their NextChangeAt; the outbox relay delivers escalations and remedies to ConsoleChannel, which prints them.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ServicePolicy.Escalation;
using ServicePolicy.HelpdeskService;
using ServicePolicy.HelpdeskService.Dashboard;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.PostgreSql;
using ServicePolicy.Hosting.Sqlite;
using ServicePolicy.Telemetry;

if (CommandLine.Parse(args, out string? error) is not { } commandLine)
{
    if (!string.IsNullOrEmpty(error))
    {
        Console.Error.WriteLine(error);
    }
    Console.Error.WriteLine(CommandLine.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    // appsettings.json is copied next to the program, so the sample runs from any directory; the SQLite file's relative
    // path is resolved against the current directory.
    ContentRootPath = AppContext.BaseDirectory,
});

// The command line overrides appsettings.json: this copy's node name, and where its store is.
var overrides = new Dictionary<string, string?> { ["ServicePolicy:Hosting:NodeId"] = commandLine.Node };
if (commandLine.DatabaseFile is { } file)
{
    overrides[SqliteStoreOptions.SectionName + ":DataSource"] = file;
}
if (commandLine.PostgresConnectionString is { } connectionString)
{
    overrides[PostgreSqlStoreOptions.SectionName + ":ConnectionString"] = connectionString;
}
builder.Configuration.AddInMemoryCollection(overrides);

// The host's logs (the runtime's, the relay's and the stores' events: docs/hosting.md) go to standard error, one line
// each; the sample's own lines go to standard output.
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

builder.Services.AddSingleton(commandLine);
builder.Services.AddSingleton<SampleConsole>();
// The first line of the output: which database this copy uses.
builder.Services.AddHostedService<StartedBanner>();

// 1. Policies, calendars and escalation chains from appsettings.json, and the organisation chart they name roles in.
builder.Services.AddSingleton<IEscalationDirectory, DeskDirectory>();
builder.Services.AddServicePolicy(builder.Configuration.GetSection("ServicePolicy"));

// 2. The hosting runtime (fact path, timer worker, outbox relay; options from ServicePolicy:Hosting), the channel the
//    relay delivers through, and the store.
builder.Services.AddServicePolicyHosting(h => h.UseChannel<ConsoleChannel>());
if (commandLine.PostgresConnectionString is null)
{
    builder.Services.AddServicePolicySqliteStore(builder.Configuration.GetSection(SqliteStoreOptions.SectionName));
    string path = Path.GetFullPath(builder.Configuration[SqliteStoreOptions.SectionName + ":DataSource"] ?? SqliteStoreOptions.DefaultDataSource);
    builder.Services.AddSingleton(new StoreDescription($"SQLite file {path}"));
}
else
{
    builder.Services.AddServicePolicyPostgreSqlStore(builder.Configuration);
    builder.Services.AddSingleton(new StoreDescription("PostgreSQL (schema " +
        (builder.Configuration[PostgreSqlStoreOptions.SectionName + ":Schema"] ?? PostgreSqlStoreOptions.DefaultSchema) + ")"));
}

// With --telemetry console: the library's meter and spans (docs/telemetry.md) through the OpenTelemetry SDK.
if (commandLine.ConsoleTelemetry)
{
    builder.Services.AddOpenTelemetry()
        .WithMetrics(m => m.AddMeter(ServicePolicyTelemetry.Name)
            .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000))
        .WithTracing(t => t.AddSource(ServicePolicyTelemetry.Name).AddConsoleExporter());
}

// 3. The simulated desk.
builder.Services.AddSingleton<TicketSimulation>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<TicketSimulation>());

// 4. The read-only dashboard page, with --dashboard (Dashboard/).
if (commandLine.DashboardUrl is not null)
{
    builder.Services.AddHostedService<DashboardService>();
}

using IHost host = builder.Build();
try
{
    // Validates every setting (a typo stops here, naming its path), then creates or migrates the schema.
    await host.StartAsync();
}
catch (Exception e)
{
    Console.Error.WriteLine($"HelpdeskService could not start: {e.Message}");
    return 1;
}

IHostApplicationLifetime lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
if (commandLine.Duration is { } duration)
{
    _ = Task.Delay(duration, lifetime.ApplicationStopping).ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
}
await host.WaitForShutdownAsync();

var channel = (ConsoleChannel)host.Services.GetRequiredService<IOutboxChannel>();
TicketSimulation simulation = host.Services.GetRequiredService<TicketSimulation>();
host.Services.GetRequiredService<SampleConsole>().WriteLine("stopped",
    $"{simulation.FactsRecorded} facts recorded; {channel.Escalations} escalations and {channel.Remedies} remedies delivered by this copy");
return 0;
