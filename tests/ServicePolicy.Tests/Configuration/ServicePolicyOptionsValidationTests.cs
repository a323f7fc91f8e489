// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Catalog;
using ServicePolicy.Configuration;
using Xunit;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>One test per kind of validation error, each asserting the configuration path the message starts with.</summary>
public class ServicePolicyOptionsValidationTests
{
    [Fact]
    public void Validate_ValidConfiguration_HasNoErrors()
    {
        Assert.Empty(Errors(Valid()));
    }

    [Fact]
    public void Validate_UnknownTimeZone_NamesPathAndSuggests()
    {
        Assert.Equal(
            "ServicePolicy:Calendars:uk-office:TimeZone: time zone 'Europe/Londn' is not a known IANA (TZDB) id (did you mean 'Europe/London'?)",
            SingleError(With(("ServicePolicy:Calendars:uk-office:TimeZone", "Europe/Londn"))));
    }

    [Fact]
    public void Validate_MissingTimeZone_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:Calendars:uk-office:TimeZone: a time zone is required, such as 'Europe/London'",
            SingleError(With(("ServicePolicy:Calendars:uk-office:TimeZone", null))));
    }

    [Fact]
    public void Validate_BadHoursText_NamesPathPositionAndExpectation()
    {
        string error = SingleError(With(("ServicePolicy:Calendars:uk-office:Hours", "Mon-Fry 09:00-17:00")));
        Assert.StartsWith("ServicePolicy:Calendars:uk-office:Hours: Invalid business hours 'Mon-Fry 09:00-17:00': expected ", error, StringComparison.Ordinal);
        Assert.Contains("at position 5", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadHolidayDate_NamesPathWithIndex()
    {
        Assert.Equal(
            "ServicePolicy:Calendars:uk-office:Holidays:0: '2026-13-25' is not a date in the form yyyy-MM-dd",
            SingleError(With(("ServicePolicy:Calendars:uk-office:Holidays:0", "2026-13-25"))));
    }

    [Fact]
    public void Validate_BadSpecialDay_NamesPath()
    {
        string error = SingleError(With(("ServicePolicy:Calendars:uk-office:SpecialDays:2026-12-24", "09:00-1300")));
        Assert.StartsWith("ServicePolicy:Calendars:uk-office:SpecialDays:2026-12-24: Invalid business hours '09:00-1300'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClosureEndingBeforeItStarts_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:Calendars:uk-office:Closures:0:End: the closure must end after it starts ('2026-06-01T08:00' is not after '2026-06-01T09:00')",
            SingleError(With(
                ("ServicePolicy:Calendars:uk-office:Closures:0:Start", "2026-06-01T09:00"),
                ("ServicePolicy:Calendars:uk-office:Closures:0:End", "2026-06-01T08:00"))));
    }

    [Fact]
    public void Validate_MissingHolidayFile_NamesPath()
    {
        string error = SingleError(With(("ServicePolicy:Calendars:uk-office:HolidayFiles:0", "no-such-holidays.ics")));
        Assert.StartsWith("ServicePolicy:Calendars:uk-office:HolidayFiles:0: iCalendar file 'no-such-holidays.ics' was not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_RelativeHolidayFile_ResolvesAgainstBaseDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"sp-base-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "calendars"));
        File.WriteAllText(Path.Combine(directory, "calendars", "team.ics"),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:h@t\r\nDTSTART;VALUE=DATE:20260603\r\nSUMMARY:Team day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        try
        {
            Dictionary<string, string?> settings = With(
                ("ServicePolicy:Calendars:uk-office:BaseDirectory", directory),
                ("ServicePolicy:Calendars:uk-office:HolidayFiles:0", Path.Combine("calendars", "team.ics")));
            using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

            BusinessCalendar calendar = provider.GetRequiredService<IServicePolicyCatalog>().GetCalendar("uk-office");

            Assert.Contains(new LocalDate(2026, 6, 3), calendar.Holidays);
            // Without the base directory, the same relative path is looked for under AppContext.BaseDirectory.
            settings.Remove("ServicePolicy:Calendars:uk-office:BaseDirectory");
            Assert.StartsWith(
                $"ServicePolicy:Calendars:uk-office:HolidayFiles:0: iCalendar file '{Path.Combine("calendars", "team.ics")}' was not found "
                + $"(looked for '{Path.Combine(AppContext.BaseDirectory, "calendars", "team.ics")}')",
                SingleError(settings), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Validate_HolidayFileWithSubDailyRule_NamesPathLineAndRule()
    {
        string file = Path.Combine(Path.GetTempPath(), $"sp-minutely-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260101T090000\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        try
        {
            string error = SingleError(With(("ServicePolicy:Calendars:uk-office:HolidayFiles:0", file)));
            Assert.StartsWith($"ServicePolicy:Calendars:uk-office:HolidayFiles:0: iCalendar file '{file}' could not be read: ", error, StringComparison.Ordinal);
            Assert.Contains("line 4: RRULE 'FREQ=MINUTELY' repeats more often than daily", error, StringComparison.Ordinal);
            Assert.EndsWith(" See docs/limits.md#icalendar.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validate_MalformedHolidayFile_NamesPath()
    {
        string file = Path.Combine(Path.GetTempPath(), $"sp-bad-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, "BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n");
        try
        {
            string error = SingleError(With(("ServicePolicy:Calendars:uk-office:HolidayFiles:0", file)));
            Assert.StartsWith($"ServicePolicy:Calendars:uk-office:HolidayFiles:0: iCalendar file '{file}' could not be read: ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validate_BadDeadlineExpression_NamesPathAndPosition()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline: Invalid deadline expression '4 busines hours': expected 'business' or a unit (days, hours, minutes, seconds) at position 3, found 'busines'.",
            SingleError(With(("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "4 busines hours"))));
    }

    [Fact]
    public void Validate_AppointmentRuleOnOtherKind_NamesPath()
    {
        string error = SingleError(With(("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "appointment window of 4 hours")));
        Assert.StartsWith("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline: Rule ", error, StringComparison.Ordinal);
        Assert.Contains("only Appointment targets use it", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedCalendar_NamesPathAndSuggests()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Calendar: calendar 'uk-offce' is not defined (did you mean 'uk-office'?)",
            SingleError(With(("ServicePolicy:Policies:standard:Calendar", "uk-offce"))));
    }

    [Fact]
    public void Validate_UndefinedTargetCalendar_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Targets:FirstResponse:Calendar: calendar 'paris' is not defined",
            SingleError(With(("ServicePolicy:Policies:standard:Targets:FirstResponse:Calendar", "paris"))));
    }

    [Fact]
    public void Validate_UnknownCommitmentKind_NamesPathAndSuggests()
    {
        string error = SingleError(With(("ServicePolicy:Policies:standard:Targets:FirstRespons:Deadline", "1 hour")));
        Assert.StartsWith("ServicePolicy:Policies:standard:Targets:FirstRespons: 'FirstRespons' is not a kind of commitment (did you mean 'FirstResponse'?)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServicePolicy:Policies:standard:AtRisk:Percent", "120")]
    [InlineData("ServicePolicy:Policies:standard:AtRisk:Percent", "0")]
    [InlineData("ServicePolicy:Policies:standard:Targets:FirstResponse:AtRisk:Percent", "100")]
    public void Validate_ThresholdOutOfRange_NamesPath(string key, string value)
    {
        Assert.Equal(
            $"{key}: {value} is out of range: expected more than 0 and less than 100",
            SingleError(With((key, value))));
    }

    [Fact]
    public void Validate_BadLeadTime_NamesPath()
    {
        string error = SingleError(With(("ServicePolicy:Policies:standard:AtRisk:Before", "30 minuets")));
        Assert.StartsWith("ServicePolicy:Policies:standard:AtRisk:Before: Invalid duration '30 minuets': expected a unit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VersionOutOfRange_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Version: version 0 is out of range: expected 1 or more",
            SingleError(With(("ServicePolicy:Policies:standard:Version", "0"))));
    }

    [Fact]
    public void Validate_UnconvertibleValue_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Version: value 'two' is not a valid whole number",
            SingleError(With(("ServicePolicy:Policies:standard:Version", "two"))));
    }

    [Fact]
    public void Validate_PauseOfAppointment_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Pause:WaitingOnCustomer:1: the pause rule for WaitingOnCustomer pauses Appointment, but an appointment window is a fixed time and cannot be paused",
            SingleError(With(
                ("ServicePolicy:Policies:standard:Pause:WaitingOnCustomer:0", "Resolution"),
                ("ServicePolicy:Policies:standard:Pause:WaitingOnCustomer:1", "Appointment"))));
    }

    [Fact]
    public void Validate_UnknownPauseReason_NamesPath()
    {
        string error = SingleError(With(("ServicePolicy:Policies:standard:Pause:WaitingOnCustomr:0", "Resolution")));
        Assert.StartsWith("ServicePolicy:Policies:standard:Pause:WaitingOnCustomr: 'WaitingOnCustomr' is not a reason for waiting (did you mean 'WaitingOnCustomer'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadRemedy_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:Policies:standard:Targets:Resolution:Remedies:0:Currency: Currency 'pounds' is not an ISO 4217 code of three letters such as 'GBP'",
            SingleError(With(
                ("ServicePolicy:Policies:standard:Targets:Resolution:Remedies:0:Kind", "Credit"),
                ("ServicePolicy:Policies:standard:Targets:Resolution:Remedies:0:Amount", "10"),
                ("ServicePolicy:Policies:standard:Targets:Resolution:Remedies:0:Currency", "pounds"))));
    }

    [Fact]
    public void Validate_NoTargets_NamesPath()
    {
        Dictionary<string, string?> settings = Valid();
        settings.Remove("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline");
        settings.Remove("ServicePolicy:Policies:standard:Targets:Resolution:Deadline");
        Assert.StartsWith("ServicePolicy:Policies:standard:Targets: no targets are defined", SingleError(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoPolicies_NamesPath()
    {
        Dictionary<string, string?> settings = Valid();
        foreach (string key in settings.Keys.Where(k => k.StartsWith("ServicePolicy:Policies", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }
        Assert.StartsWith("ServicePolicy:Policies: no policies are defined", SingleError(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PolicySetWithoutFallback_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:PolicySet:Fallback: a policy set needs a fallback policy for interactions no other policy matches",
            SingleError(With(("ServicePolicy:PolicySet:Order:0", "standard"))));
    }

    [Fact]
    public void Validate_PolicySetNamingUndefinedPolicy_NamesPath()
    {
        Assert.Equal(
            "ServicePolicy:PolicySet:Fallback: policy 'standrd' is not defined (did you mean 'standard'?)",
            SingleError(With(("ServicePolicy:PolicySet:Fallback", "standrd"))));
    }

    [Fact]
    public void Validate_DuplicateNameInPolicySet_NamesPath()
    {
        Dictionary<string, string?> settings = With(
            ("ServicePolicy:Policies:vip:Calendar", "uk-office"),
            ("ServicePolicy:Policies:vip:Targets:FirstResponse:Deadline", "1 business hour"),
            ("ServicePolicy:PolicySet:Order:0", "vip"),
            ("ServicePolicy:PolicySet:Order:1", "VIP"),
            ("ServicePolicy:PolicySet:Fallback", "standard"));
        Assert.Equal("ServicePolicy:PolicySet:Order:1: policy 'VIP' is listed more than once", SingleError(settings));
    }

    [Fact]
    public void Validate_DuplicateCalendarName_AcrossConfigurationAndCode_NamesPath()
    {
        var services = new ServiceCollection();
        services.AddServicePolicy(new ConfigurationBuilder().AddInMemoryCollection(Valid()).Build().GetSection("ServicePolicy"));
        services.AddServicePolicy(b => b.AddCalendar(BusinessCalendar.Create("UK-Office", "Europe/London", "Mon-Fri 08:00-16:00")));
        using ServiceProvider provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IServicePolicyCatalogProvider>().Current);
        Assert.Equal("ServicePolicy:Calendars:UK-Office: calendar 'UK-Office' is defined more than once", Assert.Single(e.Failures));
    }

    [Fact]
    public void Validate_UnknownKey_NamesPathAndSuggests()
    {
        string error = SingleError(With(("ServicePolicy:Policies:standard:Calender", "uk-office")));
        Assert.StartsWith("ServicePolicy:Policies:standard:Calender: unknown setting 'Calender' (did you mean 'Calendar'?); expected one of Version, Calendar, ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostingSection_IsLeftToTheHostingPackage()
    {
        // ServicePolicy:Hosting sits beside the policies (docs/hosting.md); the core neither binds nor reports it.
        Assert.Empty(Errors(With(("ServicePolicy:Hosting:Timer:BatchSize", "50"), ("ServicePolicy:Hosting:Sqlite:DataSource", "desk.db"))));
    }

    [Theory]
    [InlineData("ServicePolicy:Policies:standard:Targets:FirstResponse:Dedline", "Dedline", "Deadline")]
    [InlineData("ServicePolicy:Calendars:uk-office:Timezone2", "Timezone2", "TimeZone")]
    [InlineData("ServicePolicy:Polices:standard:Calendar", "Polices", "Policies")]
    public void Validate_UnknownNestedKey_NamesPath(string key, string name, string suggestion)
    {
        string error = SingleError(With((key, "x")));
        string path = key.Substring(0, key.IndexOf(name, StringComparison.Ordinal) + name.Length);
        Assert.StartsWith($"{path}: unknown setting '{name}' (did you mean '{suggestion}'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralErrors_ReportsAllOfThem()
    {
        Dictionary<string, string?> settings = With(
            ("ServicePolicy:Calendars:uk-office:TimeZone", "Europe/Londn"),
            ("ServicePolicy:Calendars:us-office:TimeZone", "America/New_York"),
            ("ServicePolicy:Calendars:us-office:Hours", "Mon-Fri 9-5"),
            ("ServicePolicy:Policies:standard:Calendar", "uk-offce"),
            ("ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline", "soon"),
            ("ServicePolicy:Policies:standard:AtRisk:Percent", "150"),
            ("ServicePolicy:Policies:standard:Colour", "blue"),
            ("ServicePolicy:PolicySet:Order:0", "standard"));
        IReadOnlyList<string> errors = Errors(settings);
        string[] paths = errors.Select(e => e.Substring(0, e.IndexOf(": ", StringComparison.Ordinal))).ToArray();
        Assert.Equal(
            new[]
            {
                "ServicePolicy:Calendars:uk-office:TimeZone",
                "ServicePolicy:Calendars:us-office:Hours",
                "ServicePolicy:Policies:standard:AtRisk:Percent",
                "ServicePolicy:Policies:standard:Calendar",
                "ServicePolicy:Policies:standard:Colour",
                "ServicePolicy:Policies:standard:Targets:FirstResponse:Deadline",
                "ServicePolicy:PolicySet:Fallback",
            },
            paths.Order(StringComparer.Ordinal).ToArray());
    }
}
