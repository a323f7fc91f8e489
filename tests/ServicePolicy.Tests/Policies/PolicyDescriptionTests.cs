// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Policies;

public class PolicyDescriptionTests
{
    private static readonly CultureInfo English = new("en-GB");
    private static readonly CultureInfo French = new("fr-FR");
    private static readonly CultureInfo German = new("de-DE");

    [Fact]
    public void Describe_IssueExample_ReadsAsWritten()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.FirstResponse)
            .Build();

        Assert.Equal(
            "We reply to new requests within 4 business hours. "
            + "Our business hours are Monday to Friday, 09:00-17:00 UK time, except public holidays. "
            + "The clock stops while we are waiting for your reply.",
            policy.Describe(English));
    }

    /// <summary>The standard desk in three languages: targets in reading order, the hours once, the pause, the
    /// remedies and the handoff limit.</summary>
    public static TheoryData<string, string> Standard => new()
    {
        {
            "en-GB",
            "We reply to new requests within 4 business hours. "
            + "When we promise to get back to you without naming a time, we do so by 12:00 on the next business day. "
            + "While your request is open, we send you an update within 24 hours after the previous one. "
            + "We resolve requests by the end of the business day, 3 business days later. "
            + "Our business hours are Monday to Friday, 09:00-17:00 UK time, except public holidays. "
            + "The clock stops while we are waiting for your reply. "
            + "If we miss a promised call-back, we'll apologise and credit £10 to your account. "
            + "If we resolve your request late, we'll offer you a free month of service, worth £12.50. "
            + "Your request is handed on to someone else at most 2 times. "
            + "If it is handed on more often, we'll apologise."
        },
        {
            "fr-FR",
            "Nous répondons aux nouvelles demandes dans un délai de 4 heures ouvrées. "
            + "Lorsque nous promettons de revenir vers vous sans préciser d’heure, nous le faisons au plus tard à 12\u00a0h le jour ouvré suivant. "
            + "Tant que votre demande est ouverte, nous vous envoyons un point d’avancement dans un délai de 24 heures après le précédent. "
            + "Nous résolvons les demandes avant la fin de la journée ouvrée, 3 jours ouvrés plus tard. "
            + "Nos heures ouvrées\u00a0: du lundi au vendredi, de 9\u00a0h à 17\u00a0h, heure du Royaume-Uni, sauf jours fériés. "
            + "Le décompte s’arrête tant que nous attendons votre réponse. "
            + "Si nous manquons un rappel promis, nous vous présenterons nos excuses et créditerons votre compte de 10\u00a0£. "
            + "Si nous résolvons votre demande en retard, nous vous offrirons a free month of service, d’une valeur de 12,50\u00a0£. "
            + "Votre demande est transmise à un autre interlocuteur 2 fois au plus. "
            + "Si elle est transmise plus souvent, nous vous présenterons nos excuses."
        },
        {
            "de-DE",
            "Auf neue Anfragen antworten wir innerhalb von 4 Arbeitsstunden. "
            + "Wenn wir zusagen, uns ohne genaue Uhrzeit bei Ihnen zu melden, tun wir das bis 12:00 Uhr am nächsten Arbeitstag. "
            + "Solange Ihre Anfrage offen ist, erhalten Sie innerhalb von 24 Stunden nach der letzten Statusmeldung eine neue. "
            + "Wir lösen Anfragen bis zum Ende des Arbeitstages, 3 Arbeitstage später. "
            + "Unsere Geschäftszeiten: Montag bis Freitag, 09:00–17:00 Uhr, britische Zeit, außer an Feiertagen. "
            + "Die Uhr steht still, solange wir auf Ihre Antwort warten. "
            + "Wenn wir einen zugesagten Rückruf verpassen, entschuldigen wir uns und schreiben Ihnen 10\u00a0£ gut. "
            + "Wenn wir Ihre Anfrage zu spät lösen, bieten wir Ihnen a free month of service im Wert von 12,50\u00a0£ an. "
            + "Ihre Anfrage wird höchstens 2-mal an jemand anderen weitergegeben. "
            + "Wird sie öfter weitergegeben, entschuldigen wir uns."
        },
    };

    [Theory]
    [MemberData(nameof(Standard))]
    public void Describe_StandardDesk_ReadsInCustomerOrderInEachLanguage(string culture, string expected)
    {
        Assert.Equal(expected, StandardDesk().Describe(new CultureInfo(culture)));
    }

    [Fact]
    public void Describe_TargetsAddedInAnyOrder_ReadFirstResponseFirst()
    {
        // Configuration binds targets in key order (alphabetical: FeedbackRequest, FirstResponse, ..., Resolution); the
        // customer reads the first reply first whatever the order they were added in.
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Reversed", 1, Office)
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.BusinessDays(3))
            .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .Build();

        Assert.Equal(
            "We reply to new requests within 4 business hours. We reply to each of your messages within 8 business hours. "
            + "We resolve requests by the end of the business day, 3 business days later. "
            + "After resolving a request, we ask for your feedback within 1 business hour. "
            + "Our business hours are Monday to Friday, 09:00-17:00 UK time, except public holidays.",
            policy.Describe(English));
    }

    [Fact]
    public void Describe_TargetInTheCustomersHours_ReadsTheHoursInTheCustomersTime()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Global", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.EndOfBusinessDay()).WithHours(TargetHours.Customer))
            .Build();

        Assert.Equal(
            "We reply to new requests by the end of the business day (Monday to Friday, 09:00-17:00 your time, except public holidays).",
            policy.Describe(English));
    }

    [Fact]
    public void Describe_EveryKind_OneSentenceEach()
    {
        BusinessCalendar newYork = BusinessCalendar.Create("ny", "America/New_York", "Mon-Fri 08:00-12:00, 13:00-18:00; Sat 10:00-14:00");
        BusinessCalendar dubai = BusinessCalendar.Create("dxb", "Asia/Riyadh", "Sun-Thu 08:00-16:00");
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Everything", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.NextResponse, DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0))).WithCalendar(newYork))
            .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromDays(1)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0))).WithCalendar(dubai))
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0))).WithCalendar(BusinessCalendar.AlwaysOpen))
            .AddTarget(CommitmentKind.Appointment, DeadlineRule.AppointmentWindow(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.FeedbackRequest, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .AddTarget(ServiceTarget.Custom("send you a quote", DeadlineRule.WithinBusinessTime(Duration.FromHours(16))))
            .PauseWhile(PauseReason.WaitingOnThirdParty, CommitmentKind.Resolution)
            .Build();

        string[] sentences = policy.Describe(English).Split(". ");

        Assert.Equal(
        [
            "We reply to each of your messages by the end of the business day, or of the next business day when it reaches us at or after 15:00 (Monday to Friday, 08:00-12:00 and 13:00-18:00; Saturday, 10:00-14:00 US Eastern time)",
            "When we promise to get back to you without naming a time, we do so by 12:00 on the next business day (Sunday to Thursday, 08:00-16:00 Asia/Riyadh time)",
            "While your request is open, we send you an update within 24 hours after the previous one",
            "We arrive at appointments inside the booked window, which is at most 4 hours wide",
            "We resolve requests by 17:00, 5 business days later (around the clock)",
            "We send you a quote within 16 business hours",
            "After resolving a request, we ask for your feedback within 1 business hour",
            "Our business hours are Monday to Friday, 09:00-17:00 UK time, except public holidays",
            "The clock for resolving your request stops while we are waiting for a third party, such as a supplier.",
        ], sentences);
    }

    [Fact]
    public void Describe_AroundTheClockPolicy_SaysSoOnce()
    {
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Urgent", 1, BusinessCalendar.AlwaysOpen)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromMinutes(30)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.WithinElapsedTime(Duration.FromHours(8)))
            .Build();

        Assert.Equal("We reply to new requests within 30 business minutes. We resolve requests within 8 hours. We are open around the clock.", policy.Describe(English));
        Assert.Equal(
            "Nous répondons aux nouvelles demandes dans un délai de 30 minutes ouvrées. Nous résolvons les demandes dans un délai de 8 heures. "
            + "Nous sommes joignables 24 h/24, 7 j/7.",
            policy.Describe(French));
        Assert.Equal(
            "Auf neue Anfragen antworten wir innerhalb von 30 Arbeitsminuten. Wir lösen Anfragen innerhalb von 8 Stunden. Wir sind rund um die Uhr für Sie da.",
            policy.Describe(German));
    }

    [Fact]
    public void Describe_PauseForSomeCommitments_NamesThem()
    {
        // Telling a customer "the clock stops" when only some clocks stop would promise less than we deliver on the rest.
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Partial", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .AddTarget(CommitmentKind.NextResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(8)))
            .AddTarget(CommitmentKind.Resolution, DeadlineRule.BusinessDaysAt(5, new LocalTime(17, 0)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.NextResponse, CommitmentKind.Resolution)
            .Build();

        Assert.EndsWith(
            ". The clock for our replies to your messages and resolving your request stops while we are waiting for your reply.",
            policy.Describe(English));
        Assert.EndsWith(
            ". Le décompte s’arrête pour nos réponses à vos messages et la résolution de votre demande tant que nous attendons votre réponse.",
            policy.Describe(French));
        Assert.EndsWith(
            ". Für unsere Antworten auf Ihre Nachrichten und die Lösung Ihrer Anfrage steht die Uhr still, solange wir auf Ihre Antwort warten.",
            policy.Describe(German));
    }

    [Fact]
    public void Describe_TwoDays_AreJoinedWithAnd()
    {
        BusinessCalendar weekend = BusinessCalendar.Create("weekend", "Europe/Paris", "Sat-Sun 10:00-16:00");
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Weekend", 1, weekend)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .Build();
        Assert.Equal("We reply to new requests within 2 business hours. Our business hours are Saturday and Sunday, 10:00-16:00 Central European time.", policy.Describe(English));
        Assert.Equal("Nous répondons aux nouvelles demandes dans un délai de 2 heures ouvrées. Nos heures ouvrées\u00a0: samedi et dimanche, de 10\u00a0h à 16\u00a0h, heure d’Europe centrale.", policy.Describe(French));
        Assert.Equal("Auf neue Anfragen antworten wir innerhalb von 2 Arbeitsstunden. Unsere Geschäftszeiten: Samstag und Sonntag, 10:00–16:00 Uhr, mitteleuropäische Zeit.", policy.Describe(German));
    }

    [Fact]
    public void Describe_HandoffLimitOfZeroOrOne_ReadsInWords()
    {
        Assert.EndsWith("Your request stays with the person or team who first takes it on.", WithHandoffLimit(0).Describe(English));
        Assert.EndsWith("Your request is handed on to someone else at most once.", WithHandoffLimit(1).Describe(English));
        Assert.EndsWith("Votre demande est transmise à un autre interlocuteur une fois au plus.", WithHandoffLimit(1).Describe(French));
        Assert.EndsWith("Ihre Anfrage bleibt bei der Person oder dem Team, das sie zuerst übernimmt.", WithHandoffLimit(0).Describe(German));
    }

    [Fact]
    public void Describe_ProactiveMessageRemedy_IsNotDescribed()
    {
        // A proactive message is the host's own template, not something the customer is promised.
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Quiet", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
                .WithRemedies(BreachRemedy.ProactiveMessage("late-reply")))
            .Build();
        Assert.DoesNotContain("If ", policy.Describe(English), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_CultureWithoutTranslation_IsWhollyEnglish()
    {
        ServiceLevelPolicy policy = StandardDesk();
        Assert.Equal(policy.Describe(English), policy.Describe(CultureInfo.InvariantCulture));
        Assert.StartsWith("We reply to new requests within 4 business hours.", policy.Describe(new CultureInfo("es-ES")), System.StringComparison.Ordinal);
        Assert.Equal("en", CustomerText.LanguageOf(new CultureInfo("es-ES")).Name);
        Assert.Equal("en", CustomerText.LanguageOf(CultureInfo.InvariantCulture).Name);
        Assert.Equal("en", CustomerText.LanguageOf(English).Name);
        Assert.Equal("fr", CustomerText.LanguageOf(new CultureInfo("fr-CA")).Name);
        Assert.Equal("de", CustomerText.LanguageOf(new CultureInfo("de-AT")).Name);
    }

    private static ServiceLevelPolicy StandardDesk() =>
        ServiceLevelPolicy.CreateBuilder("Standard", 1, Office)
            .AddTarget(ServiceTarget.Create(CommitmentKind.Resolution, DeadlineRule.BusinessDays(3))
                .WithRemedies(BreachRemedy.Accommodation("a free month of service", 12.50m, "GBP")))
            .AddTarget(CommitmentKind.PeriodicUpdate, DeadlineRule.WithinElapsedTime(Duration.FromHours(24)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.FollowUp, DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)))
                .WithRemedies(BreachRemedy.Apology(), BreachRemedy.Credit(10, "GBP")))
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .PauseWhile(PauseReason.WaitingOnCustomer, CommitmentKind.FirstResponse, CommitmentKind.FollowUp, CommitmentKind.PeriodicUpdate, CommitmentKind.Resolution)
            .WithHandoffLimit(2, BreachRemedy.Apology())
            .Build();

    private static ServiceLevelPolicy WithHandoffLimit(int max) =>
        ServiceLevelPolicy.CreateBuilder("Handoffs", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(4)))
            .WithHandoffLimit(max)
            .Build();
}
