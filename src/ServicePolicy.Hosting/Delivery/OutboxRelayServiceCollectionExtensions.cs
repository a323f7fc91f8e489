// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Telemetry;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>Registers the outbox relay; called by <c>AddServicePolicyHosting</c>.</summary>
internal static class OutboxRelayServiceCollectionExtensions
{
    /// <summary>Registers (calling it again adds nothing: every registration is idempotent): <see cref="OutboxRelayOptions"/> bound from the
    /// configuration section <see cref="OutboxRelayOptions.SectionName"/> (when the container has an
    /// <see cref="IConfiguration"/>) and validated at start (<c>ValidateOnStart</c>, every error with its configuration
    /// path), the <see cref="OutboxRelay"/> (singleton), and the <see cref="OutboxRelayService"/> that runs it. The host
    /// registers its <see cref="IOutboxStore"/> and <see cref="IOutboxChannel"/>; the clock is the container's
    /// <see cref="IClock"/>, else one over its <see cref="TimeProvider"/>, else <see cref="TimeProvider.System"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    internal static IServiceCollection AddOutboxRelay(this IServiceCollection services)
    {
        // Binding twice, or adding start-up validation twice, changes nothing; the rest is TryAdd.
        services.AddOptions<OutboxRelayOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(OutboxRelayOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxRelayOptions>, OutboxRelayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(provider => provider.GetRequiredService<TimeProvider>().ToClock());
        // The runtime's instruments: on the container's meter factory when it has one (docs/telemetry.md).
        services.TryAddSingleton(provider => HostingMetrics.For(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton(provider => new OutboxRelay(
            provider.GetRequiredService<IOutboxStore>(),
            provider.GetRequiredService<IOutboxChannel>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<OutboxRelayOptions>>().Value,
            provider.GetService<ILogger<OutboxRelay>>(),
            provider.GetService<IOptions<ServicePolicyHostingOptions>>()?.Value.NodeId,
            randomizer: null,
            provider.GetRequiredService<HostingMetrics>()));
        // AddHostedService adds with TryAddEnumerable: once.
        services.AddHostedService<OutboxRelayService>();
        return services;
    }
}
