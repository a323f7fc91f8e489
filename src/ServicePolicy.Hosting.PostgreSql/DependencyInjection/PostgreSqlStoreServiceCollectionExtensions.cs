// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServicePolicy.Hosting.PostgreSql;
using ServicePolicy.Hosting.PostgreSql.Internal;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

// In Microsoft.Extensions.DependencyInjection, as every Microsoft.Extensions package puts its Add* methods.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store of ServicePolicy.Hosting.</summary>
/// <remarks>
/// Both overloads register one <see cref="PostgreSqlInteractionStore"/> singleton as <see cref="IInteractionStore"/> and
/// <see cref="IOutboxStore"/> (replacing any store registered before), and <see cref="PostgreSqlStoreOptions"/> validated
/// when the host starts (<c>ValidateOnStart</c>): a missing connection string or a bad schema name stops the host with
/// the configuration path of each error. The schema is created or migrated by
/// <see cref="IInteractionStore.InitializeAsync"/>, which the hosting runtime calls at start.
/// </remarks>
public static class PostgreSqlStoreServiceCollectionExtensions
{
    /// <summary>Adds the PostgreSQL store, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="PostgreSqlStoreOptions.ConnectionString"/>).</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicyPostgreSqlStore(this IServiceCollection services, Action<PostgreSqlStoreOptions> configure)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configure);
        services.AddOptions<PostgreSqlStoreOptions>().Configure(configure);
        return AddStore(services);
    }

    /// <summary>Adds the PostgreSQL store, configured by the section <c>ServicePolicy:Hosting:PostgreSql</c>
    /// (<see cref="PostgreSqlStoreOptions.SectionName"/>) of the application's configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration (the root, not the section).</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicyPostgreSqlStore(this IServiceCollection services, IConfiguration configuration)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configuration);
        services.AddOptions<PostgreSqlStoreOptions>().Bind(configuration.GetSection(PostgreSqlStoreOptions.SectionName));
        return AddStore(services);
    }

    private static IServiceCollection AddStore(IServiceCollection services)
    {
        services.AddOptions<PostgreSqlStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.TryAddSingleton(provider => new PostgreSqlInteractionStore(provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(provider => provider.GetRequiredService<PostgreSqlInteractionStore>()));
        services.Replace(ServiceDescriptor.Singleton<IOutboxStore>(provider => provider.GetRequiredService<PostgreSqlInteractionStore>()));
        return services;
    }
}
