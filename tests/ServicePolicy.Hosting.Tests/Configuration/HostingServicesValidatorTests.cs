// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime.Testing;
using ServicePolicy.Catalog;
using ServicePolicy.Hosting.Configuration;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Configuration;

public class HostingServicesValidatorTests
{
    private const string NoStore = "No ServicePolicy interaction store is registered (IInteractionStore and IOutboxStore).";
    private const string NoEvaluator = "No IServicePolicyEvaluator is registered";
    private const string NoChannel = "No IOutboxChannel is registered";

    /// <summary>Validates with a container holding exactly the services named.</summary>
    private static ValidateOptionsResult Validate(params Type[] registered)
    {
        var services = new ServiceCollection();
        foreach (Type type in registered)
        {
            // Registered by type only: the validator must ask whether a service is registered, never build one.
            services.AddSingleton(type, _ => throw new InvalidOperationException($"{type.Name} was built"));
        }
        using ServiceProvider provider = services.BuildServiceProvider();
        return new HostingServicesValidator(provider.GetRequiredService<IServiceProviderIsService>()).Validate(null, new ServicePolicyHostingOptions());
    }

    [Fact]
    public void Validate_EverythingRegistered_Succeeds()
    {
        ValidateOptionsResult result = Validate(typeof(IInteractionStore), typeof(IOutboxStore), typeof(IServicePolicyEvaluator), typeof(IOutboxChannel));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NothingRegistered_ReportsEachMissingServiceOnce()
    {
        ValidateOptionsResult result = Validate();

        Assert.True(result.Failed);
        Assert.Equal(
            [
                NoStore + " Call services.AddServicePolicyHosting(h => h.UseInMemoryStore()) for a single process that may forget everything when " +
                    "it stops, or register a database store from the ServicePolicy.Hosting.Sqlite or ServicePolicy.Hosting.PostgreSql package.",
                NoEvaluator + ": call services.AddServicePolicy(configuration.GetSection(\"ServicePolicy\")) (or AddServicePolicy(p => ...)) so " +
                    "that the runtime can evaluate interactions.",
                NoChannel + ", so the outbox relay has nowhere to deliver escalations and remedies: call " +
                    "services.AddServicePolicyHosting(h => h.UseChannel<YourChannel>()) (or register IOutboxChannel yourself).",
            ],
            result.Failures!);
    }

    [Theory]
    [InlineData(typeof(IInteractionStore))]
    [InlineData(typeof(IOutboxStore))]
    public void Validate_OnlyOneHalfOfTheStore_ReportsTheStore(Type half)
    {
        ValidateOptionsResult result = Validate(half, typeof(IServicePolicyEvaluator), typeof(IOutboxChannel));

        Assert.StartsWith(NoStore, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoEvaluator_ReportsOnlyTheEvaluator()
    {
        ValidateOptionsResult result = Validate(typeof(IInteractionStore), typeof(IOutboxStore), typeof(IOutboxChannel));

        Assert.StartsWith(NoEvaluator, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoChannel_ReportsOnlyTheChannel()
    {
        ValidateOptionsResult result = Validate(typeof(IInteractionStore), typeof(IOutboxStore), typeof(IServicePolicyEvaluator));

        Assert.StartsWith(NoChannel, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
