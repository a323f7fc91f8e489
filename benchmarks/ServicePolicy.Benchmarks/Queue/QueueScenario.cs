// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Benchmarks.Calendars;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Benchmarks.Queue;

/// <summary>
/// A support queue of open interactions evaluated at one instant, built deterministically from a seed.
/// </summary>
/// <remarks>
/// <para>Policy <c>Standard</c> on the London office calendar (Mon-Fri 09:00-17:00, ten years of bank holidays) with
/// three commitments: first response within 4 business hours, next response within 4 business hours, resolution by
/// 17:00 on the fifth business day; waiting on the customer pauses next response and resolution. It escalates with
/// chain <c>queue</c>: a warning to the owner at 75%, then four levels (the owner's lead at the breach; the owner's
/// manager one business hour later, waiting for the manager's working hours; the on-call duty manager 30 minutes
/// later; the head of support an hour later), repeating from the duty manager every hour up to three times, with a
/// two-hour acknowledgement timeout.</para>
/// <para>The mix (<see cref="Shape"/>): 20% new and unanswered, 5% unanswered but reassigned, 10% with only an
/// internal note, 30% answered and waiting on the customer (paused), 25% where the customer replied after waiting
/// (next response running), 10% after several exchanges. New interactions were opened in the last three days,
/// the others in the last twelve, so the queue holds on-track, at-risk, breached and escalating cycles.</para>
/// </remarks>
public sealed class QueueScenario
{
    /// <summary>The evaluated instant: Wednesday 18 March 2026, 14:30 in London (UTC, before the clocks change).</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 18, 14, 30);

    private QueueScenario(ServiceLevelPolicy policy, EscalationContext context, Timeline[] timelines)
    {
        Policy = policy;
        Context = context;
        Timelines = timelines;
    }

    /// <summary>The shapes of interaction in the queue.</summary>
    public enum Shape
    {
        /// <summary>Opened, not answered.</summary>
        New,

        /// <summary>Opened, reassigned to another agent, not answered.</summary>
        Reassigned,

        /// <summary>Opened, with an internal (not public) agent note.</summary>
        InternalNote,

        /// <summary>Answered, waiting on the customer.</summary>
        WaitingOnCustomer,

        /// <summary>Answered, waited, the customer replied.</summary>
        CustomerReplied,

        /// <summary>Several exchanges, the customer replied last.</summary>
        BackAndForth,
    }

    /// <summary>Gets the policy.</summary>
    public ServiceLevelPolicy Policy { get; }

    /// <summary>Gets the escalation context (chain and directory).</summary>
    public EscalationContext Context { get; }

    /// <summary>Gets the open interactions.</summary>
    public Timeline[] Timelines { get; }

    /// <summary>Builds a queue.</summary>
    /// <param name="count">The number of interactions.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The queue.</returns>
    public static QueueScenario Create(int count, int seed)
    {
        BusinessCalendar office = BenchmarkCalendars.LondonOffice();
        var directory = new QueueDirectory(office);
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Resolution)
            .WithEscalationChain("queue")
            .Build();
        WeeklyRota duty = WeeklyRota.Create("duty", "Europe/London")
            .WithHandOver(IsoDayOfWeek.Monday, new LocalTime(9, 0), "erin")
            .WithHandOver(IsoDayOfWeek.Thursday, new LocalTime(9, 0), "femi");
        EscalationChain chain = EscalationChain.CreateBuilder("queue", 1, Instant.FromUtc(2025, 1, 1, 0, 0), new EscalationContact("support-leads"))
            .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Business(Duration.FromHours(1), office))
                .WithWaitForWorkingHours().WithAuthorityToDecide())
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OnCall(duty), EscalationDelay.Elapsed(Duration.FromMinutes(30))))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Person("head-of-support"), EscalationDelay.Elapsed(Duration.FromHours(1))))
            .WithRepeat(EscalationRepeat.Create(2, EscalationDelay.Elapsed(Duration.FromHours(1)), maxRepeats: 3))
            .WithAcknowledgementTimeout(EscalationDelay.Elapsed(Duration.FromHours(2)))
            .Build();
        EscalationContext context = EscalationContext.Create(directory, chain);

        var random = new Random(seed);
        var timelines = new Timeline[count];
        var facts = new List<TimelineFact>(12);
        for (int i = 0; i < count; i++)
        {
            facts.Clear();
            Shape shape = PickShape(random.Next(100));
            Duration age = shape is Shape.New or Shape.Reassigned or Shape.InternalNote
                ? Minutes(random, 5, 3 * 24 * 60)
                : Minutes(random, 60, 12 * 24 * 60);
            Instant at = Now - age;
            Owner owner = directory.Agents[random.Next(directory.Agents.Length)];
            facts.Add(new InteractionOpened(at, owner));
            switch (shape)
            {
                case Shape.Reassigned:
                    Owner other = directory.Agents[(Array.IndexOf(directory.Agents, owner) + 1 + random.Next(directory.Agents.Length - 1)) % directory.Agents.Length];
                    Add(facts, ref at, Minutes(random, 1, 120), t => new OwnerAssigned(t, other));
                    break;
                case Shape.InternalNote:
                    Add(facts, ref at, Minutes(random, 1, 240), t => new AgentReplied(t, isPublic: false));
                    break;
                case Shape.WaitingOnCustomer:
                    Exchange(facts, random, ref at, customerReplies: false);
                    break;
                case Shape.CustomerReplied:
                    Exchange(facts, random, ref at, customerReplies: true);
                    break;
                case Shape.BackAndForth:
                    int rounds = 2 + random.Next(3);
                    for (int r = 0; r < rounds && Exchange(facts, random, ref at, customerReplies: true); r++)
                    {
                    }
                    break;
            }
            timelines[i] = Timeline.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"T-{i + 1:0000000}"), facts);
        }
        return new QueueScenario(policy, context, timelines);
    }

    /// <summary>An agent's public answer that leaves the interaction waiting on the customer, then, optionally, the
    /// customer's reply, which ends the wait. Facts that would fall after <see cref="Now"/> are left out, and so is
    /// everything after them (false).</summary>
    private static bool Exchange(List<TimelineFact> facts, Random random, ref Instant at, bool customerReplies) =>
        Add(facts, ref at, Minutes(random, 5, 8 * 60), t => new AgentReplied(t)) &&
        Add(facts, ref at, Duration.FromMinutes(1), t => new WaitingStarted(t, PauseReason.WaitingOnCustomer)) &&
        (!customerReplies ||
            (Add(facts, ref at, Minutes(random, 10, 2 * 24 * 60), t => new CustomerReplied(t)) &&
             Add(facts, ref at, Duration.Zero, t => new WaitingEnded(t))));

    private static bool Add(List<TimelineFact> facts, ref Instant at, Duration after, Func<Instant, TimelineFact> create)
    {
        if (at + after > Now)
        {
            return false;
        }
        at += after;
        facts.Add(create(at));
        return true;
    }

    private static Duration Minutes(Random random, int min, int max) => Duration.FromMinutes(random.Next(min, max));

    private static Shape PickShape(int percent) => percent switch
    {
        < 20 => Shape.New,
        < 25 => Shape.Reassigned,
        < 35 => Shape.InternalNote,
        < 65 => Shape.WaitingOnCustomer,
        < 90 => Shape.CustomerReplied,
        _ => Shape.BackAndForth,
    };
}
