// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Catalog;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Reporting;

namespace ServicePolicy.HelpdeskService.Dashboard;

/// <summary>
/// The read-only dashboard: an ASP.NET Core minimal API whose JSON endpoints are the data source of one static page
/// (index.html, dashboard.js and dashboard.css, embedded in the sample's assembly: no front-end build step, nothing
/// fetched from elsewhere). The queue is read page by page from the store's index through
/// <see cref="IInteractionService.GetQueueAsync"/>, never by scanning timelines. Attainment comes from the library's
/// aggregation (<see cref="AttainmentSource"/>).
/// </summary>
internal static class DashboardApp
{
    /// <summary>The states the page shows, in the order it shows them (closed interactions are not in the queue).</summary>
    public static readonly QueueState[] States = [QueueState.Breached, QueueState.AtRisk, QueueState.OnTrack, QueueState.Waiting, QueueState.Failed];

    /// <summary>Rows per page when the request names no size.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The days of attainment when the request names none, and the most it may name.</summary>
    public const int DefaultDays = 7, MaxDays = 90;

    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
        ("/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
    ];

    /// <summary>Builds the dashboard's web application, listening on <paramref name="url"/> (port 0: a free port, read
    /// from <c>Urls</c> once started). Not started.</summary>
    public static WebApplication Build(Uri url, IInteractionService desk, IServicePolicyEvaluator evaluator, IClock clock, ILoggerFactory loggerFactory)
    {
        // The empty builder reads no configuration and registers no logging of its own: the sample's host has both.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        WebApplication app = builder.Build();
        app.Urls.Add(url.GetLeftPart(UriPartial.Authority));

        foreach ((string path, string resource, string contentType) in Files)
        {
            byte[] content = ReadResource(resource);
            app.MapGet(path, () => Results.Bytes(content, contentType));
        }
        // As a Delegate, so that the IResult is written to the response (a RequestDelegate would discard it).
        app.MapGet("/api/queue", (Delegate)((HttpContext context) => QueueAsync(context, desk, clock)));
        var attainment = new AttainmentSource(desk, evaluator, clock);
        app.MapGet("/api/attainment", (Delegate)((HttpContext context) => AttainmentAsync(context, attainment)));
        return app;
    }

    /// <summary><c>GET /api/queue?state=Breached&amp;pageSize=25&amp;after=…</c>: one page of one state, by deadline.
    /// <c>next</c> in the answer is the <c>after</c> of the next page (null on the last).</summary>
    private static async Task<IResult> QueueAsync(HttpContext context, IInteractionService desk, IClock clock)
    {
        IQueryCollection query = context.Request.Query;
        if (!Enum.TryParse(query["state"].ToString(), ignoreCase: false, out QueueState state) || !Enum.IsDefined(state) || int.TryParse(query["state"], out _))
        {
            return Results.BadRequest(new { error = $"state '{query["state"]}' is not one of {string.Join(", ", Enum.GetNames<QueueState>())}." });
        }
        int pageSize = DefaultPageSize;
        if (query.ContainsKey("pageSize")
            && (!int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > QueueQuery.MaxPageSize))
        {
            return Results.BadRequest(new { error = $"pageSize '{query["pageSize"]}' is not a number from 1 to {QueueQuery.MaxPageSize}." });
        }
        QueueQuery queueQuery = QueueQuery.InState(state, pageSize);
        if (query.ContainsKey("after"))
        {
            if (Cursor.Parse(query["after"].ToString()) is not { } cursor)
            {
                return Results.BadRequest(new { error = $"after '{query["after"]}' is not a cursor this dashboard wrote." });
            }
            queueQuery = queueQuery.ContinueAfter(cursor);
        }
        QueuePage page = await desk.GetQueueAsync(queueQuery, context.RequestAborted);
        return Results.Json(new
        {
            now = Format(clock.GetCurrentInstant()),
            state = state.ToString(),
            items = page.Items.Select(r => new
            {
                id = r.Id,
                deadline = r.Summary.Deadline is { } d ? Format(d) : null,
                owner = r.Summary.Owner,
                policy = r.Summary.Policy,
                evaluatedAt = Format(r.Summary.EvaluatedAt),
                failure = r.Summary.Failure,
            }),
            next = page.Next is { } next ? Cursor.Format(next) : null,
        });
    }

    /// <summary><c>GET /api/attainment?days=7</c>: commitment cycles of the interactions opened in the last days, by
    /// attainment, per policy and per team, as the library's <see cref="AttainmentAggregator"/> counts them.</summary>
    private static async Task<IResult> AttainmentAsync(HttpContext context, AttainmentSource source)
    {
        IQueryCollection query = context.Request.Query;
        int days = DefaultDays;
        if (query.ContainsKey("days")
            && (!int.TryParse(query["days"], NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > MaxDays))
        {
            return Results.BadRequest(new { error = $"days '{query["days"]}' is not a number from 1 to {MaxDays}." });
        }
        AttainmentSource.Result result = await source.ReadAsync(days, context.RequestAborted);
        AttainmentReport report = result.Report;
        return Results.Json(new
        {
            now = Format(result.Now),
            since = Format(result.Since),
            days,
            interactions = report.Interactions,
            failed = result.Failed,
            truncated = result.Truncated,
            policies = report.RowsOf(ReportDimension.Policy).Select(Group),
            teams = report.RowsOf(ReportDimension.Team).Select(Group),
        });

        static object Group(AttainmentRow row) => new
        {
            key = row.Key,
            interactions = row.Interactions,
            metOnTime = row.Cycles.MetOnTime,
            metLate = row.Cycles.MetLate,
            metEarly = row.Cycles.MetEarly,
            breached = row.Cycles.Breached,
            openAtRisk = row.Cycles.OpenAtRisk,
            openOnTrack = row.Cycles.OpenOnTrack,
            cancelled = row.Cycles.Cancelled,
            waived = row.Cycles.Waived,
            onTimeShare = row.Cycles.OnTimeShare,
        };
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static byte[] ReadResource(string name)
    {
        Assembly assembly = typeof(DashboardApp).Assembly;
        using Stream stream = assembly.GetManifestResourceStream("Dashboard." + name)
            ?? throw new InvalidOperationException($"The dashboard's file '{name}' is not embedded in {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A queue cursor in a query string: the last row's deadline in ticks since the Unix epoch (empty when it
    /// had none), '~', and its id.</summary>
    internal static class Cursor
    {
        public static string Format(QueueCursor cursor) =>
            string.Create(CultureInfo.InvariantCulture, $"{cursor.Deadline?.ToUnixTimeTicks()}~{cursor.InteractionId}");

        public static QueueCursor? Parse(string text)
        {
            int separator = text.IndexOf('~', StringComparison.Ordinal);
            if (separator < 0 || separator == text.Length - 1)
            {
                return null;
            }
            string ticks = text[..separator], id = text[(separator + 1)..];
            if (ticks.Length == 0)
            {
                return new QueueCursor(null, id);
            }
            return long.TryParse(ticks, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long t)
                && t >= Instant.MinValue.ToUnixTimeTicks() && t <= Instant.MaxValue.ToUnixTimeTicks()
                ? new QueueCursor(Instant.FromUnixTimeTicks(t), id)
                : null;
        }
    }
}
