// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>Met, late, breached, open and cancelled commitment cycles.</summary>
internal sealed class Tally
{
    public int Met { get; private set; }

    public int Late { get; private set; }

    public int Breached { get; private set; }

    public int Open { get; private set; }

    public int Cancelled { get; private set; }

    public int Total => Met + Late + Breached + Open + Cancelled;

    /// <summary>Gets the share of decided cycles (met, late or breached) met on time.</summary>
    public string OnTime => Met + Late + Breached == 0 ? "-" : (100.0 * Met / (Met + Late + Breached)).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public void Add(CommitmentStatus status)
    {
        switch (status.State)
        {
            case CommitmentState.Met: Met++; break;
            case CommitmentState.MetLate: Late++; break;
            case CommitmentState.Breached: Breached++; break;
            case CommitmentState.Cancelled: Cancelled++; break;
            default: Open++; break;
        }
    }

    public string[] Cells() => [Total.ToString(CultureInfo.InvariantCulture), Met.ToString(CultureInfo.InvariantCulture),
        Late.ToString(CultureInfo.InvariantCulture), Breached.ToString(CultureInfo.InvariantCulture),
        Open.ToString(CultureInfo.InvariantCulture), Cancelled.ToString(CultureInfo.InvariantCulture), OnTime];
}

/// <summary>One escalation ladder: the actions delivered for one commitment cycle.</summary>
internal sealed record Ladder(string Interaction, string Policy, string Commitment, IReadOnlyList<EscalationAction> Steps)
{
    public int Levels => Steps.Count(s => s.Step != EscalationStep.Warning);

    public int Highest => Steps.Where(s => s.Step == EscalationStep.Level).Select(s => s.StepIndex).DefaultIfEmpty(-1).Max();
}

/// <summary>The figures of the final report, computed from the last evaluation of every ticket.</summary>
internal sealed class Report
{
    public static readonly string[] TallyColumns = ["cycles", "met", "late", "breached", "open", "cancelled", "on time"];

    public Report(Simulation simulation, ConsoleChannel channel, DateTimeZone zone)
    {
        foreach (Ticket ticket in simulation.Tickets)
        {
            EvaluationResult result = ticket.Last!;
            foreach (CommitmentStatus status in result.Commitments)
            {
                Get(ByPolicy, ticket.Policy.Name).Add(status);
                Get(ByKind, status.Kind == CommitmentKind.Custom ? status.Name! : status.Kind.ToString()).Add(status);
                Get(ByDay, status.StartedAt.InZone(zone).Date).Add(status);
                Total.Add(status);
                if (status.BreachedAt is { } breached)
                {
                    BreachesByHour[breached.InZone(zone).Hour]++;
                }
            }
            RemediesDue += result.RemediesDue.Count;
            Credits += result.RemediesDue.Where(r => r.Remedy.Kind == Policies.RemedyKind.Credit).Sum(r => r.Remedy.Amount ?? 0);
        }
        Dictionary<string, string> policyOf = simulation.Tickets.ToDictionary(t => t.Id, t => t.Policy.Name);
        Worst = channel.Delivered
            .GroupBy(a => (a.InteractionId, Name: a.Step == EscalationStep.HandoffLimit ? "HandoffLimit" : $"{a.CommitmentName ?? a.Commitment.ToString()}#{a.Cycle}"))
            .Select(g => new Ladder(g.Key.InteractionId, policyOf[g.Key.InteractionId], g.Key.Name, g.OrderBy(a => a.DueAt).ThenBy(a => a.Key.ToString(), StringComparer.Ordinal).ToList()))
            .OrderByDescending(l => l.Levels).ThenByDescending(l => l.Highest).ThenBy(l => l.Interaction, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        Escalations = channel.Delivered.Count;
        Warnings = channel.Delivered.Count(a => a.Step == EscalationStep.Warning);
        Interactions = simulation.Tickets.Count;
        Facts = simulation.FactCount;
        Evaluations = simulation.Evaluations;
        Duplicates = simulation.Duplicates;
    }

    public int Interactions { get; }

    public int Facts { get; }

    public int Evaluations { get; }

    public int Escalations { get; }

    public int Warnings { get; }

    public int Duplicates { get; }

    public int RemediesDue { get; }

    public decimal Credits { get; }

    public Tally Total { get; } = new();

    public SortedDictionary<string, Tally> ByPolicy { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Tally> ByKind { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<LocalDate, Tally> ByDay { get; } = new();

    public int[] BreachesByHour { get; } = new int[24];

    public IReadOnlyList<Ladder> Worst { get; }

    public string Summary =>
        $"{Interactions} interactions, {Facts} facts, {Evaluations} evaluations; {Escalations} escalations delivered " +
        $"({Warnings} warnings, {Escalations - Warnings} after a breach), {Duplicates} repeats suppressed by key; " +
        $"{RemediesDue} remedies due (credits {Credits.ToString("0", CultureInfo.InvariantCulture)} GBP)";

    public static string Day(LocalDate date) => date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Tally Get<TKey>(IDictionary<TKey, Tally> tallies, TKey key)
    {
        if (!tallies.TryGetValue(key, out Tally? tally))
        {
            tallies[key] = tally = new Tally();
        }
        return tally;
    }
}
