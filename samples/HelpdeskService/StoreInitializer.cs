// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Hosting;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.HelpdeskService;

/// <summary>Creates or migrates the store's schema when the host starts, before the timer worker, the relay and the
/// simulation run (hosted services start in the order they are registered; this one is registered first). A database
/// that cannot be reached, or whose schema is newer than the package, stops the host here with the store's error.</summary>
internal sealed class StoreInitializer(IInteractionStore store, SampleConsole console, StoreDescription description) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        console.WriteLine("started", $"{description.Text}; Ctrl+C stops");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Which database this copy uses, for its first line.</summary>
internal sealed record StoreDescription(string Text);
