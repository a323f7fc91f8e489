// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServicePolicy.Catalog;
using ServicePolicy.Escalation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Configuration.ConfigurationFixtures;

namespace ServicePolicy.Tests.Configuration;

/// <summary>On-call rotas of several weeks and their overrides in configuration: what they bind to, and every error
/// with its path.</summary>
public class RotaConfigurationTests
{
    private const string Rota = "ServicePolicy:Rotas:sre";

    // Alice, Bob and Carol a week each from Mondays 09:00 (week 1 from 2 March 2026); Sam covers for Bob on 9-11 March
    // (dates: through the end of the 11th), Kim for whoever is on call one evening.
    private static Dictionary<string, string?> Settings(params string[] changes)
    {
        Dictionary<string, string?> settings = With(
            ($"{Rota}:TimeZone", "Europe/London"),
            ($"{Rota}:CycleWeeks", "3"),
            ($"{Rota}:CycleStart", "2026-03-02"),
            ($"{Rota}:HandOvers:0:Week", "1"),
            ($"{Rota}:HandOvers:0:Day", "Mon"),
            ($"{Rota}:HandOvers:0:At", "09:00"),
            ($"{Rota}:HandOvers:0:Person", "alice"),
            ($"{Rota}:HandOvers:1:Week", "2"),
            ($"{Rota}:HandOvers:1:Day", "Mon"),
            ($"{Rota}:HandOvers:1:At", "09:00"),
            ($"{Rota}:HandOvers:1:Person", "bob"),
            ($"{Rota}:HandOvers:2:Week", "3"),
            ($"{Rota}:HandOvers:2:Day", "Mon"),
            ($"{Rota}:HandOvers:2:At", "09:00"),
            ($"{Rota}:HandOvers:2:Person", "carol"),
            ($"{Rota}:Overrides:0:Person", "sam"),
            ($"{Rota}:Overrides:0:CoversFor", "bob"),
            ($"{Rota}:Overrides:0:From", "2026-03-09"),
            ($"{Rota}:Overrides:0:To", "2026-03-11"),
            ($"{Rota}:Overrides:1:Person", "kim"),
            ($"{Rota}:Overrides:1:From", "2026-03-04T18:00"),
            ($"{Rota}:Overrides:1:To", "2026-03-05T08:00:00"));
        foreach (string change in changes)
        {
            int equals = change.IndexOf('=', StringComparison.Ordinal);
            settings[change.StartsWith("ServicePolicy:", StringComparison.Ordinal) ? change[..equals] : $"{Rota}:{change[..equals]}"] = change[(equals + 1)..];
        }
        return settings;
    }

    [Theory]
    //          London time          on call
    [InlineData("2026-03-02 08:59", "carol")]
    [InlineData("2026-03-02 09:00", "alice")]
    [InlineData("2026-03-04 18:00", "kim")]
    [InlineData("2026-03-05 08:00", "alice")]
    [InlineData("2026-03-09 08:59", "alice")] // Sam's override has started; Bob's shift has not
    [InlineData("2026-03-09 09:00", "sam")]
    [InlineData("2026-03-11 23:59", "sam")]
    [InlineData("2026-03-12 00:00", "bob")]   // "To": "2026-03-11" runs through the 11th
    [InlineData("2026-03-16 09:00", "carol")]
    [InlineData("2026-03-30 09:00", "bob")]   // week 2 again, after the clocks went forward
    public void Bind_RotaOfThreeWeeksWithOverrides_OnCall(string local, string person)
    {
        using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build());
        WeeklyRota rota = provider.GetRequiredService<IServicePolicyCatalog>().Rotas["sre"];

        Assert.Equal("sre (Europe/London, every 3 weeks from 2026-03-02, 3 hand-overs, 2 overrides)", rota.ToString());
        Assert.Equal(person, rota.OnCallAt(At(local)));
    }

    [Fact]
    public void Bind_WeeklyRotaWithAnOverride_NeedsNoWeeks()
    {
        using ServiceProvider provider = Services(new ConfigurationBuilder().AddInMemoryCollection(With(
            ("ServicePolicy:Rotas:desk:TimeZone", "America/New_York"),
            ("ServicePolicy:Rotas:desk:HandOvers:0:Day", "Monday"),
            ("ServicePolicy:Rotas:desk:HandOvers:0:At", "09:00"),
            ("ServicePolicy:Rotas:desk:HandOvers:0:Person", "alex"),
            ("ServicePolicy:Rotas:desk:Overrides:0:Person", "sam"),
            ("ServicePolicy:Rotas:desk:Overrides:0:From", "2026-03-08T02:30"), // in the gap: from 03:00 EDT
            ("ServicePolicy:Rotas:desk:Overrides:0:To", "2026-03-08T09:00"))).Build());
        WeeklyRota rota = provider.GetRequiredService<IServicePolicyCatalog>().Rotas["desk"];

        Assert.Equal((1, (LocalDate?)null, 1), (rota.CycleWeeks, rota.CycleStart, rota.OverrideCount));
        Assert.Equal("alex", rota.OnCallAt(Instant.FromUtc(2026, 3, 8, 6, 59)));
        Assert.Equal("sam", rota.OnCallAt(Instant.FromUtc(2026, 3, 8, 7, 0)));
        Assert.Equal("alex", rota.OnCallAt(Instant.FromUtc(2026, 3, 8, 13, 0)));
    }

    [Theory]
    [InlineData($"{Rota}:CycleWeeks: 0 is not a number of weeks from 1 to 52", "CycleWeeks=0")]
    [InlineData($"{Rota}:CycleWeeks: 53 is not a number of weeks from 1 to 52, the longest rota cycle. See docs/limits.md#rota-cycle.", "CycleWeeks=53")]
    [InlineData($"{Rota}:CycleWeeks: value 'three' is not a valid", "CycleWeeks=three")]
    [InlineData($"{Rota}:CycleStart: a rota that repeats every 3 weeks needs the first day of its week 1, such as '2026-03-02'", "CycleStart=")]
    [InlineData($"{Rota}:CycleStart: '2026-02-30' is not a date in the form yyyy-MM-dd", "CycleStart=2026-02-30")]
    [InlineData($"{Rota}:CycleStart: date '1500-03-02' is outside the supported range of dates", "CycleStart=1500-03-02")]
    [InlineData($"{Rota}:HandOvers:1:Week: the rota repeats every 3 weeks: say which week (1 to 3) this hand-over is in", "HandOvers:1:Week=")]
    [InlineData($"{Rota}:HandOvers:2:Week: week 4 is not in the cycle: expected 1 to 3, the rota's CycleWeeks", "HandOvers:2:Week=4")]
    [InlineData($"{Rota}:HandOvers:1: Rota 'sre' already hands over to 'alice' on Monday of week 1 at 09:00:00", "HandOvers:1:Week=1")]
    [InlineData($"{Rota}:Overrides:0:From: a date such as '2027-03-01' or a local date and time such as '2027-03-01T09:00' is required", "Overrides:0:From=")]
    [InlineData($"{Rota}:Overrides:0:To: '14 March' is not a date such as '2027-03-01' or a local date and time such as '2027-03-01T09:00'", "Overrides:0:To=14 March")]
    [InlineData($"{Rota}:Overrides:0:From: date and time '1500-03-09' is outside the supported range of dates", "Overrides:0:From=1500-03-09")]
    [InlineData($"{Rota}:Overrides:0:Person: the id of the person on call instead is required", "Overrides:0:Person=")]
    [InlineData($"{Rota}:Overrides:0:CoversFor: 'bobb' has no hand-over in this rota (did you mean 'bob'?)", "Overrides:0:CoversFor=bobb")]
    [InlineData($"{Rota}:Overrides:0: Rota 'sre': the override 'sam' for 'bob' from 2026-03-09T00:00 to 2026-03-09T00:00 covers no time: its end must be after its start in Europe/London",
        "Overrides:0:To=2026-03-08")]
    [InlineData($"{Rota}:Overrides:1: Rota 'sre': the override 'kim' from 2026-03-10T00:00 to 2026-03-10T12:00 overlaps the override 'sam' for 'bob' from 2026-03-09T00:00 to 2026-03-12T00:00; overrides may overlap only when each covers for a different person",
        "Overrides:1:From=2026-03-10", "Overrides:1:To=2026-03-10T12:00")]
    [InlineData($"{Rota}:Overides: unknown setting 'Overides' (did you mean 'Overrides'?)", "Overides:0:Person=x")]
    [InlineData($"{Rota}:Overrides:0:CoverFor: unknown setting 'CoverFor' (did you mean 'CoversFor'?)", "Overrides:0:CoverFor=bob")]
    [InlineData("ServicePolicy:Rotas:desk:HandOvers:0:Week: week 2 is not in the cycle: a rota of one week has only week 1 (set CycleWeeks for a longer cycle)",
        "ServicePolicy:Rotas:desk:TimeZone=UTC", "ServicePolicy:Rotas:desk:HandOvers:0:Week=2", "ServicePolicy:Rotas:desk:HandOvers:0:Day=Mon",
        "ServicePolicy:Rotas:desk:HandOvers:0:At=09:00", "ServicePolicy:Rotas:desk:HandOvers:0:Person=x")]
    public void Validate_BadRotaSetting_IsTheOnlyErrorWithItsPath(string expected, params string[] changes)
    {
        string error = SingleError(Settings(changes));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidRota_HasNoErrors()
    {
        Assert.Empty(Errors(Settings()));
    }
}
