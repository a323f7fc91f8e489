// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Reporting;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>One escalation ladder: the actions delivered for one commitment cycle.</summary>
internal sealed record Ladder(string Interaction, string Policy, string Commitment, IReadOnlyList<EscalationAction> Steps)
{
    public int Levels => Steps.Count(s => s.Step != EscalationStep.Warning);

    public int Highest => Steps.Where(s => s.Step == EscalationStep.Level).Select(s => s.StepIndex).DefaultIfEmpty(-1).Max();
}

/// <summary>The figures of the final report: the library's attainment report over the last evaluation of every ticket
/// (<see cref="AttainmentAggregator"/>), plus what only the desk knows (breaches by hour, the escalations delivered).</summary>
internal sealed class Report
{
    public static readonly string[] CountColumns = ["cycles", "on time", "late", "early", "breached", "at risk", "on track", "cancelled", "waived", "on time %"];

    public Report(Simulation simulation, ConsoleChannel channel, DateTimeZone zone)
    {
        var aggregator = new AttainmentAggregator(zone, ReportPeriod.Day);
        foreach (Ticket ticket in simulation.Tickets)
        {
            EvaluationResult result = ticket.Last!;
            aggregator.Add(result, ticket.Timeline.Opened.Profile, ticket.Team);
            foreach (CommitmentStatus status in result.Commitments)
            {
                if (status.BreachedAt is { } breached)
                {
                    BreachesByHour[breached.InZone(zone).Hour]++;
                }
            }
        }
        Attainment = aggregator.ToReport();
        Dictionary<string, string> policyOf = simulation.Tickets.ToDictionary(t => t.Id, t => t.Policy.Name);
        Worst = channel.Delivered
            .GroupBy(a => (a.InteractionId, Name: a.Step == EscalationStep.HandoffLimit ? "HandoffLimit" : $"{a.CommitmentName ?? a.Commitment.ToString()}#{a.Cycle}"))
            .Select(g => new Ladder(g.Key.InteractionId, policyOf[g.Key.InteractionId], g.Key.Name, g.OrderBy(a => a.DueAt).ThenBy(a => a.Key.ToString(), StringComparer.Ordinal).ToList()))
            .OrderByDescending(l => l.Levels).ThenByDescending(l => l.Highest).ThenBy(l => l.Interaction, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        Escalations = channel.Delivered.Count;
        Warnings = channel.Delivered.Count(a => a.Step == EscalationStep.Warning);
        Facts = simulation.FactCount;
        Evaluations = simulation.Evaluations;
        Duplicates = simulation.Duplicates;
    }

    /// <summary>Gets the library's report: cycles by attainment per kind, policy, team, owner, channel, tier, audience
    /// and day, time to meet, remedies due.</summary>
    public AttainmentReport Attainment { get; }

    public int Facts { get; }

    public int Evaluations { get; }

    public int Escalations { get; }

    public int Warnings { get; }

    public int Duplicates { get; }

    public int[] BreachesByHour { get; } = new int[24];

    public IReadOnlyList<Ladder> Worst { get; }

    public string Summary =>
        $"{Attainment.Interactions} interactions, {Facts} facts, {Evaluations} evaluations; {Escalations} escalations delivered " +
        $"({Warnings} warnings, {Escalations - Warnings} after a breach), {Duplicates} repeats suppressed by key; " +
        $"{Attainment.InteractionsBreached} interactions ever breached; {Attainment.RemediesDue.Sum(r => r.Count)} remedies due " +
        $"(credits {Attainment.RemediesDue.Where(r => r.Kind == RemedyKind.Credit).Sum(r => r.Amount).ToString("0", CultureInfo.InvariantCulture)} GBP)";

    public static string Day(LocalDate date) => date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Shows a period key (<c>yyyy-MM-dd</c>) with its day name.</summary>
    public static string Day(string key) => Day(LocalDatePattern.Iso.Parse(key).Value);

    /// <summary>The cells of a row of counts, in the order of <see cref="CountColumns"/>.</summary>
    public static string[] Cells(AttainmentCounts counts) =>
    [
        .. new[] { counts.Total, counts.MetOnTime, counts.MetLate, counts.MetEarly, counts.Breached, counts.OpenAtRisk, counts.OpenOnTrack, counts.Cancelled, counts.Waived }
            .Select(n => n.ToString(CultureInfo.InvariantCulture)),
        counts.OnTimeShare is { } share ? (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
    ];

    /// <summary>The rows of one dimension, with an empty key shown as "(none)".</summary>
    public IEnumerable<(string Name, AttainmentCounts Counts)> Rows(ReportDimension dimension, Func<string, string>? show = null) =>
        Attainment.RowsOf(dimension).Select(r => (r.Key.Length == 0 ? "(none)" : show?.Invoke(r.Key) ?? r.Key, r.Cycles));
}
