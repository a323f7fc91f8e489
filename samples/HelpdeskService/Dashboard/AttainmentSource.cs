// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Reporting;

namespace ServicePolicy.HelpdeskService.Dashboard;

/// <summary>
/// Attainment over the last days for the dashboard: every stored interaction opened since then, evaluated now, added to
/// the library's <see cref="AttainmentAggregator"/> (the dashboard counts nothing itself). The store has no index by
/// opening date, so this reads the queue of every state page by page, at most <see cref="MaxInteractions"/> records:
/// enough for the sample's desk; a busy desk would aggregate in a background job and keep the report.
/// </summary>
internal sealed class AttainmentSource(IInteractionService desk, IServicePolicyEvaluator evaluator, IClock clock)
{
    /// <summary>The most stored interactions one report reads.</summary>
    public const int MaxInteractions = 10_000;

    private const int PageSize = 500;

    /// <summary>Aggregates the interactions opened in the <paramref name="days"/> days before now.</summary>
    public async Task<Result> ReadAsync(int days, CancellationToken cancellationToken)
    {
        Instant now = clock.GetCurrentInstant();
        Instant since = now - Duration.FromDays(days);
        var aggregator = new AttainmentAggregator(DateTimeZone.Utc);
        int read = 0, failed = 0;
        bool truncated = false;
        foreach (QueueState state in Enum.GetValues<QueueState>())
        {
            QueueQuery query = QueueQuery.InState(state, PageSize);
            while (!truncated)
            {
                QueuePage page = await desk.GetQueueAsync(query, cancellationToken);
                foreach (InteractionRecord record in page.Items)
                {
                    if (++read > MaxInteractions)
                    {
                        truncated = true;
                        break;
                    }
                    failed += Add(aggregator, record, since, now) ? 0 : 1;
                }
                if (page.Next is not { } next)
                {
                    break;
                }
                query = query.ContinueAfter(next);
            }
        }
        return new Result(now, since, aggregator.ToReport(), failed, truncated);
    }

    /// <summary>Adds the record when it was opened at or after <paramref name="since"/>; false when its timeline does
    /// not read or evaluate (a failed interaction).</summary>
    private bool Add(AttainmentAggregator aggregator, InteractionRecord record, Instant since, Instant now)
    {
        Timeline timeline;
        EvaluationResult result;
        try
        {
            timeline = TimelineJson.Deserialize(record.Timeline);
            if (timeline.Opened.At < since)
            {
                return true;
            }
            // As the hosting runtime does: never before the last fact, whatever the clock says.
            result = evaluator.Evaluate(timeline, Instant.Max(now, timeline.LastInstant));
        }
        catch (Exception e) when (e is StoredFormatException or InvalidTimelineException)
        {
            return false;
        }
        aggregator.Add(result, timeline.Opened.Profile);
        return true;
    }

    /// <summary>A report and how it was made.</summary>
    /// <param name="Now">The instant the interactions were evaluated at.</param>
    /// <param name="Since">The earliest opening counted.</param>
    /// <param name="Report">The library's report.</param>
    /// <param name="Failed">Interactions left out because they no longer evaluate.</param>
    /// <param name="Truncated">Whether more than <see cref="MaxInteractions"/> were stored (the rest not read).</param>
    internal sealed record Result(Instant Now, Instant Since, AttainmentReport Report, int Failed, bool Truncated);
}
