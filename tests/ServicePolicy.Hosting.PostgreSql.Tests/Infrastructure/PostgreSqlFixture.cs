// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NodaTime;
using Npgsql;
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

    private string? clusterDirectory;
    private string? pgCtl;

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
        string? initDb = FindBinary("initdb");
        if (initDb is null)
        {
            SkipReason = $"no PostgreSQL: set {EnvironmentVariable} or install postgresql (initdb not found)";
            return;
        }
        try
        {
            await StartClusterAsync(Path.GetDirectoryName(initDb)!);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or NpgsqlException)
        {
            SkipReason = $"no PostgreSQL: set {EnvironmentVariable}, or make initdb/pg_ctl work ({e.Message})";
            await DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (clusterDirectory is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        if (pgCtl is not null && Directory.Exists(Path.Combine(clusterDirectory, "data")))
        {
            await RunAsync(pgCtl, "-D", Path.Combine(clusterDirectory, "data"), "-m", "immediate", "-w", "stop");
        }
        Directory.Delete(clusterDirectory, recursive: true);
        clusterDirectory = null;
    }

    private async Task StartClusterAsync(string binDirectory)
    {
        pgCtl = Path.Combine(binDirectory, "pg_ctl");
        clusterDirectory = Directory.CreateTempSubdirectory("servicepolicy-pg-").FullName;
        if (IsRoot)
        {
            // initdb and pg_ctl refuse to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", "postgres", clusterDirectory);
        }
        string data = Path.Combine(clusterDirectory, "data");
        await RunAsync(Path.Combine(binDirectory, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync");
        int port = FreePort();
        await RunAsync(pgCtl, "-D", data, "-o", $"-p {port} -k {clusterDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            "-l", Path.Combine(clusterDirectory, "log"), "-w", "-t", "60", "start");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        Source = $"throwaway cluster on port {port}";
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(IsRoot && program != "chown" ? (new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser") : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot && program != "chown")
        {
            foreach (string prefix in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(prefix);
            }
        }
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }
    }

    private static string? FindBinary(string name)
    {
        IEnumerable<string> path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return path.Concat(packaged).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
