// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace ServicePolicy.Hosting.Node;

/// <summary>
/// The command line of a node:
/// <c>--node &lt;id&gt; --log &lt;prefix&gt; (--store sqlite --data &lt;file&gt; | --store postgres --connection &lt;cs&gt; --schema &lt;name&gt;)
/// [--facts &lt;plan file&gt;] [--workers &lt;n&gt;] [--clock-skew &lt;seconds&gt;]</c>.
/// </summary>
internal sealed record NodeArguments(
    string NodeId,
    string LogPrefix,
    string Store,
    string? DataFile,
    string? ConnectionString,
    string? Schema,
    string? FactsFile,
    int Workers,
    double ClockSkewSeconds)
{
    /// <summary>The file a node appends one line per completed delivery to: <c>key TAB dueAt TAB deliveredAt</c>.</summary>
    public string DeliveriesFile => LogPrefix + ".deliveries";

    /// <summary>The file a node appends one line per committed write to: <c>id TAB version</c>.</summary>
    public string VersionsFile => LogPrefix + ".versions";

    public static NodeArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Argument {i} ('{args[i]}') is not an option followed by its value.", nameof(args));
            }
            values[args[i][2..]] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out string? value)
            ? value
            : throw new ArgumentException($"The option --{name} is missing.", nameof(args));
        string store = Required("store");
        if (store is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--store '{store}' is neither 'sqlite' nor 'postgres'.", nameof(args));
        }
        return new NodeArguments(
            Required("node"),
            Required("log"),
            store,
            store == "sqlite" ? Required("data") : null,
            store == "postgres" ? Required("connection") : null,
            store == "postgres" ? Required("schema") : null,
            values.GetValueOrDefault("facts"),
            values.TryGetValue("workers", out string? workers) ? int.Parse(workers, CultureInfo.InvariantCulture) : NodeSettings.IngestWorkers,
            values.TryGetValue("clock-skew", out string? skew) ? double.Parse(skew, CultureInfo.InvariantCulture) : 0);
    }
}
