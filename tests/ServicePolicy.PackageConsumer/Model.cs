// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy;

namespace Consumer;

public sealed record Agent(string Name);

[CustomerInteraction]
public sealed class SupportTicket
{
    public SupportTicket(string subject) => Subject = subject;

    public SupportTicket(string subject, Agent owner, DateTimeOffset followUpBy)
    {
        Subject = subject;
        Owner = owner;
        FollowUpBy = followUpBy;
    }

    public string Subject { get; set; }

    [InteractionOwner]
    public Agent? Owner { get; set; }

    [FollowUpDeadline]
    public DateTimeOffset? FollowUpBy { get; set; }

    [SetsInteractionOwner]
    public SupportTicket AssignTo(Agent owner)
    {
        Owner = owner;
        return this;
    }

    [CreatesCustomerInteraction]
    public static SupportTicket Open(string subject) => new SupportTicket(subject);
}

[CustomerInteraction]
public sealed record CallbackRequest([InteractionOwner] string Agent, [FollowUpDeadline] DateTimeOffset CallBackBy, string Phone);

public static class Desk
{
    public static Agent Alice { get; } = new Agent("alice");

    public static DateTimeOffset Tomorrow { get; } = new DateTimeOffset(2030, 1, 2, 9, 0, 0, TimeSpan.Zero);

    public static void Enqueue(SupportTicket ticket) => GC.KeepAlive(ticket);
}
