// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.HelpdeskService;
using ServicePolicy.HelpdeskService.Dashboard;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Sqlite;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Policies;

namespace ServicePolicy.Dashboard.Tests;

/// <summary>
/// The HelpdeskService sample's desk on a fresh SQLite file (a temporary directory, deleted on dispose), under the
/// sample's own policies (its appsettings.json) and a fake clock, seeded with known tickets through the fact path, and
/// its dashboard started in process on a free loopback port. No timer worker or relay runs: each ticket's stored state
/// is the one its last fact left.
/// </summary>
/// <remarks>
/// The seed, at <see cref="Start"/> (T) plus seconds; normal tickets fall under "standard" (first response 40 s, at risk
/// at 75%), urgent ones under "urgent" (first response 15 s, at risk 5 s before). At T+31 the clock stops:
/// <list type="bullet">
/// <item>desk.0 normal, billing, opened T-10 days, answered 10 s later and resolved 60 s after opening: closed, and
/// older than the last 7 days.</item>
/// <item>desk.1 normal, support, opened T+0; customer wrote again at T+31: at risk, deadline T+40.</item>
/// <item>desk.2 urgent, billing, opened T+0; customer wrote again at T+31: breached, deadline T+15.</item>
/// <item>desk.3 normal, billing, opened T+5: on track, deadline T+45.</item>
/// <item>desk.4 normal, support, opened T+10, waiting on the customer from T+12: waiting.</item>
/// <item>desk.5 urgent, support, opened T+20; customer wrote again at T+31: at risk, deadline T+35.</item>
/// <item>desk.6 normal, support, opened T+31: on track, deadline T+71.</item>
/// <item>desk.7 normal, billing, opened T+0, answered T+3: on track, resolution deadline T+180.</item>
/// <item>desk.8 normal, support, opened T+1, resolved T+2: closed, in no state the page shows.</item>
/// </list>
/// </remarks>
internal sealed class SeededDesk : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 12, 7, 9, 0);

    private readonly string directory;
    private readonly ServiceProvider services;
    private readonly WebApplication app;

    private SeededDesk(string directory, ServiceProvider services, WebApplication app, Uri address)
    {
        this.directory = directory;
        this.services = services;
        this.app = app;
        Address = address;
    }

    /// <summary>Gets the dashboard's address (http://127.0.0.1:port/).</summary>
    public Uri Address { get; }

    /// <summary>Gets the clock's instant: T+31.</summary>
    public static Instant Now => Start + Duration.FromSeconds(31);

    public static async Task<SeededDesk> StartAsync(CancellationToken cancellationToken)
    {
        string directory = Directory.CreateTempSubdirectory("servicepolicy-dashboard-").FullName;
        var clock = new FakeClock(Start);
        IConfiguration configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json")
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ServicePolicy:Hosting:NodeId"] = "dashboard-test",
                [SqliteStoreOptions.SectionName + ":DataSource"] = Path.Combine(directory, "helpdesk.db"),
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton(configuration);
        collection.AddSingleton<IClock>(clock);
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        collection.AddSingleton<IEscalationDirectory, DeskDirectory>();
        collection.AddServicePolicy(configuration.GetSection("ServicePolicy"));
        collection.AddServicePolicyHosting(h => h.UseChannel<UnusedChannel>());
        collection.AddServicePolicySqliteStore(configuration.GetSection(SqliteStoreOptions.SectionName));
        ServiceProvider services = collection.BuildServiceProvider();
        WebApplication? app = null;
        try
        {
            await services.GetRequiredService<IInteractionStore>().InitializeAsync(cancellationToken);
            await SeedAsync(services.GetRequiredService<IInteractionService>(), clock, cancellationToken);
            app = DashboardApp.Build(new Uri("http://127.0.0.1:0"), services.GetRequiredService<IInteractionService>(),
                services.GetRequiredService<IServicePolicyEvaluator>(), clock, NullLoggerFactory.Instance);
            await app.StartAsync(cancellationToken);
            return new SeededDesk(directory, services, app, new Uri(app.Urls.Single()));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static async Task SeedAsync(IInteractionService desk, FakeClock clock, CancellationToken cancellationToken)
    {
        async Task At(int seconds, string id, TimelineFact fact)
        {
            clock.Reset(Start + Duration.FromSeconds(seconds));
            await desk.RecordAsync(id, fact, cancellationToken);
        }
        Instant T(int seconds) => Start + Duration.FromSeconds(seconds);
        static InteractionOpened Opened(Instant at, string team, string priority) =>
            new(at, Owner.Team(team), new InteractionProfile(channel: "email", priority: priority));

        const int TenDays = 10 * 86_400;
        await At(-TenDays, "desk.0", Opened(T(-TenDays), "billing", "normal"));
        await At(-TenDays + 10, "desk.0", new AgentReplied(T(-TenDays + 10)));
        await At(-TenDays + 60, "desk.0", new InteractionResolved(T(-TenDays + 60)));
        await At(0, "desk.1", Opened(T(0), "support", "normal"));
        await At(0, "desk.2", Opened(T(0), "billing", "urgent"));
        await At(0, "desk.7", Opened(T(0), "billing", "normal"));
        await At(1, "desk.8", Opened(T(1), "support", "normal"));
        await At(2, "desk.8", new InteractionResolved(T(2)));
        await At(3, "desk.7", new AgentReplied(T(3)));
        await At(5, "desk.3", Opened(T(5), "billing", "normal"));
        await At(10, "desk.4", Opened(T(10), "support", "normal"));
        await At(12, "desk.4", new WaitingStarted(T(12)));
        await At(20, "desk.5", Opened(T(20), "support", "urgent"));
        await At(31, "desk.1", new CustomerReplied(T(31)));
        await At(31, "desk.2", new CustomerReplied(T(31)));
        await At(31, "desk.5", new CustomerReplied(T(31)));
        await At(31, "desk.6", Opened(T(31), "support", "normal"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>No relay runs in these tests; the hosting runtime still needs a channel registered.</summary>
    private sealed class UnusedChannel : IOutboxChannel
    {
        public Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The dashboard tests run no outbox relay.");
    }
}
