// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Hosting.Node;

/// <summary>
/// The facts a node records, written by a test: one line per fact, <c>id TAB fact</c>, each interaction's facts in
/// order. Facts: <c>open &lt;owner&gt;</c>, <c>reply</c> (a public agent reply), <c>promise &lt;instant&gt;</c> (a follow-up
/// promised by that instant; by the policy's target instead when the instant is no longer ahead of the fact). Instants
/// of the facts come from the node's own clock when they are recorded.
/// </summary>
internal sealed class FactPlan
{
    private FactPlan(IReadOnlyList<(string Id, IReadOnlyList<string> Facts)> interactions)
    {
        Interactions = interactions;
    }

    /// <summary>Gets the interactions in the order of their first line, each with its facts' lines.</summary>
    public IReadOnlyList<(string Id, IReadOnlyList<string> Facts)> Interactions { get; }

    public static FactPlan Read(string path)
    {
        var facts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (string line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            string[] parts = line.Split('\t');
            if (parts.Length != 2)
            {
                throw new FormatException($"{path}: line '{line}' is not 'id TAB fact'.");
            }
            if (!facts.TryGetValue(parts[0], out List<string>? list))
            {
                facts.Add(parts[0], list = []);
                order.Add(parts[0]);
            }
            list.Add(parts[1]);
        }
        return new FactPlan(order.Select(id => (id, (IReadOnlyList<string>)facts[id])).ToArray());
    }

    /// <summary>The fact a plan line stands for, at an instant.</summary>
    public static TimelineFact ToFact(string line, Instant at)
    {
        string[] words = line.Split(' ', 2);
        return words[0] switch
        {
            "open" => new InteractionOpened(at, Owner.Person(words[1]), new InteractionProfile(channel: "email")),
            "reply" => new AgentReplied(at),
            "promise" => InstantPattern.ExtendedIso.Parse(words[1]).Value is var by && by > at
                ? new FollowUpPromised(at, by)
                : new FollowUpPromised(at),
            _ => throw new FormatException($"Plan fact '{line}' is not open, reply or promise."),
        };
    }
}
