// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Runtime;

/// <summary>
/// Creates or migrates the store's schema when the host starts, before the timer worker and the outbox relay start
/// (hosted services start in the order they were registered, and this one is registered first). A database that
/// cannot be reached, or whose schema is newer than the package (<see cref="StoreSchemaException"/>), stops the host's
/// start with that error instead of workers retrying against tables that are not there.
/// </summary>
internal sealed class StoreInitializer : IHostedService
{
    private readonly System.IServiceProvider services;

    /// <summary>Creates the initializer; the store is resolved at start, after start-up validation has reported a
    /// missing one.</summary>
    public StoreInitializer(System.IServiceProvider services)
    {
        this.services = services;
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<IInteractionStore>().InitializeAsync(cancellationToken);

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
