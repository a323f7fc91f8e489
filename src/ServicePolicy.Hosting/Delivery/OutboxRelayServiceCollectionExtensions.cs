// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>Registers the outbox relay; called by <c>AddServicePolicyHosting</c>.</summary>
internal static class OutboxRelayServiceCollectionExtensions
{
    /// <summary>Registers, once however often it is called: <see cref="OutboxRelayOptions"/> bound from the
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
        Preconditions.CheckNotNull(services);
        if (services.Any(d => d.ServiceType == typeof(OutboxRelayMarker)))
        {
            return services;
        }
        services.AddSingleton<OutboxRelayMarker>();
        services.AddOptions<OutboxRelayOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(OutboxRelayOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxRelayOptions>, OutboxRelayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(provider => provider.GetRequiredService<TimeProvider>().ToClock());
        services.TryAddSingleton(provider => new OutboxRelay(
            provider.GetRequiredService<IOutboxStore>(),
            provider.GetRequiredService<IOutboxChannel>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<OutboxRelayOptions>>().Value,
            provider.GetService<ILogger<OutboxRelay>>()));
        services.AddHostedService<OutboxRelayService>();
        return services;
    }

    /// <summary>Marks that the relay is registered.</summary>
    private sealed class OutboxRelayMarker
    {
    }
}
