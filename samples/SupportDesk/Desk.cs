// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Policies;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>The desk's calendars, policies, escalation chains and organisation chart, built in code.</summary>
internal sealed class Desk
{
    public Desk(Instant effectiveFrom)
    {
        Office = BusinessCalendar.CreateBuilder("uk-office", "Europe/London")
            .WithWeeklyHours("Mon-Fri 08:00-18:00")
            .AddHoliday(new LocalDate(2026, 12, 25))
            .AddHoliday(new LocalDate(2026, 12, 28))
            .Build();

        Standard = ServiceLevelPolicy.CreateBuilder("standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)))
            .AddTarget(CommitmentKind.FollowUp, DeadlineRule.EndOfBusinessDay())
            .AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(4)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDays(3)).WithRemedies(BreachRemedy.Apology()))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.FirstResponse, CommitmentKind.NextResponse, CommitmentKind.Resolution)
            .WithAtRisk(AtRiskThreshold.AtPercent(75))
            .WithHandoffLimit(2, BreachRemedy.ProactiveMessage("too-many-handoffs"))
            .WithEscalationChain("standard-ladder")
            .Build();

        Gold = ServiceLevelPolicy.CreateBuilder("gold", 1, Office)
            .AppliesTo(Applicability.Any.WithCustomerTiers("gold"))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .AddTarget(CommitmentKind.FollowUp, DeadlineRule.EndOfBusinessDay())
            .AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(4)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDays(2))
                .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Credit(25, "GBP")))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.FirstResponse, CommitmentKind.NextResponse, CommitmentKind.Resolution)
            .WithAtRisk(AtRiskThreshold.AtPercentOrBeforeDeadline(75, Duration.FromMinutes(15)))
            .WithHandoffLimit(1)
            .WithEscalationChain("standard-ladder")
            .Build();

        Urgent = ServiceLevelPolicy.CreateBuilder("urgent", 1, BusinessCalendar.AlwaysOpen)
            .AppliesTo(Applicability.Any.WithPriorities("urgent"))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromMinutes(30)))
            .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromHours(2)))
            .AddTarget(CommitmentKind.FollowUp, DeadlineRule.WithinElapsedTime(Duration.FromHours(1)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.WithinElapsedTime(Duration.FromHours(8)))
                .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Credit(50, "GBP")))
            .WithAtRisk(AtRiskThreshold.BeforeDeadline(Duration.FromMinutes(10)))
            .WithEscalationChain("urgent-ladder")
            .Build();

        Policies = new ServiceLevelPolicySet([Urgent, Gold], Standard);

        EscalationChain standardLadder = EscalationChain.CreateBuilder("standard-ladder", 1, effectiveFrom, new EscalationContact("support-leads"))
            .AddWarning(EscalationWarning.AtPercent(75, EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Business(Duration.FromHours(1), Office))
                .WithAuthorityToDecide())
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Role("head-of-support"), EscalationDelay.Business(Duration.FromHours(2), Office)))
            .WithRepeat(EscalationRepeat.Create(2, EscalationDelay.Business(Duration.FromHours(4), Office), 2))
            .Build();
        EscalationChain urgentLadder = EscalationChain.CreateBuilder("urgent-ladder", 1, effectiveFrom, new EscalationContact("duty-phone"))
            .AddWarning(EscalationWarning.BeforeDeadline(Duration.FromMinutes(10), EscalationRecipient.Owner))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.Role("duty-manager"), EscalationDelay.Zero).WithAuthorityToDecide())
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Elapsed(Duration.FromMinutes(15)))
                .WithAction(EscalationActionKind.RaisePriority))
            .WithRepeat(EscalationRepeat.Create(1, EscalationDelay.Elapsed(Duration.FromMinutes(30)), 3))
            .Build();
        Escalation = EscalationContext.Create(new OrgChart(), standardLadder, urgentLadder);
    }

    public static readonly string[] Teams = ["support", "billing", "technical"];

    public BusinessCalendar Office { get; }

    public ServiceLevelPolicy Standard { get; }

    public ServiceLevelPolicy Gold { get; }

    public ServiceLevelPolicy Urgent { get; }

    public ServiceLevelPolicySet Policies { get; }

    public EscalationContext Escalation { get; }

    /// <summary>Who leads and manages each team, from memory (evaluation must be a pure function).</summary>
    private sealed class OrgChart : IEscalationDirectory
    {
        public IReadOnlyList<EscalationContact> Resolve(EscalationRecipient recipient, Owner owner, Instant at) => recipient.Kind switch
        {
            EscalationRecipientKind.Owner => [new EscalationContact(owner.Id)],
            EscalationRecipientKind.OwnersLead => [new EscalationContact($"{owner.Id}-lead")],
            EscalationRecipientKind.OwnersManager => [new EscalationContact(owner.Id == "technical" ? "cto" : "ops-manager")],
            EscalationRecipientKind.Role => [new EscalationContact(recipient.Name!)],
            _ => [],
        };
    }
}
