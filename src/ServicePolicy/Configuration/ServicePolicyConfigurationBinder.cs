// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ServicePolicy.Configuration;

/// <summary>
/// Binds a configuration section onto <see cref="ServicePolicyOptions"/> as a configure action: it reads every key with
/// <see cref="ConfigurationKeyWalker"/>, so that unknown keys and unconvertible values are reported (on
/// <see cref="ServicePolicyOptions.ConfigurationErrors"/>, for the validator) with their paths instead of being ignored or
/// stopping at the first, and merges the section into what other sections and code already added.
/// </summary>
internal static class ServicePolicyConfigurationBinder
{
    /// <summary>The child section the hosting runtime (package ServicePolicy.Hosting) reads its options from, beside the
    /// policies: <c>ServicePolicy:Hosting</c>. This binder leaves it alone rather than report it as unknown.</summary>
    internal const string HostingSection = "Hosting";

    /// <summary>Binds a section into fresh options and merges them in, reporting unknown keys, unconvertible values
    /// and names defined by more than one source, each with its path.</summary>
    internal static void MergeFrom(ServicePolicyOptions options, IConfiguration configuration)
    {
        string path = (configuration as IConfigurationSection)?.Path ?? string.Empty;
        options.SectionPath = path;
        var errors = new List<string>();
        var bound = new ServicePolicyOptions();
        var properties = new[]
        {
            nameof(ServicePolicyOptions.Calendars), nameof(ServicePolicyOptions.Policies), nameof(ServicePolicyOptions.PolicySet),
            nameof(ServicePolicyOptions.EscalationChains), nameof(ServicePolicyOptions.Rotas), nameof(ServicePolicyOptions.AllowVersionDecrease),
            nameof(ServicePolicyOptions.PauseReasons),
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
                case nameof(ServicePolicyOptions.PauseReasons):
                    ConfigurationKeyWalker.Bind(child, bound.PauseReasons.GetType(), bound.PauseReasons, errors);
                    break;
                case nameof(ServicePolicyOptions.AllowVersionDecrease):
                    bound.AllowVersionDecrease = ConfigurationKeyWalker.Bind(child, typeof(bool), null, errors) is true;
                    break;
                case null when string.Equals(child.Key, HostingSection, StringComparison.OrdinalIgnoreCase):
                    // ServicePolicy:Hosting belongs to the ServicePolicy.Hosting package, which binds and validates it.
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
        // Reasons declared by several sources add up; one declared twice is reported when the catalogue is built.
        options.PauseReasons.AddRange(bound.PauseReasons);
        // Any source that opts in opts in: one section or a configure action can allow a rollback for all.
        options.AllowVersionDecrease |= bound.AllowVersionDecrease;
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
}
