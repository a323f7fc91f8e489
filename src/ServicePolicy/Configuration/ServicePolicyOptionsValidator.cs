// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>
/// Validates <see cref="ServicePolicyOptions"/> by building the catalogue from them: every error, each with its
/// configuration path, in one <see cref="OptionsValidationException"/>.
/// </summary>
/// <remarks>
/// <para>Until a configuration has been valid once, invalid options fail validation, so <c>ValidateOnStart</c> stops
/// the application and the first resolution of the catalogue throws. After that, a reload that fails is not allowed to
/// throw from inside <c>IOptionsMonitor</c>'s change notification (that would take the application down): the
/// validator then records the errors on the options instance and lets it through, and the catalogue provider logs them
/// and keeps the last good catalogue.</para>
/// <para>Thread-safe.</para>
/// </remarks>
internal sealed class ServicePolicyOptionsValidator : IValidateOptions<ServicePolicyOptions>
{
    private readonly ServicePolicyConfigurationState state;
    private readonly bool hasEscalationDirectory;

    /// <summary>Creates the validator.</summary>
    /// <param name="state">The state shared with the catalogue provider.</param>
    /// <param name="isService">Tells whether the container has an <see cref="IEscalationDirectory"/>, which policies
    /// that name an escalation chain need; null (a container that cannot tell) assumes it has one.</param>
    public ServicePolicyOptionsValidator(ServicePolicyConfigurationState state, IServiceProviderIsService? isService = null)
    {
        this.state = state;
        hasEscalationDirectory = isService?.IsService(typeof(IEscalationDirectory)) ?? true;
    }

    public ValidateOptionsResult Validate(string? name, ServicePolicyOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }
        Preconditions.CheckNotNull(options);
        (CatalogContent? content, IReadOnlyList<string> errors) = CatalogBuilder.Build(options, hasEscalationDirectory);
        if (content is not null)
        {
            options.Content = content;
            options.ReloadErrors = null;
            state.LastGood = content;
            return ValidateOptionsResult.Success;
        }
        if (state.LastGood is not null)
        {
            options.Content = null;
            options.ReloadErrors = errors;
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Per-container state shared by the validator and the catalogue provider.</summary>
internal sealed class ServicePolicyConfigurationState
{
    private volatile CatalogContent? lastGood;

    /// <summary>Gets or sets the content of the last valid configuration; null until one has been valid (from then on,
    /// failed reloads are logged, not thrown).</summary>
    internal CatalogContent? LastGood
    {
        get => lastGood;
        set => lastGood = value;
    }
}
