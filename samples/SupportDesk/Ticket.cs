// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>Where a ticket is in the simulated desk's workflow (the library only sees its timeline).</summary>
internal enum TicketStage
{
    Queued,
    WaitingOnCustomer,
    CustomerQuiet,
    FollowUpLater,
    AppointmentBooked,
    Visited,
    Resolved,
}

/// <summary>One simulated interaction: its timeline, the policy that applies, and the desk's bookkeeping.</summary>
internal sealed class Ticket
{
    public Ticket(string id, InteractionOpened opened, ServiceLevelPolicy policy, int exchanges)
    {
        Id = id;
        Timeline = Timeline.Create(id, [opened]);
        Policy = policy;
        ExchangesLeft = exchanges;
        Team = opened.Owner.Id;
    }

    public string Id { get; }

    public Timeline Timeline { get; set; }

    public ServiceLevelPolicy Policy { get; }

    public bool IsUrgent => Policy.Name == "urgent";

    public int ExchangesLeft { get; set; }

    public string Team { get; set; }

    public int Handoffs { get; set; }

    public TicketStage Stage { get; set; } = TicketStage.Queued;

    /// <summary>When the next scheduled event happens (customer reply, follow-up work, visit, auto-close).</summary>
    public Instant ReadyAt { get; set; }

    /// <summary>The earliest deadline of a running commitment at the last evaluation: the queue's sort key.</summary>
    public Instant DueKey { get; set; } = Instant.MaxValue;

    /// <summary>The next instant to evaluate (the last evaluation's <see cref="EvaluationResult.NextChangeAt"/>).</summary>
    public Instant? NextLook { get; set; }

    public EvaluationResult? Last { get; set; }

    public void Append(params TimelineFact[] facts) => Timeline = Timeline.Append(facts);
}
