// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;

namespace ServicePolicy.Samples.AnalyzerDemo;

/// <summary>
/// Something a customer is waiting on. <see cref="CustomerInteractionAttribute"/> tells the analyzers to check every
/// place one is created: it must get an owner (SP1001) and a follow-up deadline (SP1002), and neither may be set to
/// null or default (SP1003).
/// </summary>
[CustomerInteraction]
internal sealed class SupportRequest
{
    /// <summary>Creates a complete request: the owner and deadline parameters are bound to the marked properties by name.</summary>
    public SupportRequest(string subject, Owner owner, Instant followUpBy)
    {
        Subject = subject;
        Owner = owner;
        FollowUpBy = followUpBy;
    }

    /// <summary>Creates a request that the caller completes with an object initializer or the fluent methods below.</summary>
    public SupportRequest(string subject) => Subject = subject;

    public string Subject { get; }

    /// <summary>The person or team responsible; null only while the request is being created.</summary>
    [InteractionOwner]
    public Owner? Owner { get; set; }

    /// <summary>When someone gets back to the customer; null only while the request is being created.</summary>
    [FollowUpDeadline]
    public Instant? FollowUpBy { get; set; }

    /// <summary>Opens a request; the caller completes it, so the analyzers check each call like a <c>new</c>.</summary>
    [CreatesCustomerInteraction]
    public static SupportRequest Open(string subject) => new(subject);

    [SetsInteractionOwner]
    public SupportRequest AssignTo(Owner owner)
    {
        Owner = owner;
        return this;
    }

    [SetsFollowUpDeadline]
    public SupportRequest FollowUpAt(Instant deadline)
    {
        FollowUpBy = deadline;
        return this;
    }
}
