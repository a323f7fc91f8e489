// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Policies;
using ServicePolicy.Tests.Evaluation;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Escalation;

/// <summary>The targets of <see cref="TimelineCase.Policy"/> escalating with a chain that uses every feature: two
/// warnings, a lead that may be missing (fallback), a manager who waits for working hours and has authority, an on-call
/// duty manager who stops only when met, repeats, and an acknowledgement timeout.</summary>
internal static class SimulationPolicy
{
    public static ServiceLevelPolicy Policy { get; } = ServiceLevelPolicy.CreateBuilder("Everything", 1, Office)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .AddTarget(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)))
        .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromDays(1)))
        .AddTarget(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(3, new LocalTime(17, 0))))
        .AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(6)))
        .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
        .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(16))))
        .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Resolution, CommitmentKind.FollowUp, CommitmentKind.Custom)
        .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution, CommitmentKind.FirstResponse)
        .WithHandoffLimit(2)
        .WithEscalationChain("sim")
        .Build();

    /// <summary>A two-week rota (week 1 from Monday 3 March 2025) with hand-overs mid-week and Sam covering for Femi
    /// on Friday 7 March from 10:00 to 15:00 (a few sampled on-call steps reach him), so that planning asks a rota with
    /// a cycle and an override. Declared before <see cref="Context"/>, which reads it.</summary>
    private static WeeklyRota Duty { get; } = WeeklyRota.Create("duty", "Europe/London", 2, new LocalDate(2025, 3, 3))
        .WithHandOver(1, IsoDayOfWeek.Monday, new LocalTime(9, 0), "erin")
        .WithHandOver(1, IsoDayOfWeek.Thursday, new LocalTime(21, 30), "femi")
        .WithHandOver(2, IsoDayOfWeek.Monday, new LocalTime(9, 0), "gus")
        .WithOverride(new LocalDateTime(2025, 3, 7, 10, 0), new LocalDateTime(2025, 3, 7, 15, 0), "sam", "femi");

    public static EscalationContext Context { get; } = EscalationContext.Create(Directory(), Chain(1, Instant.MinValue), Chain(2, At("2025-03-06 12:00")));

    private static OrgChart Directory()
    {
        var org = new OrgChart().Works("mgr", Office);
        for (int i = 0; i < 40; i += 2)
        {
            org.Lead("p" + i, "lead" + i).Manager("p" + i, "mgr").Manager("p" + (i + 1), "mgr");
        }
        return org;
    }

    private static EscalationChain Chain(int version, Instant from) => EscalationChain.CreateBuilder("sim", version, from, new EscalationContact("support-leads"))
        .AddWarning(EscalationWarning.AtPercent(50, EscalationRecipient.Owner))
        .AddWarning(EscalationWarning.BeforeDeadline(Duration.FromMinutes(30 * version), EscalationRecipient.OwnersLead))
        .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
        .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersManager, EscalationDelay.Business(Duration.FromHours(1), Office))
            .WithWaitForWorkingHours().WithAuthorityToDecide())
        .AddLevel(EscalationLevel.Create(EscalationRecipient.OnCall(Duty),
                EscalationDelay.Elapsed(Duration.FromMinutes(45)))
            .WithStopOnAcknowledgement(false))
        .WithRepeat(EscalationRepeat.Create(1, EscalationDelay.Elapsed(Duration.FromHours(2)), maxRepeats: version + 1))
        .WithAcknowledgementTimeout(EscalationDelay.Elapsed(Duration.FromHours(3)))
        .Build();
}
