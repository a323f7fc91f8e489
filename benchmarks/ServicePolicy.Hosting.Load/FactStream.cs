// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// The facts a writer records: new interactions (<c>prefix-000001</c>, ...) that each get, in order, opened (owned by
/// one of the queue's 200 agents), a public agent reply, a customer reply and a second agent reply. Interaction
/// <c>i</c> belongs to writer <c>i mod writers</c>, so its facts arrive in order; each writer opens all its
/// interactions, then answers them all, and so on. Facts are stamped with the stores' clock when they are sent.
/// </summary>
public sealed class FactStream
{
    private const int FactsPerInteraction = 4;
    private readonly List<(int Interaction, int Step)> steps;
    private readonly string prefix;
    private int position;

    /// <summary>Creates the stream of one writer.</summary>
    /// <param name="prefix">The interactions' id prefix.</param>
    /// <param name="total">The facts of all writers together (the last interactions get fewer facts).</param>
    /// <param name="writer">This writer's index.</param>
    /// <param name="writers">The writers.</param>
    public FactStream(string prefix, int total, int writer, int writers)
    {
        this.prefix = prefix;
        int interactions = (total + FactsPerInteraction - 1) / FactsPerInteraction;
        steps = [];
        int taken = 0;
        for (int step = 0; step < FactsPerInteraction; step++)
        {
            for (int i = 0; i < interactions && taken < total; i++, taken++)
            {
                if (i % writers == writer)
                {
                    steps.Add((i, step));
                }
            }
        }
    }

    /// <summary>Gets whether every fact has been taken.</summary>
    public bool Done => position >= steps.Count;

    /// <summary>Takes the next facts.</summary>
    /// <param name="count">The most to take.</param>
    /// <param name="at">Their instant.</param>
    /// <returns>The facts with their interaction ids.</returns>
    public List<(string InteractionId, TimelineFact Fact)> Take(int count, Instant at)
    {
        var facts = new List<(string, TimelineFact)>(count);
        for (; facts.Count < count && position < steps.Count; position++)
        {
            (int i, int step) = steps[position];
            string id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i + 1:000000}");
            facts.Add((id, step switch
            {
                0 => new InteractionOpened(at, Owner.Person(string.Create(CultureInfo.InvariantCulture, $"agent-{i % 200:000}"))),
                1 => new AgentReplied(at),
                2 => new CustomerReplied(at),
                _ => new AgentReplied(at),
            }));
        }
        return facts;
    }
}
