// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Reporting;

/// <summary>
/// Builds an <see cref="AttainmentReport"/> from evaluation results, one per interaction: <see cref="Add"/> each,
/// <see cref="Merge"/> partial aggregators, then <see cref="ToReport"/>.
/// </summary>
/// <remarks>
/// <para>Add each interaction once, with its latest evaluation (the statuses of every cycle so far). The result knows the
/// policy, owner, cycles and remedies; the host adds what it lacks: the profile (channel, tier, internal or external)
/// and, optionally, the team.</para>
/// <para>Mutable and <b>not thread-safe</b>. To aggregate in parallel, use one aggregator per thread, then merge them
/// into one: merging gives exactly the report of adding all the results to one aggregator.</para>
/// </remarks>
[Mutable]
public sealed class AttainmentAggregator
{
    private const int Dimensions = 8;
    private static readonly int BuiltInKinds = Enum.GetValues<CommitmentKind>().Length;

    private readonly GroupTable[] tables = Enumerable.Range(0, Dimensions).Select(_ => new GroupTable()).ToArray();
    private readonly long[] totals = new long[AttainmentCounts.Attainments];
    private readonly List<DurationHistogram> onClock = new();
    private readonly List<DurationHistogram> elapsed = new();
    private readonly Dictionary<(RemedyKind Kind, string? Currency), (long Count, decimal Amount)> remedies = new();
    private readonly Dictionary<(RemedyKind Kind, string? Currency), (long Count, decimal Amount)> remediesGiven = new();
    private readonly Dictionary<(ReportDimension Dimension, string Key), FeedbackTally> feedback = new();
    private readonly FeedbackTally feedbackTotal = new();
    private long remediesGivenLate;
    private long remediesOverdue;
    private readonly Dictionary<ServiceLevelPolicy, string> policyKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Owner, string> ownerKeys = new();
    private readonly Dictionary<(CommitmentKind Kind, string Name), string> customKindKeys = new();
    private readonly string?[] kindKeys;
    private readonly List<(Instant Start, Instant End, int Slot)> periods = new();
    private long interactions;
    private long interactionsBreached;
    private long handoffLimitBreaches;
    private long stamp;

    // The period of the last cycle, as an instant range, so consecutive cycles in one period skip the time zone.
    private Instant periodStart = Instant.MaxValue;
    private Instant periodEnd = Instant.MinValue;
    private int periodSlot;

    /// <summary>Creates an empty aggregator.</summary>
    /// <param name="zone">The time zone whose local dates make the periods.</param>
    /// <param name="period">The length of the periods; days by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not a defined value.</exception>
    public AttainmentAggregator(DateTimeZone zone, ReportPeriod period = ReportPeriod.Day)
    {
        Zone = Preconditions.CheckNotNull(zone);
        if (!Enum.IsDefined(period))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(period), period, $"Report period {period} is not a defined ReportPeriod value.");
        }
        Period = period;
        kindKeys = new string?[BuiltInKinds];
    }

    /// <summary>Gets the time zone of the periods.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the length of the periods.</summary>
    public ReportPeriod Period { get; }

    /// <summary>Gets how many results were added (merged ones included).</summary>
    public long Count => interactions;

    /// <summary>Adds an interaction's evaluation result.</summary>
    /// <param name="result">The interaction's latest evaluation.</param>
    /// <param name="profile">The interaction's profile (channel, tier, internal or external), which the result does not
    /// carry; usually that of its <see cref="InteractionOpened"/> fact.</param>
    /// <param name="team">The team to report the interaction under; null for the owner's id when the owner is a team,
    /// otherwise unknown (an empty key).</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="profile"/> is null.</exception>
    public void Add(EvaluationResult result, InteractionProfile profile, string? team = null)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckNotNull(profile);
        long current = ++stamp;
        Span<long> cycles = stackalloc long[AttainmentCounts.Attainments];
        bool breached = result.HandoffLimitBreachedAt is not null;
        GroupTable kinds = tables[(int)ReportDimension.Kind];
        GroupTable periods = tables[(int)ReportDimension.Period];
        IReadOnlyList<CommitmentStatus> statuses = result.Commitments;
        for (int i = 0; i < statuses.Count; i++)
        {
            CommitmentStatus status = statuses[i];
            Attainment attainment = Of(status.State);
            bool cycleBreached = attainment is Attainment.MetLate or Attainment.MetEarly or Attainment.Breached;
            breached |= cycleBreached;
            cycles[(int)attainment]++;

            int kind = kinds.SlotOf(KindKey(status));
            kinds.CountCycle(kind, attainment);
            kinds.Touch(kind, current, cycleBreached);
            if (status.MetAt is { } metAt)
            {
                HistogramsOf(kind);
                onClock[kind].Add(status.Elapsed);
                elapsed[kind].Add(metAt - status.StartedAt);
            }

            int period = PeriodSlot(status.StartedAt);
            periods.CountCycle(period, attainment);
            periods.Touch(period, current, cycleBreached);
        }

        string policyKey = PolicyKey(result.Policy);
        string teamKey = team ?? (result.Owner.Kind == OwnerKind.Team ? result.Owner.Id : string.Empty);
        string ownerKey = OwnerKey(result.Owner);
        string audienceKey = profile.IsInternal ? "internal" : "external";
        AddToGroup(ReportDimension.Policy, policyKey, cycles, breached);
        AddToGroup(ReportDimension.Team, teamKey, cycles, breached);
        AddToGroup(ReportDimension.Owner, ownerKey, cycles, breached);
        AddToGroup(ReportDimension.Channel, profile.Channel ?? string.Empty, cycles, breached);
        AddToGroup(ReportDimension.Tier, profile.CustomerTier ?? string.Empty, cycles, breached);
        AddToGroup(ReportDimension.Audience, audienceKey, cycles, breached);
        IReadOnlyList<FeedbackReceived> answers = result.Feedback;
        for (int i = 0; i < answers.Count; i++)
        {
            int score = answers[i].Score;
            feedbackTotal.Add(score, 1);
            AddFeedback(ReportDimension.Policy, policyKey, score);
            AddFeedback(ReportDimension.Team, teamKey, score);
            AddFeedback(ReportDimension.Owner, ownerKey, score);
            AddFeedback(ReportDimension.Channel, profile.Channel ?? string.Empty, score);
            AddFeedback(ReportDimension.Tier, profile.CustomerTier ?? string.Empty, score);
            AddFeedback(ReportDimension.Audience, audienceKey, score);
        }
        for (int i = 0; i < AttainmentCounts.Attainments; i++)
        {
            totals[i] += cycles[i];
        }
        interactions++;
        interactionsBreached += breached ? 1 : 0;
        handoffLimitBreaches += result.HandoffLimitBreachedAt is null ? 0 : 1;

        IReadOnlyList<RemedyDue> due = result.RemediesDue;
        for (int i = 0; i < due.Count; i++)
        {
            BreachRemedy remedy = due[i].Remedy;
            var key = (remedy.Kind, remedy.Currency);
            remedies.TryGetValue(key, out (long Count, decimal Amount) sum);
            remedies[key] = (sum.Count + 1, sum.Amount + (remedy.Amount ?? 0m));
            remediesOverdue += due[i].IsOverdue ? 1 : 0;
        }

        IReadOnlyList<GivenRemedy> given = result.RemediesGiven;
        for (int i = 0; i < given.Count; i++)
        {
            // The amount actually applied when the fact records one, otherwise the policy's.
            GivenRemedy gift = given[i];
            var key = (gift.Remedy.Kind, gift.Given.Currency ?? gift.Remedy.Currency);
            remediesGiven.TryGetValue(key, out (long Count, decimal Amount) sum);
            remediesGiven[key] = (sum.Count + 1, sum.Amount + (gift.Given.Amount ?? gift.Remedy.Amount ?? 0m));
            remediesGivenLate += gift.IsLate ? 1 : 0;
        }
    }

    /// <summary>Adds everything another aggregator has counted to this one; the other is unchanged. Afterwards this
    /// aggregator reports exactly as if it had been given the other's results as well.</summary>
    /// <param name="other">An aggregator with the same zone and period, holding other interactions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this aggregator, or has another zone or period.</exception>
    public void Merge(AttainmentAggregator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(!ReferenceEquals(other, this), nameof(other), "An aggregator cannot be merged into itself.");
        Preconditions.CheckArgument(other.Zone.Id == Zone.Id && other.Period == Period, nameof(other),
            $"Only aggregators with the same zone and period merge: this one has {Zone.Id} by {Period}, the other {other.Zone.Id} by {other.Period}.");
        for (int d = 0; d < Dimensions; d++)
        {
            if (d == (int)ReportDimension.Kind)
            {
                tables[d].Merge(other.tables[d], (theirs, mine) =>
                {
                    if (theirs < other.onClock.Count)
                    {
                        HistogramsOf(mine);
                        onClock[mine].Merge(other.onClock[theirs]);
                        elapsed[mine].Merge(other.elapsed[theirs]);
                    }
                });
            }
            else
            {
                tables[d].Merge(other.tables[d]);
            }
        }
        for (int i = 0; i < AttainmentCounts.Attainments; i++)
        {
            totals[i] += other.totals[i];
        }
        interactions += other.interactions;
        interactionsBreached += other.interactionsBreached;
        handoffLimitBreaches += other.handoffLimitBreaches;
        foreach (KeyValuePair<(RemedyKind, string?), (long Count, decimal Amount)> pair in other.remedies)
        {
            remedies.TryGetValue(pair.Key, out (long Count, decimal Amount) sum);
            remedies[pair.Key] = (sum.Count + pair.Value.Count, sum.Amount + pair.Value.Amount);
        }
        foreach (KeyValuePair<(RemedyKind, string?), (long Count, decimal Amount)> pair in other.remediesGiven)
        {
            remediesGiven.TryGetValue(pair.Key, out (long Count, decimal Amount) sum);
            remediesGiven[pair.Key] = (sum.Count + pair.Value.Count, sum.Amount + pair.Value.Amount);
        }
        remediesGivenLate += other.remediesGivenLate;
        remediesOverdue += other.remediesOverdue;
        feedbackTotal.Merge(other.feedbackTotal);
        foreach (KeyValuePair<(ReportDimension, string), FeedbackTally> pair in other.feedback)
        {
            if (!feedback.TryGetValue(pair.Key, out FeedbackTally? tally))
            {
                feedback.Add(pair.Key, tally = new FeedbackTally());
            }
            tally.Merge(pair.Value);
        }
    }

    /// <summary>Returns the report of everything added so far; the aggregator can go on.</summary>
    /// <returns>The report.</returns>
    public AttainmentReport ToReport()
    {
        var rows = new List<AttainmentRow>();
        for (int d = 0; d < Dimensions; d++)
        {
            GroupTable table = tables[d];
            foreach (int slot in Enumerable.Range(0, table.Count).OrderBy(table.KeyOf, StringComparer.Ordinal))
            {
                ReadOnlySpan<long> row = table.Row(slot);
                rows.Add(new AttainmentRow((ReportDimension)d, table.KeyOf(slot), AttainmentCounts.From(row),
                    row[GroupTable.InteractionsColumn], row[GroupTable.BreachedColumn]));
            }
        }
        GroupTable kinds = tables[(int)ReportDimension.Kind];
        TimeToMeet[] timings = Enumerable.Range(0, kinds.Count)
            .OrderBy(slot => KindOrder(kinds.KeyOf(slot))).ThenBy(kinds.KeyOf, StringComparer.Ordinal)
            .Select(slot => slot < onClock.Count
                ? new TimeToMeet(kinds.KeyOf(slot), onClock[slot].ToPercentiles(), elapsed[slot].ToPercentiles())
                : new TimeToMeet(kinds.KeyOf(slot), DurationPercentiles.Empty, DurationPercentiles.Empty))
            .ToArray();
        FeedbackRow[] feedbackRows = feedback
            .OrderBy(p => p.Key.Dimension).ThenBy(p => p.Key.Key, StringComparer.Ordinal)
            .Select(p => new FeedbackRow(p.Key.Dimension, p.Key.Key, p.Value.ToScores()))
            .ToArray();
        return new AttainmentReport(Zone.Id, Period, interactions, interactionsBreached, handoffLimitBreaches,
            AttainmentCounts.From(totals), rows, timings, Totals(remedies), Totals(remediesGiven), remediesGivenLate, remediesOverdue,
            feedbackTotal.ToScores(), feedbackRows);
    }

    private static RemedyTotal[] Totals(Dictionary<(RemedyKind Kind, string? Currency), (long Count, decimal Amount)> sums) => sums
        .OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Currency, StringComparer.Ordinal)
        .Select(p => new RemedyTotal(p.Key.Kind, p.Key.Currency, p.Value.Count, p.Value.Amount))
        .ToArray();

    private void AddFeedback(ReportDimension dimension, string key, int score)
    {
        if (!feedback.TryGetValue((dimension, key), out FeedbackTally? tally))
        {
            feedback.Add((dimension, key), tally = new FeedbackTally());
        }
        tally.Add(score, 1);
    }

    /// <summary>Returns how a cycle in a state counts (see <see cref="Attainment"/>).</summary>
    /// <param name="state">The cycle's state.</param>
    /// <returns>Its attainment.</returns>
    public static Attainment Of(CommitmentState state) => state switch
    {
        CommitmentState.Met => Attainment.MetOnTime,
        CommitmentState.MetLate => Attainment.MetLate,
        CommitmentState.Breached => Attainment.Breached,
        CommitmentState.AtRisk => Attainment.OpenAtRisk,
        CommitmentState.Cancelled => Attainment.Cancelled,
        CommitmentState.Waived => Attainment.Waived,
        CommitmentState.MetEarly => Attainment.MetEarly,
        _ => Attainment.OpenOnTrack,
    };

    private static int KindOrder(string key) =>
        Enum.TryParse(key, out CommitmentKind kind) && kind != CommitmentKind.Custom ? (int)kind : BuiltInKinds;

    private void AddToGroup(ReportDimension dimension, string key, ReadOnlySpan<long> cycles, bool breached)
    {
        GroupTable table = tables[(int)dimension];
        table.AddInteraction(table.SlotOf(key), cycles, breached);
    }

    private void HistogramsOf(int kindSlot)
    {
        while (onClock.Count <= kindSlot)
        {
            onClock.Add(new DurationHistogram());
            elapsed.Add(new DurationHistogram());
        }
    }

    private string KindKey(CommitmentStatus status)
    {
        if (status.Name is null)
        {
            return kindKeys[(int)status.Kind] ??= status.Kind.ToString();
        }
        // Custom commitments and named measures of a built-in kind: "Custom:{name}", "Resolution:{name}" (as in action keys).
        if (!customKindKeys.TryGetValue((status.Kind, status.Name), out string? key))
        {
            customKindKeys.Add((status.Kind, status.Name), key = ReportKeys.Kind(status));
        }
        return key;
    }

    private string PolicyKey(ServiceLevelPolicy policy)
    {
        if (!policyKeys.TryGetValue(policy, out string? key))
        {
            policyKeys.Add(policy, key = policy.ToString());
        }
        return key;
    }

    private string OwnerKey(Owner owner)
    {
        if (!ownerKeys.TryGetValue(owner, out string? key))
        {
            ownerKeys.Add(owner, key = owner.ToString());
        }
        return key;
    }

    private int PeriodSlot(Instant startedAt)
    {
        if (startedAt >= periodStart && startedAt < periodEnd)
        {
            return periodSlot;
        }
        // The periods seen so far, by start: results come in any order, so cycles jump between a few periods, and the
        // time zone and the key's text are needed only for a new one (AttainmentAggregatorBenchmarks).
        int index = periods.BinarySearch((startedAt, startedAt, 0), PeriodStartComparer.Instance);
        index = index >= 0 ? index : ~index - 1;
        if (index >= 0 && startedAt < periods[index].End)
        {
            (periodStart, periodEnd, periodSlot) = periods[index];
            return periodSlot;
        }
        LocalDate date = startedAt.InZone(Zone).Date;
        LocalDate first = Period switch
        {
            ReportPeriod.Week => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)),
            ReportPeriod.Month => date.With(DateAdjusters.StartOfMonth),
            _ => date,
        };
        LocalDate next = Period switch
        {
            ReportPeriod.Week => first.PlusWeeks(1),
            ReportPeriod.Month => first.PlusMonths(1),
            _ => first.PlusDays(1),
        };
        periodStart = Zone.AtStartOfDay(first).ToInstant();
        periodEnd = Zone.AtStartOfDay(next).ToInstant();
        periodSlot = tables[(int)ReportDimension.Period].SlotOf(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        periods.Insert(index + 1, (periodStart, periodEnd, periodSlot));
        return periodSlot;
    }

    /// <summary>The answers of one group: a count per score (scales are small: 1-5, 0-10).</summary>
    private sealed class FeedbackTally
    {
        private readonly SortedDictionary<int, long> scores = new();

        internal void Add(int score, long count)
        {
            scores.TryGetValue(score, out long sum);
            scores[score] = sum + count;
        }

        internal void Merge(FeedbackTally other)
        {
            foreach (KeyValuePair<int, long> pair in other.scores)
            {
                Add(pair.Key, pair.Value);
            }
        }

        internal FeedbackScores ToScores()
        {
            long count = 0, sum = 0;
            var distribution = new List<ScoreCount>(scores.Count);
            foreach (KeyValuePair<int, long> pair in scores)
            {
                count += pair.Value;
                sum += pair.Key * pair.Value;
                distribution.Add(new ScoreCount(pair.Key, pair.Value));
            }
            return count == 0 ? FeedbackScores.Empty : new FeedbackScores(count, sum, distribution);
        }
    }

    private sealed class PeriodStartComparer : IComparer<(Instant Start, Instant End, int Slot)>
    {
        public static readonly PeriodStartComparer Instance = new();

        public int Compare((Instant Start, Instant End, int Slot) x, (Instant Start, Instant End, int Slot) y) => x.Start.CompareTo(y.Start);
    }
}
