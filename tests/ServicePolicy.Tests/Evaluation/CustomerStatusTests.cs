// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// Golden status text: one row per situation, language and customer zone, with the sentence for one commitment. The
/// office is in London (UK time); "office" rows write times in its zone and name it, the others in the customer's
/// zone, "(your time)". The United States moved to summer time on Sunday 9 March 2025 and the UK on 30 March, so a
/// New York customer is 5 hours behind London on Friday 7 March and 4 hours behind from Monday 10 March.
/// </summary>
public class CustomerStatusTests
{
    private static readonly Owner Agent = Owner.Person("alice");

    private static ServiceLevelPolicy Policy { get; } = ServiceLevelPolicy.CreateBuilder("Desk", 1, Office)
        .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
        .AddTarget(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)))
        .AddTarget(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
        .AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(4)))
        .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDays(3))
            .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Credit(50, "GBP")))
        .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(16))))
        .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.FirstResponse, CommitmentKind.NextResponse, CommitmentKind.Resolution)
        .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution)
        .WithAtRisk(AtRiskThreshold.AtPercent(75))
        .Build();

    /// <summary>The situations: each a timeline, evaluated at the row's instant.</summary>
    private static Timeline Situation(string name)
    {
        Instant monday = At("2025-03-10 09:00");
        var opened = new InteractionOpened(monday, Agent);
        TimelineFact[] facts = name switch
        {
            "opened on Friday" => [new InteractionOpened(At("2025-03-07 16:40"), Agent)],
            "opened on New Year's Eve" => [new InteractionOpened(At("2025-12-31 16:00"), Agent)],
            "opened" => [opened],
            "replied late" => [opened, new AgentReplied(At("2025-03-10 14:00"))],
            "waiting on the customer" => [opened, new AgentReplied(At("2025-03-10 09:30")), new WaitingStarted(At("2025-03-10 09:30"))],
            "waiting on a supplier" => [opened, new AgentReplied(At("2025-03-10 09:30")), new WaitingStarted(At("2025-03-10 09:30"), PauseReason.WaitingOnThirdParty)],
            "replied" => [opened, new AgentReplied(At("2025-03-10 09:30"))],
            "customer wrote again" => [opened, new AgentReplied(At("2025-03-10 09:30")), new CustomerReplied(At("2025-03-10 16:00"))],
            "follow-up promised" => [opened, new AgentReplied(At("2025-03-10 09:30")), new FollowUpPromised(At("2025-03-10 09:30"))],
            "appointment booked" => [opened, new AppointmentBooked(At("2025-03-10 09:30"), new Interval(At("2025-03-11 10:00"), At("2025-03-11 14:00")))],
            "overnight appointment" => [opened, new AppointmentBooked(At("2025-03-10 09:30"), new Interval(At("2025-03-11 22:00"), At("2025-03-12 01:00")))],
            "engineer arrived" => [opened, new AppointmentBooked(At("2025-03-10 09:30"), new Interval(At("2025-03-11 10:00"), At("2025-03-11 14:00"))), new AppointmentArrived(At("2025-03-11 11:30"))],
            "engineer came early" => [opened, new AppointmentBooked(At("2025-03-10 09:30"), new Interval(At("2025-03-11 10:00"), At("2025-03-11 14:00"))), new AppointmentArrived(At("2025-03-11 08:30"))],
            "date agreed" => [opened, new AgentReplied(At("2025-03-10 09:30")), new DeadlineAgreed(At("2025-03-10 09:30"), CommitmentKind.Resolution, null, 0, At("2025-03-20 12:00"), "alice", "parts on order")],
            "resolution waived" => [opened, new AgentReplied(At("2025-03-10 09:30")), new TargetWaived(At("2025-03-10 10:00"), CommitmentKind.Resolution, null, 0, "lead", "customer asked to keep it open")],
            "resolved" => [opened, new AgentReplied(At("2025-03-10 09:30")), new InteractionResolved(At("2025-03-11 10:00"))],
            "cancelled" => [opened, new InteractionCancelled(At("2025-03-10 10:00"))],
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such situation."),
        };
        return Timeline.Create("T-1", facts);
    }

    public static TheoryData<string, string, string, string, string, string?> Rows => new()
    {
        // situation, evaluated at (UK), commitment, culture, customer zone ("office": none), expected sentence (null: nothing said)
        // Promises, in the office's zone and in the customer's, across the US change to summer time.
        { "opened on Friday", "2025-03-07 17:00", "FirstResponse", "en-GB", "office", "We will reply by Monday 10 March, 12:40 (UK time)." },
        { "opened on Friday", "2025-03-07 17:00", "FirstResponse", "en-US", "America/New_York", "We will reply by Monday 10 March, 08:40 (your time)." },
        { "opened on Friday", "2025-03-07 17:00", "FirstResponse", "fr-FR", "Europe/Paris", "Nous vous répondrons d’ici le lundi 10 mars à 13\u00a0h\u00a040 (votre heure locale)." },
        { "opened on Friday", "2025-03-07 17:00", "FirstResponse", "fr-FR", "office", "Nous vous répondrons d’ici le lundi 10 mars à 12\u00a0h\u00a040 (heure du Royaume-Uni)." },
        { "opened on Friday", "2025-03-07 17:00", "FirstResponse", "de-DE", "Europe/Berlin", "Wir antworten Ihnen bis Montag, 10. März, 13:40 Uhr (Ihre Ortszeit)." },
        { "opened on Friday", "2025-03-07 17:00", "FirstResponse", "de-DE", "America/New_York", "Wir antworten Ihnen bis Montag, 10. März, 08:40 Uhr (Ihre Ortszeit)." },
        { "opened on Friday", "2025-03-07 17:00", "Resolution", "en-GB", "office", "We will resolve your request by Wednesday 12 March, 17:00 (UK time)." },
        { "opened on New Year's Eve", "2025-12-31 16:00", "FirstResponse", "en-GB", "office", "We will reply by Thursday 1 January 2026, 12:00 (UK time)." },
        { "opened on New Year's Eve", "2025-12-31 16:00", "FirstResponse", "fr-FR", "office", "Nous vous répondrons d’ici le jeudi 1 janvier 2026 à 12\u00a0h (heure du Royaume-Uni)." },
        { "opened on New Year's Eve", "2025-12-31 16:00", "FirstResponse", "de-DE", "office", "Wir antworten Ihnen bis Donnerstag, 1. Januar 2026, 12:00 Uhr (britische Zeit)." },
        { "opened", "2025-03-10 12:30", "FirstResponse", "en-GB", "office", "We will reply by Monday 10 March, 13:00 (UK time)." }, // at risk: the same promise
        { "opened", "2025-03-10 10:00", "send you a quote", "en-GB", "office", "We will send you a quote by Tuesday 11 March, 17:00 (UK time)." },
        { "opened", "2025-03-10 10:00", "send you a quote", "fr-FR", "office", "Engagement «\u00a0send you a quote\u00a0»\u00a0: d’ici le mardi 11 mars à 17\u00a0h (heure du Royaume-Uni)." },
        { "customer wrote again", "2025-03-10 16:30", "NextResponse", "en-GB", "office", "We will reply to your latest message by Tuesday 11 March, 17:00 (UK time)." },
        { "customer wrote again", "2025-03-10 16:30", "NextResponse", "de-DE", "office", "Auf Ihre letzte Nachricht antworten wir bis Dienstag, 11. März, 17:00 Uhr (britische Zeit)." },
        { "follow-up promised", "2025-03-10 10:00", "FollowUp", "en-GB", "office", "We will get back to you by Tuesday 11 March, 12:00 (UK time), as promised." },
        { "follow-up promised", "2025-03-10 10:00", "FollowUp", "fr-FR", "office", "Nous reviendrons vers vous d’ici le mardi 11 mars à 12\u00a0h (heure du Royaume-Uni), comme promis." },
        { "follow-up promised", "2025-03-10 10:00", "FollowUp", "de-DE", "office", "Wie versprochen melden wir uns bis Dienstag, 11. März, 12:00 Uhr (britische Zeit) bei Ihnen." },
        // Appointments: the window before it opens, once it has opened, over midnight, met and missed.
        { "appointment booked", "2025-03-10 12:00", "Appointment", "en-GB", "office", "Your engineer will arrive between 10:00 and 14:00 on Tuesday 11 March (UK time)." },
        { "appointment booked", "2025-03-10 12:00", "Appointment", "en-US", "America/New_York", "Your engineer will arrive between 06:00 and 10:00 on Tuesday 11 March (your time)." },
        { "appointment booked", "2025-03-10 12:00", "Appointment", "fr-FR", "Europe/Paris", "Votre intervenant arrivera le mardi 11 mars entre 11\u00a0h et 15\u00a0h (votre heure locale)." },
        { "appointment booked", "2025-03-10 12:00", "Appointment", "de-DE", "Europe/Berlin", "Ihr Techniker kommt am Dienstag, 11. März, zwischen 11:00 und 15:00 Uhr (Ihre Ortszeit)." },
        { "appointment booked", "2025-03-11 11:00", "Appointment", "en-GB", "office", "Your engineer is due to arrive by Tuesday 11 March, 14:00 (UK time)." },
        { "appointment booked", "2025-03-11 11:00", "Appointment", "fr-FR", "office", "Votre intervenant doit arriver d’ici le mardi 11 mars à 14\u00a0h (heure du Royaume-Uni)." },
        { "appointment booked", "2025-03-11 11:00", "Appointment", "de-DE", "office", "Ihr Techniker sollte bis Dienstag, 11. März, 14:00 Uhr (britische Zeit) bei Ihnen sein." },
        { "overnight appointment", "2025-03-10 12:00", "Appointment", "en-GB", "office", "Your engineer will arrive between Tuesday 11 March, 22:00 (UK time) and Wednesday 12 March, 01:00 (UK time)." },
        { "engineer arrived", "2025-03-11 12:00", "Appointment", "en-GB", "office", "Your engineer arrived on Tuesday 11 March, 11:30 (UK time)." },
        { "appointment booked", "2025-03-11 15:00", "Appointment", "en-GB", "office", "We missed your appointment window, which ended on Tuesday 11 March, 14:00 (UK time); we're sorry — we will be in touch to arrange a new time." },
        { "appointment booked", "2025-03-11 15:00", "Appointment", "fr-FR", "office", "Nous avons manqué votre créneau de rendez-vous, qui se terminait le mardi 11 mars à 14\u00a0h (heure du Royaume-Uni)\u00a0; nous en sommes désolés — nous vous recontacterons pour convenir d’un nouveau rendez-vous." },
        { "appointment booked", "2025-03-11 15:00", "Appointment", "de-DE", "office", "Wir haben Ihr Terminfenster verpasst, das am Dienstag, 11. März, 14:00 Uhr (britische Zeit) endete; das tut uns leid — wir melden uns, um einen neuen Termin zu vereinbaren." },
        // Pauses.
        { "waiting on the customer", "2025-03-10 11:00", "Resolution", "en-GB", "office", "We are waiting for your reply; the clock is stopped." },
        { "waiting on the customer", "2025-03-10 11:00", "Resolution", "fr-FR", "office", "Nous attendons votre réponse\u00a0; le décompte est suspendu." },
        { "waiting on the customer", "2025-03-10 11:00", "Resolution", "de-DE", "office", "Wir warten auf Ihre Antwort; bis dahin steht die Uhr still." },
        { "waiting on a supplier", "2025-03-10 11:00", "Resolution", "en-GB", "America/New_York", "We are waiting for a third party, such as a supplier; the clock is stopped." },
        { "waiting on a supplier", "2025-03-10 11:00", "Resolution", "de-DE", "office", "Wir warten auf einen Dritten, etwa einen Lieferanten; bis dahin steht die Uhr still." },
        // Met, met late, breached with a remedy, cancelled.
        { "replied", "2025-03-10 10:00", "FirstResponse", "en-GB", "office", "We replied on Monday 10 March, 09:30 (UK time)." },
        { "replied", "2025-03-10 10:00", "FirstResponse", "fr-FR", "office", "Nous vous avons répondu le lundi 10 mars à 9\u00a0h\u00a030 (heure du Royaume-Uni)." },
        { "replied", "2025-03-10 10:00", "FirstResponse", "de-DE", "office", "Wir haben Ihnen am Montag, 10. März, 09:30 Uhr (britische Zeit) geantwortet." },
        { "replied late", "2025-03-10 15:00", "FirstResponse", "en-GB", "office", "We replied on Monday 10 March, 14:00 (UK time). That was later than we promised; we're sorry." },
        { "replied late", "2025-03-10 15:00", "FirstResponse", "fr-FR", "office", "Nous vous avons répondu le lundi 10 mars à 14\u00a0h (heure du Royaume-Uni). C’était plus tard que promis\u00a0; nous vous prions de nous en excuser." },
        { "replied late", "2025-03-10 15:00", "FirstResponse", "de-DE", "office", "Wir haben Ihnen am Montag, 10. März, 14:00 Uhr (britische Zeit) geantwortet. Das war später als versprochen; bitte entschuldigen Sie." },
        { "replied", "2025-03-17 10:00", "Resolution", "en-GB", "office", "We promised to resolve your request by Thursday 13 March, 17:00 (UK time) and missed that time; we're sorry — we are still working on it. To make up for it, we'll credit £50 to your account." },
        { "replied", "2025-03-17 10:00", "Resolution", "en-US", "America/New_York", "We promised to resolve your request by Thursday 13 March, 13:00 (your time) and missed that time; we're sorry — we are still working on it. To make up for it, we'll credit £50 to your account." },
        { "replied", "2025-03-17 10:00", "Resolution", "fr-FR", "office", "Nous nous étions engagés à résoudre votre demande d’ici le jeudi 13 mars à 17\u00a0h (heure du Royaume-Uni) et n’avons pas tenu ce délai\u00a0; nous en sommes désolés — nous continuons d’y travailler. En compensation, nous créditerons votre compte de 50\u00a0£." },
        { "replied", "2025-03-17 10:00", "Resolution", "de-DE", "office", "Wir hatten Ihnen die Lösung Ihrer Anfrage bis Donnerstag, 13. März, 17:00 Uhr (britische Zeit) zugesagt und die Frist nicht eingehalten; das tut uns leid — wir arbeiten weiter daran. Als Ausgleich schreiben wir Ihnen 50\u00a0£ gut." },
        { "resolved", "2025-03-11 11:00", "Resolution", "en-GB", "office", "We resolved your request on Tuesday 11 March, 10:00 (UK time)." },
        { "resolved", "2025-03-11 11:00", "Resolution", "de-DE", "office", "Wir haben Ihre Anfrage am Dienstag, 11. März, 10:00 Uhr (britische Zeit) gelöst." },
        { "cancelled", "2025-03-10 11:00", "FirstResponse", "en-GB", "office", null },
        { "resolution waived", "2025-03-10 11:00", "Resolution", "en-GB", "office", null },
        // An early arrival is not a kept window; an agreed date is the promise.
        { "engineer came early", "2025-03-11 12:00", "Appointment", "en-GB", "office", "Your engineer arrived on Tuesday 11 March, 08:30 (UK time). That was before the window we agreed; we're sorry if it was inconvenient." },
        { "engineer came early", "2025-03-11 12:00", "Appointment", "fr-FR", "office", "Votre intervenant est arrivé le mardi 11 mars à 8\u00a0h\u00a030 (heure du Royaume-Uni). C’était avant le créneau convenu\u00a0; nous vous prions de nous excuser si cela vous a dérangé." },
        { "engineer came early", "2025-03-11 12:00", "Appointment", "de-DE", "office", "Ihr Techniker ist am Dienstag, 11. März, 08:30 Uhr (britische Zeit) eingetroffen. Das war vor dem vereinbarten Zeitfenster; bitte entschuldigen Sie, falls es Ihnen ungelegen kam." },
        { "date agreed", "2025-03-14 10:00", "Resolution", "en-GB", "office", "We will resolve your request by Thursday 20 March, 12:00 (UK time)." },
        // A language without a translation reads English, with its own way of writing dates.
        { "opened on Friday", "2025-03-07 17:00", "FirstResponse", "es-ES", "office", "We will reply by lunes 10 marzo, 12:40 (UK time)." },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Describe_GoldenText(string situation, string evaluatedAt, string commitment, string culture, string zone, string? expected)
    {
        Timeline timeline = Situation(situation);
        Instant now = At(evaluatedAt);
        EvaluationResult result = Evaluator.Evaluate(timeline.AsOf(now), Policy, now);
        DateTimeZone? customerZone = zone == "office" ? null : DateTimeZoneProviders.Tzdb[zone];

        CustomerStatus status = CustomerStatus.Describe(timeline, result, new CultureInfo(culture), customerZone);

        CustomerStatusLine? line = status.Lines.SingleOrDefault(l => Enum.TryParse(commitment, out CommitmentKind kind)
            ? l.Commitment.Kind == kind
            : l.Commitment.Name == commitment);
        Assert.Equal(expected, line?.Text);
    }

    [Fact]
    public void Describe_WithoutAZone_TakesTheCustomersZoneFromTheProfileAsOfTheResult()
    {
        InteractionProfile london = new InteractionProfile().WithCustomerTimeZone(DateTimeZoneProviders.Tzdb["Europe/London"]);
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-07 16:40"), Agent, london),
            new ProfileChanged(At("2025-03-07 16:50"), london.WithCustomerTimeZone(DateTimeZoneProviders.Tzdb["America/New_York"])),
        ]);
        var english = new CultureInfo("en-GB");

        string beforeTheMove = CustomerStatus.Describe(timeline.AsOf(At("2025-03-07 16:45")), Evaluator.Evaluate(timeline.AsOf(At("2025-03-07 16:45")), Policy, At("2025-03-07 16:45")), english).Lines[0].Text;
        string afterIt = CustomerStatus.Describe(timeline, Evaluator.Evaluate(timeline, Policy, At("2025-03-07 17:00")), english).Lines[0].Text;
        string given = CustomerStatus.Describe(timeline, Evaluator.Evaluate(timeline, Policy, At("2025-03-07 17:00")), english, DateTimeZoneProviders.Tzdb["Europe/Paris"]).Lines[0].Text;

        Assert.Equal("We will reply by Monday 10 March, 12:40 (your time).", beforeTheMove);
        Assert.Equal("We will reply by Monday 10 March, 08:40 (your time).", afterIt);
        Assert.Equal("We will reply by Monday 10 March, 13:40 (your time).", given);
    }

    [Fact]
    public void Rows_CoverEveryCommitmentState()
    {
        var states = new HashSet<CommitmentState>();
        foreach (object?[] row in Rows)
        {
            string situation = (string)row[0]!, commitment = (string)row[2]!;
            Instant now = At((string)row[1]!);
            EvaluationResult result = Evaluator.Evaluate(Situation(situation).AsOf(now), Policy, now);
            states.Add(result.Commitments.Last(c => Enum.TryParse(commitment, out CommitmentKind kind) ? c.Kind == kind : c.Name == commitment).State);
        }
        Assert.Equal(Enum.GetValues<CommitmentState>().Order(), states.Order());
    }

    [Fact]
    public void Describe_OneTicket_ListsItsCommitmentsInReadingOrder()
    {
        Timeline timeline = Situation("follow-up promised");
        Instant now = At("2025-03-10 10:00");
        CustomerStatus status = CustomerStatus.Describe(timeline, Evaluator.Evaluate(timeline, Policy, now), new CultureInfo("en-GB"), DateTimeZoneProviders.Tzdb["Europe/London"]);

        Assert.Equal(
            "We replied on Monday 10 March, 09:30 (your time). "
            + "We will get back to you by Tuesday 11 March, 12:00 (your time), as promised. "
            + "We will resolve your request by Thursday 13 March, 17:00 (your time). "
            + "We will send you a quote by Tuesday 11 March, 17:00 (your time).",
            status.Text);
        Assert.Equal([null, At("2025-03-11 12:00"), At("2025-03-13 17:00"), At("2025-03-11 17:00")], status.Lines.Select(l => l.PromisedBy));
        Assert.True(status.IsCustomerZone);
        Assert.Equal(now, status.Now);
    }

    [Fact]
    public void Describe_SamePauseForTwoCommitments_IsSaidOnce()
    {
        Timeline timeline = Timeline.Create("T-2", [new InteractionOpened(At("2025-03-10 09:00"), Agent), new WaitingStarted(At("2025-03-10 09:10"))]);
        CustomerStatus status = CustomerStatus.Describe(timeline, Evaluator.Evaluate(timeline, Policy, At("2025-03-10 10:00")), new CultureInfo("en-GB"));

        Assert.Equal(2, status.Lines.Count(l => l.Commitment.State == CommitmentState.Paused));
        Assert.StartsWith("We are waiting for your reply; the clock is stopped. We will send you a quote", status.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr-CH", "fr")]
    [InlineData("de-DE", "de")]
    [InlineData("de-AT", "de")]
    [InlineData("es-ES", "en")]
    [InlineData("", "en")]
    public void Describe_Language_SaysWhichLanguageWasUsed(string culture, string language)
    {
        Timeline timeline = Situation("opened");
        CustomerStatus status = CustomerStatus.Describe(timeline, Evaluator.Evaluate(timeline, Policy, At("2025-03-10 10:00")), new CultureInfo(culture));

        Assert.Equal(language, status.Language.Name);
        Assert.Equal(culture, status.Culture.Name);
    }

    [Fact]
    public void Describe_ResultOfAnotherInteraction_Throws()
    {
        Timeline timeline = Situation("opened");
        EvaluationResult other = Evaluator.Evaluate(Timeline.Create("T-9", [new InteractionOpened(At("2025-03-10 09:00"), Agent)]), Policy, At("2025-03-10 10:00"));

        ArgumentException error = Assert.Throws<ArgumentException>(() => CustomerStatus.Describe(timeline, other));
        Assert.Equal("result", error.ParamName);
        Assert.Contains("'T-9'", error.Message, StringComparison.Ordinal);
    }
}
