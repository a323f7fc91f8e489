// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>
/// Attainment over a set of evaluation results: cycles by attainment in total and per group, interactions ever
/// breached, time to meet each commitment kind, the remedies due and given, and the customers' feedback scores. Built by <see cref="AttainmentAggregator"/>;
/// written as CSV by <see cref="ReportCsv"/>; serializable with System.Text.Json as it is.
/// </summary>
/// <remarks>
/// <para>Rows are ordered by <see cref="ReportDimension"/>, then by key (ordinal); time-to-meet by commitment kind
/// (the built-in kinds in their enum order, then custom ones by name); remedies by kind, then currency.</para>
/// <para>Immutable (the lists are read-only copies). Equality is reference equality of the lists (a record); compare
/// two reports by their JSON.</para>
/// </remarks>
[Immutable]
public sealed record AttainmentReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="zone">The IANA id of the time zone periods are local to.</param>
    /// <param name="period">The length of the periods.</param>
    /// <param name="interactions">The evaluation results added, one per interaction.</param>
    /// <param name="interactionsBreached">Of those, the interactions with a cycle met late or breached, or a breached
    /// handoff limit.</param>
    /// <param name="handoffLimitBreaches">The interactions whose handoff limit was breached.</param>
    /// <param name="cycles">Every cycle by attainment.</param>
    /// <param name="rows">The groups.</param>
    /// <param name="timeToMeet">Time to meet per commitment kind.</param>
    /// <param name="remediesDue">The remedies due and not given, by kind and currency.</param>
    /// <param name="remediesGiven">The remedies recorded as given, by kind and currency; null for none.</param>
    /// <param name="remediesGivenLate">Of those, the ones given after their own deadline.</param>
    /// <param name="remediesOverdue">Of the remedies due, the ones past their own deadline.</param>
    /// <param name="feedback">Every feedback answer; null for none.</param>
    /// <param name="feedbackRows">The feedback answers per group; null for none.</param>
    /// <exception cref="System.ArgumentNullException">A reference argument that is not optional is null.</exception>
    [JsonConstructor]
    public AttainmentReport(string zone, ReportPeriod period, long interactions, long interactionsBreached, long handoffLimitBreaches,
        AttainmentCounts cycles, IReadOnlyList<AttainmentRow> rows, IReadOnlyList<TimeToMeet> timeToMeet, IReadOnlyList<RemedyTotal> remediesDue,
        IReadOnlyList<RemedyTotal>? remediesGiven = null, long remediesGivenLate = 0, long remediesOverdue = 0,
        FeedbackScores? feedback = null, IReadOnlyList<FeedbackRow>? feedbackRows = null)
    {
        RemediesGiven = (remediesGiven ?? []).ToArray().AsReadOnly();
        RemediesGivenLate = remediesGivenLate;
        RemediesOverdue = remediesOverdue;
        Feedback = feedback ?? FeedbackScores.Empty;
        FeedbackRows = (feedbackRows ?? []).ToArray().AsReadOnly();
        Zone = Preconditions.CheckNotNull(zone);
        Period = period;
        Interactions = interactions;
        InteractionsBreached = interactionsBreached;
        HandoffLimitBreaches = handoffLimitBreaches;
        Cycles = Preconditions.CheckNotNull(cycles);
        Rows = Preconditions.CheckNotNull(rows).ToArray().AsReadOnly();
        TimeToMeet = Preconditions.CheckNotNull(timeToMeet).ToArray().AsReadOnly();
        RemediesDue = Preconditions.CheckNotNull(remediesDue).ToArray().AsReadOnly();
    }

    /// <summary>Gets the IANA id of the time zone the periods are local to.</summary>
    public string Zone { get; }

    /// <summary>Gets the length of the periods.</summary>
    public ReportPeriod Period { get; }

    /// <summary>Gets how many evaluation results (interactions) were added.</summary>
    public long Interactions { get; }

    /// <summary>Gets the interactions "ever breached": with a cycle met late or breached, or a breached handoff limit.</summary>
    public long InteractionsBreached { get; }

    /// <summary>Gets the interactions whose handoff limit was breached.</summary>
    public long HandoffLimitBreaches { get; }

    /// <summary>Gets every cycle by attainment; <see cref="AttainmentCounts.Breaches"/> is the breach count.</summary>
    public AttainmentCounts Cycles { get; }

    /// <summary>Gets the groups: for each <see cref="ReportDimension"/>, one row per value seen. The rows of one
    /// dimension add up to <see cref="Cycles"/>.</summary>
    public IReadOnlyList<AttainmentRow> Rows { get; }

    /// <summary>Gets the time to meet per commitment kind, for the kinds with at least one cycle.</summary>
    public IReadOnlyList<TimeToMeet> TimeToMeet { get; }

    /// <summary>Gets the remedies due and not given (<c>EvaluationResult.RemediesDue</c>), by kind and currency.
    /// With <see cref="RemediesGiven"/>, every remedy owed.</summary>
    public IReadOnlyList<RemedyTotal> RemediesDue { get; }

    /// <summary>Gets the remedies recorded as given (<c>EvaluationResult.RemediesGiven</c>), by kind and currency, with
    /// the amounts actually applied (the policy's amount when the fact records none).</summary>
    public IReadOnlyList<RemedyTotal> RemediesGiven { get; }

    /// <summary>Gets how many of <see cref="RemediesGiven"/> were given after their own deadline.</summary>
    public long RemediesGivenLate { get; }

    /// <summary>Gets how many of <see cref="RemediesDue"/> are past their own deadline (<c>RemedyDue.IsOverdue</c>).</summary>
    public long RemediesOverdue { get; }

    /// <summary>Gets every feedback answer of the interactions added.</summary>
    public FeedbackScores Feedback { get; }

    /// <summary>Gets the feedback answers per value of the interaction dimensions (policy, team, owner, channel, tier,
    /// audience), ordered by dimension, then key; only values with at least one answer. The rows of one dimension add up
    /// to <see cref="Feedback"/>.</summary>
    public IReadOnlyList<FeedbackRow> FeedbackRows { get; }

    /// <summary>Returns the rows of one dimension, in key order.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Its rows.</returns>
    public IEnumerable<AttainmentRow> RowsOf(ReportDimension dimension) => Rows.Where(r => r.Dimension == dimension);

    /// <summary>Returns the row of one value of a dimension, or null when no cycle or interaction had it.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="key">The value (ordinal comparison).</param>
    /// <returns>The row, or null.</returns>
    public AttainmentRow? Find(ReportDimension dimension, string key) =>
        Rows.FirstOrDefault(r => r.Dimension == dimension && string.Equals(r.Key, key, System.StringComparison.Ordinal));
}
