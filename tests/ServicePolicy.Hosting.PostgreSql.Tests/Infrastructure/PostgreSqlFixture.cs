// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using Npgsql;
using ServicePolicy.Testing;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for the tests: the one <c>SERVICEPOLICY_POSTGRES</c> (a connection string) names when it is set;
/// else a throwaway cluster started with <c>initdb</c>/<c>pg_ctl</c> (as the <c>postgres</c> user when the tests run as
/// root) on a free loopback port, stopped and deleted at the end; else none, and every test skips with the reason
/// (<see cref="SkipIfUnavailable"/>). Each test gets a schema of its own (<see cref="NewOptions"/>).
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "SERVICEPOLICY_POSTGRES";

    private ThrowawayPostgres? cluster;

    /// <summary>Gets the connection string of the server; null when none is available.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Gets why there is no server; null when there is one.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Gets where the server comes from, for messages.</summary>
    public string Source { get; private set; } = "none";

    /// <summary>Skips the calling test, with the reason, when no server is available.</summary>
    public void SkipIfUnavailable() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>Options for a store in a new, empty schema of the server.</summary>
    public PostgreSqlStoreOptions NewOptions(IClock? clock = null, string? schema = null)
    {
        SkipIfUnavailable();
        return new PostgreSqlStoreOptions
        {
            ConnectionString = ConnectionString,
            Schema = schema ?? "t_" + Guid.NewGuid().ToString("N")[..20],
            Clock = clock,
        };
    }

    /// <summary>Opens a connection outside any store, for the test's own checks.</summary>
    public async Task<NpgsqlConnection> OpenAdminConnectionAsync()
    {
        SkipIfUnavailable();
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, ApplicationName = "servicepolicy-tests-admin" }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            Source = EnvironmentVariable;
            return;
        }
        if (ThrowawayPostgres.FindBin() is null)
        {
            SkipReason = $"no PostgreSQL: set {EnvironmentVariable} or install postgresql (initdb not found)";
            return;
        }
        try
        {
            cluster = await ThrowawayPostgres.StartAsync();
            ConnectionString = cluster.ConnectionString;
            Source = $"throwaway cluster on port {cluster.Port}";
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or NpgsqlException)
        {
            SkipReason = $"no PostgreSQL: set {EnvironmentVariable}, or make initdb/pg_ctl work ({e.Message})";
        }
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
            cluster = null;
        }
    }
}
