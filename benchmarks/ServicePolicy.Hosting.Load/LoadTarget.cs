// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;
using ServicePolicy.Testing;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// Where a run stores its interactions: a new SQLite file in a temporary directory, or a new schema
/// (<c>load_</c> and a random suffix) in the given PostgreSQL database or in a throwaway cluster. Disposing drops the
/// schema or deletes the directory, and stops the throwaway cluster.
/// </summary>
public sealed class LoadTarget : IAsyncDisposable
{
    private readonly ThrowawayPostgres? cluster;
    private readonly string? directory;
    private readonly bool owned;

    private LoadTarget(string store, string? sqliteFile, string? connectionString, string? schema, ThrowawayPostgres? cluster, string? directory, bool owned)
    {
        Store = store;
        SqliteFile = sqliteFile;
        ConnectionString = connectionString;
        Schema = schema;
        this.cluster = cluster;
        this.directory = directory;
        this.owned = owned;
    }

    /// <summary>Gets the store kind: <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Store { get; }

    /// <summary>Gets the SQLite file; null for PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>Gets the PostgreSQL connection string; null for SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>Gets the PostgreSQL schema; null for SQLite.</summary>
    public string? Schema { get; }

    /// <summary>Gets where the database came from, for the report.</summary>
    public string Description => Store == "sqlite" ? $"SQLite file {SqliteFile}" : cluster is null ? $"PostgreSQL (--postgres), schema {Schema}" : $"throwaway PostgreSQL cluster, schema {Schema}";

    /// <summary>Creates the target of a run: a new SQLite file or PostgreSQL schema.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The target.</returns>
    public static async Task<LoadTarget> CreateAsync(LoadOptions options)
    {
        if (options.Scenario == "timer-node")
        {
            // A child process works in its parent's database and leaves it alone.
            return new LoadTarget(options.Store, options.SqliteFile, options.Postgres, options.Schema, null, null, owned: false);
        }
        if (options.Store == "sqlite")
        {
            string directory = Directory.CreateTempSubdirectory("servicepolicy-load-").FullName;
            return new LoadTarget("sqlite", Path.Combine(directory, "load.db"), null, null, null, directory, owned: true);
        }
        ThrowawayPostgres? cluster = options.Postgres is null ? await ThrowawayPostgres.StartAsync() : null;
        string schema = "load_" + Guid.NewGuid().ToString("N")[..12];
        return new LoadTarget("postgres", null, options.Postgres ?? cluster!.ConnectionString, schema, cluster, null, owned: true);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!owned)
        {
            return;
        }
        if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        if (Schema is not null && cluster is null)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
