// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Extensions;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures the hosting runtime inside <c>services.AddServicePolicyHosting(h =&gt; ...)</c>: the store, and options
/// beyond the configuration section <c>ServicePolicy:Hosting</c> that is bound by default. Database stores add their
/// own methods to this builder from their packages.
/// </summary>
/// <remarks>Mutable; used during registration only.</remarks>
[Mutable]
public sealed class ServicePolicyHostingBuilder
{
    internal ServicePolicyHostingBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection, for store packages that register their services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers the in-memory store (<see cref="InMemoryInteractionStore"/>) as the
    /// <see cref="IInteractionStore"/> and <see cref="IOutboxStore"/>: for tests and for a single process that can
    /// afford to forget everything when it stops. Its clock is the container's <see cref="IClock"/> (from its
    /// <see cref="TimeProvider"/> when there is none).</summary>
    /// <returns>This builder.</returns>
    public ServicePolicyHostingBuilder UseInMemoryStore()
    {
        Services.TryAddSingleton(TimeProvider.System);
        Services.TryAddSingleton<IClock>(sp => sp.GetRequiredService<TimeProvider>().ToClock());
        Services.TryAddSingleton(sp => new InMemoryInteractionStore(sp.GetRequiredService<IClock>()));
        Services.TryAddSingleton<IInteractionStore>(sp => sp.GetRequiredService<InMemoryInteractionStore>());
        Services.TryAddSingleton<IOutboxStore>(sp => sp.GetRequiredService<InMemoryInteractionStore>());
        return this;
    }

    /// <summary>Registers the channel the outbox relay delivers escalations and remedies through, as a singleton
    /// (replacing a channel registered before).</summary>
    /// <typeparam name="TChannel">The channel type; it must be thread-safe (the relay delivers several entries at
    /// once) and should drop a key it has already delivered (<see cref="IOutboxChannel"/>).</typeparam>
    /// <returns>This builder.</returns>
    public ServicePolicyHostingBuilder UseChannel<TChannel>()
        where TChannel : class, IOutboxChannel
    {
        Services.RemoveAll<IOutboxChannel>();
        Services.AddSingleton<IOutboxChannel, TChannel>();
        return this;
    }

    /// <summary>Registers a channel instance the outbox relay delivers escalations and remedies through (replacing a
    /// channel registered before).</summary>
    /// <param name="channel">The channel; it must be thread-safe and should drop a key it has already delivered.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    public ServicePolicyHostingBuilder UseChannel(IOutboxChannel channel)
    {
        Preconditions.CheckNotNull(channel);
        Services.RemoveAll<IOutboxChannel>();
        Services.AddSingleton(channel);
        return this;
    }

    /// <summary>Binds options from a configuration section, after the default section <c>ServicePolicy:Hosting</c>
    /// (so its values win).</summary>
    /// <param name="section">The section, laid out as <see cref="ServicePolicyHostingOptions"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is null.</exception>
    public ServicePolicyHostingBuilder Configure(IConfiguration section)
    {
        Preconditions.CheckNotNull(section);
        Services.AddOptions<ServicePolicyHostingOptions>().Bind(section);
        return this;
    }

    /// <summary>Sets options in code, after the configuration sections (so its values win).</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public ServicePolicyHostingBuilder Configure(Action<ServicePolicyHostingOptions> configure)
    {
        Preconditions.CheckNotNull(configure);
        Services.AddOptions<ServicePolicyHostingOptions>().Configure(configure);
        return this;
    }
}
