// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Policies;

namespace ServicePolicy.HelpdeskService;

/// <summary>
/// The desk's traffic, simulated: about once a second it opens a ticket, or an agent replies, a customer writes back,
/// the desk waits on the customer, or a ticket is resolved. Every fact goes through <see cref="IInteractionService"/>
/// (the fact path: one transaction each); the timer worker and the outbox relay do the rest. Some tickets are left
/// alone for a while (the very first one always), so that warnings, escalation levels and remedies show within a
/// minute of starting. The same <c>--seed</c> opens the same tickets and makes the same choices.
/// </summary>
internal sealed class TicketSimulation(
    IInteractionService desk, IInteractionStore store, IClock clock, CommandLine commandLine, SampleConsole console,
    ILogger<TicketSimulation> logger) : BackgroundService
{
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);
    private static readonly Duration NeglectFor = Duration.FromSeconds(75);
    private static readonly string[] Channels = ["email", "chat", "phone", "web"];
    private static readonly string[] Teams = ["support", "billing"];

    private readonly Random random = new(commandLine.Seed);
    private readonly List<Ticket> open = [];
    private (Ticket, TimelineFact[], string, Stage)? pending;
    private string prefix = "";
    private int opened;

    public int FactsRecorded { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        prefix = await FirstFreePrefixAsync(stoppingToken);
        using var timer = new PeriodicTimer(Pace);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A step that could not be recorded is tried again, as it was, before anything else happens.
            (Ticket ticket, TimelineFact[] facts, string what, Stage next)? step = pending ?? NextStep();
            pending = null;
            if (step is not { } s)
            {
                continue;
            }
            try
            {
                await desk.RecordAsync(s.facts.Select(f => (s.ticket.Id, f)).ToList(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be unreachable for a while: the step is tried again at the next tick.
                logger.LogWarning(e, "Could not record '{What}' for {Ticket}; trying again", s.what, s.ticket.Id);
                pending = s;
                continue;
            }
            FactsRecorded += s.facts.Length;
            s.ticket.Stage = s.next;
            if (s.next == Stage.Resolved)
            {
                open.Remove(s.ticket);
            }
            console.WriteLine("fact", $"{s.ticket.Id} {s.what}");
        }
    }

    /// <summary>Ticket ids are <c>node.run.n</c>: the run is the first whose first ticket is not stored yet, so a copy
    /// restarted on the same database opens new tickets rather than colliding with its earlier ones.</summary>
    private async Task<string> FirstFreePrefixAsync(CancellationToken cancellationToken)
    {
        for (int run = 1; ; run++)
        {
            string candidate = string.Create(CultureInfo.InvariantCulture, $"{commandLine.Node}.{run}.");
            if (await store.FindAsync(candidate + "1", cancellationToken) is null)
            {
                return candidate;
            }
        }
    }

    /// <summary>Decides what happens next; null for a quiet second. The choices depend on the random sequence only, so
    /// a seed gives the same tickets and the same choices on every run.</summary>
    private (Ticket, TimelineFact[], string, Stage)? NextStep()
    {
        Instant now = clock.GetCurrentInstant();
        if (opened == 0 || open.Count < 3 || (open.Count < 8 && random.NextDouble() < 0.25))
        {
            return Open(now);
        }
        Ticket ticket = open[random.Next(open.Count)];
        if (ticket.LeftAloneUntil is { } until)
        {
            if (now < until)
            {
                return null;
            }
            ticket.LeftAloneUntil = null;
        }
        return ticket.Stage switch
        {
            Stage.New or Stage.CustomerWrote => (ticket, [new AgentReplied(now)], "agent replied", Stage.Answered),
            Stage.Waiting => (ticket, [new WaitingEnded(now), new CustomerReplied(now)], "customer replied, waiting ended", Stage.CustomerWrote),
            _ => random.NextDouble() switch
            {
                < 0.4 => (ticket, [new CustomerReplied(now)], "customer replied", Stage.CustomerWrote),
                < 0.6 => (ticket, [new WaitingStarted(now)], "waiting on the customer", Stage.Waiting),
                _ => (ticket, [new InteractionResolved(now)], "resolved", Stage.Resolved),
            },
        };
    }

    private (Ticket, TimelineFact[], string, Stage) Open(Instant now)
    {
        bool first = opened == 0;
        string priority = first || random.NextDouble() < 0.3 ? "urgent" : "normal";
        string channel = Channels[random.Next(Channels.Length)];
        Owner owner = Owner.Team(Teams[random.Next(Teams.Length)]);
        bool leftAlone = first || random.NextDouble() < 0.3;
        var ticket = new Ticket(prefix + (++opened).ToString(CultureInfo.InvariantCulture))
        {
            LeftAloneUntil = leftAlone ? now + NeglectFor : null,
        };
        open.Add(ticket);
        var fact = new InteractionOpened(now, owner, new InteractionProfile(channel: channel, priority: priority));
        return (ticket, [fact], $"opened: {priority}, {channel}, owner {owner}{(leftAlone ? " (nobody looks at it for a while)" : "")}", Stage.New);
    }

    private enum Stage
    {
        New,
        Answered,
        CustomerWrote,
        Waiting,
        Resolved,
    }

    private sealed class Ticket(string id)
    {
        public string Id { get; } = id;

        public Stage Stage { get; set; } = Stage.New;

        public Instant? LeftAloneUntil { get; set; }
    }
}
