// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ServicePolicy.Hosting.Cluster.Tests.Infrastructure;

/// <summary>
/// The facts one node records (its plan file, read by the node's <c>--facts</c>): for each of its interactions an
/// opening, a public agent reply for two in three of them (the others breach their 4-second first response while the
/// facts keep arriving), and a follow-up promised by <paramref name="Burst"/>, the same instant for all, so that they
/// all breach at once. <paramref name="SkewSeconds"/> is how far the node's own clock, which stamps the facts, is off.
/// </summary>
internal sealed record NodePlan(string Node, string Path, IReadOnlyList<string> Ids, IReadOnlyDictionary<string, int> FactCounts, Instant Burst, double SkewSeconds)
{
    public int FactCount => FactCounts.Values.Sum();

    public static NodePlan Write(string directory, string node, int interactions, Instant burst, double skewSeconds = 0)
    {
        string path = System.IO.Path.Combine(directory, node + ".plan");
        var ids = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var writer = new StreamWriter(path))
        {
            for (int i = 0; i < interactions; i++)
            {
                string id = $"{node}-{i:D4}";
                ids.Add(id);
                writer.Write($"{id}\topen agent-{i % 7}\n");
                bool replied = i % 3 != 0;
                if (replied)
                {
                    writer.Write($"{id}\treply\n");
                }
                writer.Write($"{id}\tpromise {InstantPattern.ExtendedIso.Format(burst)}\n");
                counts[id] = replied ? 3 : 2;
            }
        }
        return new NodePlan(node, path, ids, counts, burst, skewSeconds);
    }

    /// <summary>The node's command line besides its store's options.</summary>
    public IEnumerable<string> Arguments(string logPrefix) =>
        ["--node", Node, "--log", logPrefix, "--facts", Path, "--clock-skew", SkewSeconds.ToString(CultureInfo.InvariantCulture)];
}
