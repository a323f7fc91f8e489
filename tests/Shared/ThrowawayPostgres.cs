// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServicePolicy.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster, for the PostgreSQL test fixture and the hosting load tool (compiled into each): <c>initdb</c> and <c>pg_ctl</c>
/// from the PATH or the newest <c>/usr/lib/postgresql/*/bin</c>, as the <c>postgres</c> user when running as root,
/// in a temporary directory, on a free loopback port, <c>fsync=off</c>, stopped and deleted on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string directory;
    private readonly string pgCtl;

    private ThrowawayPostgres(string directory, string pgCtl, int port)
    {
        this.directory = directory;
        this.pgCtl = pgCtl;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>Gets the loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a cluster.</summary>
    /// <returns>The running cluster.</returns>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or a step failed (with its output).</exception>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        string bin = FindBin() ?? throw new InvalidOperationException("No PostgreSQL: initdb not found on the PATH or in /usr/lib/postgresql/*/bin; install postgresql.");
        string directory = Directory.CreateTempSubdirectory("servicepolicy-pg-").FullName;
        string data = Path.Combine(directory, "data");
        string pgCtl = Path.Combine(bin, "pg_ctl");
        try
        {
            if (IsRoot)
            {
                // initdb and pg_ctl refuse to run as root: the cluster belongs to the postgres user.
                await RunAsync("chown", "postgres", directory);
            }
            await RunAsync(Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync");
            int port = FreePort();
            await RunAsync(pgCtl, "-D", data, "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "-l", Path.Combine(directory, "log"), "-w", "-t", "60", "start");
            return new ThrowawayPostgres(directory, pgCtl, port);
        }
        catch
        {
            // A cluster that did not start leaves nothing behind (a half-started one is stopped).
            await new ThrowawayPostgres(directory, pgCtl, 0).DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
            {
                await RunAsync(pgCtl, "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Returns the directory holding <c>initdb</c> and <c>pg_ctl</c> (the PATH first, then the newest
    /// <c>/usr/lib/postgresql/*/bin</c>); null when PostgreSQL is not installed.</summary>
    public static string? FindBin()
    {
        IEnumerable<string> path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return path.Concat(packaged).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        bool asPostgres = IsRoot && program != "chown";
        var start = new ProcessStartInfo(asPostgres ? (new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser") : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
