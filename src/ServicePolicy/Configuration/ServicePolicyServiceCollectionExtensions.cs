// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>Registers ServicePolicy's configured calendars, policies and escalation chains in a service collection.</summary>
/// <remarks>
/// <para>Both overloads register the same services, with <c>TryAdd</c> so that calling them more than once (or both)
/// is safe: <see cref="IServicePolicyCatalogProvider"/> (singleton), <see cref="IServicePolicyCatalog"/> (transient: the
/// current catalogue at resolution time; singletons should take the provider instead), <see cref="IServicePolicyEvaluator"/>
/// (singleton), <see cref="ServicePolicyOptions"/> with its validator and <c>ValidateOnStart</c>, and a clock. The
/// host registers its <see cref="Escalation.IEscalationDirectory"/> itself, before or after these calls.</para>
/// <para>The clock: the library never reads the wall clock itself. The evaluator uses the <see cref="IClock"/> registered
/// in the container; when there is none, one adapted from the container's <see cref="TimeProvider"/>
/// (<c>TimeProvider.ToClock()</c>), and when there is no <see cref="TimeProvider"/> either,
/// <see cref="TimeProvider.System"/>. Tests register a <c>FakeClock</c> or a <c>FakeTimeProvider</c>.</para>
/// </remarks>
public static class ServicePolicyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the calendars, policies, escalation chains and rotas of a configuration section, usually
    /// <c>configuration.GetSection("ServicePolicy")</c>; see <c>docs/configuration.md</c>. The section is validated at
    /// start-up and reloaded when it changes. A policy that names an escalation chain needs an
    /// <see cref="Escalation.IEscalationDirectory"/> registered in the container (validation fails without one); the
    /// evaluator passes it, with the catalogue's chains, to every evaluation.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicy(this IServiceCollection services, IConfiguration configuration)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configuration);
        AddCore(services);
        if (services.Any(d => d.ServiceType == typeof(ConfigurationSourceMarker)
            && d.ImplementationInstance is ConfigurationSourceMarker marker && ReferenceEquals(marker.Configuration, configuration)))
        {
            return services;
        }
        services.AddSingleton(new ConfigurationSourceMarker(configuration));
        services.AddSingleton<IConfigureOptions<ServicePolicyOptions>>(
            new ConfigureNamedOptions<ServicePolicyOptions>(Options.DefaultName, options => MergeFrom(options, configuration)));
        services.AddSingleton<IOptionsChangeTokenSource<ServicePolicyOptions>>(
            new ConfigurationChangeTokenSource<ServicePolicyOptions>(Options.DefaultName, configuration));
        return services;
    }

    /// <summary>Adds calendars, policies, escalation chains and rotas described in code; see <see cref="ServicePolicyBuilder"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Describes the calendars and policies.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicy(this IServiceCollection services, Action<ServicePolicyBuilder> configure)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configure);
        AddCore(services);
        var builder = new ServicePolicyBuilder();
        configure(builder);
        services.AddSingleton<IConfigureOptions<ServicePolicyOptions>>(
            new ConfigureNamedOptions<ServicePolicyOptions>(Options.DefaultName, builder.ApplyTo));
        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CoreMarker)))
        {
            return;
        }
        services.AddSingleton<CoreMarker>();
        services.AddOptions<ServicePolicyOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServicePolicyOptions>, ServicePolicyOptionsValidator>());
        services.TryAddSingleton<ServicePolicyConfigurationState>();
        services.TryAddSingleton<IServicePolicyCatalogProvider, ServicePolicyCatalogProvider>();
        services.TryAddTransient(sp => sp.GetRequiredService<IServicePolicyCatalogProvider>().Current);
        services.TryAddSingleton<IServicePolicyEvaluator, ServicePolicyEvaluator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => sp.GetRequiredService<TimeProvider>().ToClock());
    }

    /// <summary>Binds a section into fresh options and merges them in, reporting unknown keys, unconvertible values
    /// and names defined by more than one source, each with its path.</summary>
    private static void MergeFrom(ServicePolicyOptions options, IConfiguration configuration)
    {
        string path = (configuration as IConfigurationSection)?.Path ?? string.Empty;
        options.SectionPath = path;
        var errors = new List<string>();
        var bound = new ServicePolicyOptions();
        var properties = new[]
        {
            nameof(ServicePolicyOptions.Calendars), nameof(ServicePolicyOptions.Policies), nameof(ServicePolicyOptions.PolicySet),
            nameof(ServicePolicyOptions.EscalationChains), nameof(ServicePolicyOptions.Rotas),
        };
        foreach (IConfigurationSection child in configuration.GetChildren())
        {
            string? property = properties.FirstOrDefault(p => string.Equals(p, child.Key, StringComparison.OrdinalIgnoreCase));
            switch (property)
            {
                case nameof(ServicePolicyOptions.Calendars):
                    ConfigurationKeyWalker.Bind(child, bound.Calendars.GetType(), bound.Calendars, errors);
                    break;
                case nameof(ServicePolicyOptions.Policies):
                    ConfigurationKeyWalker.Bind(child, bound.Policies.GetType(), bound.Policies, errors);
                    break;
                case nameof(ServicePolicyOptions.PolicySet):
                    bound.PolicySet = (PolicySetOptions?)ConfigurationKeyWalker.Bind(child, typeof(PolicySetOptions), null, errors);
                    break;
                case nameof(ServicePolicyOptions.EscalationChains):
                    ConfigurationKeyWalker.Bind(child, bound.EscalationChains.GetType(), bound.EscalationChains, errors);
                    break;
                case nameof(ServicePolicyOptions.Rotas):
                    ConfigurationKeyWalker.Bind(child, bound.Rotas.GetType(), bound.Rotas, errors);
                    break;
                default:
                    errors.Add($"{child.Path}: unknown setting '{child.Key}'{NameSuggestions.DidYouMean(child.Key, properties)}; expected one of {string.Join(", ", properties)}");
                    break;
            }
        }
        options.ConfigurationErrors.AddRange(errors);
        Merge(options, options.Calendars, bound.Calendars, path, "Calendars", "calendar");
        Merge(options, options.Policies, bound.Policies, path, "Policies", "policy");
        Merge(options, options.EscalationChains, bound.EscalationChains, path, "EscalationChains", "escalation chain");
        Merge(options, options.Rotas, bound.Rotas, path, "Rotas", "rota");
        if (bound.PolicySet is not null)
        {
            if (options.PolicySet is not null)
            {
                options.ConfigurationErrors.Add($"{path}:PolicySet: the policy set is defined more than once");
            }
            options.PolicySet = bound.PolicySet;
        }
    }

    private static void Merge<T>(ServicePolicyOptions options, Dictionary<string, T> into, Dictionary<string, T> from, string path, string section, string what)
    {
        foreach ((string name, T value) in from)
        {
            if (!into.TryAdd(name, value))
            {
                options.ConfigurationErrors.Add($"{path}:{section}:{name}: {what} '{name}' is defined more than once");
            }
        }
    }

    /// <summary>Marks that the core services are registered.</summary>
    private sealed class CoreMarker
    {
    }

    /// <summary>Marks a configuration section that is already bound, so that adding it again does nothing.</summary>
    private sealed class ConfigurationSourceMarker
    {
        internal ConfigurationSourceMarker(IConfiguration configuration)
        {
            Configuration = configuration;
        }

        internal IConfiguration Configuration { get; }
    }
}
