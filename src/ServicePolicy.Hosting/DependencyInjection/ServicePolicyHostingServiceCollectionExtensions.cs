// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePolicy.Catalog;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Telemetry;
using ServicePolicy.Internal;

// In Microsoft.Extensions.DependencyInjection, as the core's AddServicePolicy is, so that AddServicePolicyHosting shows
// up wherever IServiceCollection does.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ServicePolicy hosting runtime: the fact path and read APIs
/// (<see cref="IInteractionService"/>) and the timer worker.</summary>
/// <remarks>
/// <para>Needs, besides what this call registers: the core's <see cref="IServicePolicyEvaluator"/>
/// (<c>services.AddServicePolicy(...)</c>) and a store registered as <see cref="IInteractionStore"/> and
/// <see cref="IOutboxStore"/> (<see cref="ServicePolicyHostingBuilder.UseInMemoryStore"/>, or a database store's
/// package). Both are checked when the host starts (<c>ValidateOnStart</c>), with the options; a missing one stops the
/// host with a message saying which call adds it.</para>
/// <para>Options: <see cref="ServicePolicyHostingOptions"/>, bound from the section <c>ServicePolicy:Hosting</c> of the
/// container's <see cref="IConfiguration"/> when there is one, then from the builder's <c>Configure</c> calls in order.</para>
/// <para>Safe to call more than once: services are added with <c>TryAdd</c>; each call's builder adds its own
/// configuration.</para>
/// </remarks>
public static class ServicePolicyHostingServiceCollectionExtensions
{
    /// <summary>Adds the hosting runtime.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the store and sets options; null for the defaults (a store must still be
    /// registered, by a store package or another call).</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddServicePolicyHosting(this IServiceCollection services, Action<ServicePolicyHostingBuilder>? configure = null)
    {
        Preconditions.CheckNotNull(services);
        if (!services.Any(d => d.ServiceType == typeof(HostingMarker)))
        {
            services.AddSingleton<HostingMarker>();
            AddRuntime(services);
        }
        configure?.Invoke(new ServicePolicyHostingBuilder(services));
        return services;
    }

    /// <summary>Registers the runtime's services, once.</summary>
    private static void AddRuntime(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ServicePolicyHostingOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    configuration.GetSection(ServicePolicyHostingOptions.SectionName).Bind(options);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServicePolicyHostingOptions>, ServicePolicyHostingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServicePolicyHostingOptions>, HostingServicesValidator>());

        // The store's schema, created or migrated before anything below starts (hosted services start in order).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StoreInitializer>());

        // The fact path and read APIs, and the timer path.
        services.TryAddSingleton(sp => new InteractionService(sp.GetRequiredService<IInteractionStore>(), sp.GetRequiredService<IOutboxStore>(),
            sp.GetRequiredService<IServicePolicyEvaluator>(), sp.GetService<ILogger<InteractionService>>(), sp.GetRequiredService<HostingMetrics>()));
        services.TryAddSingleton<IInteractionService>(sp => sp.GetRequiredService<InteractionService>());
        // The worker resolves the runtime when it first runs, after start-up validation has reported a missing store.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InteractionTimerWorker>(sp => new InteractionTimerWorker(
            sp.GetRequiredService<InteractionService>, sp.GetRequiredService<IOptionsMonitor<ServicePolicyHostingOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<InteractionTimerWorker>>())));

        // The outbox relay: delivery through the host's channel, claimed under this node's id.
        services.AddOutboxRelay();
    }

    /// <summary>Marks that the runtime's services are registered.</summary>
    private sealed class HostingMarker
    {
    }
}
