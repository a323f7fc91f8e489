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
}
