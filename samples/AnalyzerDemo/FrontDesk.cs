// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;

namespace ServicePolicy.Samples.AnalyzerDemo;

/// <summary>
/// Opens support requests the right way, in each of the forms the analyzers understand: every request gets an owner
/// and a follow-up deadline in business time. No line here gets a warning.
/// </summary>
internal sealed class FrontDesk(BusinessCalendar calendar)
{
    /// <summary>E-mail: the support team answers within a business day (8 working hours), through the constructor.</summary>
    public SupportRequest Email(string subject, Instant received) =>
        new SupportRequest(subject, Owner.Team("support"), calendar.AddBusinessTime(received, Duration.FromHours(8)));

    /// <summary>Chat: the agent on the chat answers within 30 working minutes, through the object initializer.</summary>
    public SupportRequest Chat(string subject, Instant received, string agent) =>
        new SupportRequest(subject) { Owner = Owner.Person(agent), FollowUpBy = calendar.AddBusinessTime(received, Duration.FromMinutes(30)) };

    /// <summary>Phone: the agent who took the call rings back by the end of the business day, through the factory and
    /// the fluent methods marked <see cref="SetsInteractionOwnerAttribute"/> and <see cref="SetsFollowUpDeadlineAttribute"/>.</summary>
    public SupportRequest Phone(string subject, Instant received, string agent) =>
        SupportRequest.Open(subject).AssignTo(Owner.Person(agent)).FollowUpAt(calendar.EndOfBusinessDay(received));
}
