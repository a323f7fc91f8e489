// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ServicePolicy.Configuration;

/// <summary>
/// Publishes a new <see cref="IServicePolicyCatalog"/> version each time <see cref="IOptionsMonitor{TOptions}"/>
/// reports valid options, and logs the errors of invalid ones while keeping the last good catalogue.
/// </summary>
internal sealed class ServicePolicyCatalogProvider : IServicePolicyCatalogProvider, IDisposable
{
    private readonly object gate = new();
    private readonly ILogger logger;
    private readonly IDisposable? subscription;
    private ServicePolicyCatalog current;

    public ServicePolicyCatalogProvider(IOptionsMonitor<ServicePolicyOptions> monitor, ServicePolicyConfigurationState state, ILoggerFactory? loggerFactory = null)
    {
        logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServicePolicy.Configuration");
        // Throws OptionsValidationException, listing every error, when the configuration has never been valid.
        ServicePolicyOptions options = monitor.Get(Options.DefaultName);
        // After a failed reload the monitor holds the invalid options: start from the last good content instead.
        CatalogContent content = options.Content ?? state.LastGood ?? throw new InvalidOperationException(
            "The ServicePolicy configuration is invalid: " + string.Join("; ", options.ReloadErrors ?? Array.Empty<string>()));
        current = new ServicePolicyCatalog(1, content);
        ServicePolicyLog.CatalogLoaded(logger, 1, content.Calendars.Count, content.Policies.Count);
        subscription = monitor.OnChange(OnChange);
    }

    public IServicePolicyCatalog Current => Volatile.Read(ref current);

    public void Dispose() => subscription?.Dispose();

    private void OnChange(ServicePolicyOptions options, string? name)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return;
        }
        lock (gate)
        {
            ServicePolicyCatalog last = current;
            if (options.Content is not { } content)
            {
                var errors = options.ReloadErrors ?? Array.Empty<string>();
                ServicePolicyLog.ReloadRejected(logger, errors.Count, last.Version);
                foreach (string error in errors)
                {
                    ServicePolicyLog.ConfigurationError(logger, error);
                }
                return;
            }
            if (ReferenceEquals(content, last.Content))
            {
                return;
            }
            var next = new ServicePolicyCatalog(last.Version + 1, content);
            Volatile.Write(ref current, next);
            ServicePolicyLog.CatalogLoaded(logger, next.Version, content.Calendars.Count, content.Policies.Count);
        }
    }
}
