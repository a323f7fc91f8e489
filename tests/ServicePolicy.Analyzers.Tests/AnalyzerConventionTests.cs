// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// Architecture tests: every analyzer is sealed and declared for C#, and every
/// rule has a help link to its page, the page exists, and the rule is tracked in the release files.
/// </summary>
public class AnalyzerConventionTests
{
    public static TheoryData<string> AnalyzerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Descriptors).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Analyzer_FollowsConventions(string typeName)
    {
        var type = typeof(Descriptors).Assembly.GetType(typeName)!;
        Assert.True(type.IsSealed, $"{type.Name} should be sealed");
        var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal([LanguageNames.CSharp], attribute.Languages);

        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        var repository = RepositoryRoot();
        var unshipped = File.ReadAllText(Path.Combine(repository, "analyzers", "ServicePolicy.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(repository, "analyzers", "ServicePolicy.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.Matches("^SP1[0-9]{3}$", descriptor.Id);
            Assert.Equal(Descriptors.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.True(
                File.Exists(Path.Combine(repository, "docs", "analyzers", descriptor.Id + ".md")),
                $"docs/analyzers/{descriptor.Id}.md should exist");
            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryRuleId_HasExactlyOneAnalyzer()
    {
        var ids = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .Order()
            .ToArray();
        Assert.Equal(
            [DiagnosticIds.InteractionWithoutOwner, DiagnosticIds.InteractionWithoutFollowUpDeadline, DiagnosticIds.InteractionMemberSetToNullOrDefault],
            ids);
    }

    /// <summary>The repository root, recorded by the test project at build time (source paths are mapped to /_/ in CI
    /// builds, so [CallerFilePath] cannot be used, and the binary may live outside the repository).</summary>
    private static string RepositoryRoot() =>
        typeof(AnalyzerConventionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;
}
