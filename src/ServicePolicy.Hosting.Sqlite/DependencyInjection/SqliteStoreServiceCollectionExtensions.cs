// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Hosting.Sqlite;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

// In Microsoft.Extensions.DependencyInjection, as every Microsoft.Extensions package puts its Add* methods.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store as the hosting runtime's <see cref="IInteractionStore"/> and
/// <see cref="IOutboxStore"/>.</summary>
/// <remarks>
/// <para>Both overloads register one <see cref="SqliteInteractionStore"/> singleton, served as itself, as
/// <see cref="IInteractionStore"/> and as <see cref="IOutboxStore"/> (replacing any store registered before), and
/// <see cref="SqliteStoreOptions"/> with a validator run at start-up (<c>ValidateOnStart</c>): a host with invalid
/// options stops with every error and its configuration path. Calling them again adds the configuration again and
/// registers nothing twice. The container disposes the store.</para>
/// <para>The store's clock is <see cref="SqliteStoreOptions.Clock"/> when set, else the container's
/// <see cref="IClock"/> (AddServicePolicy registers one from the container's <see cref="TimeProvider"/>), else the
/// system clock.</para>
/// </remarks>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>Adds the SQLite store, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicySqliteStore(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configure);
        AddStore(services).Configure(configure);
        return services;
    }

    /// <summary>Adds the SQLite store, configured by a configuration section, usually
    /// <c>configuration.GetSection(SqliteStoreOptions.SectionName)</c> (<c>ServicePolicy:Hosting:Sqlite</c>):
    /// <c>DataSource</c> (a file path) and <c>BusyTimeout</c> (<c>D:hh:mm:ss</c>, such as <c>0:00:00:30</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddServicePolicySqliteStore(this IServiceCollection services, IConfiguration configuration)
    {
        Preconditions.CheckNotNull(services);
        Preconditions.CheckNotNull(configuration);
        AddStore(services).Bind(configuration);
        return services;
    }

    private static OptionsBuilder<SqliteStoreOptions> AddStore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddSingleton(sp => new SqliteInteractionStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetService<IClock>()));
        services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(sp => sp.GetRequiredService<SqliteInteractionStore>()));
        services.Replace(ServiceDescriptor.Singleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteInteractionStore>()));
        return services.AddOptions<SqliteStoreOptions>().ValidateOnStart();
    }
}
