// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using ServicePolicy.Tests.Configuration;
using Xunit;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>The configuration binder and validator on mutated valid configurations (issue 15): every outcome is a
/// catalogue or validation errors (an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>, which
/// <see cref="ConfigurationFixtures.Errors"/> unpacks), each error starting with its configuration path; never another
/// exception, and every case under <see cref="FuzzBudget"/>. Fixed seed, so a failure reproduces.</summary>
public class ConfigurationFuzzTests
{
    private const int Cases = 1500;
    private const string Calendar = "ServicePolicy:Calendars:uk-office";
    private const string Chain = "ServicePolicy:EscalationChains:ladder";
    private const string Policy = "ServicePolicy:Policies:standard";

    /// <summary>Keys a mutation may set, besides the ones the valid configuration has.</summary>
    private static readonly string[] Keys =
    {
        $"{Calendar}:TimeZone", $"{Calendar}:Hours", $"{Calendar}:Holidays:1", $"{Calendar}:SpecialDays:2026-12-24",
        $"{Calendar}:Closures:0:Start", $"{Calendar}:Closures:0:End", $"{Chain}:EffectiveFrom", $"{Chain}:Version",
        $"{Chain}:Levels:1:Delay", $"{Chain}:Warnings:0:Percent", $"{Chain}:Warnings:1:LeadTime", $"{Chain}:Warnings:1:Recipient",
        $"{Policy}:Targets:FirstResponse:Deadline", $"{Policy}:Targets:Resolution:Deadline", $"{Policy}:Targets:Resolution:AtRisk:Percent",
        $"{Policy}:Targets:Resolution:AtRisk:LeadTime", $"{Policy}:Calendar", $"{Policy}:Version", $"{Policy}:Unknown",
        "ServicePolicy:Calendars:other:TimeZone", "ServicePolicy:Calendars:other:SpecialDays:9999-12-31", $"{Calendar}:SpecialDays:1500-01-01",
    };

    /// <summary>Extreme and malformed values.</summary>
    private static readonly string?[] Values =
    {
        null, "", " ", "9999-12-31", "-9998-01-01", "1500-06-01", "2250-01-01", "1700-01-01", "9999-12-31T23:59:59-18:00",
        "-9998-01-01T00:00:00+18:00", "9999-12-31T20:00", "2026-03-29T01:30", "16777215 days", "36500 days", "36501 days",
        "876000 hours", "1 nanosecond", "P16777215D", "0", "-1", "100", "99.9999999", "NaN", "1e309", "2147483648",
        "Mon-Fri 09:00-17:00", "Mon-Sun 00:00-24:00", "09:00-13:00", "24:00-09:00", "America/New_York", "Europe/Londn",
        "uk-office", "owner", "nowhere", "Etc/GMT+14", "4 business hours", new string('z', 5_000),
    };

    [Fact]
    public void Mutated_configurations_bind_to_a_catalogue_or_to_errors_with_their_paths()
    {
        var random = new Random(15_002);
        for (int i = 0; i < Cases; i++)
        {
            Dictionary<string, string?> settings = ConfigurationFixtures.ValidWithChain();
            var changes = new List<string>();
            int mutations = random.Next(1, 4);
            for (int m = 0; m < mutations; m++)
            {
                string key = random.Next(3) == 0 ? settings.Keys.ElementAt(random.Next(settings.Count)) : Keys[random.Next(Keys.Length)];
                string? value = random.Next(4) == 0 && settings.TryGetValue(key, out string? old) && old is not null
                    ? Mutate(random, old)
                    : Values[random.Next(Values.Length)];
                settings[key] = value;
                changes.Add($"{key}={(value is { Length: > 60 } ? value[..60] + "..." : value)}");
            }
            string input = string.Join("; ", changes);
            IReadOnlyList<string> errors = Array.Empty<string>();
            Exception? thrown = FuzzBudget.Run(input, () => errors = ConfigurationFixtures.Errors(settings));

            Assert.True(thrown is null, $"Configuration {FuzzBudget.Describe(input)} threw instead of failing validation: {thrown}");
            Assert.All(errors, e => Assert.StartsWith("ServicePolicy", e, StringComparison.Ordinal));
        }
    }

    private static string Mutate(Random random, string value)
    {
        int at = random.Next(value.Length + 1);
        return random.Next(3) switch
        {
            0 => value.Insert(at, random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture)),
            1 => value[..at],
            _ => value.Insert(at, ((char)random.Next(0x20, 0x7F)).ToString()),
        };
    }
}
