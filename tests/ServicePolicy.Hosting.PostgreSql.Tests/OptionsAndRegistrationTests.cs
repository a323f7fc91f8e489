// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

public sealed class OptionsAndRegistrationTests
{
    [Fact]
    public void A_missing_connection_string_and_a_bad_schema_are_named_by_their_configuration_paths()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlInteractionStore(new PostgreSqlStoreOptions { Schema = "Desk; DROP" }));
        Assert.Equal("options", error.ParamName);
        Assert.Contains("ServicePolicy:Hosting:PostgreSql:ConnectionString is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServicePolicy:Hosting:PostgreSql:Schema 'Desk; DROP'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_is_refused_without_being_shown()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlInteractionStore(new PostgreSqlStoreOptions { ConnectionString = "Hots=db;Password=s3cret" }));
        Assert.Contains("ServicePolicy:Hosting:PostgreSql:ConnectionString is not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instant_outside_the_nanosecond_range_is_refused_by_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Internal.NanosecondInstants.ToNanoseconds(Instant.FromUtc(2300, 1, 1, 0, 0), "a summary's deadline"));
        Instant odd = Instant.FromUtc(2261, 1, 1, 0, 0) + Duration.FromNanoseconds(1);
        Assert.Equal(odd, Internal.NanosecondInstants.FromNanoseconds(Internal.NanosecondInstants.ToNanoseconds(odd, "x")));
    }

    [Fact]
    public async Task The_configuration_section_registers_one_store_as_both_interfaces()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServicePolicy:Hosting:PostgreSql:ConnectionString"] = "Host=db.example;Database=desk;Username=desk;Password=x",
            ["ServicePolicy:Hosting:PostgreSql:Schema"] = "desk_eu",
        }).Build();
        await using ServiceProvider provider = new ServiceCollection().AddServicePolicyPostgreSqlStore(configuration).BuildServiceProvider();

        var store = provider.GetRequiredService<PostgreSqlInteractionStore>();
        Assert.Same(store, provider.GetRequiredService<IInteractionStore>());
        Assert.Same(store, provider.GetRequiredService<IOutboxStore>());
        Assert.Equal("desk_eu", provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value.Schema);
    }

    [Fact]
    public async Task A_host_without_a_connection_string_stops_at_start_naming_the_path()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddServicePolicyPostgreSqlStore(options => options.Schema = "desk");
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ServicePolicy:Hosting:PostgreSql:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Port=not-a-number")] // the builder throws a FormatException
    [InlineData("Database=desk;Username=desk")] // parses, but names no host
    [InlineData("Host= ;Database=desk")]
    public void A_connection_string_without_a_usable_host_is_refused_by_its_path(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlInteractionStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("ServicePolicy:Hosting:PostgreSql:ConnectionString is not a valid Npgsql connection string, or names no Host", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_desk", true)]
    [InlineData("desk_2026", true)]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123", true)] // 63 characters
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234", false)] // 64
    [InlineData("2desk", false)]
    [InlineData("desk-eu", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_schema_name_is_lower_case_letters_digits_and_underscores_of_at_most_63(string? schema, bool accepted)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = "Host=db.example", Schema = schema! };
        Exception? error = Record.Exception(() => new PostgreSqlInteractionStore(options).Dispose());

        if (accepted)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains($"ServicePolicy:Hosting:PostgreSql:Schema '{schema}' is not a schema name the store accepts", Assert.IsType<ArgumentException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_ends_of_the_nanosecond_range_convert_and_one_nanosecond_beyond_is_refused_by_name()
    {
        Instant earliest = Instant.FromUtc(1677, 9, 21, 0, 12, 43) + Duration.FromNanoseconds(145_224_192);
        Instant latest = Instant.FromUtc(2262, 4, 11, 23, 47, 16) + Duration.FromNanoseconds(854_775_807);

        Assert.Equal(long.MinValue, Internal.NanosecondInstants.ToNanoseconds(earliest, "x"));
        Assert.Equal(long.MaxValue, Internal.NanosecondInstants.ToNanoseconds(latest, "x"));
        Assert.Equal("the end", Assert.Throws<ArgumentOutOfRangeException>(() => Internal.NanosecondInstants.ToNanoseconds(earliest - Duration.Epsilon, "the end")).ParamName);
        Assert.Equal("the end", Assert.Throws<ArgumentOutOfRangeException>(() => Internal.NanosecondInstants.ToNanoseconds(latest + Duration.Epsilon, "the end")).ParamName);
        Assert.Null(Internal.NanosecondInstants.ToNanoseconds((Instant?)null, "x"));
        Assert.Equal(0L, Internal.NanosecondInstants.ToNanoseconds((Instant?)NodaConstants.UnixEpoch, "x"));
    }

    [Fact]
    public async Task The_options_set_in_code_register_one_store_as_both_interfaces_replacing_one_registered_before()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IInteractionStore>(new InMemoryInteractionStore(SystemClock.Instance));
        services.AddSingleton<IOutboxStore>(provider => (IOutboxStore)provider.GetRequiredService<IInteractionStore>());
        services.AddServicePolicyPostgreSqlStore(options =>
        {
            options.ConnectionString = "Host=db.example;Database=desk";
            options.Schema = "desk_code";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<PostgreSqlInteractionStore>();
        Assert.Same(store, Assert.Single(provider.GetServices<IInteractionStore>()));
        Assert.Same(store, Assert.Single(provider.GetServices<IOutboxStore>()));
        Assert.Equal("desk_code", provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value.Schema);
        Assert.Single(provider.GetServices<IValidateOptions<PostgreSqlStoreOptions>>());
    }

    [Fact]
    public void Null_arguments_of_the_registration_are_refused_by_name()
    {
        var services = new ServiceCollection();
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => PostgreSqlStoreServiceCollectionExtensions.AddServicePolicyPostgreSqlStore(null!, _ => { })).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => PostgreSqlStoreServiceCollectionExtensions.AddServicePolicyPostgreSqlStore(null!, new ConfigurationBuilder().Build())).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddServicePolicyPostgreSqlStore((Action<PostgreSqlStoreOptions>)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddServicePolicyPostgreSqlStore((IConfiguration)null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new PostgreSqlInteractionStore(null!)).ParamName);
        Assert.Empty(services);
    }
}
