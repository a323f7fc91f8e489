// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace ServicePolicy.Hosting.Load;

/// <summary>The command line: <c>&lt;scenario&gt; [--option value]...</c> (see <see cref="Program"/> for the list).</summary>
public sealed class LoadOptions
{
    private static readonly string[] Scenarios = ["timer", "facts", "lag", "timer-node"];

    /// <summary>Gets the scenario: <c>timer</c>, <c>facts</c>, <c>lag</c>, or <c>timer-node</c> (a child process).</summary>
    public string Scenario { get; private init; } = "";

    /// <summary>Gets the store: <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Store { get; private init; } = "sqlite";

    /// <summary>Gets the PostgreSQL connection string; null to start a throwaway cluster.</summary>
    public string? Postgres { get; private init; }

    /// <summary>Gets the scenario's count: interactions due (timer, lag) or facts recorded (facts).</summary>
    public int Count { get; private init; }

    /// <summary>Gets the timer's batch size (<c>ServicePolicy:Hosting:Timer:BatchSize</c>).</summary>
    public int Batch { get; private init; } = 200;

    /// <summary>Gets the facts per <c>RecordAsync</c> call (1: single-fact transactions).</summary>
    public int Group { get; private init; } = 1;

    /// <summary>Gets the concurrent writers of facts.</summary>
    public int Writers { get; private init; } = 4;

    /// <summary>Gets the timer processes to spawn on one PostgreSQL database; 0 to run the timer in this process.</summary>
    public int Nodes { get; private init; }

    /// <summary>Gets the facts per second of the lag scenario.</summary>
    public int Rate { get; private init; } = 100;

    /// <summary>Gets how long the lag scenario records facts and wakes interactions, in seconds.</summary>
    public int Duration { get; private init; } = 30;

    /// <summary>Gets the timer's poll interval (<c>ServicePolicy:Hosting:Timer:PollInterval</c>), in milliseconds.</summary>
    public int PollMs { get; private init; } = 1000;

    /// <summary>Gets the limit on the measured phase, in seconds: the scenario fails when it has not finished by then.</summary>
    public int TimeLimit { get; private init; } = 300;

    /// <summary>Gets the PostgreSQL schema (child processes: the parent's).</summary>
    public string? Schema { get; private init; }

    /// <summary>Gets the SQLite file (child processes only).</summary>
    public string? SqliteFile { get; private init; }

    /// <summary>Gets the instant the stopped clock reads, in Unix ticks (child processes only).</summary>
    public long ClockTicks { get; private init; }

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An argument is unknown or out of range; the message names it.</exception>
    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Scenarios.Contains(args[0]))
        {
            throw new ArgumentException($"The first argument must be a scenario ({string.Join(", ", Scenarios[..3])}); got '{(args.Length == 0 ? "" : args[0])}'.");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--option value' at argument {i + 1} ('{args[i]}').");
            }
            values[args[i][2..]] = args[i + 1];
        }
        string scenario = args[0];
        int Int(string name, int fallback, int min, int max)
        {
            if (!values.Remove(name, out string? text))
            {
                return fallback;
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ArgumentException($"--{name} must be an integer from {min} to {max}; got '{text}'.");
            }
            return value;
        }
        string? Text(string name) => values.Remove(name, out string? text) ? text : null;
        var options = new LoadOptions
        {
            Scenario = scenario,
            Store = Text("store") ?? "sqlite",
            Postgres = Text("postgres"),
            Count = Int("count", scenario switch { "facts" => 5_000, "lag" => 20_000, _ => 10_000 }, 1, 10_000_000),
            Batch = Int("batch", 200, 1, 10_000),
            Group = Int("group", 1, 1, 10_000),
            Writers = Int("writers", 4, 1, 256),
            Nodes = Int("nodes", 0, 0, 16),
            Rate = Int("rate", 100, 1, 1_000_000),
            Duration = Int("duration", 30, 1, 3_600),
            PollMs = Int("poll", 1000, 1, 3_600_000),
            TimeLimit = Int("time-limit", 300, 1, 86_400),
            Schema = Text("schema"),
            SqliteFile = Text("sqlite-file"),
            ClockTicks = long.Parse(Text("clock-ticks") ?? "0", CultureInfo.InvariantCulture),
        };
        if (options.Store is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--store must be sqlite or postgres; got '{options.Store}'.");
        }
        if (options.Nodes > 0 && (options.Scenario != "timer" || options.Store != "postgres"))
        {
            throw new ArgumentException($"--nodes {options.Nodes} needs the timer scenario on --store postgres (several processes on one database).");
        }
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
        }
        return options;
    }
}
