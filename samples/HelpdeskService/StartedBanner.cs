// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Hosting;

namespace ServicePolicy.HelpdeskService;

/// <summary>Prints which database this copy uses once the host starts. (The runtime itself creates or migrates the
/// store's schema at start, before its workers run; a database that cannot be reached, or whose schema is newer than
/// the package, stops the host with the store's error.)</summary>
internal sealed class StartedBanner(SampleConsole console, StoreDescription description) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        console.WriteLine("started", $"{description.Text}; Ctrl+C stops");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Which database this copy uses, for its first line.</summary>
internal sealed record StoreDescription(string Text);
