// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using ServicePolicy.Catalog;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Telemetry;

// In Microsoft.Extensions.DependencyInjection, as every Microsoft.Extensions package puts its Add* methods, so that
// AddServicePolicy shows up wherever IServiceCollection does.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ServicePolicy's configured calendars, policies, escalation chains and rotas in a service collection.</summary>
/// <remarks>
/// <para>Every overload registers, with <c>TryAdd</c> so that calling them more than once is safe:
/// <see cref="IServicePolicyCatalogProvider"/> (singleton), <see cref="ServicePolicyOptions"/> with a validator that checks
/// options of every name, and a clock. For each configuration name, once: start-up validation (<c>ValidateOnStart</c>:
/// a host that starts builds the catalogue, and stops with every error if the configuration is invalid), and the
/// catalogue and evaluator of that name. The default configuration's are plain services:
/// <see cref="IServicePolicyCatalog"/> (transient: the current catalogue at resolution time; singletons should take the
/// provider instead) and <see cref="IServicePolicyEvaluator"/> (singleton). A named configuration's are keyed services
/// under its name, and <see cref="IServicePolicyCatalogProvider.Get"/> returns its catalogue. The host registers its
/// <see cref="IEscalationDirectory"/> itself, before or after these calls.</para>
/// <para>The clock: the library never reads the wall clock itself. The evaluator uses the <see cref="IClock"/> registered
/// in the container; when there is none, one adapted from the container's <see cref="TimeProvider"/>
/// (<c>TimeProvider.ToClock()</c>), and when there is no <see cref="TimeProvider"/> either,
/// <see cref="TimeProvider.System"/>. Tests register a <c>FakeClock</c> or a <c>FakeTimeProvider</c>.</para>
/// </remarks>
public static class ServicePolicyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the calendars, policies, escalation chains and rotas of a configuration section, usually
    /// <c>configuration.GetSection("ServicePolicy")</c>, as the default configuration; see <c>docs/configuration.md</c>.
    /// The section is validated at start-up and reloaded when it changes. A policy that names an escalation chain needs an
    /// <see cref="IEscalationDirectory"/> registered in the container (validation fails without one); the evaluator
    /// passes it, with the catalogue's chains, to every evaluation.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicy(this IServiceCollection services, IConfiguration configuration)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configuration);
        return AddServicePolicy(services, Options.Options.DefaultName, configuration);
    }

    /// <summary>
    /// Adds the calendars, policies, escalation chains and rotas of a configuration section as a named configuration,
    /// beside the default one or instead of it (one desk per region, say). It is validated at start-up and reloaded
    /// when it changes, as the default configuration is; its catalogue is
    /// <see cref="IServicePolicyCatalogProvider.Get"/>(<paramref name="name"/>), and its catalogue and evaluator are
    /// keyed services under <paramref name="name"/>
    /// (<c>GetRequiredKeyedService&lt;IServicePolicyEvaluator&gt;(name)</c>, <c>[FromKeyedServices(name)]</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The configuration's name (ordinal); <see cref="Options.Options.DefaultName"/> (the empty string)
    /// is the default configuration.</param>
    /// <param name="configuration">The section to bind. Several sections may be added under one name; their names
    /// must not collide.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicy(this IServiceCollection services, string name, IConfiguration configuration)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(name);
        Preconditions.CheckNotNull(configuration);
        AddName(services, name);
        if (services.Any(d => d.ServiceType == typeof(ConfigurationSourceMarker) && !d.IsKeyedService
            && d.ImplementationInstance is ConfigurationSourceMarker marker
            && marker.Name == name && ReferenceEquals(marker.Configuration, configuration)))
        {
            return services;
        }
        services.AddSingleton(new ConfigurationSourceMarker(name, configuration));
        services.AddSingleton<IConfigureOptions<ServicePolicyOptions>>(
            new ConfigureNamedOptions<ServicePolicyOptions>(name, options => ServicePolicyConfigurationBinder.MergeFrom(options, configuration)));
        services.AddSingleton<IOptionsChangeTokenSource<ServicePolicyOptions>>(
            new ConfigurationChangeTokenSource<ServicePolicyOptions>(name, configuration));
        return services;
    }

    /// <summary>Adds calendars, policies, escalation chains and rotas described in code, as the default configuration;
    /// see <see cref="ServicePolicyBuilder"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Describes the calendars and policies.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicy(this IServiceCollection services, Action<ServicePolicyBuilder> configure)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configure);
        return AddServicePolicy(services, Options.Options.DefaultName, configure);
    }

    /// <summary>Adds calendars, policies, escalation chains and rotas described in code to a named configuration; see
    /// <see cref="AddServicePolicy(IServiceCollection, string, IConfiguration)"/> for how named configurations are
    /// served, and <see cref="ServicePolicyBuilder"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The configuration's name (ordinal); <see cref="Options.Options.DefaultName"/> (the empty string)
    /// is the default configuration.</param>
    /// <param name="configure">Describes the calendars and policies.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicy(this IServiceCollection services, string name, Action<ServicePolicyBuilder> configure)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(name);
        Preconditions.CheckNotNull(configure);
        AddName(services, name);
        var builder = new ServicePolicyBuilder();
        configure(builder);
        services.AddSingleton<IConfigureOptions<ServicePolicyOptions>>(new ConfigureNamedOptions<ServicePolicyOptions>(name, builder.ApplyTo));
        return services;
    }

    /// <summary>Registers the services every configuration shares, once.</summary>
    private static void AddCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CoreMarker)))
        {
            return;
        }
        services.AddSingleton<CoreMarker>();
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServicePolicyOptions>, ServicePolicyOptionsValidator>());
        services.TryAddSingleton<IServicePolicyCatalogProvider, ServicePolicyCatalogProvider>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => sp.GetRequiredService<TimeProvider>().ToClock());
        // The evaluators' instruments: on the container's meter factory when it has one (docs/telemetry.md).
        services.TryAddSingleton(sp => EvaluationMetrics.For(sp.GetService<IMeterFactory>()));
    }

    /// <summary>Registers a configuration name, once: start-up validation, and its catalogue and evaluator.</summary>
    private static void AddName(IServiceCollection services, string name)
    {
        AddCore(services);
        if (services.Any(d => d.ServiceType == typeof(ServicePolicyCatalogRegistration) && !d.IsKeyedService
            && d.ImplementationInstance is ServicePolicyCatalogRegistration registration && registration.Name == name))
        {
            return;
        }
        services.AddSingleton(new ServicePolicyCatalogRegistration(name));
        // Start-up validation that also builds the catalogue the provider keeps: when the host starts, the provider
        // creates the options (the validator runs) and builds; invalid options stop the host with the validator's
        // OptionsValidationException. Validating ServicePolicyOptions through IOptionsMonitor instead would leave a
        // monitor whose change callback throws on every invalid reload.
        services.AddOptions<CatalogStartup>(name)
            .Configure<IServicePolicyCatalogProvider>((_, provider) => provider.Get(name))
            .ValidateOnStart();
        if (name.Length == 0)
        {
            services.TryAddTransient(sp => sp.GetRequiredService<IServicePolicyCatalogProvider>().Current);
            services.TryAddSingleton<IServicePolicyEvaluator>(sp => CreateEvaluator(sp, name));
        }
        else
        {
            services.TryAddKeyedTransient<IServicePolicyCatalog>(name, (sp, _) => sp.GetRequiredService<IServicePolicyCatalogProvider>().Get(name));
            services.TryAddKeyedSingleton<IServicePolicyEvaluator>(name, (sp, _) => CreateEvaluator(sp, name));
        }
    }

    private static ServicePolicyEvaluator CreateEvaluator(IServiceProvider services, string name) => new(
        services.GetRequiredService<IServicePolicyCatalogProvider>(), name, services.GetRequiredService<IClock>(), services.GetService<IEscalationDirectory>(),
        services.GetRequiredService<EvaluationMetrics>());

    /// <summary>Marks that the core services are registered.</summary>
    private sealed class CoreMarker
    {
    }

    /// <summary>The options that start-up validation creates for each configuration name: creating them builds that
    /// configuration's catalogue (see <see cref="AddName"/>). They hold nothing.</summary>
    private sealed class CatalogStartup
    {
    }

    /// <summary>Marks a configuration section that is already bound under a name, so that adding it again does nothing.</summary>
    private sealed class ConfigurationSourceMarker
    {
        internal ConfigurationSourceMarker(string name, IConfiguration configuration)
        {
            Name = name;
            Configuration = configuration;
        }

        internal string Name { get; }

        internal IConfiguration Configuration { get; }
    }
}
