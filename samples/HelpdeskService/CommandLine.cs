// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.RegularExpressions;

namespace ServicePolicy.HelpdeskService;

/// <summary>The sample's command line: which database, which node, which seed, for how long, and whether to export
/// telemetry to the console.</summary>
internal sealed partial record CommandLine(string? PostgresConnectionString, string? DatabaseFile, string Node, int Seed, TimeSpan? Duration,
    bool ConsoleTelemetry = false)
{
    public const string Usage = """
        usage: dotnet run --project samples/HelpdeskService -- [options]
          --database <file>        the SQLite file (default: helpdesk.db in the current directory, created on first start)
          --postgres "<conn>"      run on PostgreSQL instead, e.g. "Host=localhost;Username=postgres;Database=helpdesk"
          --node <name>            this copy's name, printed in its lines and used in its ticket ids
                                   (letters, digits, '-' and '_'; default: the machine name and process id)
          --dashboard <url>        serve the read-only dashboard page there, e.g. http://127.0.0.1:5080
                                   (no sign-in: keep it on a loopback address)
          --seed <n>               the simulation's seed: the same seed opens the same tickets and makes the same
                                   choices (default: 1)
          --duration <seconds>     stop by itself after this many seconds (default: run until Ctrl+C)
          --telemetry console      print the library's metrics (every 10 s) and spans through the OpenTelemetry console
                                   exporter (docs/telemetry.md)
        """;

    /// <summary>Reads the arguments; null and an error message when they are not valid.</summary>
    public static CommandLine? Parse(string[] args, out string? error)
    {
        Uri? dashboard = null;
        string? postgres = null, database = null, node = null;
        int seed = 1;
        TimeSpan? duration = null;
        bool consoleTelemetry = false;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                error = "";
                return null;
            }
            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value, or is not an option.";
                return null;
            }
            string value = args[++i];
            switch (name)
            {
                case "--postgres":
                    postgres = value;
                    break;
                case "--database":
                    database = value;
                    break;
                case "--node" when NodeName().IsMatch(value):
                    node = value;
                    break;
                case "--node":
                    error = $"--node '{value}' must be 1 to 40 letters, digits, '-' or '_' (it is part of every ticket id and action key).";
                    return null;
                case "--dashboard" when Uri.TryCreate(value, UriKind.Absolute, out Uri? url) && url.Scheme == Uri.UriSchemeHttp && url.AbsolutePath == "/":
                    dashboard = url;
                    break;
                case "--dashboard":
                    error = $"--dashboard '{value}' is not valid: an http address with no path is expected, e.g. http://127.0.0.1:5080.";
                    return null;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int s):
                    seed = s;
                    break;
                case "--duration" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds <= 86_400:
                    duration = TimeSpan.FromSeconds(seconds);
                    break;
                case "--telemetry" when value == "console":
                    consoleTelemetry = true;
                    break;
                case "--telemetry":
                    error = $"--telemetry '{value}' is not valid: the only exporter is 'console'.";
                    return null;
                case "--seed" or "--duration":
                    error = $"{name} '{value}' is not valid: {(name == "--seed" ? "an integer" : "a number of seconds, more than 0 and at most 86400")} is expected.";
                    return null;
                default:
                    error = $"Unknown option '{name}'.";
                    return null;
            }
        }
        if (postgres is not null && database is not null)
        {
            error = "--database (SQLite) and --postgres cannot be used together.";
            return null;
        }
        node ??= NodeName().Match($"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}") is { Success: true } m
            ? m.Value
            : $"node-{Environment.ProcessId}";
        return new CommandLine(postgres, database, node, seed, duration, consoleTelemetry) { DashboardUrl = dashboard };
    }

    /// <summary>Where the dashboard listens (<c>--dashboard</c>); null when it is not served.</summary>
    public Uri? DashboardUrl { get; init; }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex NodeName();
}
