// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Hosting.Runtime;

namespace ServicePolicy.HelpdeskService.Dashboard;

/// <summary>Runs the dashboard (<c>--dashboard &lt;url&gt;</c>) beside the sample's host: started after the store's
/// schema is ready, stopped with the host.</summary>
internal sealed class DashboardService(
    CommandLine commandLine, IInteractionService desk, IServicePolicyEvaluator evaluator, IClock clock, ILoggerFactory loggerFactory, SampleConsole console) : IHostedService
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        app = DashboardApp.Build(commandLine.DashboardUrl!, desk, evaluator, clock, loggerFactory);
        await app.StartAsync(cancellationToken);
        console.WriteLine("dashboard", $"{string.Join(", ", app.Urls)} (read-only, no sign-in: keep it on a loopback address)");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
            app = null;
        }
    }
}
