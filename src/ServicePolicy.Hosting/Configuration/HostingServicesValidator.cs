// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePolicy.Catalog;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Configuration;

/// <summary>Checks at start-up that the services the runtime needs are registered, and says which call adds each one
/// that is missing. Reports only: it asks the container whether a service is registered, never builds one.</summary>
internal sealed class HostingServicesValidator : IValidateOptions<ServicePolicyHostingOptions>
{
    private readonly IServiceProviderIsService services;

    public HostingServicesValidator(IServiceProviderIsService services)
    {
        this.services = services;
    }

    public ValidateOptionsResult Validate(string? name, ServicePolicyHostingOptions options)
    {
        var errors = new List<string>();
        if (!services.IsService(typeof(IInteractionStore)) || !services.IsService(typeof(IOutboxStore)))
        {
            errors.Add("No ServicePolicy interaction store is registered (IInteractionStore and IOutboxStore). Call " +
                "services.AddServicePolicyHosting(h => h.UseInMemoryStore()) for a single process that may forget everything " +
                "when it stops, or register a database store from the ServicePolicy.Hosting.Sqlite or " +
                "ServicePolicy.Hosting.PostgreSql package.");
        }
        if (!services.IsService(typeof(IServicePolicyEvaluator)))
        {
            errors.Add("No IServicePolicyEvaluator is registered: call services.AddServicePolicy(configuration.GetSection(\"ServicePolicy\")) " +
                "(or AddServicePolicy(p => ...)) so that the runtime can evaluate interactions.");
        }
        if (!services.IsService(typeof(IOutboxChannel)))
        {
            errors.Add("No IOutboxChannel is registered, so the outbox relay has nowhere to deliver escalations and remedies: call " +
                "services.AddServicePolicyHosting(h => h.UseChannel<YourChannel>()) (or register IOutboxChannel yourself).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
