// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>The command-line options.</summary>
internal sealed record SimulationOptions(int Interactions, int Seed, int Days, bool Plain, bool Verbose);

/// <summary>
/// What the command line asks for: the options of a run, the help, or nothing because it is wrong (<see cref="Error"/>
/// says why). <c>--help</c> anywhere wins over everything else.
/// </summary>
internal sealed class CommandLine
{
    /// <summary>The help text, for <c>--help</c> (on standard output) and after a usage error (on standard error).</summary>
    public const string Usage = """
        Usage: dotnet run --project samples/SupportDesk -- [options]
        (options go after `--`, or dotnet run takes them: dotnet run --project samples/SupportDesk -- --help)

        Simulates a busy support queue on a simulated clock: ServicePolicy evaluates every ticket and escalates through
        a console channel; a report of commitments, breaches and escalation ladders follows.

        Options:
          -n, --interactions N   interactions to simulate, 1 to 1000000 (default 5000)
          -s, --seed S           random seed, 0 or more; the same seed gives the same run (default 42)
          -d, --days D           calendar days from Monday 2026-11-16, 1 to 60 (default 5, a working week)
              --plain            plain text, no live display (automatic when the output is redirected)
          -v, --verbose          print every escalation as it is delivered, in time order (as text lines, in
                                 place of the live display)
          -h, --help             show this help

        Example: dotnet run -c Release --project samples/SupportDesk -- -n 300 -d 10 --verbose
        """;

    private CommandLine(SimulationOptions? options, bool help, string? error)
    {
        Options = options;
        Help = help;
        Error = error;
    }

    /// <summary>Gets the options of the run, or null for <c>--help</c> or a usage error.</summary>
    public SimulationOptions? Options { get; }

    /// <summary>Gets a value indicating whether the help was asked for.</summary>
    public bool Help { get; }

    /// <summary>Gets what is wrong with the command line, or null.</summary>
    public string? Error { get; }

    /// <summary>Reads <paramref name="args"/>.</summary>
    public static CommandLine Parse(string[] args)
    {
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            return new CommandLine(null, help: true, error: null);
        }
        int interactions = 5000, seed = 42, days = 5;
        bool plain = false, verbose = false;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string? error = arg switch
            {
                "--interactions" or "-n" => Number(args, ref i, 1, 1_000_000, out interactions),
                "--seed" or "-s" => Number(args, ref i, 0, int.MaxValue, out seed),
                "--days" or "-d" => Number(args, ref i, 1, 60, out days),
                "--plain" => Flag(out plain),
                "--verbose" or "-v" => Flag(out verbose),
                _ => $"unknown option '{arg}'",
            };
            if (error is not null)
            {
                return new CommandLine(null, help: false, error);
            }
        }
        return new CommandLine(new SimulationOptions(interactions, seed, days, plain, verbose), help: false, error: null);
    }

    private static string? Flag(out bool value)
    {
        value = true;
        return null;
    }

    private static string? Number(string[] args, ref int i, int min, int max, out int value)
    {
        string option = args[i];
        string? text = i + 1 < args.Length ? args[++i] : null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return null;
        }
        string range = max == int.MaxValue ? $"a whole number, {min} or more" : $"a whole number from {min} to {max}";
        return text is null ? $"{option} needs {range}" : $"{option} needs {range}, not '{text}'";
    }
}
