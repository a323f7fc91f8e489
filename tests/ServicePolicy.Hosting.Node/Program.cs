// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Extensions;
using ServicePolicy.Escalation;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Node;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;

NodeArguments arguments = NodeArguments.Parse(args);
IClock systemClock = TimeProvider.System.ToClock();
// This node's own clock, used for the instants of the facts it records (and by nothing that decides what is due: the
// stores decide that by the database's clock).
IClock nodeClock = new SkewedClock(systemClock, Duration.FromSeconds(arguments.ClockSkewSeconds));

HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = [],
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "policy.json"), optional: false);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

builder.Services.AddSingleton<IClock>(nodeClock);
builder.Services.AddSingleton<IEscalationDirectory, NodeDirectory>();
builder.Services.AddServicePolicy(builder.Configuration.GetSection("ServicePolicy"));
using var deliveries = new AppendOnlyLog(arguments.DeliveriesFile, durable: true);
builder.Services.AddServicePolicyHosting(h => h.UseChannel(new FileDeliveryChannel(deliveries, systemClock)).Configure(options =>
{
    options.NodeId = arguments.NodeId;
    options.Timer.BatchSize = NodeSettings.TimerBatchSize;
    options.Timer.PollInterval = NodeSettings.TimerPollInterval;
    options.Timer.RetryDelay = TimeSpan.FromMilliseconds(200);
    options.Timer.MaxRetryDelay = TimeSpan.FromSeconds(2);
}));
if (arguments.Store == "sqlite")
{
    // The SQLite store's clock is the machine's, never the skewed node clock.
    builder.Services.AddServicePolicySqliteStore(options =>
    {
        options.DataSource = arguments.DataFile!;
        options.Clock = systemClock;
    });
}
else
{
    builder.Services.AddServicePolicyPostgreSqlStore(options =>
    {
        options.ConnectionString = arguments.ConnectionString;
        options.Schema = arguments.Schema!;
    });
}

// The relay's settings; its channel appends to this node's deliveries file.
builder.Services.Configure<OutboxRelayOptions>(options =>
{
    options.BatchSize = NodeSettings.RelayBatchSize;
    options.Parallelism = NodeSettings.RelayParallelism;
    options.PollInterval = NodeSettings.RelayPollInterval;
    options.LeaseDuration = NodeSettings.RelayLease;
    options.MaxAttempts = NodeSettings.RelayMaxAttempts;
    options.AttemptTimeout = NodeSettings.RelayAttemptTimeout;
    options.InitialBackoff = NodeSettings.RelayInitialBackoff;
    options.MaxBackoff = NodeSettings.RelayMaxBackoff;
});

// The store, observed: every committed write is logged with its version.
using var versions = new AppendOnlyLog(arguments.VersionsFile, durable: false);
ServiceDescriptor store = builder.Services.Last(d => d.ServiceType == typeof(IInteractionStore));
builder.Services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(sp =>
    new ObservedInteractionStore((IInteractionStore)store.ImplementationFactory!(sp), versions)));

if (arguments.FactsFile is not null)
{
    FactPlan plan = FactPlan.Read(arguments.FactsFile);
    builder.Services.AddHostedService(sp => new FactIngestion(plan, sp.GetRequiredService<IInteractionService>(),
        sp.GetRequiredService<IInteractionStore>(), nodeClock, arguments.Workers));
}

using IHost host = builder.Build();
await host.StartAsync();
Console.Out.WriteLine($"ready {arguments.NodeId} {Environment.ProcessId}");
await host.WaitForShutdownAsync();
