// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePolicy.Catalog;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>
/// Validates <see cref="ServicePolicyOptions"/> of every name: every error, each with its configuration path, in one
/// failed result (and so in one <see cref="OptionsValidationException"/>).
/// </summary>
/// <remarks>
/// <para>It reports and does nothing else: to find every error it builds a catalogue, as the
/// <see cref="ServicePolicyCatalogProvider"/> will, and throws the result away; it never keeps, caches, writes onto the
/// options or publishes anything, so validating the same options twice, or invalid options and then valid ones, gives
/// the same answers and leaves no trace. Building and keeping the last good catalogue is the provider's job.</para>
/// <para>Building reads <c>.ics</c> holiday files, so validation does that I/O (read only).</para>
/// <para>Thread-safe.</para>
/// </remarks>
internal sealed class ServicePolicyOptionsValidator : IValidateOptions<ServicePolicyOptions>
{
    private readonly bool hasEscalationDirectory;

    /// <summary>Creates the validator.</summary>
    /// <param name="isService">Tells whether the container has an <see cref="IEscalationDirectory"/>, which policies
    /// that name an escalation chain need; null (a container that cannot tell) assumes it has one.</param>
    public ServicePolicyOptionsValidator(IServiceProviderIsService? isService = null)
    {
        hasEscalationDirectory = isService?.IsService(typeof(IEscalationDirectory)) ?? true;
    }

    /// <summary>Validates options of any name.</summary>
    /// <param name="name">The options name; every name is validated, the default one and named ones alike.</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every error as <c>path: message</c>.</returns>
    public ValidateOptionsResult Validate(string? name, ServicePolicyOptions options)
    {
        Preconditions.CheckNotNull(options);
        IReadOnlyList<string> errors = CatalogBuilder.Build(options, hasEscalationDirectory).Errors;
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
