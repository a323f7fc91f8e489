// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using NodaTime.Text;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Policies;

/// <summary>
/// Every shipped language has every customer-facing key of the English resources (policy text, rule text, status
/// text), no key English lacks, and the same placeholders in each text; its date patterns parse; and no text is left
/// in English by mistake where English is not the language.
/// </summary>
public class CustomerTextResourceTests
{
    private static readonly Regex Placeholder = new(@"\{(\d+)[^}]*\}", RegexOptions.CultureInvariant);

    public static TheoryData<string, string> ResourcesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (string resources in new[] { "PolicyText", "RuleText", "StatusText" })
        {
            foreach (string language in ShippedLanguages())
            {
                data.Add(resources, language);
            }
        }
        return data;
    }

    /// <summary>The languages of the satellite assemblies next to the library, which is what the package ships.</summary>
    private static IEnumerable<string> ShippedLanguages()
    {
        string folder = Path.GetDirectoryName(typeof(ServiceLevelPolicy).Assembly.Location)!;
        return Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "ServicePolicy.resources.dll")))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal);
    }

    [Fact]
    public void ShippedLanguages_AreFrenchAndGerman()
    {
        Assert.Equal(["de", "fr"], ShippedLanguages());
    }

    [Theory]
    [MemberData(nameof(ResourcesAndLanguages))]
    public void EveryKey_IsTranslated_WithTheSamePlaceholders(string resources, string language)
    {
        ResourceManager manager = Manager(resources);
        Dictionary<string, string> english = Entries(manager, CultureInfo.InvariantCulture);
        Dictionary<string, string> translated = Entries(manager, CultureInfo.GetCultureInfo(language));

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        foreach ((string key, string text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(translated[key])), $"{resources}.{language} '{key}': '{translated[key]}' has other placeholders than '{text}'.");
        }
    }

    [Theory]
    [MemberData(nameof(ResourcesAndLanguages))]
    public void Sentences_AreNotLeftInEnglish(string resources, string language)
    {
        ResourceManager manager = Manager(resources);
        Dictionary<string, string> english = Entries(manager, CultureInfo.InvariantCulture);
        Dictionary<string, string> translated = Entries(manager, CultureInfo.GetCultureInfo(language));
        // Text of four words or more is a sentence or phrase a translator must have written; shorter ones ("UTC",
        // "{0}, {1}") and date patterns may rightly be the same in every language.
        string[] untranslated = english.Where(e => !e.Key.StartsWith("Pattern.", StringComparison.Ordinal) && e.Value.Split(' ').Length >= 4 && translated[e.Key] == e.Value).Select(e => e.Key).ToArray();
        Assert.Empty(untranslated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr")]
    [InlineData("de")]
    public void DatePatterns_ParseInTheirCulture(string language)
    {
        CultureInfo culture = CultureInfo.GetCultureInfo(language);
        foreach ((string key, string pattern) in Entries(StatusText.ResourceManager, culture).Concat(Entries(RuleText.ResourceManager, culture))
            .Where(e => e.Key.StartsWith("Pattern.", StringComparison.Ordinal)))
        {
            LocalDateTimePattern parsed = LocalDateTimePattern.Create(pattern, culture);
            Assert.False(string.IsNullOrWhiteSpace(parsed.Format(new NodaTime.LocalDateTime(2026, 11, 23, 12, 40))), key);
        }
    }

    [Fact]
    public void PluralRule_IsOneOfTheKnownRules()
    {
        foreach (string language in ShippedLanguages().Append(""))
        {
            Assert.Contains(RuleText.Get("Plural.Rule", CultureInfo.GetCultureInfo(language)), new[] { "One", "BelowTwo" });
        }
    }

    private static ResourceManager Manager(string resources) => resources switch
    {
        "PolicyText" => PolicyDescription.ResourceManager,
        "RuleText" => RuleText.ResourceManager,
        _ => StatusText.ResourceManager,
    };

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        ResourceSet set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{manager.BaseName} has no resources for '{culture.Name}'.");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            entries.Add((string)entry.Key, (string)entry.Value!);
        }
        return entries;
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder.Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
}
