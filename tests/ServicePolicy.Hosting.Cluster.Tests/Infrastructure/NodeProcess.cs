// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ServicePolicy.Hosting.Cluster.Tests.Infrastructure;

/// <summary>
/// One node (tests/ServicePolicy.Hosting.Node) as a child process, <c>dotnet ServicePolicy.Hosting.Node.dll ...</c>:
/// started, waited for until it prints its ready line, killed with SIGKILL, and started again with the same command
/// line.
/// </summary>
internal sealed class NodeProcess(string name, IReadOnlyList<string> arguments) : IDisposable
{
    /// <summary>The exit code .NET reports for a process ended by a signal: 128 + the signal's number (9, SIGKILL).</summary>
    public const int KilledBySigkill = 128 + 9;

    private readonly StringBuilder errors = new();
    private Process? process;
    private volatile bool ready;
    private volatile bool ingested;

    /// <summary>Gets the node's name.</summary>
    public string Name => name;

    /// <summary>Gets how many times the node was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Gets whether the current process printed <c>ingested</c> (its plan of facts recorded).</summary>
    public bool Ingested => ingested;

    /// <summary>The built node, next to this test project's output (the project reference builds it first).</summary>
    public static string AssemblyPath
    {
        get
        {
            string path = Path.GetFullPath(typeof(NodeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NodeAssembly").Value!);
            return File.Exists(path) ? path : throw new FileNotFoundException($"The node is not built at {path}: build tests/ServicePolicy.Hosting.Node.", path);
        }
    }

    /// <summary>Starts the node and waits until it is ready.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        ready = false;
        ingested = false;
        process = Process.Start(start) ?? throw new InvalidOperationException($"Node {name} did not start.");
        Starts++;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("ready ", StringComparison.Ordinal) == true)
            {
                ready = true;
            }
            else if (e.Data?.StartsWith("ingested ", StringComparison.Ordinal) == true)
            {
                ingested = true;
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!ready)
        {
            ThrowIfExited();
            if (waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"Node {name} was not ready after {waited.Elapsed}. {Errors}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Kills the node with SIGKILL (<see cref="Process.Kill()"/> on Linux), waits until it is gone, and checks
    /// that a signal ended it.</summary>
    public void Kill()
    {
        Process current = process ?? throw new InvalidOperationException($"Node {name} is not running.");
        ThrowIfExited();
        current.Kill();
        current.WaitForExit();
        if (current.ExitCode != KilledBySigkill)
        {
            throw new InvalidOperationException($"Node {name} exited with {current.ExitCode}, not {KilledBySigkill} (SIGKILL).");
        }
        current.Dispose();
        process = null;
    }

    /// <summary>Throws when the node ended by itself (it never should: only a kill ends it).</summary>
    public void ThrowIfExited()
    {
        if (process is { HasExited: true } exited)
        {
            throw new InvalidOperationException($"Node {name} exited by itself with {exited.ExitCode}. {Errors}");
        }
    }

    private string Errors
    {
        get
        {
            lock (errors)
            {
                return $"Its standard error: {errors}";
            }
        }
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
        process?.Dispose();
        process = null;
    }
}
