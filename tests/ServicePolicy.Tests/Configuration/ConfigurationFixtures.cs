// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using Xunit;

namespace ServicePolicy.Tests.Configuration;

/// <summary>A small valid configuration as flat keys, and helpers to bind variations of it.</summary>
internal static class ConfigurationFixtures
{
    public static Dictionary<string, string?> Valid() => new()
    {
        ["ServicePolicy:Calendars:uk-office:TimeZone"] = "Europe/London",
        ["ServicePolicy:Calendars:uk-office:Hours"] = "Mon-Fri 09:00-17:00",
        ["ServicePolicy:Calendars:uk-office:Holidays:0"] = "2026-12-25",
        ["ServicePolicy:Policies:standard:Calendar"] = "uk-office",
        ["ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline"] = "4 business hours",
        ["ServicePolicy:Policies:standard:Targets:Resolution:Deadline"] = "3 business days at 17:00",
    };

    /// <summary>The valid configuration plus an escalation chain, 'ladder', that the policy names.</summary>
    public static Dictionary<string, string?> ValidWithChain()
    {
        Dictionary<string, string?> settings = Valid();
        settings["ServicePolicy:Policies:standard:EscalationChain"] = "ladder";
        settings["ServicePolicy:EscalationChains:ladder:Fallback"] = "support-leads";
        settings["ServicePolicy:EscalationChains:ladder:Calendar"] = "uk-office";
        settings["ServicePolicy:EscalationChains:ladder:Warnings:0:Percent"] = "75";
        settings["ServicePolicy:EscalationChains:ladder:Warnings:0:Recipient"] = "owner";
        settings["ServicePolicy:EscalationChains:ladder:Levels:0:Recipient"] = "owner-lead";
        settings["ServicePolicy:EscalationChains:ladder:Levels:1:Recipient"] = "owner-manager";
        settings["ServicePolicy:EscalationChains:ladder:Levels:1:Delay"] = "1 business hour";
        return settings;
    }

    public static Dictionary<string, string?> With(params (string Key, string? Value)[] changes) => Apply(Valid(), changes);

    public static Dictionary<string, string?> WithChain(params (string Key, string? Value)[] changes) => Apply(ValidWithChain(), changes);

    private static Dictionary<string, string?> Apply(Dictionary<string, string?> settings, (string Key, string? Value)[] changes)
    {
        foreach ((string key, string? value) in changes)
        {
            settings[key] = value;
        }
        return settings;
    }

    public static ServiceProvider Services(IConfiguration configuration, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddServicePolicy(configuration.GetSection("ServicePolicy"));
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Binds and validates the settings, returning every validation failure (none when valid).</summary>
    public static IReadOnlyList<string> Errors(Dictionary<string, string?> settings, bool withDirectory = true)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using ServiceProvider provider = Services(configuration, s =>
        {
            if (withDirectory)
            {
                s.AddSingleton<IEscalationDirectory>(new TestEscalationDirectory());
            }
        });
        try
        {
            _ = provider.GetRequiredService<IOptionsMonitor<ServicePolicyOptions>>().CurrentValue;
            return Array.Empty<string>();
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToArray();
        }
    }

    /// <summary>Asserts that the settings fail validation with exactly one error, and returns it.</summary>
    public static string SingleError(Dictionary<string, string?> settings, bool withDirectory = true) => Assert.Single(Errors(settings, withDirectory));
}

/// <summary>An organisation chart in memory: the owner's lead is '{owner}-lead', the manager '{owner}-manager', and a
/// role, person or person on call is the contact of the same name.</summary>
internal sealed class TestEscalationDirectory : IEscalationDirectory
{
    public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at) => recipient.Kind switch
    {
        EscalationRecipientKind.Owner => new[] { new EscalationContact(owner.Id) },
        EscalationRecipientKind.OwnersLead => new[] { new EscalationContact(owner.Id + "-lead") },
        EscalationRecipientKind.OwnersManager => new[] { new EscalationContact(owner.Id + "-manager") },
        _ => new[] { new EscalationContact(recipient.Name!) },
    };
}

/// <summary>Captures log entries for assertions.</summary>
internal sealed class TestLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new TestLogger(this);

    public void Dispose()
    {
    }

    private sealed class TestLogger(TestLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
    }
}
