// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Data.Sqlite;
using NodaTime;

namespace ServicePolicy.Hosting.Sqlite.Tests;

/// <summary>A database file in a fresh temporary directory, deleted (with its WAL files) when disposed.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase(string fileName = "store.db")
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "servicepolicy-sqlite-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, fileName);
    }

    public string Directory { get; }

    public string Path { get; }

    public SqliteStoreOptions Options(IClock clock) => new() { DataSource = Path, Clock = clock };

    /// <summary>Opens a raw connection to the file (not pooled), for checks the store's API does not offer.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
