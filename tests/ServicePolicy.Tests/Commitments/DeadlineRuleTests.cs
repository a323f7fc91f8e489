// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Commitments;

public class DeadlineRuleTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    // | rule                         | cycle starts      | due               |
    public static TheoryData<DeadlineRule, string, string> Deadlines => new()
    {
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), "2025-03-07 10:00", "2025-03-07 14:00" },
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), "2025-03-07 15:00", "2025-03-10 11:00" },
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(8)), "2025-03-07 09:00", "2025-03-07 17:00" },
        { DeadlineRule.WithinElapsedTime(Duration.FromHours(24)), "2025-03-07 15:00", "2025-03-08 15:00" },
        { DeadlineRule.EndOfBusinessDay(), "2025-03-07 10:00", "2025-03-07 17:00" },
        { DeadlineRule.EndOfBusinessDay(), "2025-03-07 16:40", "2025-03-07 17:00" },
        { DeadlineRule.EndOfBusinessDay(), "2025-03-07 18:00", "2025-03-10 17:00" },
        { DeadlineRule.EndOfBusinessDay(), "2025-03-08 10:00", "2025-03-10 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-03-07 10:00", "2025-03-07 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-03-07 14:59", "2025-03-07 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-03-07 15:00", "2025-03-10 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-03-07 16:40", "2025-03-10 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-03-07 18:00", "2025-03-10 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-03-08 16:00", "2025-03-10 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-03-10 07:00", "2025-03-10 17:00" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "2025-04-17 16:00", "2025-04-21 17:00" },
        { DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)), "2025-03-07 10:00", "2025-03-10 12:00" },
        { DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)), "2025-03-08 10:00", "2025-03-10 12:00" },
        { DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)), "2025-03-10 10:00", "2025-03-11 12:00" },
        { DeadlineRule.BusinessDaysAt(3, new LocalTime(10, 0)), "2025-03-06 16:00", "2025-03-11 10:00" },
        { DeadlineRule.BusinessDaysAt(1, new LocalTime(10, 0)), "2025-04-17 16:00", "2025-04-21 10:00" },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void GetDeadline_FromStart_IsDueAtExpectedLocalTime(DeadlineRule rule, string start, string due)
    {
        Assert.Equal(due, Local(rule.GetDeadline(At(start), Office, window: null)));
    }

    [Fact]
    public void AppointmentWindow_GetDeadline_IsTheWindowEnd()
    {
        var window = new Interval(At("2025-03-10 10:00"), At("2025-03-10 14:00"));
        Assert.Equal(window.End, DeadlineRule.AppointmentWindow(Duration.FromHours(4)).GetDeadline(At("2025-03-07 09:00"), Office, window));
    }

    public static TheoryData<DeadlineRule, string> Descriptions => new()
    {
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), "within 4 business hours" },
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(1)), "within 1 business hour" },
        { DeadlineRule.WithinBusinessTime(Duration.FromMinutes(90)), "within 1 business hour and 30 minutes" },
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(40)), "within 40 business hours" },
        { DeadlineRule.WithinElapsedTime(Duration.FromHours(24)), "within 24 hours" },
        { DeadlineRule.WithinElapsedTime(Duration.FromHours(36)), "within 36 hours" },
        { DeadlineRule.WithinElapsedTime(Duration.FromDays(3)), "within 3 days" },
        { DeadlineRule.WithinElapsedTime(Duration.FromMilliseconds(500)), "within 0.5 seconds" },
        { DeadlineRule.WithinElapsedTime(Duration.FromMilliseconds(90_250)), "within 1 minute and 30.25 seconds" },
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(24)), "within 24 business hours" },
        { DeadlineRule.WithinElapsedTime(Duration.FromMinutes(30)), "within 30 minutes" },
        { DeadlineRule.WithinElapsedTime(Duration.FromSeconds(93_784)), "within 26 hours, 3 minutes and 4 seconds" },
        { DeadlineRule.EndOfBusinessDay(), "by the end of the business day" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "by the end of the business day, or of the next business day when it reaches us at or after 15:00" },
        { DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)), "by 12:00 on the next business day" },
        { DeadlineRule.BusinessDaysAt(1, new LocalTime(10, 30)), "by 10:30, 1 business day later" },
        { DeadlineRule.BusinessDaysAt(3, new LocalTime(10, 0)), "by 10:00, 3 business days later" },
        { DeadlineRule.AppointmentWindow(Duration.FromHours(4)), "inside the booked window, which is at most 4 hours wide" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_English_IsPlainLanguage(DeadlineRule rule, string expected)
    {
        Assert.Equal(expected, rule.Describe(English));
        Assert.Equal(expected, rule.ToString());
    }

    public static TheoryData<DeadlineRule, string, string> Translations => new()
    {
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), "dans un délai de 4 heures ouvrées", "innerhalb von 4 Arbeitsstunden" },
        { DeadlineRule.WithinBusinessTime(Duration.FromHours(1)), "dans un délai de 1 heure ouvrée", "innerhalb von 1 Arbeitsstunde" },
        { DeadlineRule.WithinBusinessTime(Duration.FromMinutes(90)), "dans un délai de 1 heure ouvrée et 30 minutes", "innerhalb von 1 Arbeitsstunde und 30 Minuten" },
        { DeadlineRule.WithinElapsedTime(Duration.FromHours(24)), "dans un délai de 24 heures", "innerhalb von 24 Stunden" },
        { DeadlineRule.WithinElapsedTime(Duration.FromDays(3)), "dans un délai de 3 jours", "innerhalb von 3 Tagen" },
        // French counts below two in the singular (0,5 seconde, 1,5 heure); German only exactly one.
        { DeadlineRule.WithinElapsedTime(Duration.FromMilliseconds(500)), "dans un délai de 0,5 seconde", "innerhalb von 0,5 Sekunden" },
        { DeadlineRule.EndOfBusinessDay(), "avant la fin de la journée ouvrée", "bis zum Ende des Arbeitstages" },
        { DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), "avant la fin de la journée ouvrée, ou de la journée ouvrée suivante pour ce qui nous parvient à partir de 15\u00a0h", "bis zum Ende des Arbeitstages, bei Eingang ab 15:00 Uhr bis zum Ende des nächsten Arbeitstages" },
        { DeadlineRule.NextBusinessDayAt(new LocalTime(12, 0)), "au plus tard à 12\u00a0h le jour ouvré suivant", "bis 12:00 Uhr am nächsten Arbeitstag" },
        { DeadlineRule.BusinessDaysAt(1, new LocalTime(10, 30)), "au plus tard à 10\u00a0h\u00a030, 1 jour ouvré plus tard", "bis 10:30 Uhr, 1 Arbeitstag später" },
        { DeadlineRule.BusinessDaysAt(3, new LocalTime(10, 0)), "au plus tard à 10\u00a0h, 3 jours ouvrés plus tard", "bis 10:00 Uhr, 3 Arbeitstage später" },
        { DeadlineRule.AppointmentWindow(Duration.FromHours(4)), "dans le créneau réservé, d’une durée maximale de 4 heures", "im gebuchten Zeitfenster von höchstens 4 Stunden" },
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Describe_FrenchAndGerman_AreTranslated(DeadlineRule rule, string french, string german)
    {
        Assert.Equal(french, rule.Describe(new CultureInfo("fr-FR")));
        Assert.Equal(french, rule.Describe(new CultureInfo("fr-CA")));
        Assert.Equal(german, rule.Describe(new CultureInfo("de-DE")));
    }

    [Fact]
    public void Describe_CultureWithoutTranslation_FallsBackToEnglish()
    {
        Assert.Equal("within 4 business hours", DeadlineRule.WithinBusinessTime(Duration.FromHours(4)).Describe(new CultureInfo("es-ES")));
        Assert.Equal("within 0,5 seconds", DeadlineRule.WithinElapsedTime(Duration.FromMilliseconds(500)).Describe(new CultureInfo("es-ES")));
    }

    [Fact]
    public void UsesBusinessTime_IsTrueForCalendarRulesOnly()
    {
        Assert.True(DeadlineRule.WithinBusinessTime(Duration.FromHours(1)).UsesBusinessTime);
        Assert.True(DeadlineRule.EndOfBusinessDay().UsesBusinessTime);
        Assert.True(DeadlineRule.NextBusinessDayAt(LocalTime.Noon).UsesBusinessTime);
        Assert.True(DeadlineRule.BusinessDaysAt(2, LocalTime.Noon).UsesBusinessTime);
        Assert.False(DeadlineRule.WithinElapsedTime(Duration.FromHours(1)).UsesBusinessTime);
        Assert.False(DeadlineRule.AppointmentWindow(Duration.FromHours(1)).UsesBusinessTime);
    }

    [Fact]
    public void Equals_ComparesKindAndParameters()
    {
        Assert.Equal(DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), DeadlineRule.WithinBusinessTime(Duration.FromHours(4)));
        Assert.Equal(DeadlineRule.WithinBusinessTime(Duration.FromHours(4)).GetHashCode(), DeadlineRule.WithinBusinessTime(Duration.FromHours(4)).GetHashCode());
        Assert.NotEqual<DeadlineRule>(DeadlineRule.WithinBusinessTime(Duration.FromHours(4)), DeadlineRule.WithinElapsedTime(Duration.FromHours(4)));
        Assert.Equal(DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)));
        Assert.NotEqual(DeadlineRule.EndOfBusinessDay(new LocalTime(15, 0)), DeadlineRule.EndOfBusinessDay());
        Assert.Equal(DeadlineRule.BusinessDaysAt(2, LocalTime.Noon), DeadlineRule.BusinessDaysAt(2, LocalTime.Noon));
        Assert.NotEqual(DeadlineRule.BusinessDaysAt(2, LocalTime.Noon), DeadlineRule.BusinessDaysAt(3, LocalTime.Noon));
        Assert.NotEqual<DeadlineRule>(DeadlineRule.NextBusinessDayAt(LocalTime.Noon), DeadlineRule.BusinessDaysAt(1, LocalTime.Noon));
        Assert.Equal(DeadlineRule.AppointmentWindow(Duration.FromHours(4)), DeadlineRule.AppointmentWindow(Duration.FromHours(4)));
    }

    [Fact]
    public void WithinBusinessTime_NotPositive_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WithinBusinessTime(Duration.Zero));
        Assert.Equal("amount", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WithinElapsedTime(Duration.FromMinutes(-1)));
    }

    [Fact]
    public void AppointmentWindow_NotPositive_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.AppointmentWindow(Duration.Zero));
        Assert.Equal("maximumWidth", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    public void BusinessDaysAt_OutOfRange_Throws(int days)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.BusinessDaysAt(days, LocalTime.Noon));
        Assert.Equal("days", e.ParamName);
        Assert.Contains(days.ToString(CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void GetDeadline_OnAlwaysOpenCalendar_BusinessTimeIsElapsedTime()
    {
        Instant start = At("2025-03-08 10:00");
        Assert.Equal(start + Duration.FromHours(4), DeadlineRule.WithinBusinessTime(Duration.FromHours(4)).GetDeadline(start, BusinessCalendar.AlwaysOpen, null));
    }
}
