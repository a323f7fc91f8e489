// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>
/// A support desk over a few days: tickets arrive on a daily curve, agents answer the most pressing first, customers
/// reply or go quiet, tickets are handed between teams, engineers visit. The library evaluates each ticket whenever a
/// fact is added and at the next instant its evaluation says something changes; escalations go to the console channel, once per key.
/// </summary>
internal sealed class Simulation
{
    public static readonly Duration Tick = Duration.FromMinutes(5);

    // Arrivals per hour of the local day, relative (a weekday: a morning peak, a lunch dip, an afternoon peak).
    private static readonly double[] ArrivalCurve =
        [0.4, 0.3, 0.3, 0.3, 0.4, 0.6, 1.0, 2.0, 4.5, 7.0, 8.0, 7.5, 5.5, 6.5, 7.5, 7.0, 6.0, 4.5, 3.0, 2.2, 1.8, 1.4, 1.0, 0.6];

    // Office agents on duty per hour, relative (fewer early, at lunch and late).
    private static readonly double[] StaffCurve =
        [0, 0, 0, 0, 0, 0, 0, 0, 0.6, 1.0, 1.0, 1.0, 0.7, 0.8, 1.0, 1.0, 0.9, 0.7, 0, 0, 0, 0, 0, 0];

    private readonly SimulationOptions options;
    private readonly Desk desk;
    private readonly ConsoleChannel channel;
    private readonly Random random;
    private readonly DateTimeZone zone;
    private readonly List<(Instant At, InteractionOpened Opened)> arrivals;
    private readonly List<Ticket> tickets = new();
    private readonly List<Ticket> queue = new();
    private readonly PriorityQueue<Ticket, Instant> scheduled = new();
    private readonly PriorityQueue<Ticket, Instant> looks = new();
    private readonly double officeItemsPerTick;
    private int nextArrival;
    private double officeCapacity;
    private double onCallCapacity;

    public Simulation(SimulationOptions options, Desk desk, ConsoleChannel channel, LocalDate firstDay)
    {
        this.options = options;
        this.desk = desk;
        this.channel = channel;
        random = new Random(options.Seed);
        zone = desk.Office.Zone;
        FirstDay = firstDay;
        Start = firstDay.AtStartOfDayInZone(zone).ToInstant();
        End = firstDay.PlusDays(options.Days).AtStartOfDayInZone(zone).ToInstant();
        arrivals = GenerateArrivals(firstDay);

        // Staff the office a little short of the average weekday's work (about 2.6 agent touches per ticket), so that
        // the queue grows at the peaks and shrinks in the quiet hours.
        double weekdays = Enumerable.Range(0, options.Days).Count(d => desk.Office.IsBusinessDate(firstDay.PlusDays(d)));
        double perWeekday = arrivals.Count / Math.Max(1.0, weekdays);
        double staffHours = StaffCurve.Sum();
        officeItemsPerTick = perWeekday * 2.6 / staffHours / 12.0;
    }

    /// <summary>Gets the first simulated day (in the office's time zone).</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Gets how many calendar days are simulated.</summary>
    public int Days => options.Days;

    public Instant Start { get; }

    public Instant End { get; }

    public Instant Now { get; private set; }

    public IReadOnlyList<Ticket> Tickets => tickets;

    public int QueueLength => queue.Count;

    public int Evaluations { get; private set; }

    public int FactCount => tickets.Sum(t => t.Timeline.Count);

    public int Waiting => tickets.Count(t => t.Stage is TicketStage.WaitingOnCustomer or TicketStage.CustomerQuiet);

    public int Resolved => tickets.Count(t => t.Stage == TicketStage.Resolved);

    public int Duplicates { get; private set; }

    /// <summary>Runs the simulation, calling <paramref name="progress"/> after every simulated hour.</summary>
    public async Task RunAsync(Func<Simulation, Task> progress)
    {
        for (Now = Start; Now < End; Now += Tick)
        {
            var touched = new HashSet<Ticket>();
            Arrive(touched);
            RunScheduled(touched);
            Work(touched);
            Evaluate(touched);
            if ((Now + Tick - Start).ToTimeSpan().TotalMinutes % 60 == 0)
            {
                await progress(this);
            }
        }
        Now = End;
        var due = new List<EscalationAction>();
        foreach (Ticket ticket in tickets)
        {
            Evaluate(ticket, due);
        }
        Deliver(due);
        await progress(this);
    }

    private List<(Instant, InteractionOpened)> GenerateArrivals(LocalDate firstDay)
    {
        // Weight every hour of every day; weekends and holidays get a fifth of a weekday's traffic.
        var hours = new List<(LocalDateTime Hour, double Weight)>();
        for (int d = 0; d < options.Days; d++)
        {
            LocalDate date = firstDay.PlusDays(d);
            double dayFactor = desk.Office.IsBusinessDate(date) ? 1.0 : 0.2;
            for (int h = 0; h < 24; h++)
            {
                hours.Add((date.At(new LocalTime(h, 0)), ArrivalCurve[h] * dayFactor));
            }
        }
        double total = hours.Sum(h => h.Weight);
        var result = new List<(Instant, InteractionOpened)>(options.Interactions);
        for (int i = 0; i < options.Interactions; i++)
        {
            double pick = random.NextDouble() * total;
            int index = 0;
            while (index < hours.Count - 1 && (pick -= hours[index].Weight) > 0)
            {
                index++;
            }
            LocalDateTime local = hours[index].Hour.PlusSeconds(random.Next(3600));
            Instant at = local.InZoneLeniently(zone).ToInstant();
            double kind = random.NextDouble();
            var profile = new InteractionProfile(
                channel: Pick("email", "email", "chat", "phone", "web"),
                priority: kind < 0.04 ? "urgent" : kind < 0.25 ? "high" : "normal",
                customerTier: random.NextDouble() < 0.15 ? "gold" : "standard");
            result.Add((at, new InteractionOpened(at, Owner.Team(Pick(Desk.Teams)), profile)));
        }
        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    private void Arrive(HashSet<Ticket> touched)
    {
        while (nextArrival < arrivals.Count && arrivals[nextArrival].At <= Now)
        {
            InteractionOpened opened = arrivals[nextArrival].Opened;
            string id = $"T-{nextArrival + 1:D5}";
            var ticket = new Ticket(id, opened, desk.Policies.Select(opened.Profile), 1 + Geometric(0.45));
            tickets.Add(ticket);
            queue.Add(ticket);
            touched.Add(ticket);
            nextArrival++;
        }
    }

    private void RunScheduled(HashSet<Ticket> touched)
    {
        while (scheduled.TryPeek(out Ticket? ticket, out Instant at) && at <= Now)
        {
            scheduled.Dequeue();
            if (ticket.ReadyAt != at)
            {
                continue;
            }
            touched.Add(ticket);
            switch (ticket.Stage)
            {
                case TicketStage.WaitingOnCustomer:
                    ticket.Append(new WaitingEnded(at), new CustomerReplied(at));
                    ticket.Stage = TicketStage.Queued;
                    queue.Add(ticket);
                    break;
                case TicketStage.CustomerQuiet:
                    ticket.Append(new InteractionResolved(at));   // closed for inactivity
                    ticket.Stage = TicketStage.Resolved;
                    break;
                case TicketStage.FollowUpLater:
                    ticket.Stage = TicketStage.Queued;
                    queue.Add(ticket);
                    break;
                case TicketStage.AppointmentBooked:
                    ticket.Append(new AppointmentArrived(at));
                    ticket.Stage = TicketStage.Visited;
                    Schedule(ticket, at + Duration.FromMinutes(30 + random.Next(90)));
                    break;
                case TicketStage.Visited:
                    ticket.Append(new InteractionResolved(at));
                    ticket.Stage = TicketStage.Resolved;
                    break;
            }
        }
    }

    private void Work(HashSet<Ticket> touched)
    {
        // The office works its hours; two on-call agents take urgent tickets around the clock.
        int hour = Now.InZone(zone).Hour;
        bool officeOpen = desk.Office.IsOpen(Now);
        double perTick = officeItemsPerTick * StaffCurve[hour];
        officeCapacity = officeOpen ? Math.Min(officeCapacity + perTick, Math.Max(1, perTick)) : 0;   // idle time is not saved up
        onCallCapacity = Math.Min(onCallCapacity + 2.0 / 3.0, 2);
        if (queue.Count == 0)
        {
            return;
        }
        queue.Sort((a, b) => a.IsUrgent != b.IsUrgent ? (a.IsUrgent ? -1 : 1)
            : a.DueKey != b.DueKey ? a.DueKey.CompareTo(b.DueKey) : string.CompareOrdinal(a.Id, b.Id));
        var done = new List<Ticket>();
        foreach (Ticket ticket in queue)
        {
            if (ticket.IsUrgent && onCallCapacity >= 1)
            {
                onCallCapacity--;
            }
            else if (officeCapacity >= 1)
            {
                officeCapacity--;
            }
            else
            {
                continue;
            }
            Handle(ticket);
            touched.Add(ticket);
            done.Add(ticket);
        }
        queue.RemoveAll(t => done.Contains(t));
        queue.AddRange(done.Where(t => t.Stage == TicketStage.Queued));
    }

    private void Handle(Ticket ticket)
    {
        Instant now = Now;
        if (!ticket.IsUrgent && ticket.Handoffs < 3 && random.NextDouble() < 0.06)
        {
            // The wrong team: handed on without a reply, back in the queue.
            string team = Pick(Desk.Teams.Where(t => t != ticket.Team).ToArray());
            ticket.Append(new OwnerAssigned(now, Owner.Team(team)));
            ticket.Team = team;
            ticket.Handoffs++;
            return;
        }
        ticket.Append(new AgentReplied(now));
        ticket.ExchangesLeft--;
        if (ticket.ExchangesLeft <= 0)
        {
            if (!ticket.IsUrgent && random.NextDouble() < 0.08)
            {
                // An engineer's visit next business day, in a 4-hour window; most arrive in it, some are late.
                LocalDate day = desk.Office.NextOpen(desk.Office.EndOfBusinessDay(now)).InZone(zone).Date;
                LocalTime from = random.NextDouble() < 0.5 ? new LocalTime(9, 0) : new LocalTime(13, 0);
                Instant start = day.At(from).InZoneLeniently(zone).ToInstant();
                var window = new Interval(start, start + Duration.FromHours(4));
                ticket.Append(new AppointmentBooked(now, window));
                ticket.Stage = TicketStage.AppointmentBooked;
                Duration offset = random.NextDouble() < 0.88
                    ? Duration.FromMinutes(random.Next(240))
                    : Duration.FromMinutes(240 + random.Next(15, 120));
                Schedule(ticket, start + offset);
                return;
            }
            ticket.Append(new InteractionResolved(now));
            ticket.Stage = TicketStage.Resolved;
            return;
        }
        double next = random.NextDouble();
        if (ticket.IsUrgent || next < 0.3)
        {
            // "I'll get back to you": a promise with the policy's follow-up target, worked on some hours later.
            ticket.Append(new FollowUpPromised(now));
            ticket.Stage = TicketStage.FollowUpLater;
            Schedule(ticket, ticket.IsUrgent
                ? now + Duration.FromMinutes(20 + random.Next(70))
                : desk.Office.AddBusinessTime(now, Duration.FromMinutes(30 + random.Next(360))));
            return;
        }
        ticket.Append(new WaitingStarted(now));
        if (random.NextDouble() < 0.85)
        {
            ticket.Stage = TicketStage.WaitingOnCustomer;
            Schedule(ticket, now + Duration.FromMinutes(Math.Round(Math.Exp(4.5 + 1.2 * Normal()))));
        }
        else
        {
            // The customer goes quiet: closed after 2 business days without an answer.
            ticket.Stage = TicketStage.CustomerQuiet;
            Schedule(ticket, desk.Office.AddBusinessTime(now, Duration.FromHours(20)));
        }
    }

    private void Evaluate(HashSet<Ticket> touched)
    {
        while (looks.TryPeek(out Ticket? ticket, out Instant at) && at <= Now)
        {
            looks.Dequeue();
            if (ticket.NextLook == at)
            {
                touched.Add(ticket);
            }
        }
        var due = new List<EscalationAction>();
        foreach (Ticket ticket in touched.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            Evaluate(ticket, due);
        }
        Deliver(due);
    }

    /// <summary>Evaluates <paramref name="ticket"/> now and adds the escalation actions it names to <paramref name="due"/>.</summary>
    private void Evaluate(Ticket ticket, List<EscalationAction> due)
    {
        EvaluationResult result = Evaluator.Evaluate(ticket.Timeline, ticket.Policy, Now, desk.Escalation);
        Evaluations++;
        ticket.Last = result;
        ticket.DueKey = result.Commitments
            .Where(c => c.State is CommitmentState.OnTrack or CommitmentState.AtRisk or CommitmentState.Breached && c.MetAt is null && c.EndedAt is null)
            .Select(c => c.Deadline).DefaultIfEmpty(Instant.MaxValue).Min();
        ticket.NextLook = result.NextChangeAt;
        if (result.NextChangeAt is { } next && next < End)
        {
            looks.Enqueue(ticket, next);
        }
        due.AddRange(result.EscalationActions);
    }

    /// <summary>
    /// Delivers the escalation actions of one simulated step in the order they fell due. A step evaluates many tickets
    /// and each evaluation lists only its own ticket's actions, so they are sorted by due time here (a stable sort:
    /// actions due at the same instant keep ticket order). An action still listed from an earlier look is a repeat
    /// under the same key, which the channel drops.
    /// </summary>
    private void Deliver(List<EscalationAction> due)
    {
        foreach (EscalationAction action in due.OrderBy(action => action.DueAt))
        {
            if (!channel.Deliver(action))
            {
                Duplicates++;
            }
        }
    }

    private void Schedule(Ticket ticket, Instant at)
    {
        ticket.ReadyAt = at;
        scheduled.Enqueue(ticket, at);
    }

    private string Pick(params string[] items) => items[random.Next(items.Length)];

    private int Geometric(double p)
    {
        int n = 0;
        while (random.NextDouble() > p && n < 8)
        {
            n++;
        }
        return n;
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
