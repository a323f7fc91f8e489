// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Catalog;

/// <summary>
/// Builds each registered configuration's catalogue from validated options, keeps the last good one, and publishes a new
/// version when the configuration changes and the new options are valid.
/// </summary>
/// <remarks>
/// <para>It deliberately does not use <see cref="IOptionsMonitor{TOptions}"/>: the monitor re-creates the options inside
/// the configuration's change callback (<c>OptionsMonitor.InvokeChanged</c> calls <c>Get(name)</c>), so options that
/// fail validation make that callback throw, which <c>IConfigurationRoot.Reload()</c> rethrows to its caller, and the
/// monitor then throws on every read until the configuration is fixed. Instead the provider subscribes to the same
/// <see cref="IOptionsChangeTokenSource{TOptions}"/>s and creates the options with <see cref="IOptionsFactory{TOptions}"/>
/// (which runs the validators) inside a try/catch: a reload that fails is logged and the last good catalogue stays.</para>
/// <para>A valid reload that would take a policy or escalation chain back to a lower version than one already published
/// under the name is refused the same way, unless the new options set <see cref="ServicePolicyOptions.AllowVersionDecrease"/>;
/// one that changes a policy's or chain's settings but not its version is published with a warning
/// (<see cref="CatalogVersionGuard"/>).</para>
/// <para>Thread-safe: each configuration name has its own lock, taken to build; reads are lock-free.</para>
/// </remarks>
internal sealed class ServicePolicyCatalogProvider : IServicePolicyCatalogProvider, IDisposable
{
    private readonly IOptionsFactory<ServicePolicyOptions> factory;
    private readonly bool hasEscalationDirectory;
    private readonly ILogger logger;
    private readonly Dictionary<string, Slot> slots;
    private readonly List<IDisposable> subscriptions = new();

    /// <summary>Creates the provider and subscribes to the configuration's change notifications.</summary>
    /// <param name="factory">Creates and validates options by name.</param>
    /// <param name="registrations">The configuration names registered with <c>AddServicePolicy</c>.</param>
    /// <param name="sources">The change notifications of the bound configuration sections.</param>
    /// <param name="isService">Tells whether the container has an <see cref="IEscalationDirectory"/>; null assumes it has.</param>
    /// <param name="loggerFactory">The logger factory; none logs nothing.</param>
    public ServicePolicyCatalogProvider(
        IOptionsFactory<ServicePolicyOptions> factory,
        IEnumerable<ServicePolicyCatalogRegistration> registrations,
        IEnumerable<IOptionsChangeTokenSource<ServicePolicyOptions>> sources,
        IServiceProviderIsService? isService = null,
        ILoggerFactory? loggerFactory = null)
    {
        this.factory = factory;
        hasEscalationDirectory = isService?.IsService(typeof(IEscalationDirectory)) ?? true;
        logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServicePolicy.Catalog");
        slots = registrations.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => new Slot(n), StringComparer.Ordinal);
        foreach (IOptionsChangeTokenSource<ServicePolicyOptions> source in sources)
        {
            // A source without a name speaks for the default options, as in OptionsMonitor.
            if (slots.TryGetValue(source.Name ?? Options.DefaultName, out Slot? slot))
            {
                subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, OnChange, slot));
            }
        }
    }

    public IServicePolicyCatalog Current => Get(Options.DefaultName);

    public IServicePolicyCatalog Get(string name)
    {
        Preconditions.CheckNotNull(name);
        if (!slots.TryGetValue(name, out Slot? slot))
        {
            throw UnknownName(name);
        }
        if (Volatile.Read(ref slot.Current) is { } current)
        {
            return current;
        }
        lock (slot)
        {
            if (slot.Current is { } loaded)
            {
                return loaded;
            }
            // Throws OptionsValidationException, listing every error, when the configuration is invalid.
            (ServicePolicyCatalog first, ServicePolicyOptions options) = Build(slot.Name, 1);
            slot.Versions.Accept(CatalogVersionGuard.Items(first, options));
            Volatile.Write(ref slot.Current, first);
            Loaded(slot.Name, first);
            return first;
        }
    }

    public void Dispose()
    {
        foreach (IDisposable subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }

    /// <summary>Creates the options (the factory runs every validator) and builds the catalogue from them.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    private (ServicePolicyCatalog Catalog, ServicePolicyOptions Options) Build(string name, long version)
    {
        ServicePolicyOptions options = factory.Create(name);
        // The validator has passed these options; building again keeps validation free of side effects. Should the
        // validator have been removed, or an .ics file have changed in between, the errors are reported the same way.
        (CatalogContent? content, IReadOnlyList<string> errors) = CatalogBuilder.Build(options, hasEscalationDirectory);
        return content is null
            ? throw new OptionsValidationException(name, typeof(ServicePolicyOptions), errors)
            : (new ServicePolicyCatalog(version, content, options.SectionPath), options);
    }

    /// <summary>Rebuilds a configuration's catalogue after its configuration changed. Never throws: it runs inside the
    /// configuration's change callback.</summary>
    private void OnChange(Slot slot)
    {
        lock (slot)
        {
            if (slot.Current is not { } last)
            {
                return; // Never built: the first Get builds from the configuration as it is then.
            }
            string display = ServicePolicyLog.DisplayName(slot.Name);
            ServicePolicyCatalog next;
            ServicePolicyOptions options;
            try
            {
                (next, options) = Build(slot.Name, last.Version + 1);
            }
            catch (OptionsValidationException e)
            {
                var failures = e.Failures.ToList();
                ServicePolicyLog.ReloadRejected(logger, display, failures.Count, last.Version);
                foreach (string failure in failures)
                {
                    ServicePolicyLog.ConfigurationError(logger, display, failure);
                }
                return;
            }
#pragma warning disable CA1031 // A configure action may throw anything; the change callback must not, and the last good catalogue stays.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ServicePolicyLog.ReloadFailed(logger, display, last.Version, e);
                return;
            }
            var items = CatalogVersionGuard.Items(next, options);
            IReadOnlyList<CatalogVersionGuard.VersionChange> decreases = slot.Versions.Decreases(items);
            foreach (CatalogVersionGuard.VersionChange decrease in decreases)
            {
                if (options.AllowVersionDecrease)
                {
                    ServicePolicyLog.VersionDecreaseAllowed(logger, display, decrease.What, decrease.Name, decrease.From, decrease.To);
                }
                else
                {
                    ServicePolicyLog.VersionDecreaseRefused(logger, display, decrease.What, decrease.Name, decrease.From, decrease.To, last.Version);
                }
            }
            if (decreases.Count > 0 && !options.AllowVersionDecrease)
            {
                return;
            }
            foreach (CatalogVersionGuard.VersionChange changed in slot.Versions.ChangedWithoutNewVersion(items))
            {
                ServicePolicyLog.ChangedWithoutNewVersion(logger, display, changed.What, changed.Name, changed.To);
            }
            slot.Versions.Accept(items);
            Volatile.Write(ref slot.Current, next);
            Loaded(slot.Name, next);
        }
    }

    private void Loaded(string name, ServicePolicyCatalog catalog) =>
        ServicePolicyLog.CatalogLoaded(logger, ServicePolicyLog.DisplayName(name), catalog.Version, catalog.Calendars.Count, catalog.Policies.Count);

    private KeyNotFoundException UnknownName(string name)
    {
        string registered = slots.Count == 0
            ? "none is registered"
            : "registered: " + string.Join(", ", slots.Keys.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));
        string hint = name.Length == 0
            ? "add one with services.AddServicePolicy(configuration.GetSection(\"ServicePolicy\"))"
            : $"add it with services.AddServicePolicy(\"{name}\", configuration.GetSection(...))";
        return new KeyNotFoundException($"No ServicePolicy configuration is registered under the name '{name}' ({registered}); {hint}.");
    }

    /// <summary>The catalogue of one configuration name, and the lock taken to build it.</summary>
    private sealed class Slot
    {
        internal ServicePolicyCatalog? Current;

        internal Slot(string name)
        {
            Name = name;
        }

        internal string Name { get; }

        /// <summary>Gets the versions published under this name, checked on each reload.</summary>
        internal CatalogVersionGuard Versions { get; } = new();
    }
}
