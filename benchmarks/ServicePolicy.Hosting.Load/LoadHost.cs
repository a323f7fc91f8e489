// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using ServicePolicy.Benchmarks.Queue;
using ServicePolicy.Catalog;
using ServicePolicy.Hosting.PostgreSql;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Sqlite;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// A host as an application builds one: <c>AddServicePolicyHosting</c> with the SQLite or PostgreSQL store, the
/// <see cref="LoadEvaluator"/>, the <see cref="MeasuringStore"/> wrapped around the store, and a
/// <see cref="DiscardingChannel"/>. Starting the host starts the runtime's own timer worker and outbox relay.
/// </summary>
public sealed class LoadHost : IAsyncDisposable
{
    private LoadHost(IHost host)
    {
        Host = host;
        Service = host.Services.GetRequiredService<IInteractionService>();
        Store = host.Services.GetRequiredService<MeasuringStore>();
    }

    /// <summary>Gets the host.</summary>
    public IHost Host { get; }

    /// <summary>Gets the runtime's fact path and read APIs.</summary>
    public IInteractionService Service { get; }

    /// <summary>Gets the measuring wrapper around the store.</summary>
    public MeasuringStore Store { get; }

    /// <summary>Builds the host (not started) and creates the store's schema.</summary>
    /// <param name="target">The database.</param>
    /// <param name="scenario">The policy's queue.</param>
    /// <param name="clock">The stores' clock.</param>
    /// <param name="options">Batch size and poll interval of the timer.</param>
    /// <param name="nodeId">The node's id.</param>
    /// <returns>The host.</returns>
    public static async Task<LoadHost> CreateAsync(LoadTarget target, QueueScenario scenario, LoadClock clock, LoadOptions options, string nodeId)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        IServiceCollection services = builder.Services;
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<IServicePolicyEvaluator>(new LoadEvaluator(scenario, clock));
        services.AddServicePolicyHosting(h => h.UseChannel(new DiscardingChannel()).Configure(o =>
        {
            o.NodeId = nodeId;
            o.Timer.BatchSize = options.Batch;
            o.Timer.PollInterval = TimeSpan.FromMilliseconds(options.PollMs);
        }));
        if (target.Store == "sqlite")
        {
            services.AddServicePolicySqliteStore(o =>
            {
                o.DataSource = target.SqliteFile!;
                o.Clock = clock;
            });
            services.AddSingleton(sp => new MeasuringStore(sp.GetRequiredService<SqliteInteractionStore>(), clock));
        }
        else
        {
            services.AddServicePolicyPostgreSqlStore(o =>
            {
                o.ConnectionString = target.ConnectionString;
                o.Schema = target.Schema!;
                o.Clock = clock;
            });
            services.AddSingleton(sp => new MeasuringStore(sp.GetRequiredService<PostgreSqlInteractionStore>(), clock));
        }
        services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(sp => sp.GetRequiredService<MeasuringStore>()));
        var host = new LoadHost(builder.Build());
        await host.Store.InitializeAsync(CancellationToken.None);
        return host;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            Host.Dispose();
        }
    }
}
