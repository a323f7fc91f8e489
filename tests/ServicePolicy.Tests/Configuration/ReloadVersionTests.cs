// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ServicePolicy.Catalog;
using ServicePolicy.Configuration;
using ServicePolicy.Escalation;
using Xunit;

namespace ServicePolicy.Tests.Configuration;

/// <summary>Issue 15: a reload never takes a policy or an escalation chain back to a lower version silently.</summary>
public sealed class ReloadVersionTests
{
    private const string Standard = "ServicePolicy:Policies:standard:Version";
    private const string Ladder = "ServicePolicy:EscalationChains:ladder:Version";

    private readonly TestLoggerProvider logs = new();

    private ServiceProvider Services(IConfiguration configuration) =>
        ConfigurationFixtures.Services(configuration, s => s
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton<IEscalationDirectory>(new TestEscalationDirectory()));

    private static (IConfigurationRoot Root, MemoryConfigurationProvider Memory) InMemory(Dictionary<string, string?> settings)
    {
        IConfigurationRoot root = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return (root, root.Providers.OfType<MemoryConfigurationProvider>().Single());
    }

    private static void Change(IConfigurationRoot root, MemoryConfigurationProvider memory, params (string Key, string? Value)[] changes)
    {
        foreach ((string key, string? value) in changes)
        {
            memory.Set(key, value);
        }
        root.Reload();
    }

    private List<(LogLevel Level, EventId EventId, string Message)> Logged(int eventId) =>
        logs.Entries.Where(e => e.EventId.Id == eventId).ToList();

    [Fact]
    public void Reload_PolicyVersionLower_IsRefusedAndTheLastGoodCatalogueStays()
    {
        (IConfigurationRoot root, MemoryConfigurationProvider memory) = InMemory(ConfigurationFixtures.With((Standard, "9")));
        using ServiceProvider services = Services(root);
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog good = provider.Current;

        Change(root, memory, (Standard, "1"));

        Assert.Same(good, provider.Current);
        Assert.Equal(9, provider.Current.GetPolicy("standard").Version);
        var refused = Assert.Single(Logged(1005));
        Assert.Equal(LogLevel.Error, refused.Level);
        Assert.Equal("VersionDecreaseRefused", refused.EventId.Name);
        Assert.Equal(
            "ServicePolicy configuration '(default)' reload refused: policy 'standard' would go back from version 9 to version 1; "
            + "catalogue version 1 stays current (set AllowVersionDecrease to accept a lower version)",
            refused.Message);
        Assert.Single(Logged(1001));

        // A later reload at the published version or above is accepted again.
        Change(root, memory, (Standard, "10"));
        Assert.Equal(2, provider.Current.Version);
        Assert.Equal(10, provider.Current.GetPolicy("standard").Version);
    }

    [Fact]
    public void Reload_ChainVersionLower_IsRefused()
    {
        (IConfigurationRoot root, MemoryConfigurationProvider memory) = InMemory(ConfigurationFixtures.WithChain((Ladder, "3")));
        using ServiceProvider services = Services(root);
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog good = provider.Current;

        Change(root, memory, (Ladder, "2"));

        Assert.Same(good, provider.Current);
        Assert.Equal(3, provider.Current.GetEscalationChain("ladder").Version);
        Assert.Contains("escalation chain 'ladder' would go back from version 3 to version 2", Assert.Single(Logged(1005)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_PolicyRemovedThenAddedBackAtALowerVersion_IsRefused()
    {
        // The provider remembers the highest version each name has published, not only the current catalogue's.
        Dictionary<string, string?> settings = ConfigurationFixtures.With((Standard, "5"));
        var premium = new Dictionary<string, string?>
        {
            ["ServicePolicy:Policies:premium:Version"] = "4",
            ["ServicePolicy:Policies:premium:Calendar"] = "uk-office",
            ["ServicePolicy:Policies:premium:Targets:FirstResponse:Deadline"] = "1 business hour",
        };
        settings["ServicePolicy:PolicySet:Fallback"] = "standard";
        var source = new Dictionary<string, string?>(settings.Concat(premium));
        IConfigurationRoot root = new ConfigurationBuilder().Add(new DictionarySource(source)).Build();
        using ServiceProvider services = Services(root);
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        Assert.Equal(4, provider.Current.GetPolicy("premium").Version);

        // Removing a policy lowers no version: published.
        source.Clear();
        foreach ((string key, string? value) in settings)
        {
            source[key] = value;
        }
        root.Reload();
        Assert.Equal(2, provider.Current.Version);
        Assert.False(provider.Current.Policies.ContainsKey("premium"));

        // Added back at version 1, below the 4 published before: refused.
        premium["ServicePolicy:Policies:premium:Version"] = "1";
        foreach ((string key, string? value) in premium)
        {
            source[key] = value;
        }
        root.Reload();
        Assert.Equal(2, provider.Current.Version);
        Assert.Contains("policy 'premium' would go back from version 4 to version 1", Assert.Single(Logged(1005)).Message, StringComparison.Ordinal);

        // Added back at version 4: published.
        source["ServicePolicy:Policies:premium:Version"] = "4";
        root.Reload();
        Assert.Equal(3, provider.Current.Version);
        Assert.Equal(4, provider.Current.GetPolicy("premium").Version);
    }

    [Fact]
    public void Reload_LowerVersionWithAllowVersionDecreaseInConfiguration_IsPublishedWithAWarning()
    {
        (IConfigurationRoot root, MemoryConfigurationProvider memory) = InMemory(ConfigurationFixtures.WithChain((Standard, "9"), (Ladder, "3")));
        using ServiceProvider services = Services(root);
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        _ = provider.Current;

        Change(root, memory, (Standard, "1"), (Ladder, "2"), ("ServicePolicy:AllowVersionDecrease", "true"));

        Assert.Equal(2, provider.Current.Version);
        Assert.Equal(1, provider.Current.GetPolicy("standard").Version);
        Assert.Equal(2, provider.Current.GetEscalationChain("ladder").Version);
        Assert.Empty(Logged(1005));
        var allowed = Logged(1006);
        Assert.All(allowed, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Equal(
            [
                "ServicePolicy configuration '(default)': escalation chain 'ladder' goes back from version 3 to version 2, accepted because AllowVersionDecrease is set",
                "ServicePolicy configuration '(default)': policy 'standard' goes back from version 9 to version 1, accepted because AllowVersionDecrease is set",
            ],
            allowed.Select(e => e.Message));

        // The accepted version is the new mark: without the opt-in, staying at it is fine and going lower is refused.
        Change(root, memory, ("ServicePolicy:AllowVersionDecrease", null));
        Assert.Equal(3, provider.Current.Version);
        Assert.Empty(Logged(1005));
    }

    [Fact]
    public void Reload_LowerVersionWithAllowVersionDecreaseInCode_IsPublished()
    {
        (IConfigurationRoot root, MemoryConfigurationProvider memory) = InMemory(ConfigurationFixtures.With((Standard, "9")));
        using ServiceProvider services = ConfigurationFixtures.Services(root, s => s
            .AddLogging(b => b.AddProvider(logs))
            .Configure<ServicePolicyOptions>(o => o.AllowVersionDecrease = true));
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        _ = provider.Current;

        Change(root, memory, (Standard, "1"));

        Assert.Equal(1, provider.Current.GetPolicy("standard").Version);
        Assert.Single(Logged(1006));
    }

    [Fact]
    public void AllowVersionDecrease_Default_IsFalse()
    {
        Assert.False(new ServicePolicyOptions().AllowVersionDecrease);
        Assert.Empty(ConfigurationFixtures.Errors(ConfigurationFixtures.With(("ServicePolicy:AllowVersionDecrease", "true"))));
    }

    [Fact]
    public void AllowVersionDecrease_NotABoolean_IsAConfigurationError()
    {
        Assert.Equal(
            "ServicePolicy:AllowVersionDecrease: value 'sometimes' is not a valid boolean (true or false)",
            ConfigurationFixtures.SingleError(ConfigurationFixtures.With(("ServicePolicy:AllowVersionDecrease", "sometimes"))));
    }

    [Fact]
    public void Reload_SettingsChangedWithoutANewVersion_IsPublishedWithAWarning()
    {
        (IConfigurationRoot root, MemoryConfigurationProvider memory) = InMemory(ConfigurationFixtures.WithChain((Standard, "3")));
        using ServiceProvider services = Services(root);
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        _ = provider.Current;

        Change(root, memory,
            ("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "2 business hours"),
            ("ServicePolicy:EscalationChains:ladder:Levels:1:Delay", "2 business hours"));

        Assert.Equal(2, provider.Current.Version);
        var changed = Logged(1007);
        Assert.All(changed, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Equal(
            [
                "ServicePolicy configuration '(default)': the settings of escalation chain 'ladder' changed but its version stays 1; give it a new Version so that results and keys tell the two apart",
                "ServicePolicy configuration '(default)': the settings of policy 'standard' changed but its version stays 3; give it a new Version so that results and keys tell the two apart",
            ],
            changed.Select(e => e.Message));
    }

    [Fact]
    public void Reload_NothingChangedOrANewVersion_LogsNoVersionWarning()
    {
        (IConfigurationRoot root, MemoryConfigurationProvider memory) = InMemory(ConfigurationFixtures.With((Standard, "3")));
        using ServiceProvider services = Services(root);
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        _ = provider.Current;

        Change(root, memory);
        // Names compare as configuration keys do: case does not make a change.
        Change(root, memory, (Standard, null), ("ServicePolicy:Policies:STANDARD:Version", "3"));
        Change(root, memory, ("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "2 business hours"), ("ServicePolicy:Policies:STANDARD:Version", "4"));

        Assert.Equal(4, provider.Current.Version);
        Assert.Equal(4, provider.Current.GetPolicy("standard").Version);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Reload_HalfWrittenOverlayDroppedThenBaseEdited_KeepsTheOverlaysVersion()
    {
        // The scenario of issue 15, with real JSON files: appsettings.json has policy 'standard' version 1 and an
        // overlay raises it to 9. A half-written overlay makes the JSON provider drop the overlay's data and throw
        // (no change event); the next edit of the base file then loads a valid catalogue at version 1.
        using var files = new WatchedFiles();
        files.Write("appsettings.json", Json(version: 1, deadline: "4 business hours"));
        files.Write("appsettings.overlay.json", """{ "ServicePolicy": { "Policies": { "standard": { "Version": 9, "Targets": { "FirstResponse": { "Deadline": "2 business hours" } } } } } }""");
        IConfigurationRoot root = new ConfigurationBuilder()
            .Add(files.Source("appsettings.json"))
            .Add(files.Source("appsettings.overlay.json"))
            .Build();
        using ServiceProvider services = Services(root);
        var provider = services.GetRequiredService<IServicePolicyCatalogProvider>();
        IServicePolicyCatalog good = provider.Current;
        Assert.Equal(9, good.GetPolicy("standard").Version);

        files.Write("appsettings.overlay.json", """{ "ServicePolicy": { "Policies": { "standard": { "Vers""");
        Assert.IsType<InvalidDataException>(Assert.Single(Assert.Throws<AggregateException>(() => files.Changed("appsettings.overlay.json")).InnerExceptions));
        Assert.Same(good, provider.Current);

        files.Write("appsettings.json", Json(version: 1, deadline: "5 business hours"));
        files.Changed("appsettings.json");

        // The options (and IOptionsMonitor) now say version 1; the catalogue refuses to go back.
        Assert.Equal(1, services.GetRequiredService<IOptionsMonitor<ServicePolicyOptions>>().CurrentValue.Policies["standard"].Version);
        Assert.Same(good, provider.Current);
        Assert.Contains("policy 'standard' would go back from version 9 to version 1", Assert.Single(Logged(1005)).Message, StringComparison.Ordinal);

        // The overlay written in full again: version 9 is published (a new catalogue version, same policy version).
        files.Write("appsettings.overlay.json", """{ "ServicePolicy": { "Policies": { "standard": { "Version": 9, "Targets": { "FirstResponse": { "Deadline": "2 business hours" } } } } } }""");
        files.Changed("appsettings.overlay.json");
        Assert.Equal(2, provider.Current.Version);
        Assert.Equal(9, provider.Current.GetPolicy("standard").Version);
    }

    private static string Json(int version, string deadline) => $$"""
        {
          "ServicePolicy": {
            "Calendars": { "uk-office": { "TimeZone": "Europe/London", "Hours": "Mon-Fri 09:00-17:00" } },
            "Policies": {
              "standard": {
                "Version": {{version}},
                "Calendar": "uk-office",
                "Targets": { "FirstResponse": { "Deadline": "{{deadline}}" } }
              }
            }
          }
        }
        """;

    /// <summary>A configuration source that reads a dictionary on every load.</summary>
    private sealed class DictionarySource(Dictionary<string, string?> source) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(source);

        private sealed class Provider(Dictionary<string, string?> source) : ConfigurationProvider
        {
            public override void Load() => Data = new Dictionary<string, string?>(source, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>JSON files in a temporary directory, with change notifications the test fires, as a file watcher would
    /// after a write (without waiting for one).</summary>
    private sealed class WatchedFiles : IFileProvider, IDisposable
    {
        private readonly string directory = Directory.CreateTempSubdirectory("servicepolicy-reload-").FullName;
        private readonly PhysicalFileProvider files;
        private readonly Dictionary<string, CancellationTokenSource> tokens = new(StringComparer.Ordinal);

        public WatchedFiles()
        {
            files = new PhysicalFileProvider(directory);
        }

        public JsonConfigurationSource Source(string name) =>
            new() { FileProvider = this, Path = name, Optional = false, ReloadOnChange = true, ReloadDelay = 0 };

        public void Write(string name, string text) => File.WriteAllText(Path.Combine(directory, name), text);

        /// <summary>Fires the file's change token; the provider's reload runs (and throws) inside this call.</summary>
        public void Changed(string name)
        {
            CancellationTokenSource source = tokens[name];
            tokens.Remove(name);
            source.Cancel();
        }

        public IFileInfo GetFileInfo(string subpath) => files.GetFileInfo(subpath);

        public IDirectoryContents GetDirectoryContents(string subpath) => files.GetDirectoryContents(subpath);

        public IChangeToken Watch(string filter)
        {
            if (!tokens.TryGetValue(filter, out CancellationTokenSource? source))
            {
                tokens[filter] = source = new CancellationTokenSource();
            }
            return new CancellationChangeToken(source.Token);
        }

        public void Dispose()
        {
            files.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
